from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Transfer")


@_attrs_define
class Transfer:
    """A transfer between judicial offices (or out of the county).

    Attributes:
        at (datetime.datetime):
        reason (str):
        from_office_id (None | Unset | UUID):
        to_office_id (None | Unset | UUID):
    """

    at: datetime.datetime
    reason: str
    from_office_id: None | Unset | UUID = UNSET
    to_office_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        reason = self.reason

        from_office_id: None | str | Unset
        if isinstance(self.from_office_id, Unset):
            from_office_id = UNSET
        elif isinstance(self.from_office_id, UUID):
            from_office_id = str(self.from_office_id)
        else:
            from_office_id = self.from_office_id

        to_office_id: None | str | Unset
        if isinstance(self.to_office_id, Unset):
            to_office_id = UNSET
        elif isinstance(self.to_office_id, UUID):
            to_office_id = str(self.to_office_id)
        else:
            to_office_id = self.to_office_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "reason": reason,
            }
        )
        if from_office_id is not UNSET:
            field_dict["from_office_id"] = from_office_id
        if to_office_id is not UNSET:
            field_dict["to_office_id"] = to_office_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        reason = d.pop("reason")

        def _parse_from_office_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_office_id_type_0 = UUID(data)

                return from_office_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_office_id = _parse_from_office_id(d.pop("from_office_id", UNSET))

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

        transfer = cls(
            at=at,
            reason=reason,
            from_office_id=from_office_id,
            to_office_id=to_office_id,
        )

        transfer.additional_properties = d
        return transfer

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
