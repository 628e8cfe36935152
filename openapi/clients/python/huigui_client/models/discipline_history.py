from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.discipline_record import DisciplineRecord


T = TypeVar("T", bound="DisciplineHistory")


@_attrs_define
class DisciplineHistory:
    """A page of a person's records and what the rules suggest next.

    Attributes:
        flagged_for_bureau (bool): A proposal to revoke is for the bureau to decide.
        items (list[DisciplineRecord]):
        next_cursor (None | str | Unset):
        suggested_next (None | str | Unset): `warning` (after two reprimands), `propose_revocation` (after two
            warnings), or `null`.
    """

    flagged_for_bureau: bool
    items: list[DisciplineRecord]
    next_cursor: None | str | Unset = UNSET
    suggested_next: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flagged_for_bureau = self.flagged_for_bureau

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        suggested_next: None | str | Unset
        if isinstance(self.suggested_next, Unset):
            suggested_next = UNSET
        else:
            suggested_next = self.suggested_next

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flagged_for_bureau": flagged_for_bureau,
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if suggested_next is not UNSET:
            field_dict["suggested_next"] = suggested_next

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discipline_record import DisciplineRecord  # noqa: PLC0415

        d = dict(src_dict)
        flagged_for_bureau = d.pop("flagged_for_bureau")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DisciplineRecord.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        def _parse_suggested_next(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suggested_next = _parse_suggested_next(d.pop("suggested_next", UNSET))

        discipline_history = cls(
            flagged_for_bureau=flagged_for_bureau,
            items=items,
            next_cursor=next_cursor,
            suggested_next=suggested_next,
        )

        discipline_history.additional_properties = d
        return discipline_history

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
