from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.supervision_level import SupervisionLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateParticipant")


@_attrs_define
class UpdateParticipant:
    """Changes by the owning office (or NGO, for its volunteers); absent fields stay.

    Attributes:
        able_to_work (bool | None | Unset):
        correction_end (datetime.date | None | Unset):
        medical_needs (bool | None | Unset):
        name (None | str | Unset):
        phone (None | str | Unset):
        skills (list[str] | None | Unset): At most 50 skills of at most 50 characters, no control characters.
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
        village_committee_id (None | Unset | UUID): An agency of type `village_committee`; `null` removes it.
    """

    able_to_work: bool | None | Unset = UNSET
    correction_end: datetime.date | None | Unset = UNSET
    medical_needs: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    skills: list[str] | None | Unset = UNSET
    supervision_level: SupervisionLevel | Unset = UNSET
    village_committee_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        able_to_work: bool | None | Unset
        if isinstance(self.able_to_work, Unset):
            able_to_work = UNSET
        else:
            able_to_work = self.able_to_work

        correction_end: None | str | Unset
        if isinstance(self.correction_end, Unset):
            correction_end = UNSET
        elif isinstance(self.correction_end, datetime.date):
            correction_end = self.correction_end.isoformat()
        else:
            correction_end = self.correction_end

        medical_needs: bool | None | Unset
        if isinstance(self.medical_needs, Unset):
            medical_needs = UNSET
        else:
            medical_needs = self.medical_needs

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        skills: list[str] | None | Unset
        if isinstance(self.skills, Unset):
            skills = UNSET
        elif isinstance(self.skills, list):
            skills = self.skills

        else:
            skills = self.skills

        supervision_level: str | Unset = UNSET
        if not isinstance(self.supervision_level, Unset):
            supervision_level = self.supervision_level.value

        village_committee_id: None | str | Unset
        if isinstance(self.village_committee_id, Unset):
            village_committee_id = UNSET
        elif isinstance(self.village_committee_id, UUID):
            village_committee_id = str(self.village_committee_id)
        else:
            village_committee_id = self.village_committee_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if able_to_work is not UNSET:
            field_dict["able_to_work"] = able_to_work
        if correction_end is not UNSET:
            field_dict["correction_end"] = correction_end
        if medical_needs is not UNSET:
            field_dict["medical_needs"] = medical_needs
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if skills is not UNSET:
            field_dict["skills"] = skills
        if supervision_level is not UNSET:
            field_dict["supervision_level"] = supervision_level
        if village_committee_id is not UNSET:
            field_dict["village_committee_id"] = village_committee_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_able_to_work(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        able_to_work = _parse_able_to_work(d.pop("able_to_work", UNSET))

        def _parse_correction_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_end_type_0 = datetime.date.fromisoformat(data)

                return correction_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        correction_end = _parse_correction_end(d.pop("correction_end", UNSET))

        def _parse_medical_needs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        medical_needs = _parse_medical_needs(d.pop("medical_needs", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_skills(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_type_0 = cast(list[str], data)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        skills = _parse_skills(d.pop("skills", UNSET))

        _supervision_level = d.pop("supervision_level", UNSET)
        supervision_level: SupervisionLevel | Unset
        if isinstance(_supervision_level, Unset):
            supervision_level = UNSET
        else:
            supervision_level = SupervisionLevel(_supervision_level)

        def _parse_village_committee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                village_committee_id_type_0 = UUID(data)

                return village_committee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        village_committee_id = _parse_village_committee_id(d.pop("village_committee_id", UNSET))

        update_participant = cls(
            able_to_work=able_to_work,
            correction_end=correction_end,
            medical_needs=medical_needs,
            name=name,
            phone=phone,
            skills=skills,
            supervision_level=supervision_level,
            village_committee_id=village_committee_id,
        )

        return update_participant
