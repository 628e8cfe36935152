from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.check_kind import CheckKind
from ..models.check_source import CheckSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckEvent")


@_attrs_define
class CheckEvent:
    """One check event.

    Attributes:
        at (datetime.datetime): Device time.
        kind (CheckKind):
        participant_id (UUID):
        source (CheckSource):
        client_event_id (None | Unset | UUID):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        qr_token (None | str | Unset):
    """

    at: datetime.datetime
    kind: CheckKind
    participant_id: UUID
    source: CheckSource
    client_event_id: None | Unset | UUID = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    qr_token: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        kind = self.kind.value

        participant_id = str(self.participant_id)

        source = self.source.value

        client_event_id: None | str | Unset
        if isinstance(self.client_event_id, Unset):
            client_event_id = UNSET
        elif isinstance(self.client_event_id, UUID):
            client_event_id = str(self.client_event_id)
        else:
            client_event_id = self.client_event_id

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

        qr_token: None | str | Unset
        if isinstance(self.qr_token, Unset):
            qr_token = UNSET
        else:
            qr_token = self.qr_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "kind": kind,
                "participant_id": participant_id,
                "source": source,
            }
        )
        if client_event_id is not UNSET:
            field_dict["client_event_id"] = client_event_id
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if qr_token is not UNSET:
            field_dict["qr_token"] = qr_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = CheckKind(d.pop("kind"))

        participant_id = UUID(d.pop("participant_id"))

        source = CheckSource(d.pop("source"))

        def _parse_client_event_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                client_event_id_type_0 = UUID(data)

                return client_event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        client_event_id = _parse_client_event_id(d.pop("client_event_id", UNSET))

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

        def _parse_qr_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        qr_token = _parse_qr_token(d.pop("qr_token", UNSET))

        check_event = cls(
            at=at,
            kind=kind,
            participant_id=participant_id,
            source=source,
            client_event_id=client_event_id,
            latitude=latitude,
            longitude=longitude,
            qr_token=qr_token,
        )

        return check_event
