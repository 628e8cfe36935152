from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UpdateReport")


@_attrs_define
class UpdateReport:
    """
    Attributes:
        narrative (str):
    """

    narrative: str

    def to_dict(self) -> dict[str, Any]:
        narrative = self.narrative

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "narrative": narrative,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        narrative = d.pop("narrative")

        update_report = cls(
            narrative=narrative,
        )

        return update_report
