from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.discipline_kind import DisciplineKind

T = TypeVar("T", bound="DisciplineRecord")


@_attrs_define
class DisciplineRecord:
    """One record.

    Attributes:
        created_at (datetime.datetime):
        date (datetime.date):
        id (UUID):
        kind (DisciplineKind):
        participant_id (UUID):
        reason (str):
        recorded_by (UUID):
    """

    created_at: datetime.datetime
    date: datetime.date
    id: UUID
    kind: DisciplineKind
    participant_id: UUID
    reason: str
    recorded_by: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        date = self.date.isoformat()

        id = str(self.id)

        kind = self.kind.value

        participant_id = str(self.participant_id)

        reason = self.reason

        recorded_by = str(self.recorded_by)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "date": date,
                "id": id,
                "kind": kind,
                "participant_id": participant_id,
                "reason": reason,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        date = datetime.date.fromisoformat(d.pop("date"))

        id = UUID(d.pop("id"))

        kind = DisciplineKind(d.pop("kind"))

        participant_id = UUID(d.pop("participant_id"))

        reason = d.pop("reason")

        recorded_by = UUID(d.pop("recorded_by"))

        discipline_record = cls(
            created_at=created_at,
            date=date,
            id=id,
            kind=kind,
            participant_id=participant_id,
            reason=reason,
            recorded_by=recorded_by,
        )

        discipline_record.additional_properties = d
        return discipline_record

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
