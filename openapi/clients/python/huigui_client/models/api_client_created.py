from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_scope import ClientScope

T = TypeVar("T", bound="ApiClientCreated")


@_attrs_define
class ApiClientCreated:
    """A new client and its secret, shown only in this response.

    Attributes:
        client_id (str):
        client_secret (str):
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        organization_id (UUID):
        scopes (list[ClientScope]):
    """

    client_id: str
    client_secret: str
    created_at: datetime.datetime
    id: UUID
    name: str
    organization_id: UUID
    scopes: list[ClientScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_secret = self.client_secret

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        organization_id = str(self.organization_id)

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "created_at": created_at,
                "id": id,
                "name": name,
                "organization_id": organization_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        organization_id = UUID(d.pop("organization_id"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ClientScope(scopes_item_data)

            scopes.append(scopes_item)

        api_client_created = cls(
            client_id=client_id,
            client_secret=client_secret,
            created_at=created_at,
            id=id,
            name=name,
            organization_id=organization_id,
            scopes=scopes,
        )

        api_client_created.additional_properties = d
        return api_client_created

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
