from enum import StrEnum


class AmendmentState(StrEnum):
    APPROVED = "approved"
    PROPOSED = "proposed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
