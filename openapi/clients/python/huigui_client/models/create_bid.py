from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.planned_kpi import PlannedKpi


T = TypeVar("T", bound="CreateBid")


@_attrs_define
class CreateBid:
    """A bid on a published procurement.

    Attributes:
        planned_kpis (list[PlannedKpi]):
        price_fen (int): At most the procurement's budget.
        proposal (str):
    """

    planned_kpis: list[PlannedKpi]
    price_fen: int
    proposal: str

    def to_dict(self) -> dict[str, Any]:
        planned_kpis = []
        for planned_kpis_item_data in self.planned_kpis:
            planned_kpis_item = planned_kpis_item_data.to_dict()
            planned_kpis.append(planned_kpis_item)

        price_fen = self.price_fen

        proposal = self.proposal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_kpis": planned_kpis,
                "price_fen": price_fen,
                "proposal": proposal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_kpi import PlannedKpi  # noqa: PLC0415

        d = dict(src_dict)
        planned_kpis = []
        _planned_kpis = d.pop("planned_kpis")
        for planned_kpis_item_data in _planned_kpis:
            planned_kpis_item = PlannedKpi.from_dict(planned_kpis_item_data)

            planned_kpis.append(planned_kpis_item)

        price_fen = d.pop("price_fen")

        proposal = d.pop("proposal")

        create_bid = cls(
            planned_kpis=planned_kpis,
            price_fen=price_fen,
            proposal=proposal,
        )

        return create_bid
