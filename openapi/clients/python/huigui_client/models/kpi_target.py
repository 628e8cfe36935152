from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.kpi_metric import KpiMetric

T = TypeVar("T", bound="KpiTarget")


@_attrs_define
class KpiTarget:
    """A KPI target with its weight in the evaluation.

    Attributes:
        metric (KpiMetric): Contract KPI metrics (see the API conventions for their definitions).
        target (float): Target value (count, hours, fraction 0–1 or rating), ≥ 0.
        weight (int): Weight in the performance evaluation, 0–100.
    """

    metric: KpiMetric
    target: float
    weight: int

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        target = self.target

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "target": target,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = KpiMetric(d.pop("metric"))

        target = d.pop("target")

        weight = d.pop("weight")

        kpi_target = cls(
            metric=metric,
            target=target,
            weight=weight,
        )

        return kpi_target
