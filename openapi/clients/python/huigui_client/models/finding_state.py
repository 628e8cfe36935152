from enum import StrEnum


class FindingState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    RESPONDED = "responded"

    def __str__(self) -> str:
        return str(self.value)
