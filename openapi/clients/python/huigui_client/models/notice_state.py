from enum import StrEnum


class NoticeState(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
