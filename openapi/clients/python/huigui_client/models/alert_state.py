from enum import StrEnum


class AlertState(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
