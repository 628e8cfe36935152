from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfficeCompliance")


@_attrs_define
class OfficeCompliance:
    """One judicial office's month.

    Attributes:
        at_risk (int):
        met (int):
        no_shows (int): Unexcused absences in sessions of the month.
        not_met (int):
        office_id (UUID):
        office_name (str):
        on_register (int): Active persons under correction.
        open_alerts (int): Alerts not yet resolved (now).
        open_referrals (int): Referrals open or accepted (now).
        overdue_findings (int): Supervision findings addressed to the office, unanswered past their deadline (now).
        overdue_tasks (int): Joint-meeting tasks the office owns that are past their day (now).
    """

    at_risk: int
    met: int
    no_shows: int
    not_met: int
    office_id: UUID
    office_name: str
    on_register: int
    open_alerts: int
    open_referrals: int
    overdue_findings: int
    overdue_tasks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_risk = self.at_risk

        met = self.met

        no_shows = self.no_shows

        not_met = self.not_met

        office_id = str(self.office_id)

        office_name = self.office_name

        on_register = self.on_register

        open_alerts = self.open_alerts

        open_referrals = self.open_referrals

        overdue_findings = self.overdue_findings

        overdue_tasks = self.overdue_tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at_risk": at_risk,
                "met": met,
                "no_shows": no_shows,
                "not_met": not_met,
                "office_id": office_id,
                "office_name": office_name,
                "on_register": on_register,
                "open_alerts": open_alerts,
                "open_referrals": open_referrals,
                "overdue_findings": overdue_findings,
                "overdue_tasks": overdue_tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_risk = d.pop("at_risk")

        met = d.pop("met")

        no_shows = d.pop("no_shows")

        not_met = d.pop("not_met")

        office_id = UUID(d.pop("office_id"))

        office_name = d.pop("office_name")

        on_register = d.pop("on_register")

        open_alerts = d.pop("open_alerts")

        open_referrals = d.pop("open_referrals")

        overdue_findings = d.pop("overdue_findings")

        overdue_tasks = d.pop("overdue_tasks")

        office_compliance = cls(
            at_risk=at_risk,
            met=met,
            no_shows=no_shows,
            not_met=not_met,
            office_id=office_id,
            office_name=office_name,
            on_register=on_register,
            open_alerts=open_alerts,
            open_referrals=open_referrals,
            overdue_findings=overdue_findings,
            overdue_tasks=overdue_tasks,
        )

        office_compliance.additional_properties = d
        return office_compliance

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
