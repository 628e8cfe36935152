from enum import StrEnum


class ParticipantState(StrEnum):
    ACTIVE = "active"
    RELEASED = "released"
    REVOKED = "revoked"
    TRANSFERRED = "transferred"

    def __str__(self) -> str:
        return str(self.value)
