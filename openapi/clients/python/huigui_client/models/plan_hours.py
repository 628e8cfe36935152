from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanHours")


@_attrs_define
class PlanHours:
    """A plan's monthly hours (absent when the plan leaves the requirement to
    the policy, and for NGOs).

        Attributes:
            education (float):
            public_welfare (float):
    """

    education: float
    public_welfare: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        education = self.education

        public_welfare = self.public_welfare

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        plan_hours = cls(
            education=education,
            public_welfare=public_welfare,
        )

        plan_hours.additional_properties = d
        return plan_hours

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
