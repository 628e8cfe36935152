from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_state import ContractState
from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_target import KpiTarget
    from ..models.payment_rule_band import PaymentRuleBand


T = TypeVar("T", bound="Contract")


@_attrs_define
class Contract:
    """A purchase-of-service contract.

    Attributes:
        amount_fen (int):
        bureau_id (UUID):
        categories (list[SessionType]):
        contract_no (str): `WS-2026-001` style, per bureau and year.
        created_at (datetime.datetime):
        end_date (datetime.date):
        id (UUID):
        kpis (list[KpiTarget]):
        multi_year (bool):
        ngo_id (UUID):
        original_amount_fen (int): The amount at signing, base of the 10 % amendment cap.
        payment_rule (list[PaymentRuleBand]): Score bands deciding each milestone's payable share (below the lowest:
            withheld).
        start_date (datetime.date):
        status (ContractState): A contract's status.
        title (str):
        updated_at (datetime.datetime):
        version (int):
        warnings (list[str]): Compliance notes, e.g. signed more than 30 days after the award.
        awarded_at (datetime.datetime | None | Unset):
        bid_id (None | Unset | UUID):
        multi_year_reason (None | str | Unset):
        procurement_id (None | Unset | UUID):
        signed_at (datetime.datetime | None | Unset):
        status_reason (None | str | Unset): Reason of the last suspension or the termination.
    """

    amount_fen: int
    bureau_id: UUID
    categories: list[SessionType]
    contract_no: str
    created_at: datetime.datetime
    end_date: datetime.date
    id: UUID
    kpis: list[KpiTarget]
    multi_year: bool
    ngo_id: UUID
    original_amount_fen: int
    payment_rule: list[PaymentRuleBand]
    start_date: datetime.date
    status: ContractState
    title: str
    updated_at: datetime.datetime
    version: int
    warnings: list[str]
    awarded_at: datetime.datetime | None | Unset = UNSET
    bid_id: None | Unset | UUID = UNSET
    multi_year_reason: None | str | Unset = UNSET
    procurement_id: None | Unset | UUID = UNSET
    signed_at: datetime.datetime | None | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        bureau_id = str(self.bureau_id)

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        contract_no = self.contract_no

        created_at = self.created_at.isoformat()

        end_date = self.end_date.isoformat()

        id = str(self.id)

        kpis = []
        for kpis_item_data in self.kpis:
            kpis_item = kpis_item_data.to_dict()
            kpis.append(kpis_item)

        multi_year = self.multi_year

        ngo_id = str(self.ngo_id)

        original_amount_fen = self.original_amount_fen

        payment_rule = []
        for payment_rule_item_data in self.payment_rule:
            payment_rule_item = payment_rule_item_data.to_dict()
            payment_rule.append(payment_rule_item)

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        warnings = self.warnings

        awarded_at: None | str | Unset
        if isinstance(self.awarded_at, Unset):
            awarded_at = UNSET
        elif isinstance(self.awarded_at, datetime.datetime):
            awarded_at = self.awarded_at.isoformat()
        else:
            awarded_at = self.awarded_at

        bid_id: None | str | Unset
        if isinstance(self.bid_id, Unset):
            bid_id = UNSET
        elif isinstance(self.bid_id, UUID):
            bid_id = str(self.bid_id)
        else:
            bid_id = self.bid_id

        multi_year_reason: None | str | Unset
        if isinstance(self.multi_year_reason, Unset):
            multi_year_reason = UNSET
        else:
            multi_year_reason = self.multi_year_reason

        procurement_id: None | str | Unset
        if isinstance(self.procurement_id, Unset):
            procurement_id = UNSET
        elif isinstance(self.procurement_id, UUID):
            procurement_id = str(self.procurement_id)
        else:
            procurement_id = self.procurement_id

        signed_at: None | str | Unset
        if isinstance(self.signed_at, Unset):
            signed_at = UNSET
        elif isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "bureau_id": bureau_id,
                "categories": categories,
                "contract_no": contract_no,
                "created_at": created_at,
                "end_date": end_date,
                "id": id,
                "kpis": kpis,
                "multi_year": multi_year,
                "ngo_id": ngo_id,
                "original_amount_fen": original_amount_fen,
                "payment_rule": payment_rule,
                "start_date": start_date,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
                "warnings": warnings,
            }
        )
        if awarded_at is not UNSET:
            field_dict["awarded_at"] = awarded_at
        if bid_id is not UNSET:
            field_dict["bid_id"] = bid_id
        if multi_year_reason is not UNSET:
            field_dict["multi_year_reason"] = multi_year_reason
        if procurement_id is not UNSET:
            field_dict["procurement_id"] = procurement_id
        if signed_at is not UNSET:
            field_dict["signed_at"] = signed_at
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415
        from ..models.payment_rule_band import PaymentRuleBand  # noqa: PLC0415

        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        bureau_id = UUID(d.pop("bureau_id"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = SessionType(categories_item_data)

            categories.append(categories_item)

        contract_no = d.pop("contract_no")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        id = UUID(d.pop("id"))

        kpis = []
        _kpis = d.pop("kpis")
        for kpis_item_data in _kpis:
            kpis_item = KpiTarget.from_dict(kpis_item_data)

            kpis.append(kpis_item)

        multi_year = d.pop("multi_year")

        ngo_id = UUID(d.pop("ngo_id"))

        original_amount_fen = d.pop("original_amount_fen")

        payment_rule = []
        _payment_rule = d.pop("payment_rule")
        for payment_rule_item_data in _payment_rule:
            payment_rule_item = PaymentRuleBand.from_dict(payment_rule_item_data)

            payment_rule.append(payment_rule_item)

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = ContractState(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        warnings = cast(list[str], d.pop("warnings"))

        def _parse_awarded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                awarded_at_type_0 = datetime.datetime.fromisoformat(data)

                return awarded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        awarded_at = _parse_awarded_at(d.pop("awarded_at", UNSET))

        def _parse_bid_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bid_id_type_0 = UUID(data)

                return bid_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        bid_id = _parse_bid_id(d.pop("bid_id", UNSET))

        def _parse_multi_year_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        multi_year_reason = _parse_multi_year_reason(d.pop("multi_year_reason", UNSET))

        def _parse_procurement_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                procurement_id_type_0 = UUID(data)

                return procurement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        procurement_id = _parse_procurement_id(d.pop("procurement_id", UNSET))

        def _parse_signed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        signed_at = _parse_signed_at(d.pop("signed_at", UNSET))

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        contract = cls(
            amount_fen=amount_fen,
            bureau_id=bureau_id,
            categories=categories,
            contract_no=contract_no,
            created_at=created_at,
            end_date=end_date,
            id=id,
            kpis=kpis,
            multi_year=multi_year,
            ngo_id=ngo_id,
            original_amount_fen=original_amount_fen,
            payment_rule=payment_rule,
            start_date=start_date,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            warnings=warnings,
            awarded_at=awarded_at,
            bid_id=bid_id,
            multi_year_reason=multi_year_reason,
            procurement_id=procurement_id,
            signed_at=signed_at,
            status_reason=status_reason,
        )

        contract.additional_properties = d
        return contract

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
