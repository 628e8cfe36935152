from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonthlyHours")


@_attrs_define
class MonthlyHours:
    """Monthly hours a plan sets in place of the supervision-level policy
    while it is in effect (absent: the policy applies).

        Attributes:
            education (float): 0–200, two decimals.
            public_welfare (float): 0–200, two decimals.
    """

    education: float
    public_welfare: float

    def to_dict(self) -> dict[str, Any]:
        education = self.education

        public_welfare = self.public_welfare

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "education": education,
                "public_welfare": public_welfare,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        education = d.pop("education")

        public_welfare = d.pop("public_welfare")

        monthly_hours = cls(
            education=education,
            public_welfare=public_welfare,
        )

        return monthly_hours
