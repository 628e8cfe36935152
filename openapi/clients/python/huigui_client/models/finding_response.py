from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FindingResponse")


@_attrs_define
class FindingResponse:
    """What the organisation rectified.

    Attributes:
        rectification (str):
    """

    rectification: str

    def to_dict(self) -> dict[str, Any]:
        rectification = self.rectification

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rectification": rectification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rectification = d.pop("rectification")

        finding_response = cls(
            rectification=rectification,
        )

        return finding_response
