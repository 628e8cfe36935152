from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.correction_type import CorrectionType
from ..models.gender_code import GenderCode
from ..models.participant_kind import ParticipantKind
from ..models.participant_state import ParticipantState
from ..models.supervision_level import SupervisionLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transfer import Transfer


T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """A participant as the caller may see it (`correction_type` and
    `supervision_level` are absent for volunteers; `gender`, derived from the ID
    number, is absent without one or where the person appears by code only).

        Attributes:
            able_to_work (bool):
            code (str): Non-identifying code (minors appear to NGOs by this only).
            created_at (datetime.datetime):
            id (UUID):
            kind (ParticipantKind):
            medical_needs (bool):
            minor (bool): Under 18 at registration.
            skills (list[str]):
            status (ParticipantState): A participant's status.
            transfers (list[Transfer]):
            updated_at (datetime.datetime):
            version (int):
            age (int | None | Unset): Whole years of age today; `null` for minors shown by code only.
            birth_date (datetime.date | None | Unset): Only beside the full ID number (the mask hides exactly the birth
                date).
            correction_end (datetime.date | None | Unset):
            correction_start (datetime.date | None | Unset):
            correction_type (CorrectionType | Unset): 管制 control, 缓刑 probation, 假释 parole, 暂予监外执行 medical_parole.
            gender (GenderCode | Unset): Gender, as the ID number encodes it.
            id_number (None | str | Unset): The full number: only for the owning judicial office and the bureau.
            id_number_masked (None | str | Unset): e.g. `142327********1234`; `null` for minors shown by code only.
            judicial_office_id (None | Unset | UUID):
            name (None | str | Unset): `null` for minors shown to anyone but the bureau and the owner.
            ngo_id (None | Unset | UUID):
            phone (None | str | Unset):
            status_date (datetime.date | None | Unset):
            supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
            village_committee_id (None | Unset | UUID): The village or residents' committee (an agency) that assists with
                the person.
    """

    able_to_work: bool
    code: str
    created_at: datetime.datetime
    id: UUID
    kind: ParticipantKind
    medical_needs: bool
    minor: bool
    skills: list[str]
    status: ParticipantState
    transfers: list[Transfer]
    updated_at: datetime.datetime
    version: int
    age: int | None | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    correction_end: datetime.date | None | Unset = UNSET
    correction_start: datetime.date | None | Unset = UNSET
    correction_type: CorrectionType | Unset = UNSET
    gender: GenderCode | Unset = UNSET
    id_number: None | str | Unset = UNSET
    id_number_masked: None | str | Unset = UNSET
    judicial_office_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    ngo_id: None | Unset | UUID = UNSET
    phone: None | str | Unset = UNSET
    status_date: datetime.date | None | Unset = UNSET
    supervision_level: SupervisionLevel | Unset = UNSET
    village_committee_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        able_to_work = self.able_to_work

        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        medical_needs = self.medical_needs

        minor = self.minor

        skills = self.skills

        status = self.status.value

        transfers = []
        for transfers_item_data in self.transfers:
            transfers_item = transfers_item_data.to_dict()
            transfers.append(transfers_item)

        updated_at = self.updated_at.isoformat()

        version = self.version

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

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

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        id_number_masked: None | str | Unset
        if isinstance(self.id_number_masked, Unset):
            id_number_masked = UNSET
        else:
            id_number_masked = self.id_number_masked

        judicial_office_id: None | str | Unset
        if isinstance(self.judicial_office_id, Unset):
            judicial_office_id = UNSET
        elif isinstance(self.judicial_office_id, UUID):
            judicial_office_id = str(self.judicial_office_id)
        else:
            judicial_office_id = self.judicial_office_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        ngo_id: None | str | Unset
        if isinstance(self.ngo_id, Unset):
            ngo_id = UNSET
        elif isinstance(self.ngo_id, UUID):
            ngo_id = str(self.ngo_id)
        else:
            ngo_id = self.ngo_id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        status_date: None | str | Unset
        if isinstance(self.status_date, Unset):
            status_date = UNSET
        elif isinstance(self.status_date, datetime.date):
            status_date = self.status_date.isoformat()
        else:
            status_date = self.status_date

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "able_to_work": able_to_work,
                "code": code,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "medical_needs": medical_needs,
                "minor": minor,
                "skills": skills,
                "status": status,
                "transfers": transfers,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if age is not UNSET:
            field_dict["age"] = age
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if correction_end is not UNSET:
            field_dict["correction_end"] = correction_end
        if correction_start is not UNSET:
            field_dict["correction_start"] = correction_start
        if correction_type is not UNSET:
            field_dict["correction_type"] = correction_type
        if gender is not UNSET:
            field_dict["gender"] = gender
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if id_number_masked is not UNSET:
            field_dict["id_number_masked"] = id_number_masked
        if judicial_office_id is not UNSET:
            field_dict["judicial_office_id"] = judicial_office_id
        if name is not UNSET:
            field_dict["name"] = name
        if ngo_id is not UNSET:
            field_dict["ngo_id"] = ngo_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if status_date is not UNSET:
            field_dict["status_date"] = status_date
        if supervision_level is not UNSET:
            field_dict["supervision_level"] = supervision_level
        if village_committee_id is not UNSET:
            field_dict["village_committee_id"] = village_committee_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer import Transfer  # noqa: PLC0415

        d = dict(src_dict)
        able_to_work = d.pop("able_to_work")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = ParticipantKind(d.pop("kind"))

        medical_needs = d.pop("medical_needs")

        minor = d.pop("minor")

        skills = cast(list[str], d.pop("skills"))

        status = ParticipantState(d.pop("status"))

        transfers = []
        _transfers = d.pop("transfers")
        for transfers_item_data in _transfers:
            transfers_item = Transfer.from_dict(transfers_item_data)

            transfers.append(transfers_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

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

        _gender = d.pop("gender", UNSET)
        gender: GenderCode | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = GenderCode(_gender)

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_id_number_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number_masked = _parse_id_number_masked(d.pop("id_number_masked", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_ngo_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ngo_id_type_0 = UUID(data)

                return ngo_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ngo_id = _parse_ngo_id(d.pop("ngo_id", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_status_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_date_type_0 = datetime.date.fromisoformat(data)

                return status_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        status_date = _parse_status_date(d.pop("status_date", UNSET))

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

        participant = cls(
            able_to_work=able_to_work,
            code=code,
            created_at=created_at,
            id=id,
            kind=kind,
            medical_needs=medical_needs,
            minor=minor,
            skills=skills,
            status=status,
            transfers=transfers,
            updated_at=updated_at,
            version=version,
            age=age,
            birth_date=birth_date,
            correction_end=correction_end,
            correction_start=correction_start,
            correction_type=correction_type,
            gender=gender,
            id_number=id_number,
            id_number_masked=id_number_masked,
            judicial_office_id=judicial_office_id,
            name=name,
            ngo_id=ngo_id,
            phone=phone,
            status_date=status_date,
            supervision_level=supervision_level,
            village_committee_id=village_committee_id,
        )

        participant.additional_properties = d
        return participant

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
