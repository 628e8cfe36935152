from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.procurement_state import ProcurementState
from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion import Criterion
    from ..models.kpi_target import KpiTarget


T = TypeVar("T", bound="Procurement")


@_attrs_define
class Procurement:
    """A procurement project.

    Attributes:
        bid_deadline (datetime.datetime):
        budget_fen (int):
        bureau_id (UUID):
        categories (list[SessionType]):
        created_at (datetime.datetime):
        criteria (list[Criterion]):
        description (str):
        id (UUID):
        kpi_template (list[KpiTarget]):
        service_end (datetime.date):
        service_start (datetime.date):
        status (ProcurementState): A call for proposals' status.
        title (str):
        updated_at (datetime.datetime):
        version (int):
        award_reason (None | str | Unset):
        awarded_bid_id (None | Unset | UUID):
        contract_id (None | Unset | UUID):
    """

    bid_deadline: datetime.datetime
    budget_fen: int
    bureau_id: UUID
    categories: list[SessionType]
    created_at: datetime.datetime
    criteria: list[Criterion]
    description: str
    id: UUID
    kpi_template: list[KpiTarget]
    service_end: datetime.date
    service_start: datetime.date
    status: ProcurementState
    title: str
    updated_at: datetime.datetime
    version: int
    award_reason: None | str | Unset = UNSET
    awarded_bid_id: None | Unset | UUID = UNSET
    contract_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bid_deadline = self.bid_deadline.isoformat()

        budget_fen = self.budget_fen

        bureau_id = str(self.bureau_id)

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        created_at = self.created_at.isoformat()

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        description = self.description

        id = str(self.id)

        kpi_template = []
        for kpi_template_item_data in self.kpi_template:
            kpi_template_item = kpi_template_item_data.to_dict()
            kpi_template.append(kpi_template_item)

        service_end = self.service_end.isoformat()

        service_start = self.service_start.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        award_reason: None | str | Unset
        if isinstance(self.award_reason, Unset):
            award_reason = UNSET
        else:
            award_reason = self.award_reason

        awarded_bid_id: None | str | Unset
        if isinstance(self.awarded_bid_id, Unset):
            awarded_bid_id = UNSET
        elif isinstance(self.awarded_bid_id, UUID):
            awarded_bid_id = str(self.awarded_bid_id)
        else:
            awarded_bid_id = self.awarded_bid_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bid_deadline": bid_deadline,
                "budget_fen": budget_fen,
                "bureau_id": bureau_id,
                "categories": categories,
                "created_at": created_at,
                "criteria": criteria,
                "description": description,
                "id": id,
                "kpi_template": kpi_template,
                "service_end": service_end,
                "service_start": service_start,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if award_reason is not UNSET:
            field_dict["award_reason"] = award_reason
        if awarded_bid_id is not UNSET:
            field_dict["awarded_bid_id"] = awarded_bid_id
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion import Criterion  # noqa: PLC0415
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415

        d = dict(src_dict)
        bid_deadline = datetime.datetime.fromisoformat(d.pop("bid_deadline"))

        budget_fen = d.pop("budget_fen")

        bureau_id = UUID(d.pop("bureau_id"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = SessionType(categories_item_data)

            categories.append(categories_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = Criterion.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        description = d.pop("description")

        id = UUID(d.pop("id"))

        kpi_template = []
        _kpi_template = d.pop("kpi_template")
        for kpi_template_item_data in _kpi_template:
            kpi_template_item = KpiTarget.from_dict(kpi_template_item_data)

            kpi_template.append(kpi_template_item)

        service_end = datetime.date.fromisoformat(d.pop("service_end"))

        service_start = datetime.date.fromisoformat(d.pop("service_start"))

        status = ProcurementState(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_award_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        award_reason = _parse_award_reason(d.pop("award_reason", UNSET))

        def _parse_awarded_bid_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                awarded_bid_id_type_0 = UUID(data)

                return awarded_bid_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        awarded_bid_id = _parse_awarded_bid_id(d.pop("awarded_bid_id", UNSET))

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        procurement = cls(
            bid_deadline=bid_deadline,
            budget_fen=budget_fen,
            bureau_id=bureau_id,
            categories=categories,
            created_at=created_at,
            criteria=criteria,
            description=description,
            id=id,
            kpi_template=kpi_template,
            service_end=service_end,
            service_start=service_start,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            award_reason=award_reason,
            awarded_bid_id=awarded_bid_id,
            contract_id=contract_id,
        )

        procurement.additional_properties = d
        return procurement

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
