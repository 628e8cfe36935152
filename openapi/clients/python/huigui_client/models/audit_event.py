from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """One audit event.

    Attributes:
        action (str):
        actor_type (ActorType): Who wrote an audit event.
        at (str): RFC 3339 UTC time.
        hash_ (str):
        id (UUID):
        object_type (str):
        prev_hash (str):
        request_id (str):
        seq (int): Position in the chain.
        summary (Any): JSON summary of the change (never secrets or ID numbers).
        actor_id (None | Unset | UUID):
        object_id (None | str | Unset):
        organization_id (None | Unset | UUID):
    """

    action: str
    actor_type: ActorType
    at: str
    hash_: str
    id: UUID
    object_type: str
    prev_hash: str
    request_id: str
    seq: int
    summary: Any
    actor_id: None | Unset | UUID = UNSET
    object_id: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_type = self.actor_type.value

        at = self.at

        hash_ = self.hash_

        id = str(self.id)

        object_type = self.object_type

        prev_hash = self.prev_hash

        request_id = self.request_id

        seq = self.seq

        summary = self.summary

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        object_id: None | str | Unset
        if isinstance(self.object_id, Unset):
            object_id = UNSET
        else:
            object_id = self.object_id

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_type": actor_type,
                "at": at,
                "hash": hash_,
                "id": id,
                "object_type": object_type,
                "prev_hash": prev_hash,
                "request_id": request_id,
                "seq": seq,
                "summary": summary,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if object_id is not UNSET:
            field_dict["object_id"] = object_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor_type = ActorType(d.pop("actor_type"))

        at = d.pop("at")

        hash_ = d.pop("hash")

        id = UUID(d.pop("id"))

        object_type = d.pop("object_type")

        prev_hash = d.pop("prev_hash")

        request_id = d.pop("request_id")

        seq = d.pop("seq")

        summary = d.pop("summary")

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_object_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_id = _parse_object_id(d.pop("object_id", UNSET))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        audit_event = cls(
            action=action,
            actor_type=actor_type,
            at=at,
            hash_=hash_,
            id=id,
            object_type=object_type,
            prev_hash=prev_hash,
            request_id=request_id,
            seq=seq,
            summary=summary,
            actor_id=actor_id,
            object_id=object_id,
            organization_id=organization_id,
        )

        audit_event.additional_properties = d
        return audit_event

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
