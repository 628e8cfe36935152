from enum import StrEnum


class ParticipantKind(StrEnum):
    CORRECTION_SUBJECT = "correction_subject"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
