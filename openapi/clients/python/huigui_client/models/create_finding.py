from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.finding_subject import FindingSubject


T = TypeVar("T", bound="CreateFinding")


@_attrs_define
class CreateFinding:
    """A new finding.

    Attributes:
        description (str):
        organization_id (UUID): A judicial office, the bureau or an NGO.
        rectify_by (datetime.date): Not in the past.
        subject (FindingSubject): The record a finding is about: `id` for every kind but `none`.
    """

    description: str
    organization_id: UUID
    rectify_by: datetime.date
    subject: FindingSubject

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        organization_id = str(self.organization_id)

        rectify_by = self.rectify_by.isoformat()

        subject = self.subject.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "organization_id": organization_id,
                "rectify_by": rectify_by,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_subject import FindingSubject  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        organization_id = UUID(d.pop("organization_id"))

        rectify_by = datetime.date.fromisoformat(d.pop("rectify_by"))

        subject = FindingSubject.from_dict(d.pop("subject"))

        create_finding = cls(
            description=description,
            organization_id=organization_id,
            rectify_by=rectify_by,
            subject=subject,
        )

        return create_finding
