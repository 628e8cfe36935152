from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CriterionScore")


@_attrs_define
class CriterionScore:
    """One criterion's score, 0–100.

    Attributes:
        criterion (str):
        score (int):
    """

    criterion: str
    score: int

    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criterion": criterion,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        score = d.pop("score")

        criterion_score = cls(
            criterion=criterion,
            score=score,
        )

        return criterion_score
