from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kpi_rating import KpiRating


T = TypeVar("T", bound="CreateEvaluation")


@_attrs_define
class CreateEvaluation:
    """
    Attributes:
        comment (str):
        kpi_ratings (list[KpiRating]):
        period_end (datetime.date):
        period_start (datetime.date):
        score (int): 0–100.
    """

    comment: str
    kpi_ratings: list[KpiRating]
    period_end: datetime.date
    period_start: datetime.date
    score: int

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        kpi_ratings = []
        for kpi_ratings_item_data in self.kpi_ratings:
            kpi_ratings_item = kpi_ratings_item_data.to_dict()
            kpi_ratings.append(kpi_ratings_item)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "comment": comment,
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

        kpi_ratings = []
        _kpi_ratings = d.pop("kpi_ratings")
        for kpi_ratings_item_data in _kpi_ratings:
            kpi_ratings_item = KpiRating.from_dict(kpi_ratings_item_data)

            kpi_ratings.append(kpi_ratings_item)

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        score = d.pop("score")

        create_evaluation = cls(
            comment=comment,
            kpi_ratings=kpi_ratings,
            period_end=period_end,
            period_start=period_start,
            score=score,
        )

        return create_evaluation
