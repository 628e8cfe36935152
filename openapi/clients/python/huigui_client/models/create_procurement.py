from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.session_type import SessionType

if TYPE_CHECKING:
    from ..models.criterion import Criterion
    from ..models.kpi_target import KpiTarget


T = TypeVar("T", bound="CreateProcurement")


@_attrs_define
class CreateProcurement:
    """A new procurement (created as `draft`).

    Attributes:
        bid_deadline (datetime.datetime):
        budget_fen (int):
        categories (list[SessionType]):
        criteria (list[Criterion]):
        description (str):
        kpi_template (list[KpiTarget]):
        service_end (datetime.date):
        service_start (datetime.date):
        title (str):
    """

    bid_deadline: datetime.datetime
    budget_fen: int
    categories: list[SessionType]
    criteria: list[Criterion]
    description: str
    kpi_template: list[KpiTarget]
    service_end: datetime.date
    service_start: datetime.date
    title: str

    def to_dict(self) -> dict[str, Any]:
        bid_deadline = self.bid_deadline.isoformat()

        budget_fen = self.budget_fen

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        description = self.description

        kpi_template = []
        for kpi_template_item_data in self.kpi_template:
            kpi_template_item = kpi_template_item_data.to_dict()
            kpi_template.append(kpi_template_item)

        service_end = self.service_end.isoformat()

        service_start = self.service_start.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bid_deadline": bid_deadline,
                "budget_fen": budget_fen,
                "categories": categories,
                "criteria": criteria,
                "description": description,
                "kpi_template": kpi_template,
                "service_end": service_end,
                "service_start": service_start,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion import Criterion  # noqa: PLC0415
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415

        d = dict(src_dict)
        bid_deadline = datetime.datetime.fromisoformat(d.pop("bid_deadline"))

        budget_fen = d.pop("budget_fen")

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = SessionType(categories_item_data)

            categories.append(categories_item)

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = Criterion.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        description = d.pop("description")

        kpi_template = []
        _kpi_template = d.pop("kpi_template")
        for kpi_template_item_data in _kpi_template:
            kpi_template_item = KpiTarget.from_dict(kpi_template_item_data)

            kpi_template.append(kpi_template_item)

        service_end = datetime.date.fromisoformat(d.pop("service_end"))

        service_start = datetime.date.fromisoformat(d.pop("service_start"))

        title = d.pop("title")

        create_procurement = cls(
            bid_deadline=bid_deadline,
            budget_fen=budget_fen,
            categories=categories,
            criteria=criteria,
            description=description,
            kpi_template=kpi_template,
            service_end=service_end,
            service_start=service_start,
            title=title,
        )

        return create_procurement
