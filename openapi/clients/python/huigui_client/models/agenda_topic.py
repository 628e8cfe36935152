from enum import StrEnum


class AgendaTopic(StrEnum):
    ASSISTANCE = "assistance"
    CUSTODY = "custody"
    INVESTIGATION_ASSESSMENT = "investigation_assessment"
    MEDICAL_REEXAMINATION = "medical_reexamination"
    OTHER = "other"
    PLACE_OF_EXECUTION = "place_of_execution"
    SUPERVISION = "supervision"

    def __str__(self) -> str:
        return str(self.value)
