from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_state import GoalState
from ..models.session_type import SessionType

T = TypeVar("T", bound="GoalInMonth")


@_attrs_define
class GoalInMonth:
    """A plan's session goal in a month: sessions of the type attended (present,
    late or left early) against the goal.

        Attributes:
            attended (int):
            per_month (int):
            status (GoalState): A plan goal in a month: `met`, `missed` (the month ended short of it) or `open`.
            type_ (SessionType): Session types (also the service categories of procurements and contracts).
    """

    attended: int
    per_month: int
    status: GoalState
    type_: SessionType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attended = self.attended

        per_month = self.per_month

        status = self.status.value

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attended": attended,
                "per_month": per_month,
                "status": status,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attended = d.pop("attended")

        per_month = d.pop("per_month")

        status = GoalState(d.pop("status"))

        type_ = SessionType(d.pop("type"))

        goal_in_month = cls(
            attended=attended,
            per_month=per_month,
            status=status,
            type_=type_,
        )

        goal_in_month.additional_properties = d
        return goal_in_month

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
