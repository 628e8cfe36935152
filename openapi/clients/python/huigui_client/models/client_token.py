from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_scope import ClientScope
from ..models.token_type import TokenType

T = TypeVar("T", bound="ClientToken")


@_attrs_define
class ClientToken:
    """An access token for a partner app.

    Attributes:
        access_token (str):
        expires_in (int):
        scope (str): Space-separated scopes granted (the OAuth 2.0 form).
        scopes (list[ClientScope]): The same scopes as a list.
        token_type (TokenType): The token type of an access token (RFC 6750).
    """

    access_token: str
    expires_in: int
    scope: str
    scopes: list[ClientScope]
    token_type: TokenType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        scope = self.scope

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        token_type = self.token_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "scope": scope,
                "scopes": scopes,
                "token_type": token_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        scope = d.pop("scope")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ClientScope(scopes_item_data)

            scopes.append(scopes_item)

        token_type = TokenType(d.pop("token_type"))

        client_token = cls(
            access_token=access_token,
            expires_in=expires_in,
            scope=scope,
            scopes=scopes,
            token_type=token_type,
        )

        client_token.additional_properties = d
        return client_token

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
