from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kpi_metric import KpiMetric
from ..types import UNSET, Unset

T = TypeVar("T", bound="KpiValue")


@_attrs_define
class KpiValue:
    """A KPI with its live actual value.

    Attributes:
        metric (KpiMetric): Contract KPI metrics (see the API conventions for their definitions).
        target (float):
        actual (float | None | Unset): `null` when nothing is measured yet (satisfaction without ratings).
        progress (float | None | Unset): actual ÷ target; `null` when the target is 0 or nothing is measured.
    """

    metric: KpiMetric
    target: float
    actual: float | None | Unset = UNSET
    progress: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        target = self.target

        actual: float | None | Unset
        if isinstance(self.actual, Unset):
            actual = UNSET
        else:
            actual = self.actual

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "target": target,
            }
        )
        if actual is not UNSET:
            field_dict["actual"] = actual
        if progress is not UNSET:
            field_dict["progress"] = progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = KpiMetric(d.pop("metric"))

        target = d.pop("target")

        def _parse_actual(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        actual = _parse_actual(d.pop("actual", UNSET))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        kpi_value = cls(
            metric=metric,
            target=target,
            actual=actual,
            progress=progress,
        )

        kpi_value.additional_properties = d
        return kpi_value

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
