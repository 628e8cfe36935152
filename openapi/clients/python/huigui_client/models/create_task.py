from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTask")


@_attrs_define
class CreateTask:
    """A new follow-up task.

    Attributes:
        description (str):
        due_on (datetime.date): Not before the meeting.
        owner_id (UUID): An organisation taking part in the meeting.
        item_id (None | Unset | UUID): The agenda item it follows from.
    """

    description: str
    due_on: datetime.date
    owner_id: UUID
    item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        due_on = self.due_on.isoformat()

        owner_id = str(self.owner_id)

        item_id: None | str | Unset
        if isinstance(self.item_id, Unset):
            item_id = UNSET
        elif isinstance(self.item_id, UUID):
            item_id = str(self.item_id)
        else:
            item_id = self.item_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "due_on": due_on,
                "owner_id": owner_id,
            }
        )
        if item_id is not UNSET:
            field_dict["item_id"] = item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        owner_id = UUID(d.pop("owner_id"))

        def _parse_item_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                item_id_type_0 = UUID(data)

                return item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        item_id = _parse_item_id(d.pop("item_id", UNSET))

        create_task = cls(
            description=description,
            due_on=due_on,
            owner_id=owner_id,
            item_id=item_id,
        )

        return create_task
