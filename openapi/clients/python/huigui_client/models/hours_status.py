from enum import StrEnum


class HoursStatus(StrEnum):
    AT_RISK = "at_risk"
    MET = "met"
    NOT_MET = "not_met"
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return str(self.value)
