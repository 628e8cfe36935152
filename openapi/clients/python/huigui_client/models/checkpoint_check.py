from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checkpoint_result import CheckpointResult

T = TypeVar("T", bound="CheckpointCheck")


@_attrs_define
class CheckpointCheck:
    """The comparison with one checkpoint.

    Attributes:
        hash_ (str):
        result (CheckpointResult): What a checkpoint says about the stored chain.
        seq (int):
        signed_at (datetime.datetime):
    """

    hash_: str
    result: CheckpointResult
    seq: int
    signed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hash_ = self.hash_

        result = self.result.value

        seq = self.seq

        signed_at = self.signed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hash": hash_,
                "result": result,
                "seq": seq,
                "signed_at": signed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hash_ = d.pop("hash")

        result = CheckpointResult(d.pop("result"))

        seq = d.pop("seq")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        checkpoint_check = cls(
            hash_=hash_,
            result=result,
            seq=seq,
            signed_at=signed_at,
        )

        checkpoint_check.additional_properties = d
        return checkpoint_check

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
