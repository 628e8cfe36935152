from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.discipline_kind import DisciplineKind

T = TypeVar("T", bound="CreateDiscipline")


@_attrs_define
class CreateDiscipline:
    """A new record.

    Attributes:
        date (datetime.date): Not in the future.
        kind (DisciplineKind):
        reason (str):
    """

    date: datetime.date
    kind: DisciplineKind
    reason: str

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        kind = self.kind.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "kind": kind,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        kind = DisciplineKind(d.pop("kind"))

        reason = d.pop("reason")

        create_discipline = cls(
            date=date,
            kind=kind,
            reason=reason,
        )

        return create_discipline
