from enum import StrEnum


class EnrollmentOutcome(StrEnum):
    EXCUSED = "excused"
    LATE = "late"
    LEFT_EARLY = "left_early"
    NO_SHOW = "no_show"
    PRESENT = "present"

    def __str__(self) -> str:
        return str(self.value)
