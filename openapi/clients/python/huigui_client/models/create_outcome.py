from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.outcome_kind import OutcomeKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOutcome")


@_attrs_define
class CreateOutcome:
    """A new outcome. NGOs record `certificate`, `employment`, `assessment`
    (with both scores); offices `commendation`, `completion`, `revocation`.

        Attributes:
            date (datetime.date):
            detail (str):
            kind (OutcomeKind):
            score_after (int | None | Unset):
            score_before (int | None | Unset):
    """

    date: datetime.date
    detail: str
    kind: OutcomeKind
    score_after: int | None | Unset = UNSET
    score_before: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        detail = self.detail

        kind = self.kind.value

        score_after: int | None | Unset
        if isinstance(self.score_after, Unset):
            score_after = UNSET
        else:
            score_after = self.score_after

        score_before: int | None | Unset
        if isinstance(self.score_before, Unset):
            score_before = UNSET
        else:
            score_before = self.score_before

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "detail": detail,
                "kind": kind,
            }
        )
        if score_after is not UNSET:
            field_dict["score_after"] = score_after
        if score_before is not UNSET:
            field_dict["score_before"] = score_before

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        detail = d.pop("detail")

        kind = OutcomeKind(d.pop("kind"))

        def _parse_score_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score_after = _parse_score_after(d.pop("score_after", UNSET))

        def _parse_score_before(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score_before = _parse_score_before(d.pop("score_before", UNSET))

        create_outcome = cls(
            date=date,
            detail=detail,
            kind=kind,
            score_after=score_after,
            score_before=score_before,
        )

        return create_outcome
