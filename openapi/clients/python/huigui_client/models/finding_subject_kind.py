from enum import StrEnum


class FindingSubjectKind(StrEnum):
    AUDIT_EVENT = "audit_event"
    CONTRACT = "contract"
    NONE = "none"
    PARTICIPANT = "participant"
    SESSION = "session"

    def __str__(self) -> str:
        return str(self.value)
