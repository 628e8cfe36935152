from enum import StrEnum


class DisciplineKind(StrEnum):
    COMMENDATION = "commendation"
    REPRIMAND = "reprimand"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
