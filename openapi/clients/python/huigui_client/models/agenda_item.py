from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agenda_topic import AgendaTopic
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_person import ItemPerson


T = TypeVar("T", bound="AgendaItem")


@_attrs_define
class AgendaItem:
    """An agenda item with its discussion and decision.

    Attributes:
        created_at (datetime.datetime):
        decision (str):
        discussion (str):
        id (UUID):
        meeting_id (UUID):
        topic (AgendaTopic): What an agenda item is about: 调查评估, 执行地变更, 病情复查, 收监, 帮扶, 监管, other.
        participant (ItemPerson | Unset): The person an item is about: the code always, the name only for the bureau and
            the person's office.
    """

    created_at: datetime.datetime
    decision: str
    discussion: str
    id: UUID
    meeting_id: UUID
    topic: AgendaTopic
    participant: ItemPerson | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        decision = self.decision

        discussion = self.discussion

        id = str(self.id)

        meeting_id = str(self.meeting_id)

        topic = self.topic.value

        participant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.participant, Unset):
            participant = self.participant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "decision": decision,
                "discussion": discussion,
                "id": id,
                "meeting_id": meeting_id,
                "topic": topic,
            }
        )
        if participant is not UNSET:
            field_dict["participant"] = participant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_person import ItemPerson  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision = d.pop("decision")

        discussion = d.pop("discussion")

        id = UUID(d.pop("id"))

        meeting_id = UUID(d.pop("meeting_id"))

        topic = AgendaTopic(d.pop("topic"))

        _participant = d.pop("participant", UNSET)
        participant: ItemPerson | Unset
        if isinstance(_participant, Unset):
            participant = UNSET
        else:
            participant = ItemPerson.from_dict(_participant)

        agenda_item = cls(
            created_at=created_at,
            decision=decision,
            discussion=discussion,
            id=id,
            meeting_id=meeting_id,
            topic=topic,
            participant=participant,
        )

        agenda_item.additional_properties = d
        return agenda_item

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
