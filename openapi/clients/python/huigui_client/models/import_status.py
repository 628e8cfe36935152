from enum import StrEnum


class ImportStatus(StrEnum):
    CREATED = "created"
    REJECTED = "rejected"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
