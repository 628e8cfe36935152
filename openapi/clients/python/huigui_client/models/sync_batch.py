from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.sync_event import SyncEvent


T = TypeVar("T", bound="SyncBatch")


@_attrs_define
class SyncBatch:
    """
    Attributes:
        events (list[SyncEvent]): Up to 5,000 events. Each is checked on its own: a malformed one (a
            bad UUID, a time without a zone, an unknown field) is answered
            `rejected` with its error and never fails the rest of the batch.
    """

    events: list[SyncEvent]

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_event import SyncEvent  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = SyncEvent.from_dict(events_item_data)

            events.append(events_item)

        sync_batch = cls(
            events=events,
        )

        return sync_batch
