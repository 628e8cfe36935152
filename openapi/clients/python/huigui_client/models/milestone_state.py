from enum import StrEnum


class MilestoneState(StrEnum):
    APPROVED = "approved"
    ELIGIBLE = "eligible"
    PAID = "paid"
    SCHEDULED = "scheduled"
    WITHHELD = "withheld"

    def __str__(self) -> str:
        return str(self.value)
