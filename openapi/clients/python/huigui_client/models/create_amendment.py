from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_target import KpiTarget


T = TypeVar("T", bound="CreateAmendment")


@_attrs_define
class CreateAmendment:
    """
    Attributes:
        reason (str):
        amount_fen (int | None | Unset): The new total amount.
        end_date (datetime.date | None | Unset):
        kpis (list[KpiTarget] | None | Unset): The new KPI list.
    """

    reason: str
    amount_fen: int | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    kpis: list[KpiTarget] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if kpis is not UNSET:
            field_dict["kpis"] = kpis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

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

        create_amendment = cls(
            reason=reason,
            amount_fen=amount_fen,
            end_date=end_date,
            kpis=kpis,
        )

        return create_amendment
