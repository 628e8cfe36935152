from enum import StrEnum


class ReportState(StrEnum):
    ACCEPTED = "accepted"
    DRAFT = "draft"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
