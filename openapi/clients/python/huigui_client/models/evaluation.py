from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kpi_rating import KpiRating


T = TypeVar("T", bound="Evaluation")


@_attrs_define
class Evaluation:
    """A performance evaluation.

    Attributes:
        comment (str):
        contract_id (UUID):
        created_at (datetime.datetime):
        created_by (UUID):
        id (UUID):
        kpi_ratings (list[KpiRating]):
        period_end (datetime.date):
        period_start (datetime.date):
        score (int):
    """

    comment: str
    contract_id: UUID
    created_at: datetime.datetime
    created_by: UUID
    id: UUID
    kpi_ratings: list[KpiRating]
    period_end: datetime.date
    period_start: datetime.date
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        id = str(self.id)

        kpi_ratings = []
        for kpi_ratings_item_data in self.kpi_ratings:
            kpi_ratings_item = kpi_ratings_item_data.to_dict()
            kpi_ratings.append(kpi_ratings_item)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comment": comment,
                "contract_id": contract_id,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "kpi_ratings": kpi_ratings,
                "period_end": period_end,
                "period_start": period_start,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_rating import KpiRating  # noqa: PLC0415

        d = dict(src_dict)
        comment = d.pop("comment")

        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        id = UUID(d.pop("id"))

        kpi_ratings = []
        _kpi_ratings = d.pop("kpi_ratings")
        for kpi_ratings_item_data in _kpi_ratings:
            kpi_ratings_item = KpiRating.from_dict(kpi_ratings_item_data)

            kpi_ratings.append(kpi_ratings_item)

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        score = d.pop("score")

        evaluation = cls(
            comment=comment,
            contract_id=contract_id,
            created_at=created_at,
            created_by=created_by,
            id=id,
            kpi_ratings=kpi_ratings,
            period_end=period_end,
            period_start=period_start,
            score=score,
        )

        evaluation.additional_properties = d
        return evaluation

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
