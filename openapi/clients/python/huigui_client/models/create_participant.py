from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.correction_type import CorrectionType
from ..models.participant_kind import ParticipantKind
from ..models.supervision_level import SupervisionLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateParticipant")


@_attrs_define
class CreateParticipant:
    """A new participant. Persons under correction need every correction field;
    volunteers need only a name (ID number optional). `correction_type` and
    `supervision_level` must not be `null`.

        Attributes:
            kind (ParticipantKind):
            name (str):
            able_to_work (bool | None | Unset):
            correction_end (datetime.date | None | Unset):
            correction_start (datetime.date | None | Unset):
            correction_type (CorrectionType | Unset): 管制 control, 缓刑 probation, 假释 parole, 暂予监外执行 medical_parole.
            id_number (None | str | Unset):
            judicial_office_id (None | Unset | UUID):
            medical_needs (bool | None | Unset):
            phone (None | str | Unset):
            skills (list[str] | None | Unset): At most 50 skills of at most 50 characters, no control characters.
            supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
            village_committee_id (None | Unset | UUID): Persons under correction: their village or residents' committee (an
                agency of type `village_committee`).
    """

    kind: ParticipantKind
    name: str
    able_to_work: bool | None | Unset = UNSET
    correction_end: datetime.date | None | Unset = UNSET
    correction_start: datetime.date | None | Unset = UNSET
    correction_type: CorrectionType | Unset = UNSET
    id_number: None | str | Unset = UNSET
    judicial_office_id: None | Unset | UUID = UNSET
    medical_needs: bool | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    skills: list[str] | None | Unset = UNSET
    supervision_level: SupervisionLevel | Unset = UNSET
    village_committee_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

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

        correction_start: None | str | Unset
        if isinstance(self.correction_start, Unset):
            correction_start = UNSET
        elif isinstance(self.correction_start, datetime.date):
            correction_start = self.correction_start.isoformat()
        else:
            correction_start = self.correction_start

        correction_type: str | Unset = UNSET
        if not isinstance(self.correction_type, Unset):
            correction_type = self.correction_type.value

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        judicial_office_id: None | str | Unset
        if isinstance(self.judicial_office_id, Unset):
            judicial_office_id = UNSET
        elif isinstance(self.judicial_office_id, UUID):
            judicial_office_id = str(self.judicial_office_id)
        else:
            judicial_office_id = self.judicial_office_id

        medical_needs: bool | None | Unset
        if isinstance(self.medical_needs, Unset):
            medical_needs = UNSET
        else:
            medical_needs = self.medical_needs

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

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if able_to_work is not UNSET:
            field_dict["able_to_work"] = able_to_work
        if correction_end is not UNSET:
            field_dict["correction_end"] = correction_end
        if correction_start is not UNSET:
            field_dict["correction_start"] = correction_start
        if correction_type is not UNSET:
            field_dict["correction_type"] = correction_type
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if judicial_office_id is not UNSET:
            field_dict["judicial_office_id"] = judicial_office_id
        if medical_needs is not UNSET:
            field_dict["medical_needs"] = medical_needs
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
        kind = ParticipantKind(d.pop("kind"))

        name = d.pop("name")

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

        def _parse_correction_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_start_type_0 = datetime.date.fromisoformat(data)

                return correction_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        correction_start = _parse_correction_start(d.pop("correction_start", UNSET))

        _correction_type = d.pop("correction_type", UNSET)
        correction_type: CorrectionType | Unset
        if isinstance(_correction_type, Unset):
            correction_type = UNSET
        else:
            correction_type = CorrectionType(_correction_type)

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_judicial_office_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                judicial_office_id_type_0 = UUID(data)

                return judicial_office_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        judicial_office_id = _parse_judicial_office_id(d.pop("judicial_office_id", UNSET))

        def _parse_medical_needs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        medical_needs = _parse_medical_needs(d.pop("medical_needs", UNSET))

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

        create_participant = cls(
            kind=kind,
            name=name,
            able_to_work=able_to_work,
            correction_end=correction_end,
            correction_start=correction_start,
            correction_type=correction_type,
            id_number=id_number,
            judicial_office_id=judicial_office_id,
            medical_needs=medical_needs,
            phone=phone,
            skills=skills,
            supervision_level=supervision_level,
            village_committee_id=village_committee_id,
        )

        return create_participant
