from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.meeting_level import MeetingLevel
from ..models.meeting_state import MeetingState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Meeting")


@_attrs_define
class Meeting:
    """A joint meeting.

    Attributes:
        convener_id (UUID): The convening organisation.
        created_at (datetime.datetime):
        held_on (datetime.date):
        id (UUID):
        level (MeetingLevel): A county "1+N" meeting (convened by the bureau) or a township meeting (by a judicial
            office).
        organization_ids (list[UUID]): Every organisation taking part (the convener included).
        status (MeetingState): A meeting's status: its minutes change until it is `closed`.
        title (str):
        updated_at (datetime.datetime):
        version (int):
        closed_at (datetime.datetime | None | Unset):
        held_at (datetime.datetime | None | Unset):
    """

    convener_id: UUID
    created_at: datetime.datetime
    held_on: datetime.date
    id: UUID
    level: MeetingLevel
    organization_ids: list[UUID]
    status: MeetingState
    title: str
    updated_at: datetime.datetime
    version: int
    closed_at: datetime.datetime | None | Unset = UNSET
    held_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        convener_id = str(self.convener_id)

        created_at = self.created_at.isoformat()

        held_on = self.held_on.isoformat()

        id = str(self.id)

        level = self.level.value

        organization_ids = []
        for organization_ids_item_data in self.organization_ids:
            organization_ids_item = str(organization_ids_item_data)
            organization_ids.append(organization_ids_item)

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        held_at: None | str | Unset
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "convener_id": convener_id,
                "created_at": created_at,
                "held_on": held_on,
                "id": id,
                "level": level,
                "organization_ids": organization_ids,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if held_at is not UNSET:
            field_dict["held_at"] = held_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        convener_id = UUID(d.pop("convener_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        level = MeetingLevel(d.pop("level"))

        organization_ids = []
        _organization_ids = d.pop("organization_ids")
        for organization_ids_item_data in _organization_ids:
            organization_ids_item = UUID(organization_ids_item_data)

            organization_ids.append(organization_ids_item)

        status = MeetingState(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_held_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        held_at = _parse_held_at(d.pop("held_at", UNSET))

        meeting = cls(
            convener_id=convener_id,
            created_at=created_at,
            held_on=held_on,
            id=id,
            level=level,
            organization_ids=organization_ids,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            closed_at=closed_at,
            held_at=held_at,
        )

        meeting.additional_properties = d
        return meeting

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
