from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateReport")


@_attrs_define
class CreateReport:
    """
    Attributes:
        period_end (datetime.date): On or after `period_start`, at most a year later.
        period_start (datetime.date):
        narrative (None | str | Unset):
    """

    period_end: datetime.date
    period_start: datetime.date
    narrative: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period_end": period_end,
                "period_start": period_start,
            }
        )
        if narrative is not UNSET:
            field_dict["narrative"] = narrative

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        def _parse_narrative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrative = _parse_narrative(d.pop("narrative", UNSET))

        create_report = cls(
            period_end=period_end,
            period_start=period_start,
            narrative=narrative,
        )

        return create_report
