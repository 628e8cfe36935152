from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Escalation")


@_attrs_define
class Escalation:
    """An escalation: to `agency_id`, or by default the office's police station.

    Attributes:
        note (str):
        agency_id (None | Unset | UUID):
    """

    note: str
    agency_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        agency_id: None | str | Unset
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        def _parse_agency_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id", UNSET))

        escalation = cls(
            note=note,
            agency_id=agency_id,
        )

        return escalation
