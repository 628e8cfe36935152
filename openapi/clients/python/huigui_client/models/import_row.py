from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_status import ImportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ImportRow")


@_attrs_define
class ImportRow:
    """What happened to one row.

    Attributes:
        row (int): The line in the file (the header is row 1).
        status (ImportStatus):
        errors (list[FieldError] | Unset):
        participant_id (UUID | Unset):
    """

    row: int
    status: ImportStatus
    errors: list[FieldError] | Unset = UNSET
    participant_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        status = self.status.value

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        participant_id: str | Unset = UNSET
        if not isinstance(self.participant_id, Unset):
            participant_id = str(self.participant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "status": status,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if participant_id is not UNSET:
            field_dict["participant_id"] = participant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        row = d.pop("row")

        status = ImportStatus(d.pop("status"))

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        _participant_id = d.pop("participant_id", UNSET)
        participant_id: UUID | Unset
        if isinstance(_participant_id, Unset):
            participant_id = UNSET
        else:
            participant_id = UUID(_participant_id)

        import_row = cls(
            row=row,
            status=status,
            errors=errors,
            participant_id=participant_id,
        )

        import_row.additional_properties = d
        return import_row

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
