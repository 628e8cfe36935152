from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_target import KpiTarget
    from ..models.payment_rule_band import PaymentRuleBand


T = TypeVar("T", bound="UpdateContract")


@_attrs_define
class UpdateContract:
    """Changes to a draft contract; absent fields stay. Requires `If-Match`.

    Attributes:
        amount_fen (int | None | Unset):
        categories (list[SessionType] | None | Unset):
        end_date (datetime.date | None | Unset):
        kpis (list[KpiTarget] | None | Unset):
        multi_year (bool | None | Unset):
        multi_year_reason (None | str | Unset):
        payment_rule (list[PaymentRuleBand] | None | Unset):
        start_date (datetime.date | None | Unset):
        title (None | str | Unset):
    """

    amount_fen: int | None | Unset = UNSET
    categories: list[SessionType] | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    kpis: list[KpiTarget] | None | Unset = UNSET
    multi_year: bool | None | Unset = UNSET
    multi_year_reason: None | str | Unset = UNSET
    payment_rule: list[PaymentRuleBand] | None | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = []
            for categories_type_0_item_data in self.categories:
                categories_type_0_item = categories_type_0_item_data.value
                categories.append(categories_type_0_item)

        else:
            categories = self.categories

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        kpis: list[dict[str, Any]] | None | Unset
        if isinstance(self.kpis, Unset):
            kpis = UNSET
        elif isinstance(self.kpis, list):
            kpis = []
            for kpis_type_0_item_data in self.kpis:
                kpis_type_0_item = kpis_type_0_item_data.to_dict()
                kpis.append(kpis_type_0_item)

        else:
            kpis = self.kpis

        multi_year: bool | None | Unset
        if isinstance(self.multi_year, Unset):
            multi_year = UNSET
        else:
            multi_year = self.multi_year

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

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen
        if categories is not UNSET:
            field_dict["categories"] = categories
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if kpis is not UNSET:
            field_dict["kpis"] = kpis
        if multi_year is not UNSET:
            field_dict["multi_year"] = multi_year
        if multi_year_reason is not UNSET:
            field_dict["multi_year_reason"] = multi_year_reason
        if payment_rule is not UNSET:
            field_dict["payment_rule"] = payment_rule
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415
        from ..models.payment_rule_band import PaymentRuleBand  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

        def _parse_categories(data: object) -> list[SessionType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = []
                _categories_type_0 = data
                for categories_type_0_item_data in _categories_type_0:
                    categories_type_0_item = SessionType(categories_type_0_item_data)

                    categories_type_0.append(categories_type_0_item)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SessionType] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_kpis(data: object) -> list[KpiTarget] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                kpis_type_0 = []
                _kpis_type_0 = data
                for kpis_type_0_item_data in _kpis_type_0:
                    kpis_type_0_item = KpiTarget.from_dict(kpis_type_0_item_data)

                    kpis_type_0.append(kpis_type_0_item)

                return kpis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KpiTarget] | None | Unset, data)

        kpis = _parse_kpis(d.pop("kpis", UNSET))

        def _parse_multi_year(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        multi_year = _parse_multi_year(d.pop("multi_year", UNSET))

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

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        update_contract = cls(
            amount_fen=amount_fen,
            categories=categories,
            end_date=end_date,
            kpis=kpis,
            multi_year=multi_year,
            multi_year_reason=multi_year_reason,
            payment_rule=payment_rule,
            start_date=start_date,
            title=title,
        )

        return update_contract
