from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.member_gender import MemberGender
from ..models.team_role import TeamRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamMemberBody")


@_attrs_define
class TeamMemberBody:
    """A member of the team.

    Attributes:
        gender (MemberGender): A team member's gender (Art. 25 asks for a woman on a woman's team).
        name (str):
        role (TeamRole): A team member's part: 司法所工作人员, 村(居)委会, 社工, 家庭成员, 医生, 志愿者, other.
        organization_id (None | Unset | UUID):
        phone (None | str | Unset):
    """

    gender: MemberGender
    name: str
    role: TeamRole
    organization_id: None | Unset | UUID = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gender = self.gender.value

        name = self.name

        role = self.role.value

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gender": gender,
                "name": name,
                "role": role,
            }
        )
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gender = MemberGender(d.pop("gender"))

        name = d.pop("name")

        role = TeamRole(d.pop("role"))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        team_member_body = cls(
            gender=gender,
            name=name,
            role=role,
            organization_id=organization_id,
            phone=phone,
        )

        return team_member_body
