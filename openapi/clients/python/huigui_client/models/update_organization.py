from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="UpdateOrganization")



@_attrs_define
class UpdateOrganization:
    """ Changes to an organisation; absent fields stay, `null` clears.

        Attributes:
            name (str | Unset):
            township (str | Unset):
            contact_email (str | Unset):
     """

    name: str | Unset = UNSET
    township: str | Unset = UNSET
    contact_email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        township = self.township

        contact_email = self.contact_email


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if township is not UNSET:
            field_dict["township"] = township
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        township = d.pop("township", UNSET)

        contact_email = d.pop("contact_email", UNSET)

        update_organization = cls(
            name=name,
            township=township,
            contact_email=contact_email,
        )


        update_organization.additional_properties = d
        return update_organization

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
