from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.level_requirement import LevelRequirement


T = TypeVar("T", bound="PutRequirementPolicy")


@_attrs_define
class PutRequirementPolicy:
    """A new requirement policy (replaces the whole policy).

    Attributes:
        at_risk_day (int): 1–28.
        lenient (LevelRequirement): Monthly hours required at one supervision level.
        ordinary (LevelRequirement): Monthly hours required at one supervision level.
        strict (LevelRequirement): Monthly hours required at one supervision level.
    """

    at_risk_day: int
    lenient: LevelRequirement
    ordinary: LevelRequirement
    strict: LevelRequirement

    def to_dict(self) -> dict[str, Any]:
        at_risk_day = self.at_risk_day

        lenient = self.lenient.to_dict()

        ordinary = self.ordinary.to_dict()

        strict = self.strict.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at_risk_day": at_risk_day,
                "lenient": lenient,
                "ordinary": ordinary,
                "strict": strict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_requirement import LevelRequirement  # noqa: PLC0415

        d = dict(src_dict)
        at_risk_day = d.pop("at_risk_day")

        lenient = LevelRequirement.from_dict(d.pop("lenient"))

        ordinary = LevelRequirement.from_dict(d.pop("ordinary"))

        strict = LevelRequirement.from_dict(d.pop("strict"))

        put_requirement_policy = cls(
            at_risk_day=at_risk_day,
            lenient=lenient,
            ordinary=ordinary,
            strict=strict,
        )

        return put_requirement_policy
