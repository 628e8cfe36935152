from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_kind import OutcomeKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Outcome")


@_attrs_define
class Outcome:
    """An outcome.

    Attributes:
        created_at (datetime.datetime):
        date (datetime.date):
        detail (str):
        id (UUID):
        kind (OutcomeKind):
        participant_id (UUID):
        recorded_by_org (UUID): The NGO or office that recorded it.
        score_after (int | None | Unset):
        score_before (int | None | Unset): Assessments: the score before and after (0–100).
    """

    created_at: datetime.datetime
    date: datetime.date
    detail: str
    id: UUID
    kind: OutcomeKind
    participant_id: UUID
    recorded_by_org: UUID
    score_after: int | None | Unset = UNSET
    score_before: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        date = self.date.isoformat()

        detail = self.detail

        id = str(self.id)

        kind = self.kind.value

        participant_id = str(self.participant_id)

        recorded_by_org = str(self.recorded_by_org)

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "date": date,
                "detail": detail,
                "id": id,
                "kind": kind,
                "participant_id": participant_id,
                "recorded_by_org": recorded_by_org,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        date = datetime.date.fromisoformat(d.pop("date"))

        detail = d.pop("detail")

        id = UUID(d.pop("id"))

        kind = OutcomeKind(d.pop("kind"))

        participant_id = UUID(d.pop("participant_id"))

        recorded_by_org = UUID(d.pop("recorded_by_org"))

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

        outcome = cls(
            created_at=created_at,
            date=date,
            detail=detail,
            id=id,
            kind=kind,
            participant_id=participant_id,
            recorded_by_org=recorded_by_org,
            score_after=score_after,
            score_before=score_before,
        )

        outcome.additional_properties = d
        return outcome

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
