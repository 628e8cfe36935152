from enum import StrEnum


class ReferralNeed(StrEnum):
    EDUCATION = "education"
    EMPLOYMENT = "employment"
    HOUSING = "housing"
    MEDICAL = "medical"
    PSYCHOLOGICAL = "psychological"
    SUBSISTENCE = "subsistence"

    def __str__(self) -> str:
        return str(self.value)
