from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_hours import PlanHours
    from ..models.session_goal_view import SessionGoalView


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """A plan version. `reason` and `monthly_hours` are left out for NGOs (they
    see the goals only), `notes` for everyone but the bureau and the office.

        Attributes:
            created_at (datetime.datetime):
            effective_from (datetime.date):
            id (UUID):
            in_effect (bool): Whether this version is the one in effect for the current month.
            participant_id (UUID):
            session_goals (list[SessionGoalView]):
            version (int):
            monthly_hours (PlanHours | Unset): A plan's monthly hours (absent when the plan leaves the requirement to
                the policy, and for NGOs).
            notes (str | Unset):
            reason (str | Unset):
    """

    created_at: datetime.datetime
    effective_from: datetime.date
    id: UUID
    in_effect: bool
    participant_id: UUID
    session_goals: list[SessionGoalView]
    version: int
    monthly_hours: PlanHours | Unset = UNSET
    notes: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        effective_from = self.effective_from.isoformat()

        id = str(self.id)

        in_effect = self.in_effect

        participant_id = str(self.participant_id)

        session_goals = []
        for session_goals_item_data in self.session_goals:
            session_goals_item = session_goals_item_data.to_dict()
            session_goals.append(session_goals_item)

        version = self.version

        monthly_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monthly_hours, Unset):
            monthly_hours = self.monthly_hours.to_dict()

        notes = self.notes

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "effective_from": effective_from,
                "id": id,
                "in_effect": in_effect,
                "participant_id": participant_id,
                "session_goals": session_goals,
                "version": version,
            }
        )
        if monthly_hours is not UNSET:
            field_dict["monthly_hours"] = monthly_hours
        if notes is not UNSET:
            field_dict["notes"] = notes
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_hours import PlanHours  # noqa: PLC0415
        from ..models.session_goal_view import SessionGoalView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        id = UUID(d.pop("id"))

        in_effect = d.pop("in_effect")

        participant_id = UUID(d.pop("participant_id"))

        session_goals = []
        _session_goals = d.pop("session_goals")
        for session_goals_item_data in _session_goals:
            session_goals_item = SessionGoalView.from_dict(session_goals_item_data)

            session_goals.append(session_goals_item)

        version = d.pop("version")

        _monthly_hours = d.pop("monthly_hours", UNSET)
        monthly_hours: PlanHours | Unset
        if isinstance(_monthly_hours, Unset):
            monthly_hours = UNSET
        else:
            monthly_hours = PlanHours.from_dict(_monthly_hours)

        notes = d.pop("notes", UNSET)

        reason = d.pop("reason", UNSET)

        plan = cls(
            created_at=created_at,
            effective_from=effective_from,
            id=id,
            in_effect=in_effect,
            participant_id=participant_id,
            session_goals=session_goals,
            version=version,
            monthly_hours=monthly_hours,
            notes=notes,
            reason=reason,
        )

        plan.additional_properties = d
        return plan

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
