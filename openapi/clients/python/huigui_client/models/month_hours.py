from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hours_status import HoursStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.earned_hours import EarnedHours
    from ..models.goal_in_month import GoalInMonth
    from ..models.hours_entry import HoursEntry
    from ..models.required_hours import RequiredHours


T = TypeVar("T", bound="MonthHours")


@_attrs_define
class MonthHours:
    """A person's ledger month. `status` is absent for an NGO viewing a person
    under correction: the month's status depends on entries it may not see.

        Attributes:
            balance (float): Sum of the counted entries (all categories); always equals the sum of `earned`.
                For an NGO viewing a person under correction, `earned` and `balance`
                sum only the entries it sees (those from its own sessions).
            closed (bool): A closed month changes only through reversing entries.
            earned (EarnedHours): Earned hours per category.
            entries (list[HoursEntry]):
            goals (list[GoalInMonth]): The plan's session goals in the month (empty without a plan, and for an NGO).
            month (str): `YYYY-MM`.
            participant_id (UUID):
            required (RequiredHours): Hours per category.
            plan_version (int | Unset): The plan version in effect for the month, when there is one (its
                `monthly_hours`, if set, are `required`). Absent for an NGO.
            status (HoursStatus | Unset): A month's status.
    """

    balance: float
    closed: bool
    earned: EarnedHours
    entries: list[HoursEntry]
    goals: list[GoalInMonth]
    month: str
    participant_id: UUID
    required: RequiredHours
    plan_version: int | Unset = UNSET
    status: HoursStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        closed = self.closed

        earned = self.earned.to_dict()

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        month = self.month

        participant_id = str(self.participant_id)

        required = self.required.to_dict()

        plan_version = self.plan_version

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "closed": closed,
                "earned": earned,
                "entries": entries,
                "goals": goals,
                "month": month,
                "participant_id": participant_id,
                "required": required,
            }
        )
        if plan_version is not UNSET:
            field_dict["plan_version"] = plan_version
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.earned_hours import EarnedHours  # noqa: PLC0415
        from ..models.goal_in_month import GoalInMonth  # noqa: PLC0415
        from ..models.hours_entry import HoursEntry  # noqa: PLC0415
        from ..models.required_hours import RequiredHours  # noqa: PLC0415

        d = dict(src_dict)
        balance = d.pop("balance")

        closed = d.pop("closed")

        earned = EarnedHours.from_dict(d.pop("earned"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = HoursEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalInMonth.from_dict(goals_item_data)

            goals.append(goals_item)

        month = d.pop("month")

        participant_id = UUID(d.pop("participant_id"))

        required = RequiredHours.from_dict(d.pop("required"))

        plan_version = d.pop("plan_version", UNSET)

        _status = d.pop("status", UNSET)
        status: HoursStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = HoursStatus(_status)

        month_hours = cls(
            balance=balance,
            closed=closed,
            earned=earned,
            entries=entries,
            goals=goals,
            month=month,
            participant_id=participant_id,
            required=required,
            plan_version=plan_version,
            status=status,
        )

        month_hours.additional_properties = d
        return month_hours

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
