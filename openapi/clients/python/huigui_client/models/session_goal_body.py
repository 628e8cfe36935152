from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.session_type import SessionType

T = TypeVar("T", bound="SessionGoalBody")


@_attrs_define
class SessionGoalBody:
    """So many attended sessions of one type a month.

    Attributes:
        per_month (int): 1–31.
        type_ (SessionType): Session types (also the service categories of procurements and contracts).
    """

    per_month: int
    type_: SessionType

    def to_dict(self) -> dict[str, Any]:
        per_month = self.per_month

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "per_month": per_month,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per_month = d.pop("per_month")

        type_ = SessionType(d.pop("type"))

        session_goal_body = cls(
            per_month=per_month,
            type_=type_,
        )

        return session_goal_body
