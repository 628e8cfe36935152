from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AwardRequest")


@_attrs_define
class AwardRequest:
    """The award decision.

    Attributes:
        bid_id (UUID):
        reason (None | str | Unset): Required when the bid is not the top-scoring one.
    """

    bid_id: UUID
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bid_id = str(self.bid_id)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bid_id": bid_id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bid_id = UUID(d.pop("bid_id"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        award_request = cls(
            bid_id=bid_id,
            reason=reason,
        )

        return award_request
