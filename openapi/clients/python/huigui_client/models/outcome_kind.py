from enum import StrEnum


class OutcomeKind(StrEnum):
    ASSESSMENT = "assessment"
    CERTIFICATE = "certificate"
    COMMENDATION = "commendation"
    COMPLETION = "completion"
    EMPLOYMENT = "employment"
    REVOCATION = "revocation"

    def __str__(self) -> str:
        return str(self.value)
