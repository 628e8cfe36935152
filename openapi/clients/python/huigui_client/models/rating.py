from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Rating")



@_attrs_define
class Rating:
    """ A satisfaction rating.

        Attributes:
            rating (int): 1 (poor) – 5 (excellent).
     """

    rating: int





    def to_dict(self) -> dict[str, Any]:
        rating = self.rating


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rating": rating,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rating = d.pop("rating")

        rating = cls(
            rating=rating,
        )

        return rating

