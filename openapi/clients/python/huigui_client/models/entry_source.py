from enum import StrEnum


class EntrySource(StrEnum):
    ATTENDANCE = "attendance"
    MANUAL = "manual"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
