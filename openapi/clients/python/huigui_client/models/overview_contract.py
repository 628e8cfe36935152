from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_state import ContractState

if TYPE_CHECKING:
    from ..models.overview_kpi import OverviewKpi


T = TypeVar("T", bound="OverviewContract")


@_attrs_define
class OverviewContract:
    """One contract on the dashboard.

    Attributes:
        amount_fen (int):
        contract_id (UUID):
        contract_no (str):
        kpis (list[OverviewKpi]):
        ngo_id (UUID):
        paid_fen (int):
        status (ContractState): A contract's status.
        title (str):
    """

    amount_fen: int
    contract_id: UUID
    contract_no: str
    kpis: list[OverviewKpi]
    ngo_id: UUID
    paid_fen: int
    status: ContractState
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        contract_id = str(self.contract_id)

        contract_no = self.contract_no

        kpis = []
        for kpis_item_data in self.kpis:
            kpis_item = kpis_item_data.to_dict()
            kpis.append(kpis_item)

        ngo_id = str(self.ngo_id)

        paid_fen = self.paid_fen

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "contract_id": contract_id,
                "contract_no": contract_no,
                "kpis": kpis,
                "ngo_id": ngo_id,
                "paid_fen": paid_fen,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overview_kpi import OverviewKpi  # noqa: PLC0415

        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        contract_id = UUID(d.pop("contract_id"))

        contract_no = d.pop("contract_no")

        kpis = []
        _kpis = d.pop("kpis")
        for kpis_item_data in _kpis:
            kpis_item = OverviewKpi.from_dict(kpis_item_data)

            kpis.append(kpis_item)

        ngo_id = UUID(d.pop("ngo_id"))

        paid_fen = d.pop("paid_fen")

        status = ContractState(d.pop("status"))

        title = d.pop("title")

        overview_contract = cls(
            amount_fen=amount_fen,
            contract_id=contract_id,
            contract_no=contract_no,
            kpis=kpis,
            ngo_id=ngo_id,
            paid_fen=paid_fen,
            status=status,
            title=title,
        )

        overview_contract.additional_properties = d
        return overview_contract

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
