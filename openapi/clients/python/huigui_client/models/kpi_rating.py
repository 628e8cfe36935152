from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.kpi_metric import KpiMetric
from ..types import UNSET, Unset

T = TypeVar("T", bound="KpiRating")


@_attrs_define
class KpiRating:
    """A rating of one KPI in an evaluation.

    Attributes:
        metric (KpiMetric): Contract KPI metrics (see the API conventions for their definitions).
        rating (int): 0–100.
        comment (None | str | Unset):
    """

    metric: KpiMetric
    rating: int
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        rating = self.rating

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "rating": rating,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = KpiMetric(d.pop("metric"))

        rating = d.pop("rating")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        kpi_rating = cls(
            metric=metric,
            rating=rating,
            comment=comment,
        )

        return kpi_rating
