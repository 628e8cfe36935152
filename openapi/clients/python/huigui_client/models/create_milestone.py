from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateMilestone")


@_attrs_define
class CreateMilestone:
    """
    Attributes:
        amount_fen (int):
        due_date (datetime.date):
        min_score (int): Evaluation score (0–100) needed for the milestone to become payable.
        name (str):
    """

    amount_fen: int
    due_date: datetime.date
    min_score: int
    name: str

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        due_date = self.due_date.isoformat()

        min_score = self.min_score

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "due_date": due_date,
                "min_score": min_score,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        min_score = d.pop("min_score")

        name = d.pop("name")

        create_milestone = cls(
            amount_fen=amount_fen,
            due_date=due_date,
            min_score=min_score,
            name=name,
        )

        return create_milestone
