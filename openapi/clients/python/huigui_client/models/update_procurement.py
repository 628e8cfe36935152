from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion import Criterion
    from ..models.kpi_target import KpiTarget


T = TypeVar("T", bound="UpdateProcurement")


@_attrs_define
class UpdateProcurement:
    """Changes to a draft procurement; absent fields stay.

    Attributes:
        bid_deadline (datetime.datetime | None | Unset):
        budget_fen (int | None | Unset):
        categories (list[SessionType] | None | Unset):
        criteria (list[Criterion] | None | Unset):
        description (None | str | Unset):
        kpi_template (list[KpiTarget] | None | Unset):
        service_end (datetime.date | None | Unset):
        service_start (datetime.date | None | Unset):
        title (None | str | Unset):
    """

    bid_deadline: datetime.datetime | None | Unset = UNSET
    budget_fen: int | None | Unset = UNSET
    categories: list[SessionType] | None | Unset = UNSET
    criteria: list[Criterion] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    kpi_template: list[KpiTarget] | None | Unset = UNSET
    service_end: datetime.date | None | Unset = UNSET
    service_start: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bid_deadline: None | str | Unset
        if isinstance(self.bid_deadline, Unset):
            bid_deadline = UNSET
        elif isinstance(self.bid_deadline, datetime.datetime):
            bid_deadline = self.bid_deadline.isoformat()
        else:
            bid_deadline = self.bid_deadline

        budget_fen: int | None | Unset
        if isinstance(self.budget_fen, Unset):
            budget_fen = UNSET
        else:
            budget_fen = self.budget_fen

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = []
            for categories_type_0_item_data in self.categories:
                categories_type_0_item = categories_type_0_item_data.value
                categories.append(categories_type_0_item)

        else:
            categories = self.categories

        criteria: list[dict[str, Any]] | None | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        elif isinstance(self.criteria, list):
            criteria = []
            for criteria_type_0_item_data in self.criteria:
                criteria_type_0_item = criteria_type_0_item_data.to_dict()
                criteria.append(criteria_type_0_item)

        else:
            criteria = self.criteria

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kpi_template: list[dict[str, Any]] | None | Unset
        if isinstance(self.kpi_template, Unset):
            kpi_template = UNSET
        elif isinstance(self.kpi_template, list):
            kpi_template = []
            for kpi_template_type_0_item_data in self.kpi_template:
                kpi_template_type_0_item = kpi_template_type_0_item_data.to_dict()
                kpi_template.append(kpi_template_type_0_item)

        else:
            kpi_template = self.kpi_template

        service_end: None | str | Unset
        if isinstance(self.service_end, Unset):
            service_end = UNSET
        elif isinstance(self.service_end, datetime.date):
            service_end = self.service_end.isoformat()
        else:
            service_end = self.service_end

        service_start: None | str | Unset
        if isinstance(self.service_start, Unset):
            service_start = UNSET
        elif isinstance(self.service_start, datetime.date):
            service_start = self.service_start.isoformat()
        else:
            service_start = self.service_start

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bid_deadline is not UNSET:
            field_dict["bid_deadline"] = bid_deadline
        if budget_fen is not UNSET:
            field_dict["budget_fen"] = budget_fen
        if categories is not UNSET:
            field_dict["categories"] = categories
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if description is not UNSET:
            field_dict["description"] = description
        if kpi_template is not UNSET:
            field_dict["kpi_template"] = kpi_template
        if service_end is not UNSET:
            field_dict["service_end"] = service_end
        if service_start is not UNSET:
            field_dict["service_start"] = service_start
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion import Criterion  # noqa: PLC0415
        from ..models.kpi_target import KpiTarget  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bid_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bid_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return bid_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bid_deadline = _parse_bid_deadline(d.pop("bid_deadline", UNSET))

        def _parse_budget_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_fen = _parse_budget_fen(d.pop("budget_fen", UNSET))

        def _parse_categories(data: object) -> list[SessionType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = []
                _categories_type_0 = data
                for categories_type_0_item_data in _categories_type_0:
                    categories_type_0_item = SessionType(categories_type_0_item_data)

                    categories_type_0.append(categories_type_0_item)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SessionType] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_criteria(data: object) -> list[Criterion] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                criteria_type_0 = []
                _criteria_type_0 = data
                for criteria_type_0_item_data in _criteria_type_0:
                    criteria_type_0_item = Criterion.from_dict(criteria_type_0_item_data)

                    criteria_type_0.append(criteria_type_0_item)

                return criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Criterion] | None | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_kpi_template(data: object) -> list[KpiTarget] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                kpi_template_type_0 = []
                _kpi_template_type_0 = data
                for kpi_template_type_0_item_data in _kpi_template_type_0:
                    kpi_template_type_0_item = KpiTarget.from_dict(kpi_template_type_0_item_data)

                    kpi_template_type_0.append(kpi_template_type_0_item)

                return kpi_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KpiTarget] | None | Unset, data)

        kpi_template = _parse_kpi_template(d.pop("kpi_template", UNSET))

        def _parse_service_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_end_type_0 = datetime.date.fromisoformat(data)

                return service_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        service_end = _parse_service_end(d.pop("service_end", UNSET))

        def _parse_service_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_start_type_0 = datetime.date.fromisoformat(data)

                return service_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        service_start = _parse_service_start(d.pop("service_start", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        update_procurement = cls(
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

        return update_procurement
