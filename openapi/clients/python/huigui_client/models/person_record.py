from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.correction_type import CorrectionType
from ..models.supervision_level import SupervisionLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.record_discipline import RecordDiscipline
    from ..models.record_referral import RecordReferral
    from ..models.record_session import RecordSession


T = TypeVar("T", bound="PersonRecord")


@_attrs_define
class PersonRecord:
    """A person's month.

    Attributes:
        code (str):
        counseling_sessions (int): Individual and group counseling sessions attended.
        discipline (list[RecordDiscipline]):
        education_hours (float):
        month (str): `YYYY-MM`.
        name (str):
        participant_id (UUID):
        public_welfare_hours (float):
        referrals (list[RecordReferral]):
        sessions (list[RecordSession]):
        correction_end (datetime.date | None | Unset):
        correction_start (datetime.date | None | Unset):
        correction_type (CorrectionType | Unset): 管制 control, 缓刑 probation, 假释 parole, 暂予监外执行 medical_parole.
        id_number (None | str | Unset): In full: the platform identifies people by it.
        phone (None | str | Unset):
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
    """

    code: str
    counseling_sessions: int
    discipline: list[RecordDiscipline]
    education_hours: float
    month: str
    name: str
    participant_id: UUID
    public_welfare_hours: float
    referrals: list[RecordReferral]
    sessions: list[RecordSession]
    correction_end: datetime.date | None | Unset = UNSET
    correction_start: datetime.date | None | Unset = UNSET
    correction_type: CorrectionType | Unset = UNSET
    id_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    supervision_level: SupervisionLevel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        counseling_sessions = self.counseling_sessions

        discipline = []
        for discipline_item_data in self.discipline:
            discipline_item = discipline_item_data.to_dict()
            discipline.append(discipline_item)

        education_hours = self.education_hours

        month = self.month

        name = self.name

        participant_id = str(self.participant_id)

        public_welfare_hours = self.public_welfare_hours

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

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

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        supervision_level: str | Unset = UNSET
        if not isinstance(self.supervision_level, Unset):
            supervision_level = self.supervision_level.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "counseling_sessions": counseling_sessions,
                "discipline": discipline,
                "education_hours": education_hours,
                "month": month,
                "name": name,
                "participant_id": participant_id,
                "public_welfare_hours": public_welfare_hours,
                "referrals": referrals,
                "sessions": sessions,
            }
        )
        if correction_end is not UNSET:
            field_dict["correction_end"] = correction_end
        if correction_start is not UNSET:
            field_dict["correction_start"] = correction_start
        if correction_type is not UNSET:
            field_dict["correction_type"] = correction_type
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if phone is not UNSET:
            field_dict["phone"] = phone
        if supervision_level is not UNSET:
            field_dict["supervision_level"] = supervision_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_discipline import RecordDiscipline  # noqa: PLC0415
        from ..models.record_referral import RecordReferral  # noqa: PLC0415
        from ..models.record_session import RecordSession  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        counseling_sessions = d.pop("counseling_sessions")

        discipline = []
        _discipline = d.pop("discipline")
        for discipline_item_data in _discipline:
            discipline_item = RecordDiscipline.from_dict(discipline_item_data)

            discipline.append(discipline_item)

        education_hours = d.pop("education_hours")

        month = d.pop("month")

        name = d.pop("name")

        participant_id = UUID(d.pop("participant_id"))

        public_welfare_hours = d.pop("public_welfare_hours")

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = RecordReferral.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = RecordSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

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

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        _supervision_level = d.pop("supervision_level", UNSET)
        supervision_level: SupervisionLevel | Unset
        if isinstance(_supervision_level, Unset):
            supervision_level = UNSET
        else:
            supervision_level = SupervisionLevel(_supervision_level)

        person_record = cls(
            code=code,
            counseling_sessions=counseling_sessions,
            discipline=discipline,
            education_hours=education_hours,
            month=month,
            name=name,
            participant_id=participant_id,
            public_welfare_hours=public_welfare_hours,
            referrals=referrals,
            sessions=sessions,
            correction_end=correction_end,
            correction_start=correction_start,
            correction_type=correction_type,
            id_number=id_number,
            phone=phone,
            supervision_level=supervision_level,
        )

        person_record.additional_properties = d
        return person_record

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
