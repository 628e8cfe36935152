from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_kind import AlertKind
from ..models.alert_state import AlertState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Alert")


@_attrs_define
class Alert:
    """An alert. People appear by participant code only.

    Attributes:
        created_at (datetime.datetime):
        detail (str):
        id (UUID):
        kind (AlertKind): What an alert is about.
        office_id (UUID): The judicial office it is routed to.
        participant_code (str):
        participant_id (UUID):
        period (str): What it is about: a session id, a month `YYYY-MM`, or a date.
        status (AlertState): An alert's status.
        updated_at (datetime.datetime):
        version (int):
        agency_id (None | Unset | UUID): The agency it was escalated to.
        note (None | str | Unset): The latest handling note.
        raised_by_org (None | Unset | UUID): The NGO that raised a behaviour concern.
    """

    created_at: datetime.datetime
    detail: str
    id: UUID
    kind: AlertKind
    office_id: UUID
    participant_code: str
    participant_id: UUID
    period: str
    status: AlertState
    updated_at: datetime.datetime
    version: int
    agency_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET
    raised_by_org: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        detail = self.detail

        id = str(self.id)

        kind = self.kind.value

        office_id = str(self.office_id)

        participant_code = self.participant_code

        participant_id = str(self.participant_id)

        period = self.period

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        agency_id: None | str | Unset
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        raised_by_org: None | str | Unset
        if isinstance(self.raised_by_org, Unset):
            raised_by_org = UNSET
        elif isinstance(self.raised_by_org, UUID):
            raised_by_org = str(self.raised_by_org)
        else:
            raised_by_org = self.raised_by_org

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "detail": detail,
                "id": id,
                "kind": kind,
                "office_id": office_id,
                "participant_code": participant_code,
                "participant_id": participant_id,
                "period": period,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if note is not UNSET:
            field_dict["note"] = note
        if raised_by_org is not UNSET:
            field_dict["raised_by_org"] = raised_by_org

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        detail = d.pop("detail")

        id = UUID(d.pop("id"))

        kind = AlertKind(d.pop("kind"))

        office_id = UUID(d.pop("office_id"))

        participant_code = d.pop("participant_code")

        participant_id = UUID(d.pop("participant_id"))

        period = d.pop("period")

        status = AlertState(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_agency_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_raised_by_org(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                raised_by_org_type_0 = UUID(data)

                return raised_by_org_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        raised_by_org = _parse_raised_by_org(d.pop("raised_by_org", UNSET))

        alert = cls(
            created_at=created_at,
            detail=detail,
            id=id,
            kind=kind,
            office_id=office_id,
            participant_code=participant_code,
            participant_id=participant_id,
            period=period,
            status=status,
            updated_at=updated_at,
            version=version,
            agency_id=agency_id,
            note=note,
            raised_by_org=raised_by_org,
        )

        alert.additional_properties = d
        return alert

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
