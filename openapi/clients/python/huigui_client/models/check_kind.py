from enum import StrEnum


class CheckKind(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"

    def __str__(self) -> str:
        return str(self.value)
