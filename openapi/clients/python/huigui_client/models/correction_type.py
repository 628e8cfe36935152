from enum import StrEnum


class CorrectionType(StrEnum):
    CONTROL = "control"
    MEDICAL_PAROLE = "medical_parole"
    PAROLE = "parole"
    PROBATION = "probation"

    def __str__(self) -> str:
        return str(self.value)
