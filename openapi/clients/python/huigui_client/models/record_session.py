from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_type import SessionType

T = TypeVar("T", bound="RecordSession")


@_attrs_define
class RecordSession:
    """One attended session.

    Attributes:
        date (datetime.date):
        hours (float):
        type_ (SessionType): Session types (also the service categories of procurements and contracts).
    """

    date: datetime.date
    hours: float
    type_: SessionType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        hours = self.hours

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "hours": hours,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        hours = d.pop("hours")

        type_ = SessionType(d.pop("type"))

        record_session = cls(
            date=date,
            hours=hours,
            type_=type_,
        )

        record_session.additional_properties = d
        return record_session

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
