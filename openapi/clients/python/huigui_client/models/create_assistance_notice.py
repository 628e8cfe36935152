from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateAssistanceNotice")


@_attrs_define
class CreateAssistanceNotice:
    """A new notice.

    Attributes:
        duties (str): The committee's duties (协助事项).
    """

    duties: str

    def to_dict(self) -> dict[str, Any]:
        duties = self.duties

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duties": duties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duties = d.pop("duties")

        create_assistance_notice = cls(
            duties=duties,
        )

        return create_assistance_notice
