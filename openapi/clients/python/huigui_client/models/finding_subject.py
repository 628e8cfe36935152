from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.finding_subject_kind import FindingSubjectKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FindingSubject")


@_attrs_define
class FindingSubject:
    """The record a finding is about: `id` for every kind but `none`.

    Attributes:
        kind (FindingSubjectKind): What a finding is about.
        id (None | Unset | UUID):
    """

    kind: FindingSubjectKind
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FindingSubjectKind(d.pop("kind"))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        finding_subject = cls(
            kind=kind,
            id=id,
        )

        return finding_subject
