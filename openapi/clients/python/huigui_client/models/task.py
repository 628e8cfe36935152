from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state import TaskState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A follow-up task.

    Attributes:
        created_at (datetime.datetime):
        description (str):
        due_on (datetime.date):
        id (UUID):
        meeting_id (UUID):
        overdue (bool): Open past `due_on`.
        owner_id (UUID): The organisation that does it.
        status (TaskState): A task's status (`overdue` is derived: open past `due_on`).
        version (int):
        completed_at (datetime.datetime | None | Unset):
        item_id (None | Unset | UUID):
        result (None | str | Unset):
    """

    created_at: datetime.datetime
    description: str
    due_on: datetime.date
    id: UUID
    meeting_id: UUID
    overdue: bool
    owner_id: UUID
    status: TaskState
    version: int
    completed_at: datetime.datetime | None | Unset = UNSET
    item_id: None | Unset | UUID = UNSET
    result: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        due_on = self.due_on.isoformat()

        id = str(self.id)

        meeting_id = str(self.meeting_id)

        overdue = self.overdue

        owner_id = str(self.owner_id)

        status = self.status.value

        version = self.version

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        item_id: None | str | Unset
        if isinstance(self.item_id, Unset):
            item_id = UNSET
        elif isinstance(self.item_id, UUID):
            item_id = str(self.item_id)
        else:
            item_id = self.item_id

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "due_on": due_on,
                "id": id,
                "meeting_id": meeting_id,
                "overdue": overdue,
                "owner_id": owner_id,
                "status": status,
                "version": version,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if item_id is not UNSET:
            field_dict["item_id"] = item_id
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = UUID(d.pop("id"))

        meeting_id = UUID(d.pop("meeting_id"))

        overdue = d.pop("overdue")

        owner_id = UUID(d.pop("owner_id"))

        status = TaskState(d.pop("status"))

        version = d.pop("version")

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

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

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        task = cls(
            created_at=created_at,
            description=description,
            due_on=due_on,
            id=id,
            meeting_id=meeting_id,
            overdue=overdue,
            owner_id=owner_id,
            status=status,
            version=version,
            completed_at=completed_at,
            item_id=item_id,
            result=result,
        )

        task.additional_properties = d
        return task

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
