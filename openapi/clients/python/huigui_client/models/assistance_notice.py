from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notice_state import NoticeState
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssistanceNotice")


@_attrs_define
class AssistanceNotice:
    """An assistance notice.

    Attributes:
        committee_id (UUID): The village or residents' committee it is addressed to.
        created_at (datetime.datetime):
        duties (str): What the committee is asked to do.
        id (UUID):
        number (str): `<prefix>-XZ-<year>-<seq>`, unique per bureau.
        office_id (UUID): The issuing judicial office.
        participant_code (str):
        participant_id (UUID):
        status (NoticeState): A notice's status: `sent` until the committee acknowledges it.
        version (int):
        acknowledged_at (datetime.datetime | None | Unset):
        participant_name (str | Unset): The person's name; left out for a minor outside the bureau and the person's
            office.
    """

    committee_id: UUID
    created_at: datetime.datetime
    duties: str
    id: UUID
    number: str
    office_id: UUID
    participant_code: str
    participant_id: UUID
    status: NoticeState
    version: int
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    participant_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        committee_id = str(self.committee_id)

        created_at = self.created_at.isoformat()

        duties = self.duties

        id = str(self.id)

        number = self.number

        office_id = str(self.office_id)

        participant_code = self.participant_code

        participant_id = str(self.participant_id)

        status = self.status.value

        version = self.version

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        participant_name = self.participant_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "committee_id": committee_id,
                "created_at": created_at,
                "duties": duties,
                "id": id,
                "number": number,
                "office_id": office_id,
                "participant_code": participant_code,
                "participant_id": participant_id,
                "status": status,
                "version": version,
            }
        )
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if participant_name is not UNSET:
            field_dict["participant_name"] = participant_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        committee_id = UUID(d.pop("committee_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duties = d.pop("duties")

        id = UUID(d.pop("id"))

        number = d.pop("number")

        office_id = UUID(d.pop("office_id"))

        participant_code = d.pop("participant_code")

        participant_id = UUID(d.pop("participant_id"))

        status = NoticeState(d.pop("status"))

        version = d.pop("version")

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        participant_name = d.pop("participant_name", UNSET)

        assistance_notice = cls(
            committee_id=committee_id,
            created_at=created_at,
            duties=duties,
            id=id,
            number=number,
            office_id=office_id,
            participant_code=participant_code,
            participant_id=participant_id,
            status=status,
            version=version,
            acknowledged_at=acknowledged_at,
            participant_name=participant_name,
        )

        assistance_notice.additional_properties = d
        return assistance_notice

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
