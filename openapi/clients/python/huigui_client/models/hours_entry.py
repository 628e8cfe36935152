from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_source import EntrySource
from ..models.entry_status import EntryStatus
from ..models.hours_category import HoursCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="HoursEntry")


@_attrs_define
class HoursEntry:
    """One ledger entry. Entries are never changed; `status` is derived.

    Attributes:
        category (HoursCategory): A ledger category.
        counted (bool): Whether `hours` count towards the balance.
        created_at (datetime.datetime):
        date (datetime.date): The day of the work (of the reversal, for a reversal).
        description (str):
        hours (float): Negative for a reversal.
        id (UUID):
        month (str): The ledger month it counts in, `YYYY-MM`.
        participant_id (UUID):
        source (EntrySource): Where an hours entry comes from.
        status (EntryStatus): An hours entry's status: `pending` (manual, awaiting approval),
            `approved`, `rejected` (reversed before approval), `posted` (attendance
            or reversal), `reversed`.
        reversed_by (None | Unset | UUID): For a reversed entry: the reversing entry.
        reverses_id (None | Unset | UUID): For a reversal: the entry it reverses.
        session_id (None | Unset | UUID):
    """

    category: HoursCategory
    counted: bool
    created_at: datetime.datetime
    date: datetime.date
    description: str
    hours: float
    id: UUID
    month: str
    participant_id: UUID
    source: EntrySource
    status: EntryStatus
    reversed_by: None | Unset | UUID = UNSET
    reverses_id: None | Unset | UUID = UNSET
    session_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        counted = self.counted

        created_at = self.created_at.isoformat()

        date = self.date.isoformat()

        description = self.description

        hours = self.hours

        id = str(self.id)

        month = self.month

        participant_id = str(self.participant_id)

        source = self.source.value

        status = self.status.value

        reversed_by: None | str | Unset
        if isinstance(self.reversed_by, Unset):
            reversed_by = UNSET
        elif isinstance(self.reversed_by, UUID):
            reversed_by = str(self.reversed_by)
        else:
            reversed_by = self.reversed_by

        reverses_id: None | str | Unset
        if isinstance(self.reverses_id, Unset):
            reverses_id = UNSET
        elif isinstance(self.reverses_id, UUID):
            reverses_id = str(self.reverses_id)
        else:
            reverses_id = self.reverses_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        elif isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "counted": counted,
                "created_at": created_at,
                "date": date,
                "description": description,
                "hours": hours,
                "id": id,
                "month": month,
                "participant_id": participant_id,
                "source": source,
                "status": status,
            }
        )
        if reversed_by is not UNSET:
            field_dict["reversed_by"] = reversed_by
        if reverses_id is not UNSET:
            field_dict["reverses_id"] = reverses_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = HoursCategory(d.pop("category"))

        counted = d.pop("counted")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        date = datetime.date.fromisoformat(d.pop("date"))

        description = d.pop("description")

        hours = d.pop("hours")

        id = UUID(d.pop("id"))

        month = d.pop("month")

        participant_id = UUID(d.pop("participant_id"))

        source = EntrySource(d.pop("source"))

        status = EntryStatus(d.pop("status"))

        def _parse_reversed_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_by_type_0 = UUID(data)

                return reversed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reversed_by = _parse_reversed_by(d.pop("reversed_by", UNSET))

        def _parse_reverses_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reverses_id_type_0 = UUID(data)

                return reverses_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reverses_id = _parse_reverses_id(d.pop("reverses_id", UNSET))

        def _parse_session_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)

                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        hours_entry = cls(
            category=category,
            counted=counted,
            created_at=created_at,
            date=date,
            description=description,
            hours=hours,
            id=id,
            month=month,
            participant_id=participant_id,
            source=source,
            status=status,
            reversed_by=reversed_by,
            reverses_id=reverses_id,
            session_id=session_id,
        )

        hours_entry.additional_properties = d
        return hours_entry

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
