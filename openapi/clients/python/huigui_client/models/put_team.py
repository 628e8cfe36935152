from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.team_member_body import TeamMemberBody


T = TypeVar("T", bound="PutTeam")


@_attrs_define
class PutTeam:
    """The whole team, replacing the one before.

    Attributes:
        members (list[TeamMemberBody]):
    """

    members: list[TeamMemberBody]

    def to_dict(self) -> dict[str, Any]:
        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_member_body import TeamMemberBody  # noqa: PLC0415

        d = dict(src_dict)
        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = TeamMemberBody.from_dict(members_item_data)

            members.append(members_item)

        put_team = cls(
            members=members,
        )

        return put_team
