from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







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

        field_dict.update({
            "narrative": narrative,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        narrative = d.pop("narrative")

        update_report = cls(
            narrative=narrative,
        )

        return update_report

