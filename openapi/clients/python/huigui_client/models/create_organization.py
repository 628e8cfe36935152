from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agency_type import AgencyType
from ..models.organization_kind import OrganizationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOrganization")


@_attrs_define
class CreateOrganization:
    """A new organisation. `agency_type` is required for an agency and refused for every other kind.

    Attributes:
        kind (OrganizationKind): Organisation kind.
        name (str):
        uscc (str):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办 (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        contact_email (None | str | Unset):
        parent_id (None | Unset | UUID): For judicial offices: their bureau (default: the caller's bureau).
        township (None | str | Unset): Required for judicial offices.
    """

    kind: OrganizationKind
    name: str
    uscc: str
    agency_type: AgencyType | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    township: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        uscc = self.uscc

        agency_type: str | Unset = UNSET
        if not isinstance(self.agency_type, Unset):
            agency_type = self.agency_type.value

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        township: None | str | Unset
        if isinstance(self.township, Unset):
            township = UNSET
        else:
            township = self.township

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "uscc": uscc,
            }
        )
        if agency_type is not UNSET:
            field_dict["agency_type"] = agency_type
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if township is not UNSET:
            field_dict["township"] = township

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrganizationKind(d.pop("kind"))

        name = d.pop("name")

        uscc = d.pop("uscc")

        _agency_type = d.pop("agency_type", UNSET)
        agency_type: AgencyType | Unset
        if isinstance(_agency_type, Unset):
            agency_type = UNSET
        else:
            agency_type = AgencyType(_agency_type)

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_township(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township = _parse_township(d.pop("township", UNSET))

        create_organization = cls(
            kind=kind,
            name=name,
            uscc=uscc,
            agency_type=agency_type,
            contact_email=contact_email,
            parent_id=parent_id,
            township=township,
        )

        return create_organization
