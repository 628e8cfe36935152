from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.amendment_state import AmendmentState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_target import KpiTarget


T = TypeVar("T", bound="Amendment")


@_attrs_define
class Amendment:
    """A proposed change to an active contract.

    Attributes:
        contract_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        proposed_by (UUID):
        reason (str):
        status (AmendmentState): An amendment's status.
        amount_fen (int | None | Unset):
        before (Any | Unset): The contract's terms before this amendment was applied (history);
            `null` until approved.
        decided_at (datetime.datetime | None | Unset):
        decided_by (None | Unset | UUID):
        decision_note (None | str | Unset):
        end_date (datetime.date | None | Unset):
        kpis (list[KpiTarget] | None | Unset):
    """

    contract_id: UUID
    created_at: datetime.datetime
    id: UUID
    proposed_by: UUID
    reason: str
    status: AmendmentState
    amount_fen: int | None | Unset = UNSET
    before: Any | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | Unset | UUID = UNSET
    decision_note: None | str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    kpis: list[KpiTarget] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        proposed_by = str(self.proposed_by)

        reason = self.reason

        status = self.status.value

        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

        before = self.before

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        decision_note: None | str | Unset
        if isinstance(self.decision_note, Unset):
            decision_note = UNSET
        else:
            decision_note = self.decision_note

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "created_at": created_at,
                "id": id,
                "proposed_by": proposed_by,
                "reason": reason,
                "status": status,
            }
        )
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen
        if before is not UNSET:
            field_dict["before"] = before
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decision_note is not UNSET:
            field_dict["decision_note"] = decision_note
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if kpis is not UNSET:
            field_dict["kpis"] = kpis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415

        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        proposed_by = UUID(d.pop("proposed_by"))

        reason = d.pop("reason")

        status = AmendmentState(d.pop("status"))

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

        before = d.pop("before", UNSET)

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

        def _parse_decided_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decision_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_note = _parse_decision_note(d.pop("decision_note", UNSET))

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

        amendment = cls(
            contract_id=contract_id,
            created_at=created_at,
            id=id,
            proposed_by=proposed_by,
            reason=reason,
            status=status,
            amount_fen=amount_fen,
            before=before,
            decided_at=decided_at,
            decided_by=decided_by,
            decision_note=decision_note,
            end_date=end_date,
            kpis=kpis,
        )

        amendment.additional_properties = d
        return amendment

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
