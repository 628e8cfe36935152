from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_role import UserRole
from uuid import UUID






T = TypeVar("T", bound="CreateUser")



@_attrs_define
class CreateUser:
    """ A new user.

        Attributes:
            email (str):
            display_name (str):
            role (UserRole): User role; each belongs to one organisation kind.
            organization_id (UUID):
            password (str): At least 10 characters.
     """

    email: str
    display_name: str
    role: UserRole
    organization_id: UUID
    password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        display_name = self.display_name

        role = self.role.value

        organization_id = str(self.organization_id)

        password = self.password


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "display_name": display_name,
            "role": role,
            "organization_id": organization_id,
            "password": password,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        display_name = d.pop("display_name")

        role = UserRole(d.pop("role"))




        organization_id = UUID(d.pop("organization_id"))




        password = d.pop("password")

        create_user = cls(
            email=email,
            display_name=display_name,
            role=role,
            organization_id=organization_id,
            password=password,
        )


        create_user.additional_properties = d
        return create_user

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
