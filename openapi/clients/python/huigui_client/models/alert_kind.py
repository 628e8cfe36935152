from enum import StrEnum


class AlertKind(StrEnum):
    BEHAVIOUR_CONCERN = "behaviour_concern"
    CORRECTION_ENDING = "correction_ending"
    MONTH_AT_RISK = "month_at_risk"
    MONTH_NOT_MET = "month_not_met"
    NO_SHOW = "no_show"
    REPEATED_ABSENCE = "repeated_absence"

    def __str__(self) -> str:
        return str(self.value)
