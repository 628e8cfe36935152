from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Criterion")


@_attrs_define
class Criterion:
    """An evaluation criterion and its weight (weights sum to 100).

    Attributes:
        name (str):
        weight (int):
    """

    name: str
    weight: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        weight = d.pop("weight")

        criterion = cls(
            name=name,
            weight=weight,
        )

        return criterion
