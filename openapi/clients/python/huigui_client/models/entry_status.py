from enum import StrEnum


class EntryStatus(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    POSTED = "posted"
    REJECTED = "rejected"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)
