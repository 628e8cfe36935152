from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bid_state import BidState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.planned_kpi import PlannedKpi


T = TypeVar("T", bound="Bid")


@_attrs_define
class Bid:
    """A bid. `total_score` is the weighted mean over evaluators; NGOs see it only after the award.

    Attributes:
        created_at (datetime.datetime):
        evaluator_count (int): How many evaluators have scored it (hidden from NGOs before the award: 0).
        id (UUID):
        ngo_id (UUID):
        planned_kpis (list[PlannedKpi]):
        price_fen (int):
        procurement_id (UUID):
        proposal (str):
        status (BidState): A bid's status.
        updated_at (datetime.datetime):
        total_score (float | None | Unset):
    """

    created_at: datetime.datetime
    evaluator_count: int
    id: UUID
    ngo_id: UUID
    planned_kpis: list[PlannedKpi]
    price_fen: int
    procurement_id: UUID
    proposal: str
    status: BidState
    updated_at: datetime.datetime
    total_score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        evaluator_count = self.evaluator_count

        id = str(self.id)

        ngo_id = str(self.ngo_id)

        planned_kpis = []
        for planned_kpis_item_data in self.planned_kpis:
            planned_kpis_item = planned_kpis_item_data.to_dict()
            planned_kpis.append(planned_kpis_item)

        price_fen = self.price_fen

        procurement_id = str(self.procurement_id)

        proposal = self.proposal

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        total_score: float | None | Unset
        if isinstance(self.total_score, Unset):
            total_score = UNSET
        else:
            total_score = self.total_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "evaluator_count": evaluator_count,
                "id": id,
                "ngo_id": ngo_id,
                "planned_kpis": planned_kpis,
                "price_fen": price_fen,
                "procurement_id": procurement_id,
                "proposal": proposal,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if total_score is not UNSET:
            field_dict["total_score"] = total_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_kpi import PlannedKpi  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        evaluator_count = d.pop("evaluator_count")

        id = UUID(d.pop("id"))

        ngo_id = UUID(d.pop("ngo_id"))

        planned_kpis = []
        _planned_kpis = d.pop("planned_kpis")
        for planned_kpis_item_data in _planned_kpis:
            planned_kpis_item = PlannedKpi.from_dict(planned_kpis_item_data)

            planned_kpis.append(planned_kpis_item)

        price_fen = d.pop("price_fen")

        procurement_id = UUID(d.pop("procurement_id"))

        proposal = d.pop("proposal")

        status = BidState(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_total_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_score = _parse_total_score(d.pop("total_score", UNSET))

        bid = cls(
            created_at=created_at,
            evaluator_count=evaluator_count,
            id=id,
            ngo_id=ngo_id,
            planned_kpis=planned_kpis,
            price_fen=price_fen,
            procurement_id=procurement_id,
            proposal=proposal,
            status=status,
            updated_at=updated_at,
            total_score=total_score,
        )

        bid.additional_properties = d
        return bid

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
