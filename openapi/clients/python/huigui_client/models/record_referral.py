from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_need import ReferralNeed
from ..models.referral_state import ReferralState
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordReferral")


@_attrs_define
class RecordReferral:
    """One referral made in the month and where it stands.

    Attributes:
        need (ReferralNeed):
        status (ReferralState):
        response (None | str | Unset):
    """

    need: ReferralNeed
    status: ReferralState
    response: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        need = self.need.value

        status = self.status.value

        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "need": need,
                "status": status,
            }
        )
        if response is not UNSET:
            field_dict["response"] = response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        need = ReferralNeed(d.pop("need"))

        status = ReferralState(d.pop("status"))

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        record_referral = cls(
            need=need,
            status=status,
            response=response,
        )

        record_referral.additional_properties = d
        return record_referral

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
