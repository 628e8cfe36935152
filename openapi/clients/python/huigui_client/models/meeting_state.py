from enum import StrEnum


class MeetingState(StrEnum):
    CLOSED = "closed"
    HELD = "held"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
