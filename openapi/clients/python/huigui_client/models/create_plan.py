from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monthly_hours import MonthlyHours
    from ..models.session_goal_body import SessionGoalBody


T = TypeVar("T", bound="CreatePlan")


@_attrs_define
class CreatePlan:
    """A new plan version (versions are never changed).

    Attributes:
        effective_from (datetime.date): The current month or later, and not before the newest version's.
        notes (str):
        reason (str): Why the plan is set or changed.
        session_goals (list[SessionGoalBody]): Each session type at most once.
        monthly_hours (MonthlyHours | Unset): Monthly hours a plan sets in place of the supervision-level policy
            while it is in effect (absent: the policy applies).
    """

    effective_from: datetime.date
    notes: str
    reason: str
    session_goals: list[SessionGoalBody]
    monthly_hours: MonthlyHours | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        notes = self.notes

        reason = self.reason

        session_goals = []
        for session_goals_item_data in self.session_goals:
            session_goals_item = session_goals_item_data.to_dict()
            session_goals.append(session_goals_item)

        monthly_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monthly_hours, Unset):
            monthly_hours = self.monthly_hours.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "notes": notes,
                "reason": reason,
                "session_goals": session_goals,
            }
        )
        if monthly_hours is not UNSET:
            field_dict["monthly_hours"] = monthly_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monthly_hours import MonthlyHours  # noqa: PLC0415
        from ..models.session_goal_body import SessionGoalBody  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        notes = d.pop("notes")

        reason = d.pop("reason")

        session_goals = []
        _session_goals = d.pop("session_goals")
        for session_goals_item_data in _session_goals:
            session_goals_item = SessionGoalBody.from_dict(session_goals_item_data)

            session_goals.append(session_goals_item)

        _monthly_hours = d.pop("monthly_hours", UNSET)
        monthly_hours: MonthlyHours | Unset
        if isinstance(_monthly_hours, Unset):
            monthly_hours = UNSET
        else:
            monthly_hours = MonthlyHours.from_dict(_monthly_hours)

        create_plan = cls(
            effective_from=effective_from,
            notes=notes,
            reason=reason,
            session_goals=session_goals,
            monthly_hours=monthly_hours,
        )

        return create_plan
