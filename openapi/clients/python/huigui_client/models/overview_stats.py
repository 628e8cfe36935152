from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.overview_contract import OverviewContract
    from ..models.overview_stats_contracts_by_status import OverviewStatsContractsByStatus
    from ..models.overview_stats_hours_by_category import OverviewStatsHoursByCategory
    from ..models.overview_stats_outcomes_by_kind import OverviewStatsOutcomesByKind
    from ..models.overview_stats_sessions_by_type import OverviewStatsSessionsByType


T = TypeVar("T", bound="OverviewStats")


@_attrs_define
class OverviewStats:
    """The bureau dashboard for a period.

    Attributes:
        amount_contracted_fen (int): Contracts that were signed (not draft or terminated before signing).
        amount_paid_fen (int):
        contracts (list[OverviewContract]):
        contracts_by_status (OverviewStatsContractsByStatus):
        hours_by_category (OverviewStatsHoursByCategory): Counted ledger hours by category, dated in the period.
        outcomes_by_kind (OverviewStatsOutcomesByKind):
        overdue_findings (int): Supervision findings unanswered past their deadline, every addressee (now).
        overdue_tasks (int): Joint-meeting tasks past their day, every owner (now).
        sessions_by_type (OverviewStatsSessionsByType): Closed sessions in the period.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
    """

    amount_contracted_fen: int
    amount_paid_fen: int
    contracts: list[OverviewContract]
    contracts_by_status: OverviewStatsContractsByStatus
    hours_by_category: OverviewStatsHoursByCategory
    outcomes_by_kind: OverviewStatsOutcomesByKind
    overdue_findings: int
    overdue_tasks: int
    sessions_by_type: OverviewStatsSessionsByType
    from_: datetime.date | None | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_contracted_fen = self.amount_contracted_fen

        amount_paid_fen = self.amount_paid_fen

        contracts = []
        for contracts_item_data in self.contracts:
            contracts_item = contracts_item_data.to_dict()
            contracts.append(contracts_item)

        contracts_by_status = self.contracts_by_status.to_dict()

        hours_by_category = self.hours_by_category.to_dict()

        outcomes_by_kind = self.outcomes_by_kind.to_dict()

        overdue_findings = self.overdue_findings

        overdue_tasks = self.overdue_tasks

        sessions_by_type = self.sessions_by_type.to_dict()

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_contracted_fen": amount_contracted_fen,
                "amount_paid_fen": amount_paid_fen,
                "contracts": contracts,
                "contracts_by_status": contracts_by_status,
                "hours_by_category": hours_by_category,
                "outcomes_by_kind": outcomes_by_kind,
                "overdue_findings": overdue_findings,
                "overdue_tasks": overdue_tasks,
                "sessions_by_type": sessions_by_type,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overview_contract import OverviewContract  # noqa: PLC0415
        from ..models.overview_stats_contracts_by_status import OverviewStatsContractsByStatus  # noqa: PLC0415
        from ..models.overview_stats_hours_by_category import OverviewStatsHoursByCategory  # noqa: PLC0415
        from ..models.overview_stats_outcomes_by_kind import OverviewStatsOutcomesByKind  # noqa: PLC0415
        from ..models.overview_stats_sessions_by_type import OverviewStatsSessionsByType  # noqa: PLC0415

        d = dict(src_dict)
        amount_contracted_fen = d.pop("amount_contracted_fen")

        amount_paid_fen = d.pop("amount_paid_fen")

        contracts = []
        _contracts = d.pop("contracts")
        for contracts_item_data in _contracts:
            contracts_item = OverviewContract.from_dict(contracts_item_data)

            contracts.append(contracts_item)

        contracts_by_status = OverviewStatsContractsByStatus.from_dict(d.pop("contracts_by_status"))

        hours_by_category = OverviewStatsHoursByCategory.from_dict(d.pop("hours_by_category"))

        outcomes_by_kind = OverviewStatsOutcomesByKind.from_dict(d.pop("outcomes_by_kind"))

        overdue_findings = d.pop("overdue_findings")

        overdue_tasks = d.pop("overdue_tasks")

        sessions_by_type = OverviewStatsSessionsByType.from_dict(d.pop("sessions_by_type"))

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        overview_stats = cls(
            amount_contracted_fen=amount_contracted_fen,
            amount_paid_fen=amount_paid_fen,
            contracts=contracts,
            contracts_by_status=contracts_by_status,
            hours_by_category=hours_by_category,
            outcomes_by_kind=outcomes_by_kind,
            overdue_findings=overdue_findings,
            overdue_tasks=overdue_tasks,
            sessions_by_type=sessions_by_type,
            from_=from_,
            to=to,
        )

        overview_stats.additional_properties = d
        return overview_stats

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
