from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_target import KpiTarget
    from ..models.payment_rule_band import PaymentRuleBand


T = TypeVar("T", bound="CreateContract")


@_attrs_define
class CreateContract:
    """A directly negotiated (e.g. single-source) contract, created as `draft`.

    Attributes:
        amount_fen (int):
        categories (list[SessionType]):
        end_date (datetime.date):
        kpis (list[KpiTarget]):
        multi_year (bool):
        ngo_id (UUID):
        start_date (datetime.date):
        title (str):
        multi_year_reason (None | str | Unset):
        payment_rule (list[PaymentRuleBand] | None | Unset): Default: ≥ 90 → 100 %, ≥ 80 → 90 %, ≥ 70 → 80 %, below →
            withheld.
        procurement_id (None | Unset | UUID):
    """

    amount_fen: int
    categories: list[SessionType]
    end_date: datetime.date
    kpis: list[KpiTarget]
    multi_year: bool
    ngo_id: UUID
    start_date: datetime.date
    title: str
    multi_year_reason: None | str | Unset = UNSET
    payment_rule: list[PaymentRuleBand] | None | Unset = UNSET
    procurement_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        end_date = self.end_date.isoformat()

        kpis = []
        for kpis_item_data in self.kpis:
            kpis_item = kpis_item_data.to_dict()
            kpis.append(kpis_item)

        multi_year = self.multi_year

        ngo_id = str(self.ngo_id)

        start_date = self.start_date.isoformat()

        title = self.title

        multi_year_reason: None | str | Unset
        if isinstance(self.multi_year_reason, Unset):
            multi_year_reason = UNSET
        else:
            multi_year_reason = self.multi_year_reason

        payment_rule: list[dict[str, Any]] | None | Unset
        if isinstance(self.payment_rule, Unset):
            payment_rule = UNSET
        elif isinstance(self.payment_rule, list):
            payment_rule = []
            for payment_rule_type_0_item_data in self.payment_rule:
                payment_rule_type_0_item = payment_rule_type_0_item_data.to_dict()
                payment_rule.append(payment_rule_type_0_item)

        else:
            payment_rule = self.payment_rule

        procurement_id: None | str | Unset
        if isinstance(self.procurement_id, Unset):
            procurement_id = UNSET
        elif isinstance(self.procurement_id, UUID):
            procurement_id = str(self.procurement_id)
        else:
            procurement_id = self.procurement_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "categories": categories,
                "end_date": end_date,
                "kpis": kpis,
                "multi_year": multi_year,
                "ngo_id": ngo_id,
                "start_date": start_date,
                "title": title,
            }
        )
        if multi_year_reason is not UNSET:
            field_dict["multi_year_reason"] = multi_year_reason
        if payment_rule is not UNSET:
            field_dict["payment_rule"] = payment_rule
        if procurement_id is not UNSET:
            field_dict["procurement_id"] = procurement_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415
        from ..models.payment_rule_band import PaymentRuleBand  # noqa: PLC0415

        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = SessionType(categories_item_data)

            categories.append(categories_item)

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        kpis = []
        _kpis = d.pop("kpis")
        for kpis_item_data in _kpis:
            kpis_item = KpiTarget.from_dict(kpis_item_data)

            kpis.append(kpis_item)

        multi_year = d.pop("multi_year")

        ngo_id = UUID(d.pop("ngo_id"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        def _parse_multi_year_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        multi_year_reason = _parse_multi_year_reason(d.pop("multi_year_reason", UNSET))

        def _parse_payment_rule(data: object) -> list[PaymentRuleBand] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                payment_rule_type_0 = []
                _payment_rule_type_0 = data
                for payment_rule_type_0_item_data in _payment_rule_type_0:
                    payment_rule_type_0_item = PaymentRuleBand.from_dict(payment_rule_type_0_item_data)

                    payment_rule_type_0.append(payment_rule_type_0_item)

                return payment_rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PaymentRuleBand] | None | Unset, data)

        payment_rule = _parse_payment_rule(d.pop("payment_rule", UNSET))

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

        create_contract = cls(
            amount_fen=amount_fen,
            categories=categories,
            end_date=end_date,
            kpis=kpis,
            multi_year=multi_year,
            ngo_id=ngo_id,
            start_date=start_date,
            title=title,
            multi_year_reason=multi_year_reason,
            payment_rule=payment_rule,
            procurement_id=procurement_id,
        )

        return create_contract
