from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_state import FindingState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding_subject import FindingSubject


T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """A supervision finding.

    Attributes:
        created_at (datetime.datetime):
        created_by (UUID):
        description (str):
        id (UUID):
        organization_id (UUID): The addressed organisation: a judicial office, the bureau or an NGO.
        overdue (bool): Open past `rectify_by`.
        rectify_by (datetime.date): Rectify and respond by this day.
        status (FindingState): A finding's status: `open` (waiting for the addressed organisation),
            `responded` (rectification reported), `closed` (accepted by the procuratorate).
        subject (FindingSubject): The record a finding is about: `id` for every kind but `none`.
        updated_at (datetime.datetime):
        version (int):
        closed_at (datetime.datetime | None | Unset):
        rectification (None | str | Unset): What the organisation rectified.
        responded_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    created_by: UUID
    description: str
    id: UUID
    organization_id: UUID
    overdue: bool
    rectify_by: datetime.date
    status: FindingState
    subject: FindingSubject
    updated_at: datetime.datetime
    version: int
    closed_at: datetime.datetime | None | Unset = UNSET
    rectification: None | str | Unset = UNSET
    responded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        description = self.description

        id = str(self.id)

        organization_id = str(self.organization_id)

        overdue = self.overdue

        rectify_by = self.rectify_by.isoformat()

        status = self.status.value

        subject = self.subject.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        rectification: None | str | Unset
        if isinstance(self.rectification, Unset):
            rectification = UNSET
        else:
            rectification = self.rectification

        responded_at: None | str | Unset
        if isinstance(self.responded_at, Unset):
            responded_at = UNSET
        elif isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "description": description,
                "id": id,
                "organization_id": organization_id,
                "overdue": overdue,
                "rectify_by": rectify_by,
                "status": status,
                "subject": subject,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if rectification is not UNSET:
            field_dict["rectification"] = rectification
        if responded_at is not UNSET:
            field_dict["responded_at"] = responded_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_subject import FindingSubject  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        overdue = d.pop("overdue")

        rectify_by = datetime.date.fromisoformat(d.pop("rectify_by"))

        status = FindingState(d.pop("status"))

        subject = FindingSubject.from_dict(d.pop("subject"))

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

        def _parse_rectification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rectification = _parse_rectification(d.pop("rectification", UNSET))

        def _parse_responded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        responded_at = _parse_responded_at(d.pop("responded_at", UNSET))

        finding = cls(
            created_at=created_at,
            created_by=created_by,
            description=description,
            id=id,
            organization_id=organization_id,
            overdue=overdue,
            rectify_by=rectify_by,
            status=status,
            subject=subject,
            updated_at=updated_at,
            version=version,
            closed_at=closed_at,
            rectification=rectification,
            responded_at=responded_at,
        )

        finding.additional_properties = d
        return finding

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
