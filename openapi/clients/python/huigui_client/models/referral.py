from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_need import ReferralNeed
from ..models.referral_state import ReferralState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.referral_office import ReferralOffice
    from ..models.referral_person import ReferralPerson


T = TypeVar("T", bound="Referral")


@_attrs_define
class Referral:
    """A referral.

    Attributes:
        agency_id (UUID):
        created_at (datetime.datetime):
        detail (str):
        id (UUID):
        need (ReferralNeed):
        office (ReferralOffice): The office to contact.
        overdue (bool): Still open or accepted after `respond_by`.
        participant (ReferralPerson): The person, as little as the agency needs: name and masked ID; a minor's
            code instead of the name for everyone but the bureau and the person's office.
        participant_id (UUID):
        respond_by (datetime.date):
        status (ReferralState):
        updated_at (datetime.datetime):
        version (int):
        response (None | str | Unset):
    """

    agency_id: UUID
    created_at: datetime.datetime
    detail: str
    id: UUID
    need: ReferralNeed
    office: ReferralOffice
    overdue: bool
    participant: ReferralPerson
    participant_id: UUID
    respond_by: datetime.date
    status: ReferralState
    updated_at: datetime.datetime
    version: int
    response: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agency_id = str(self.agency_id)

        created_at = self.created_at.isoformat()

        detail = self.detail

        id = str(self.id)

        need = self.need.value

        office = self.office.to_dict()

        overdue = self.overdue

        participant = self.participant.to_dict()

        participant_id = str(self.participant_id)

        respond_by = self.respond_by.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agency_id": agency_id,
                "created_at": created_at,
                "detail": detail,
                "id": id,
                "need": need,
                "office": office,
                "overdue": overdue,
                "participant": participant,
                "participant_id": participant_id,
                "respond_by": respond_by,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if response is not UNSET:
            field_dict["response"] = response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_office import ReferralOffice  # noqa: PLC0415
        from ..models.referral_person import ReferralPerson  # noqa: PLC0415

        d = dict(src_dict)
        agency_id = UUID(d.pop("agency_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        detail = d.pop("detail")

        id = UUID(d.pop("id"))

        need = ReferralNeed(d.pop("need"))

        office = ReferralOffice.from_dict(d.pop("office"))

        overdue = d.pop("overdue")

        participant = ReferralPerson.from_dict(d.pop("participant"))

        participant_id = UUID(d.pop("participant_id"))

        respond_by = datetime.date.fromisoformat(d.pop("respond_by"))

        status = ReferralState(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        referral = cls(
            agency_id=agency_id,
            created_at=created_at,
            detail=detail,
            id=id,
            need=need,
            office=office,
            overdue=overdue,
            participant=participant,
            participant_id=participant_id,
            respond_by=respond_by,
            status=status,
            updated_at=updated_at,
            version=version,
            response=response,
        )

        referral.additional_properties = d
        return referral

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
