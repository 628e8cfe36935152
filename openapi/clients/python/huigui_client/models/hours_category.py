from enum import StrEnum


class HoursCategory(StrEnum):
    EDUCATION = "education"
    PUBLIC_WELFARE = "public_welfare"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
