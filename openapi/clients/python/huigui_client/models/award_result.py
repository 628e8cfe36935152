from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AwardResult")


@_attrs_define
class AwardResult:
    """What the award created.

    Attributes:
        bid_id (UUID):
        contract_id (UUID): The draft contract created from the bid.
        procurement_id (UUID):
    """

    bid_id: UUID
    contract_id: UUID
    procurement_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bid_id = str(self.bid_id)

        contract_id = str(self.contract_id)

        procurement_id = str(self.procurement_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bid_id": bid_id,
                "contract_id": contract_id,
                "procurement_id": procurement_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bid_id = UUID(d.pop("bid_id"))

        contract_id = UUID(d.pop("contract_id"))

        procurement_id = UUID(d.pop("procurement_id"))

        award_result = cls(
            bid_id=bid_id,
            contract_id=contract_id,
            procurement_id=procurement_id,
        )

        award_result.additional_properties = d
        return award_result

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
