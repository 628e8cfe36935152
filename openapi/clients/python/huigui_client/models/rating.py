from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Rating")


@_attrs_define
class Rating:
    """A satisfaction rating.

    Attributes:
        rating (int): 1 (poor) – 5 (excellent).
    """

    rating: int

    def to_dict(self) -> dict[str, Any]:
        rating = self.rating

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rating": rating,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rating = d.pop("rating")

        rating = cls(
            rating=rating,
        )

        return rating
