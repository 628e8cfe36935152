from enum import StrEnum


class ProcurementState(StrEnum):
    AWARDED = "awarded"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    DRAFT = "draft"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
