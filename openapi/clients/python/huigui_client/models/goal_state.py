from enum import StrEnum


class GoalState(StrEnum):
    MET = "met"
    MISSED = "missed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
