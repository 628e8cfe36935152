from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agency_type import AgencyType
from ..models.organization_kind import OrganizationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """An organisation.

    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (OrganizationKind): Organisation kind.
        name (str):
        updated_at (datetime.datetime):
        uscc (str): Unified social credit code (GB 32100).
        version (int):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办 (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        contact_email (None | str | Unset):
        parent_id (None | Unset | UUID): The bureau a judicial office belongs to.
        police_station_id (None | Unset | UUID): For judicial offices: the police station (a `police` agency) alerts
            escalate to by default.
        township (None | str | Unset): Township, for judicial offices.
    """

    created_at: datetime.datetime
    id: UUID
    kind: OrganizationKind
    name: str
    updated_at: datetime.datetime
    uscc: str
    version: int
    agency_type: AgencyType | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    police_station_id: None | Unset | UUID = UNSET
    township: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        updated_at = self.updated_at.isoformat()

        uscc = self.uscc

        version = self.version

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

        police_station_id: None | str | Unset
        if isinstance(self.police_station_id, Unset):
            police_station_id = UNSET
        elif isinstance(self.police_station_id, UUID):
            police_station_id = str(self.police_station_id)
        else:
            police_station_id = self.police_station_id

        township: None | str | Unset
        if isinstance(self.township, Unset):
            township = UNSET
        else:
            township = self.township

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "updated_at": updated_at,
                "uscc": uscc,
                "version": version,
            }
        )
        if agency_type is not UNSET:
            field_dict["agency_type"] = agency_type
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if police_station_id is not UNSET:
            field_dict["police_station_id"] = police_station_id
        if township is not UNSET:
            field_dict["township"] = township

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = OrganizationKind(d.pop("kind"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uscc = d.pop("uscc")

        version = d.pop("version")

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

        def _parse_police_station_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                police_station_id_type_0 = UUID(data)

                return police_station_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        police_station_id = _parse_police_station_id(d.pop("police_station_id", UNSET))

        def _parse_township(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township = _parse_township(d.pop("township", UNSET))

        organization = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            updated_at=updated_at,
            uscc=uscc,
            version=version,
            agency_type=agency_type,
            contact_email=contact_email,
            parent_id=parent_id,
            police_station_id=police_station_id,
            township=township,
        )

        organization.additional_properties = d
        return organization

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
