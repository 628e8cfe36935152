from enum import StrEnum


class BidState(StrEnum):
    AWARDED = "awarded"
    NOT_AWARDED = "not_awarded"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
