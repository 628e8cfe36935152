from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.level_requirement import LevelRequirement


T = TypeVar("T", bound="RequirementPolicy")


@_attrs_define
class RequirementPolicy:
    """The bureau's monthly requirement per supervision level.

    Attributes:
        at_risk_day (int): From this day of the month (1–28) a person below the pro-rata share is `at_risk`.
        configured (bool): `false` while the defaults apply.
        lenient (LevelRequirement): Monthly hours required at one supervision level.
        ordinary (LevelRequirement): Monthly hours required at one supervision level.
        strict (LevelRequirement): Monthly hours required at one supervision level.
        version (int):
    """

    at_risk_day: int
    configured: bool
    lenient: LevelRequirement
    ordinary: LevelRequirement
    strict: LevelRequirement
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_risk_day = self.at_risk_day

        configured = self.configured

        lenient = self.lenient.to_dict()

        ordinary = self.ordinary.to_dict()

        strict = self.strict.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at_risk_day": at_risk_day,
                "configured": configured,
                "lenient": lenient,
                "ordinary": ordinary,
                "strict": strict,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_requirement import LevelRequirement  # noqa: PLC0415

        d = dict(src_dict)
        at_risk_day = d.pop("at_risk_day")

        configured = d.pop("configured")

        lenient = LevelRequirement.from_dict(d.pop("lenient"))

        ordinary = LevelRequirement.from_dict(d.pop("ordinary"))

        strict = LevelRequirement.from_dict(d.pop("strict"))

        version = d.pop("version")

        requirement_policy = cls(
            at_risk_day=at_risk_day,
            configured=configured,
            lenient=lenient,
            ordinary=ordinary,
            strict=strict,
            version=version,
        )

        requirement_policy.additional_properties = d
        return requirement_policy

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
