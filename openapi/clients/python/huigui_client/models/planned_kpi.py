from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.kpi_metric import KpiMetric

T = TypeVar("T", bound="PlannedKpi")


@_attrs_define
class PlannedKpi:
    """A KPI an NGO plans to reach.

    Attributes:
        metric (KpiMetric): Contract KPI metrics (see the API conventions for their definitions).
        target (float):
    """

    metric: KpiMetric
    target: float

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = KpiMetric(d.pop("metric"))

        target = d.pop("target")

        planned_kpi = cls(
            metric=metric,
            target=target,
        )

        return planned_kpi
