from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checkpoint_check import CheckpointCheck


T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """Result of walking the chain and comparing it with a signed checkpoint.
    `checkpoint` is the one compared: the one passed as `checkpoint`, else the
    newest stored one; absent when there is none.

        Attributes:
            checked (int): Events that verified before the first bad one (all, when the chain verifies).
            ok (bool): The chain verifies and matches the checkpoint (when there is one).
            checkpoint (CheckpointCheck | Unset): The comparison with one checkpoint.
            first_bad_id (None | Unset | UUID):
    """

    checked: int
    ok: bool
    checkpoint: CheckpointCheck | Unset = UNSET
    first_bad_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked

        ok = self.ok

        checkpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checkpoint, Unset):
            checkpoint = self.checkpoint.to_dict()

        first_bad_id: None | str | Unset
        if isinstance(self.first_bad_id, Unset):
            first_bad_id = UNSET
        elif isinstance(self.first_bad_id, UUID):
            first_bad_id = str(self.first_bad_id)
        else:
            first_bad_id = self.first_bad_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "ok": ok,
            }
        )
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if first_bad_id is not UNSET:
            field_dict["first_bad_id"] = first_bad_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkpoint_check import CheckpointCheck  # noqa: PLC0415

        d = dict(src_dict)
        checked = d.pop("checked")

        ok = d.pop("ok")

        _checkpoint = d.pop("checkpoint", UNSET)
        checkpoint: CheckpointCheck | Unset
        if isinstance(_checkpoint, Unset):
            checkpoint = UNSET
        else:
            checkpoint = CheckpointCheck.from_dict(_checkpoint)

        def _parse_first_bad_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_bad_id_type_0 = UUID(data)

                return first_bad_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        first_bad_id = _parse_first_bad_id(d.pop("first_bad_id", UNSET))

        audit_verification = cls(
            checked=checked,
            ok=ok,
            checkpoint=checkpoint,
            first_bad_id=first_bad_id,
        )

        audit_verification.additional_properties = d
        return audit_verification

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
