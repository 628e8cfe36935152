from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.session_type import SessionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSession")


@_attrs_define
class CreateSession:
    """
    Attributes:
        capacity (int):
        contract_id (UUID):
        credit_hours (float): At most the duration; two decimals.
        ends_at (datetime.datetime):
        facilitator (str):
        location (str):
        starts_at (datetime.datetime):
        title (str):
        type_ (SessionType): Session types (also the service categories of procurements and contracts).
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        radius_m (int | None | Unset):
    """

    capacity: int
    contract_id: UUID
    credit_hours: float
    ends_at: datetime.datetime
    facilitator: str
    location: str
    starts_at: datetime.datetime
    title: str
    type_: SessionType
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    radius_m: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        capacity = self.capacity

        contract_id = str(self.contract_id)

        credit_hours = self.credit_hours

        ends_at = self.ends_at.isoformat()

        facilitator = self.facilitator

        location = self.location

        starts_at = self.starts_at.isoformat()

        title = self.title

        type_ = self.type_.value

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        radius_m: int | None | Unset
        if isinstance(self.radius_m, Unset):
            radius_m = UNSET
        else:
            radius_m = self.radius_m

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "capacity": capacity,
                "contract_id": contract_id,
                "credit_hours": credit_hours,
                "ends_at": ends_at,
                "facilitator": facilitator,
                "location": location,
                "starts_at": starts_at,
                "title": title,
                "type": type_,
            }
        )
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if radius_m is not UNSET:
            field_dict["radius_m"] = radius_m

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capacity = d.pop("capacity")

        contract_id = UUID(d.pop("contract_id"))

        credit_hours = d.pop("credit_hours")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        facilitator = d.pop("facilitator")

        location = d.pop("location")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        title = d.pop("title")

        type_ = SessionType(d.pop("type"))

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_radius_m(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        radius_m = _parse_radius_m(d.pop("radius_m", UNSET))

        create_session = cls(
            capacity=capacity,
            contract_id=contract_id,
            credit_hours=credit_hours,
            ends_at=ends_at,
            facilitator=facilitator,
            location=location,
            starts_at=starts_at,
            title=title,
            type_=type_,
            latitude=latitude,
            longitude=longitude,
            radius_m=radius_m,
        )

        return create_session
