from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSession")


@_attrs_define
class UpdateSession:
    """Changes to a scheduled session; absent fields stay. `latitude`,
    `longitude` and `radius_m` change together (all `null` removes the point).

        Attributes:
            capacity (int | Unset):
            credit_hours (float | Unset):
            ends_at (datetime.datetime | Unset):
            facilitator (str | Unset):
            latitude (float | None | Unset):
            location (str | Unset):
            longitude (float | None | Unset):
            radius_m (int | None | Unset):
            starts_at (datetime.datetime | Unset):
            title (str | Unset):
    """

    capacity: int | Unset = UNSET
    credit_hours: float | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    facilitator: str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    location: str | Unset = UNSET
    longitude: float | None | Unset = UNSET
    radius_m: int | None | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        capacity = self.capacity

        credit_hours = self.credit_hours

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        facilitator = self.facilitator

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        location = self.location

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

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if credit_hours is not UNSET:
            field_dict["credit_hours"] = credit_hours
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if facilitator is not UNSET:
            field_dict["facilitator"] = facilitator
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if location is not UNSET:
            field_dict["location"] = location
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if radius_m is not UNSET:
            field_dict["radius_m"] = radius_m
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capacity = d.pop("capacity", UNSET)

        credit_hours = d.pop("credit_hours", UNSET)

        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)

        facilitator = d.pop("facilitator", UNSET)

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        location = d.pop("location", UNSET)

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

        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)

        title = d.pop("title", UNSET)

        update_session = cls(
            capacity=capacity,
            credit_hours=credit_hours,
            ends_at=ends_at,
            facilitator=facilitator,
            latitude=latitude,
            location=location,
            longitude=longitude,
            radius_m=radius_m,
            starts_at=starts_at,
            title=title,
        )

        return update_session
