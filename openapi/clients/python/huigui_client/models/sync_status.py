from enum import StrEnum


class SyncStatus(StrEnum):
    CONFLICT = "conflict"
    CREATED = "created"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
