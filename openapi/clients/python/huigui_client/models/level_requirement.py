from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LevelRequirement")


@_attrs_define
class LevelRequirement:
    """Monthly hours required at one supervision level.

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

        level_requirement = cls(
            education=education,
            public_welfare=public_welfare,
        )

        return level_requirement
