from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_state import ReportState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_metrics import ReportMetrics


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """A report.

    Attributes:
        contract_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        metrics (ReportMetrics): A report's metrics: the KPI metric names of the API, volunteers beside
            them, and outcomes by kind.
        narrative (str):
        ngo_id (UUID):
        period_end (datetime.date):
        period_start (datetime.date):
        status (ReportState): A periodic report's status.
        updated_at (datetime.datetime):
        version (int):
        comments (None | str | Unset): The officer's comments when returned.
        decided_at (datetime.datetime | None | Unset):
        evaluation_id (None | Unset | UUID):
        submitted_at (datetime.datetime | None | Unset):
    """

    contract_id: UUID
    created_at: datetime.datetime
    id: UUID
    metrics: ReportMetrics
    narrative: str
    ngo_id: UUID
    period_end: datetime.date
    period_start: datetime.date
    status: ReportState
    updated_at: datetime.datetime
    version: int
    comments: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    evaluation_id: None | Unset | UUID = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        metrics = self.metrics.to_dict()

        narrative = self.narrative

        ngo_id = str(self.ngo_id)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        evaluation_id: None | str | Unset
        if isinstance(self.evaluation_id, Unset):
            evaluation_id = UNSET
        elif isinstance(self.evaluation_id, UUID):
            evaluation_id = str(self.evaluation_id)
        else:
            evaluation_id = self.evaluation_id

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "created_at": created_at,
                "id": id,
                "metrics": metrics,
                "narrative": narrative,
                "ngo_id": ngo_id,
                "period_end": period_end,
                "period_start": period_start,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if comments is not UNSET:
            field_dict["comments"] = comments
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if evaluation_id is not UNSET:
            field_dict["evaluation_id"] = evaluation_id
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_metrics import ReportMetrics  # noqa: PLC0415

        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        metrics = ReportMetrics.from_dict(d.pop("metrics"))

        narrative = d.pop("narrative")

        ngo_id = UUID(d.pop("ngo_id"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        status = ReportState(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_evaluation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_id_type_0 = UUID(data)

                return evaluation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evaluation_id = _parse_evaluation_id(d.pop("evaluation_id", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        report = cls(
            contract_id=contract_id,
            created_at=created_at,
            id=id,
            metrics=metrics,
            narrative=narrative,
            ngo_id=ngo_id,
            period_end=period_end,
            period_start=period_start,
            status=status,
            updated_at=updated_at,
            version=version,
            comments=comments,
            decided_at=decided_at,
            evaluation_id=evaluation_id,
            submitted_at=submitted_at,
        )

        report.additional_properties = d
        return report

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
