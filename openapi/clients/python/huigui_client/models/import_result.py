from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row import ImportRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """Per-row results and totals.

    Attributes:
        created (int):
        dry_run (bool): `true`: nothing was written.
        rejected (int):
        results (list[ImportRow]):
        updated (int):
    """

    created: int
    dry_run: bool
    rejected: int
    results: list[ImportRow]
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        dry_run = self.dry_run

        rejected = self.rejected

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "dry_run": dry_run,
                "rejected": rejected,
                "results": results,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row import ImportRow  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        dry_run = d.pop("dry_run")

        rejected = d.pop("rejected")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ImportRow.from_dict(results_item_data)

            results.append(results_item)

        updated = d.pop("updated")

        import_result = cls(
            created=created,
            dry_run=dry_run,
            rejected=rejected,
            results=results,
            updated=updated,
        )

        import_result.additional_properties = d
        return import_result

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
