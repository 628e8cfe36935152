from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_kind import CheckKind
from ..models.check_source import CheckSource

T = TypeVar("T", bound="CheckEventRecorded")


@_attrs_define
class CheckEventRecorded:
    """The recorded event.

    Attributes:
        at (datetime.datetime):
        id (UUID):
        kind (CheckKind):
        participant_id (UUID):
        recorded_at (datetime.datetime):
        session_id (UUID):
        source (CheckSource):
    """

    at: datetime.datetime
    id: UUID
    kind: CheckKind
    participant_id: UUID
    recorded_at: datetime.datetime
    session_id: UUID
    source: CheckSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        participant_id = str(self.participant_id)

        recorded_at = self.recorded_at.isoformat()

        session_id = str(self.session_id)

        source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "id": id,
                "kind": kind,
                "participant_id": participant_id,
                "recorded_at": recorded_at,
                "session_id": session_id,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        kind = CheckKind(d.pop("kind"))

        participant_id = UUID(d.pop("participant_id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        session_id = UUID(d.pop("session_id"))

        source = CheckSource(d.pop("source"))

        check_event_recorded = cls(
            at=at,
            id=id,
            kind=kind,
            participant_id=participant_id,
            recorded_at=recorded_at,
            session_id=session_id,
            source=source,
        )

        check_event_recorded.additional_properties = d
        return check_event_recorded

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
