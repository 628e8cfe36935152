from enum import StrEnum


class SupervisionLevel(StrEnum):
    LENIENT = "lenient"
    ORDINARY = "ordinary"
    STRICT = "strict"

    def __str__(self) -> str:
        return str(self.value)
