from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_state import MilestoneState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Milestone")


@_attrs_define
class Milestone:
    """A payment milestone.

    Attributes:
        amount_fen (int):
        contract_id (UUID):
        due_date (datetime.date):
        id (UUID):
        min_score (int):
        name (str):
        status (MilestoneState): A payment milestone's status.
        approved_at (datetime.datetime | None | Unset):
        evaluation_id (None | Unset | UUID): The evaluation that decided eligibility.
        paid_at (datetime.datetime | None | Unset):
        payable_fen (int | None | Unset): What the payment rule allows for that evaluation's score.
    """

    amount_fen: int
    contract_id: UUID
    due_date: datetime.date
    id: UUID
    min_score: int
    name: str
    status: MilestoneState
    approved_at: datetime.datetime | None | Unset = UNSET
    evaluation_id: None | Unset | UUID = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    payable_fen: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        contract_id = str(self.contract_id)

        due_date = self.due_date.isoformat()

        id = str(self.id)

        min_score = self.min_score

        name = self.name

        status = self.status.value

        approved_at: None | str | Unset
        if isinstance(self.approved_at, Unset):
            approved_at = UNSET
        elif isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        evaluation_id: None | str | Unset
        if isinstance(self.evaluation_id, Unset):
            evaluation_id = UNSET
        elif isinstance(self.evaluation_id, UUID):
            evaluation_id = str(self.evaluation_id)
        else:
            evaluation_id = self.evaluation_id

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payable_fen: int | None | Unset
        if isinstance(self.payable_fen, Unset):
            payable_fen = UNSET
        else:
            payable_fen = self.payable_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "contract_id": contract_id,
                "due_date": due_date,
                "id": id,
                "min_score": min_score,
                "name": name,
                "status": status,
            }
        )
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at
        if evaluation_id is not UNSET:
            field_dict["evaluation_id"] = evaluation_id
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if payable_fen is not UNSET:
            field_dict["payable_fen"] = payable_fen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        contract_id = UUID(d.pop("contract_id"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        id = UUID(d.pop("id"))

        min_score = d.pop("min_score")

        name = d.pop("name")

        status = MilestoneState(d.pop("status"))

        def _parse_approved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approved_at = _parse_approved_at(d.pop("approved_at", UNSET))

        def _parse_evaluation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_id_type_0 = UUID(data)

                return evaluation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evaluation_id = _parse_evaluation_id(d.pop("evaluation_id", UNSET))

        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))

        def _parse_payable_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payable_fen = _parse_payable_fen(d.pop("payable_fen", UNSET))

        milestone = cls(
            amount_fen=amount_fen,
            contract_id=contract_id,
            due_date=due_date,
            id=id,
            min_score=min_score,
            name=name,
            status=status,
            approved_at=approved_at,
            evaluation_id=evaluation_id,
            paid_at=paid_at,
            payable_fen=payable_fen,
        )

        milestone.additional_properties = d
        return milestone

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
