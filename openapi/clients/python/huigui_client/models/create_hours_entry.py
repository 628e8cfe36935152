from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.hours_category import HoursCategory

T = TypeVar("T", bound="CreateHoursEntry")


@_attrs_define
class CreateHoursEntry:
    """A manual entry (e.g. public-welfare work at an approved site). `category`:
    `education` or `public_welfare` for persons under correction, `volunteer` for volunteers.

        Attributes:
            category (HoursCategory): A ledger category.
            date (datetime.date): Not in the future, in a month that is not closed.
            description (str):
            hours (float): 0.01–24, at most two decimals.
    """

    category: HoursCategory
    date: datetime.date
    description: str
    hours: float

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        date = self.date.isoformat()

        description = self.description

        hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "date": date,
                "description": description,
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = HoursCategory(d.pop("category"))

        date = datetime.date.fromisoformat(d.pop("date"))

        description = d.pop("description")

        hours = d.pop("hours")

        create_hours_entry = cls(
            category=category,
            date=date,
            description=description,
            hours=hours,
        )

        return create_hours_entry
