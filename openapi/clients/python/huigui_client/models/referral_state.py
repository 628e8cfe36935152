from enum import StrEnum


class ReferralState(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
