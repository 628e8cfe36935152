from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReopenFinding")


@_attrs_define
class ReopenFinding:
    """Reopening: optionally a new deadline (not in the past).

    Attributes:
        rectify_by (datetime.date | None | Unset):
    """

    rectify_by: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rectify_by: None | str | Unset
        if isinstance(self.rectify_by, Unset):
            rectify_by = UNSET
        elif isinstance(self.rectify_by, datetime.date):
            rectify_by = self.rectify_by.isoformat()
        else:
            rectify_by = self.rectify_by

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rectify_by is not UNSET:
            field_dict["rectify_by"] = rectify_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_rectify_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rectify_by_type_0 = datetime.date.fromisoformat(data)

                return rectify_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rectify_by = _parse_rectify_by(d.pop("rectify_by", UNSET))

        reopen_finding = cls(
            rectify_by=rectify_by,
        )

        return reopen_finding
