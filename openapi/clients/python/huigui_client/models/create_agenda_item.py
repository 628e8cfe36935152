from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agenda_topic import AgendaTopic
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAgendaItem")


@_attrs_define
class CreateAgendaItem:
    """A new agenda item.

    Attributes:
        decision (str):
        discussion (str):
        topic (AgendaTopic): What an agenda item is about: 调查评估, 执行地变更, 病情复查, 收监, 帮扶, 监管, other.
        participant_id (None | Unset | UUID): A person the caller sees.
    """

    decision: str
    discussion: str
    topic: AgendaTopic
    participant_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision

        discussion = self.discussion

        topic = self.topic.value

        participant_id: None | str | Unset
        if isinstance(self.participant_id, Unset):
            participant_id = UNSET
        elif isinstance(self.participant_id, UUID):
            participant_id = str(self.participant_id)
        else:
            participant_id = self.participant_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "discussion": discussion,
                "topic": topic,
            }
        )
        if participant_id is not UNSET:
            field_dict["participant_id"] = participant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = d.pop("decision")

        discussion = d.pop("discussion")

        topic = AgendaTopic(d.pop("topic"))

        def _parse_participant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_id_type_0 = UUID(data)

                return participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        participant_id = _parse_participant_id(d.pop("participant_id", UNSET))

        create_agenda_item = cls(
            decision=decision,
            discussion=discussion,
            topic=topic,
            participant_id=participant_id,
        )

        return create_agenda_item
