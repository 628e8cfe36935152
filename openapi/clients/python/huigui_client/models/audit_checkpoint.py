from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditCheckpoint")


@_attrs_define
class AuditCheckpoint:
    """A signed head of the audit chain.

    Attributes:
        hash_ (str): That event's hash.
        id (UUID):
        key_id (str):
        public_key (str): base64url Ed25519 public key of `key_id`.
        seq (int): The chain head's position when it was signed.
        signature (str): base64url Ed25519 signature over `huigui-audit-checkpoint:v1:<seq>:<hash>:<signed_at unix>`.
        signed_at (datetime.datetime):
        token (str): The text to keep and pass back as `checkpoint` to `verify_audit_events`.
    """

    hash_: str
    id: UUID
    key_id: str
    public_key: str
    seq: int
    signature: str
    signed_at: datetime.datetime
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hash_ = self.hash_

        id = str(self.id)

        key_id = self.key_id

        public_key = self.public_key

        seq = self.seq

        signature = self.signature

        signed_at = self.signed_at.isoformat()

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hash": hash_,
                "id": id,
                "key_id": key_id,
                "public_key": public_key,
                "seq": seq,
                "signature": signature,
                "signed_at": signed_at,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hash_ = d.pop("hash")

        id = UUID(d.pop("id"))

        key_id = d.pop("key_id")

        public_key = d.pop("public_key")

        seq = d.pop("seq")

        signature = d.pop("signature")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        token = d.pop("token")

        audit_checkpoint = cls(
            hash_=hash_,
            id=id,
            key_id=key_id,
            public_key=public_key,
            seq=seq,
            signature=signature,
            signed_at=signed_at,
            token=token,
        )

        audit_checkpoint.additional_properties = d
        return audit_checkpoint

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
