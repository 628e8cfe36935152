from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransferRequest")


@_attrs_define
class TransferRequest:
    """A transfer: to another judicial office, or (without `to_office_id`) out of the county.

    Attributes:
        reason (str):
        to_office_id (None | Unset | UUID):
    """

    reason: str
    to_office_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        to_office_id: None | str | Unset
        if isinstance(self.to_office_id, Unset):
            to_office_id = UNSET
        elif isinstance(self.to_office_id, UUID):
            to_office_id = str(self.to_office_id)
        else:
            to_office_id = self.to_office_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if to_office_id is not UNSET:
            field_dict["to_office_id"] = to_office_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_to_office_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_office_id_type_0 = UUID(data)

                return to_office_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        to_office_id = _parse_to_office_id(d.pop("to_office_id", UNSET))

        transfer_request = cls(
            reason=reason,
            to_office_id=to_office_id,
        )

        return transfer_request
