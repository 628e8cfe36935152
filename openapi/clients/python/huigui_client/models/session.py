from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_state import SessionState
from ..models.session_type import SessionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A session.

    Attributes:
        capacity (int):
        contract_id (UUID):
        created_at (datetime.datetime):
        credit_hours (float):
        ends_at (datetime.datetime):
        facilitator (str):
        id (UUID):
        location (str):
        ngo_id (UUID):
        starts_at (datetime.datetime):
        status (SessionState): A session's status.
        title (str):
        type_ (SessionType): Session types (also the service categories of procurements and contracts).
        version (int):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        radius_m (int | None | Unset):
    """

    capacity: int
    contract_id: UUID
    created_at: datetime.datetime
    credit_hours: float
    ends_at: datetime.datetime
    facilitator: str
    id: UUID
    location: str
    ngo_id: UUID
    starts_at: datetime.datetime
    status: SessionState
    title: str
    type_: SessionType
    version: int
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    radius_m: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capacity = self.capacity

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        credit_hours = self.credit_hours

        ends_at = self.ends_at.isoformat()

        facilitator = self.facilitator

        id = str(self.id)

        location = self.location

        ngo_id = str(self.ngo_id)

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        title = self.title

        type_ = self.type_.value

        version = self.version

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capacity": capacity,
                "contract_id": contract_id,
                "created_at": created_at,
                "credit_hours": credit_hours,
                "ends_at": ends_at,
                "facilitator": facilitator,
                "id": id,
                "location": location,
                "ngo_id": ngo_id,
                "starts_at": starts_at,
                "status": status,
                "title": title,
                "type": type_,
                "version": version,
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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_hours = d.pop("credit_hours")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        facilitator = d.pop("facilitator")

        id = UUID(d.pop("id"))

        location = d.pop("location")

        ngo_id = UUID(d.pop("ngo_id"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = SessionState(d.pop("status"))

        title = d.pop("title")

        type_ = SessionType(d.pop("type"))

        version = d.pop("version")

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

        session = cls(
            capacity=capacity,
            contract_id=contract_id,
            created_at=created_at,
            credit_hours=credit_hours,
            ends_at=ends_at,
            facilitator=facilitator,
            id=id,
            location=location,
            ngo_id=ngo_id,
            starts_at=starts_at,
            status=status,
            title=title,
            type_=type_,
            version=version,
            latitude=latitude,
            longitude=longitude,
            radius_m=radius_m,
        )

        session.additional_properties = d
        return session

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
