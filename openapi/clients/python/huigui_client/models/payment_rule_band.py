from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PaymentRuleBand")


@_attrs_define
class PaymentRuleBand:
    """One band of the payment rule: from `min_score` up, pay `percent` %.

    Attributes:
        min_score (int):
        percent (int):
    """

    min_score: int
    percent: int

    def to_dict(self) -> dict[str, Any]:
        min_score = self.min_score

        percent = self.percent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min_score": min_score,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_score = d.pop("min_score")

        percent = d.pop("percent")

        payment_rule_band = cls(
            min_score=min_score,
            percent=percent,
        )

        return payment_rule_band
