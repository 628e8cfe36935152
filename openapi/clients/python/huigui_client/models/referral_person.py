from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralPerson")


@_attrs_define
class ReferralPerson:
    """The person, as little as the agency needs: name and masked ID; a minor's
    code instead of the name for everyone but the bureau and the person's office.

        Attributes:
            id (UUID):
            name (str):
            id_number_masked (None | str | Unset):
    """

    id: UUID
    name: str
    id_number_masked: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        id_number_masked: None | str | Unset
        if isinstance(self.id_number_masked, Unset):
            id_number_masked = UNSET
        else:
            id_number_masked = self.id_number_masked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if id_number_masked is not UNSET:
            field_dict["id_number_masked"] = id_number_masked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_id_number_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number_masked = _parse_id_number_masked(d.pop("id_number_masked", UNSET))

        referral_person = cls(
            id=id,
            name=name,
            id_number_masked=id_number_masked,
        )

        referral_person.additional_properties = d
        return referral_person

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
