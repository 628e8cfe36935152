from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.user_role import UserRole

T = TypeVar("T", bound="CreateUser")


@_attrs_define
class CreateUser:
    """A new user.

    Attributes:
        display_name (str):
        email (str):
        organization_id (UUID):
        password (str): At least 10 characters.
        role (UserRole): User role; each belongs to one organisation kind.
    """

    display_name: str
    email: str
    organization_id: UUID
    password: str
    role: UserRole

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email = self.email

        organization_id = str(self.organization_id)

        password = self.password

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "email": email,
                "organization_id": organization_id,
                "password": password,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        email = d.pop("email")

        organization_id = UUID(d.pop("organization_id"))

        password = d.pop("password")

        role = UserRole(d.pop("role"))

        create_user = cls(
            display_name=display_name,
            email=email,
            organization_id=organization_id,
            password=password,
            role=role,
        )

        return create_user
