from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_source import CheckSource
from ..models.enrollment_outcome import EnrollmentOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session import Session


T = TypeVar("T", bound="ParticipantEnrollment")


@_attrs_define
class ParticipantEnrollment:
    """One of a person's enrolments, with its session.

    Attributes:
        auto_checkout (bool): No check-out was recorded: credited to the session end.
        created_at (datetime.datetime):
        id (UUID): The attendance record's id (for `/attendance/{id}/excuse`).
        participant_id (UUID):
        session (Session): A session.
        session_id (UUID):
        check_in_at (datetime.datetime | None | Unset):
        check_out_at (datetime.datetime | None | Unset):
        excuse_reason (None | str | Unset): The office's reason when the absence is excused.
        hours_credited (float | None | Unset):
        outcome (EnrollmentOutcome | Unset): What attendance at a session came to, fixed when the session closes.
        satisfaction (int | None | Unset): 1–5, once rated.
        source (CheckSource | Unset):
    """

    auto_checkout: bool
    created_at: datetime.datetime
    id: UUID
    participant_id: UUID
    session: Session
    session_id: UUID
    check_in_at: datetime.datetime | None | Unset = UNSET
    check_out_at: datetime.datetime | None | Unset = UNSET
    excuse_reason: None | str | Unset = UNSET
    hours_credited: float | None | Unset = UNSET
    outcome: EnrollmentOutcome | Unset = UNSET
    satisfaction: int | None | Unset = UNSET
    source: CheckSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_checkout = self.auto_checkout

        created_at = self.created_at.isoformat()

        id = str(self.id)

        participant_id = str(self.participant_id)

        session = self.session.to_dict()

        session_id = str(self.session_id)

        check_in_at: None | str | Unset
        if isinstance(self.check_in_at, Unset):
            check_in_at = UNSET
        elif isinstance(self.check_in_at, datetime.datetime):
            check_in_at = self.check_in_at.isoformat()
        else:
            check_in_at = self.check_in_at

        check_out_at: None | str | Unset
        if isinstance(self.check_out_at, Unset):
            check_out_at = UNSET
        elif isinstance(self.check_out_at, datetime.datetime):
            check_out_at = self.check_out_at.isoformat()
        else:
            check_out_at = self.check_out_at

        excuse_reason: None | str | Unset
        if isinstance(self.excuse_reason, Unset):
            excuse_reason = UNSET
        else:
            excuse_reason = self.excuse_reason

        hours_credited: float | None | Unset
        if isinstance(self.hours_credited, Unset):
            hours_credited = UNSET
        else:
            hours_credited = self.hours_credited

        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome.value

        satisfaction: int | None | Unset
        if isinstance(self.satisfaction, Unset):
            satisfaction = UNSET
        else:
            satisfaction = self.satisfaction

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_checkout": auto_checkout,
                "created_at": created_at,
                "id": id,
                "participant_id": participant_id,
                "session": session,
                "session_id": session_id,
            }
        )
        if check_in_at is not UNSET:
            field_dict["check_in_at"] = check_in_at
        if check_out_at is not UNSET:
            field_dict["check_out_at"] = check_out_at
        if excuse_reason is not UNSET:
            field_dict["excuse_reason"] = excuse_reason
        if hours_credited is not UNSET:
            field_dict["hours_credited"] = hours_credited
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if satisfaction is not UNSET:
            field_dict["satisfaction"] = satisfaction
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session import Session  # noqa: PLC0415

        d = dict(src_dict)
        auto_checkout = d.pop("auto_checkout")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        participant_id = UUID(d.pop("participant_id"))

        session = Session.from_dict(d.pop("session"))

        session_id = UUID(d.pop("session_id"))

        def _parse_check_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return check_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        check_in_at = _parse_check_in_at(d.pop("check_in_at", UNSET))

        def _parse_check_out_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_out_at_type_0 = datetime.datetime.fromisoformat(data)

                return check_out_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        check_out_at = _parse_check_out_at(d.pop("check_out_at", UNSET))

        def _parse_excuse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        excuse_reason = _parse_excuse_reason(d.pop("excuse_reason", UNSET))

        def _parse_hours_credited(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours_credited = _parse_hours_credited(d.pop("hours_credited", UNSET))

        _outcome = d.pop("outcome", UNSET)
        outcome: EnrollmentOutcome | Unset
        if isinstance(_outcome, Unset):
            outcome = UNSET
        else:
            outcome = EnrollmentOutcome(_outcome)

        def _parse_satisfaction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        satisfaction = _parse_satisfaction(d.pop("satisfaction", UNSET))

        _source = d.pop("source", UNSET)
        source: CheckSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = CheckSource(_source)

        participant_enrollment = cls(
            auto_checkout=auto_checkout,
            created_at=created_at,
            id=id,
            participant_id=participant_id,
            session=session,
            session_id=session_id,
            check_in_at=check_in_at,
            check_out_at=check_out_at,
            excuse_reason=excuse_reason,
            hours_credited=hours_credited,
            outcome=outcome,
            satisfaction=satisfaction,
            source=source,
        )

        participant_enrollment.additional_properties = d
        return participant_enrollment

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
