from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organization_kind import OrganizationKind
from ..models.permission import Permission
from ..models.user_role import UserRole

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """The logged-in user.

    Attributes:
        display_name (str):
        email (str):
        organization_id (UUID):
        organization_kind (OrganizationKind): Organisation kind.
        permissions (list[Permission]): What this role may do (the server's permission matrix): show only the controls
            that can work.
        role (UserRole): User role; each belongs to one organisation kind.
        time_zone (str): The bureau's time zone (IANA name): months, "today" and session days are counted in it.
        user_id (UUID):
    """

    display_name: str
    email: str
    organization_id: UUID
    organization_kind: OrganizationKind
    permissions: list[Permission]
    role: UserRole
    time_zone: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email = self.email

        organization_id = str(self.organization_id)

        organization_kind = self.organization_kind.value

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        role = self.role.value

        time_zone = self.time_zone

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "email": email,
                "organization_id": organization_id,
                "organization_kind": organization_kind,
                "permissions": permissions,
                "role": role,
                "time_zone": time_zone,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        email = d.pop("email")

        organization_id = UUID(d.pop("organization_id"))

        organization_kind = OrganizationKind(d.pop("organization_kind"))

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = Permission(permissions_item_data)

            permissions.append(permissions_item)

        role = UserRole(d.pop("role"))

        time_zone = d.pop("time_zone")

        user_id = UUID(d.pop("user_id"))

        me = cls(
            display_name=display_name,
            email=email,
            organization_id=organization_id,
            organization_kind=organization_kind,
            permissions=permissions,
            role=role,
            time_zone=time_zone,
            user_id=user_id,
        )

        me.additional_properties = d
        return me

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
