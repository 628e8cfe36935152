from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agency_type import AgencyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateOrganization")


@_attrs_define
class UpdateOrganization:
    """Changes to an organisation; absent fields stay, `null` clears.

    Attributes:
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办 (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        contact_email (None | str | Unset):
        name (None | str | Unset):
        police_station_id (None | Unset | UUID): Judicial offices only: an agency organisation.
        township (None | str | Unset):
    """

    agency_type: AgencyType | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    police_station_id: None | Unset | UUID = UNSET
    township: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency_type: str | Unset = UNSET
        if not isinstance(self.agency_type, Unset):
            agency_type = self.agency_type.value

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        field_dict.update({})
        if agency_type is not UNSET:
            field_dict["agency_type"] = agency_type
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if name is not UNSET:
            field_dict["name"] = name
        if police_station_id is not UNSET:
            field_dict["police_station_id"] = police_station_id
        if township is not UNSET:
            field_dict["township"] = township

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        update_organization = cls(
            agency_type=agency_type,
            contact_email=contact_email,
            name=name,
            police_station_id=police_station_id,
            township=township,
        )

        return update_organization
