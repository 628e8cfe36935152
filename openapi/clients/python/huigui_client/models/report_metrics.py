from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_metrics_outcomes import ReportMetricsOutcomes


T = TypeVar("T", bound="ReportMetrics")


@_attrs_define
class ReportMetrics:
    """A report's metrics: the KPI metric names of the API, volunteers beside
    them, and outcomes by kind.

        Attributes:
            attendance_rate (float): 0–1.
            counseling_cases (int):
            outcomes (ReportMetricsOutcomes):
            participant_hours (float):
            people_served (int):
            public_welfare_hours (float):
            sessions_education (int):
            sessions_group_counseling (int):
            sessions_individual_counseling (int):
            sessions_public_welfare (int):
            sessions_skills_training (int):
            volunteer_hours (float):
            volunteers_engaged (int):
            satisfaction (float | None | Unset): Mean 1–5 rating; `null` when none.
    """

    attendance_rate: float
    counseling_cases: int
    outcomes: ReportMetricsOutcomes
    participant_hours: float
    people_served: int
    public_welfare_hours: float
    sessions_education: int
    sessions_group_counseling: int
    sessions_individual_counseling: int
    sessions_public_welfare: int
    sessions_skills_training: int
    volunteer_hours: float
    volunteers_engaged: int
    satisfaction: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendance_rate = self.attendance_rate

        counseling_cases = self.counseling_cases

        outcomes = self.outcomes.to_dict()

        participant_hours = self.participant_hours

        people_served = self.people_served

        public_welfare_hours = self.public_welfare_hours

        sessions_education = self.sessions_education

        sessions_group_counseling = self.sessions_group_counseling

        sessions_individual_counseling = self.sessions_individual_counseling

        sessions_public_welfare = self.sessions_public_welfare

        sessions_skills_training = self.sessions_skills_training

        volunteer_hours = self.volunteer_hours

        volunteers_engaged = self.volunteers_engaged

        satisfaction: float | None | Unset
        if isinstance(self.satisfaction, Unset):
            satisfaction = UNSET
        else:
            satisfaction = self.satisfaction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendance_rate": attendance_rate,
                "counseling_cases": counseling_cases,
                "outcomes": outcomes,
                "participant_hours": participant_hours,
                "people_served": people_served,
                "public_welfare_hours": public_welfare_hours,
                "sessions_education": sessions_education,
                "sessions_group_counseling": sessions_group_counseling,
                "sessions_individual_counseling": sessions_individual_counseling,
                "sessions_public_welfare": sessions_public_welfare,
                "sessions_skills_training": sessions_skills_training,
                "volunteer_hours": volunteer_hours,
                "volunteers_engaged": volunteers_engaged,
            }
        )
        if satisfaction is not UNSET:
            field_dict["satisfaction"] = satisfaction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_metrics_outcomes import ReportMetricsOutcomes  # noqa: PLC0415

        d = dict(src_dict)
        attendance_rate = d.pop("attendance_rate")

        counseling_cases = d.pop("counseling_cases")

        outcomes = ReportMetricsOutcomes.from_dict(d.pop("outcomes"))

        participant_hours = d.pop("participant_hours")

        people_served = d.pop("people_served")

        public_welfare_hours = d.pop("public_welfare_hours")

        sessions_education = d.pop("sessions_education")

        sessions_group_counseling = d.pop("sessions_group_counseling")

        sessions_individual_counseling = d.pop("sessions_individual_counseling")

        sessions_public_welfare = d.pop("sessions_public_welfare")

        sessions_skills_training = d.pop("sessions_skills_training")

        volunteer_hours = d.pop("volunteer_hours")

        volunteers_engaged = d.pop("volunteers_engaged")

        def _parse_satisfaction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        satisfaction = _parse_satisfaction(d.pop("satisfaction", UNSET))

        report_metrics = cls(
            attendance_rate=attendance_rate,
            counseling_cases=counseling_cases,
            outcomes=outcomes,
            participant_hours=participant_hours,
            people_served=people_served,
            public_welfare_hours=public_welfare_hours,
            sessions_education=sessions_education,
            sessions_group_counseling=sessions_group_counseling,
            sessions_individual_counseling=sessions_individual_counseling,
            sessions_public_welfare=sessions_public_welfare,
            sessions_skills_training=sessions_skills_training,
            volunteer_hours=volunteer_hours,
            volunteers_engaged=volunteers_engaged,
            satisfaction=satisfaction,
        )

        report_metrics.additional_properties = d
        return report_metrics

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
