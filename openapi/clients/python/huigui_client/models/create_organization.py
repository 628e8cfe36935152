from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_kind import OrganizationKind
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="CreateOrganization")



@_attrs_define
class CreateOrganization:
    """ A new organisation.

        Attributes:
            kind (OrganizationKind): Organisation kind.
            name (str):
            uscc (str):
            parent_id (UUID | Unset): For judicial offices: their bureau (default: the caller's bureau).
            township (str | Unset): Required for judicial offices.
            contact_email (str | Unset):
     """

    kind: OrganizationKind
    name: str
    uscc: str
    parent_id: UUID | Unset = UNSET
    township: str | Unset = UNSET
    contact_email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        uscc = self.uscc

        parent_id: str | Unset = UNSET
        if not isinstance(self.parent_id, Unset):
            parent_id = str(self.parent_id)

        township = self.township

        contact_email = self.contact_email


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "name": name,
            "uscc": uscc,
        })
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if township is not UNSET:
            field_dict["township"] = township
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrganizationKind(d.pop("kind"))




        name = d.pop("name")

        uscc = d.pop("uscc")

        _parent_id = d.pop("parent_id", UNSET)
        parent_id: UUID | Unset
        if isinstance(_parent_id,  Unset):
            parent_id = UNSET
        else:
            parent_id = UUID(_parent_id)




        township = d.pop("township", UNSET)

        contact_email = d.pop("contact_email", UNSET)

        create_organization = cls(
            kind=kind,
            name=name,
            uscc=uscc,
            parent_id=parent_id,
            township=township,
            contact_email=contact_email,
        )


        create_organization.additional_properties = d
        return create_organization

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
