from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.meeting_level import MeetingLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateMeeting")


@_attrs_define
class CreateMeeting:
    """A new meeting.

    Attributes:
        held_on (datetime.date):
        level (MeetingLevel): A county "1+N" meeting (convened by the bureau) or a township meeting (by a judicial
            office).
        organization_ids (list[UUID]): The other organisations taking part.
        title (str):
        convener_id (None | Unset | UUID): Your own organisation (the default).
    """

    held_on: datetime.date
    level: MeetingLevel
    organization_ids: list[UUID]
    title: str
    convener_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        level = self.level.value

        organization_ids = []
        for organization_ids_item_data in self.organization_ids:
            organization_ids_item = str(organization_ids_item_data)
            organization_ids.append(organization_ids_item)

        title = self.title

        convener_id: None | str | Unset
        if isinstance(self.convener_id, Unset):
            convener_id = UNSET
        elif isinstance(self.convener_id, UUID):
            convener_id = str(self.convener_id)
        else:
            convener_id = self.convener_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "level": level,
                "organization_ids": organization_ids,
                "title": title,
            }
        )
        if convener_id is not UNSET:
            field_dict["convener_id"] = convener_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        level = MeetingLevel(d.pop("level"))

        organization_ids = []
        _organization_ids = d.pop("organization_ids")
        for organization_ids_item_data in _organization_ids:
            organization_ids_item = UUID(organization_ids_item_data)

            organization_ids.append(organization_ids_item)

        title = d.pop("title")

        def _parse_convener_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                convener_id_type_0 = UUID(data)

                return convener_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        convener_id = _parse_convener_id(d.pop("convener_id", UNSET))

        create_meeting = cls(
            held_on=held_on,
            level=level,
            organization_ids=organization_ids,
            title=title,
            convener_id=convener_id,
        )

        return create_meeting
