from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.alert_kind import AlertKind

T = TypeVar("T", bound="CreateAlert")


@_attrs_define
class CreateAlert:
    """A behaviour concern from an NGO: facts only. `kind` must be
    `behaviour_concern` (the only kind raised by hand).

        Attributes:
            detail (str):
            kind (AlertKind): What an alert is about.
            participant_id (UUID):
    """

    detail: str
    kind: AlertKind
    participant_id: UUID

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        kind = self.kind.value

        participant_id = str(self.participant_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "detail": detail,
                "kind": kind,
                "participant_id": participant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        kind = AlertKind(d.pop("kind"))

        participant_id = UUID(d.pop("participant_id"))

        create_alert = cls(
            detail=detail,
            kind=kind,
            participant_id=participant_id,
        )

        return create_alert
