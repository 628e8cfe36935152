from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_role import UserRole

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A user (never with a password hash).

    Attributes:
        created_at (datetime.datetime):
        disabled (bool):
        display_name (str):
        email (str):
        id (UUID):
        organization_id (UUID):
        role (UserRole): User role; each belongs to one organisation kind.
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    disabled: bool
    display_name: str
    email: str
    id: UUID
    organization_id: UUID
    role: UserRole
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        disabled = self.disabled

        display_name = self.display_name

        email = self.email

        id = str(self.id)

        organization_id = str(self.organization_id)

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "disabled": disabled,
                "display_name": display_name,
                "email": email,
                "id": id,
                "organization_id": organization_id,
                "role": role,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        disabled = d.pop("disabled")

        display_name = d.pop("display_name")

        email = d.pop("email")

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        role = UserRole(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        user = cls(
            created_at=created_at,
            disabled=disabled,
            display_name=display_name,
            email=email,
            id=id,
            organization_id=organization_id,
            role=role,
            updated_at=updated_at,
            version=version,
        )

        user.additional_properties = d
        return user

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
