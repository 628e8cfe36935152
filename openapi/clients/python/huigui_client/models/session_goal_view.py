from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_type import SessionType

T = TypeVar("T", bound="SessionGoalView")


@_attrs_define
class SessionGoalView:
    """A goal as stored.

    Attributes:
        per_month (int):
        type_ (SessionType): Session types (also the service categories of procurements and contracts).
    """

    per_month: int
    type_: SessionType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        per_month = self.per_month

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "per_month": per_month,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per_month = d.pop("per_month")

        type_ = SessionType(d.pop("type"))

        session_goal_view = cls(
            per_month=per_month,
            type_=type_,
        )

        session_goal_view.additional_properties = d
        return session_goal_view

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
