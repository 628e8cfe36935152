from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.client_scope import ClientScope

T = TypeVar("T", bound="CreateApiClient")


@_attrs_define
class CreateApiClient:
    """
    Attributes:
        name (str):
        scopes (list[ClientScope]): At least one scope.
    """

    name: str
    scopes: list[ClientScope]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ClientScope(scopes_item_data)

            scopes.append(scopes_item)

        create_api_client = cls(
            name=name,
            scopes=scopes,
        )

        return create_api_client
