from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.certificate_activity import CertificateActivity


T = TypeVar("T", bound="Certificate")


@_attrs_define
class Certificate:
    """A volunteer's certificate of service (谁组织谁记录、谁记录谁证明).

    Attributes:
        activities (list[CertificateActivity]):
        issued_at (datetime.datetime):
        issuer (str): The NGO that organised and recorded the service.
        number (str):
        participant_name (str):
        total_hours (float):
    """

    activities: list[CertificateActivity]
    issued_at: datetime.datetime
    issuer: str
    number: str
    participant_name: str
    total_hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        issued_at = self.issued_at.isoformat()

        issuer = self.issuer

        number = self.number

        participant_name = self.participant_name

        total_hours = self.total_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "issued_at": issued_at,
                "issuer": issuer,
                "number": number,
                "participant_name": participant_name,
                "total_hours": total_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certificate_activity import CertificateActivity  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = CertificateActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        issuer = d.pop("issuer")

        number = d.pop("number")

        participant_name = d.pop("participant_name")

        total_hours = d.pop("total_hours")

        certificate = cls(
            activities=activities,
            issued_at=issued_at,
            issuer=issuer,
            number=number,
            participant_name=participant_name,
            total_hours=total_hours,
        )

        certificate.additional_properties = d
        return certificate

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
