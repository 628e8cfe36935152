from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AcceptReport")


@_attrs_define
class AcceptReport:
    """
    Attributes:
        evaluation_id (None | Unset | UUID): A performance evaluation of the contract this report supports.
    """

    evaluation_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        evaluation_id: None | str | Unset
        if isinstance(self.evaluation_id, Unset):
            evaluation_id = UNSET
        elif isinstance(self.evaluation_id, UUID):
            evaluation_id = str(self.evaluation_id)
        else:
            evaluation_id = self.evaluation_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if evaluation_id is not UNSET:
            field_dict["evaluation_id"] = evaluation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_evaluation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_id_type_0 = UUID(data)

                return evaluation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evaluation_id = _parse_evaluation_id(d.pop("evaluation_id", UNSET))

        accept_report = cls(
            evaluation_id=evaluation_id,
        )

        return accept_report
