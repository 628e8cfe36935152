from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClientTokenRequest")


@_attrs_define
class ClientTokenRequest:
    """Client-credentials grant for partner apps.

    Attributes:
        client_id (str):
        client_secret (str):
    """

    client_id: str
    client_secret: str

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        client_token_request = cls(
            client_id=client_id,
            client_secret=client_secret,
        )

        return client_token_request
