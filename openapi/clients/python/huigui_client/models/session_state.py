from enum import StrEnum


class SessionState(StrEnum):
    CANCELLED = "cancelled"
    CLOSED = "closed"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
