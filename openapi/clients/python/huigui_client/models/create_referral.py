from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.referral_need import ReferralNeed

T = TypeVar("T", bound="CreateReferral")


@_attrs_define
class CreateReferral:
    """A new referral.

    Attributes:
        agency_id (UUID): An agency organisation (township government, civil affairs, police station, village
            committee).
        detail (str):
        need (ReferralNeed):
        participant_id (UUID):
        respond_by (datetime.date): Today or later.
    """

    agency_id: UUID
    detail: str
    need: ReferralNeed
    participant_id: UUID
    respond_by: datetime.date

    def to_dict(self) -> dict[str, Any]:
        agency_id = str(self.agency_id)

        detail = self.detail

        need = self.need.value

        participant_id = str(self.participant_id)

        respond_by = self.respond_by.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency_id": agency_id,
                "detail": detail,
                "need": need,
                "participant_id": participant_id,
                "respond_by": respond_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_id = UUID(d.pop("agency_id"))

        detail = d.pop("detail")

        need = ReferralNeed(d.pop("need"))

        participant_id = UUID(d.pop("participant_id"))

        respond_by = datetime.date.fromisoformat(d.pop("respond_by"))

        create_referral = cls(
            agency_id=agency_id,
            detail=detail,
            need=need,
            participant_id=participant_id,
            respond_by=respond_by,
        )

        return create_referral
