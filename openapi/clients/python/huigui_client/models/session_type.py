from enum import StrEnum


class SessionType(StrEnum):
    EDUCATION = "education"
    GROUP_COUNSELING = "group_counseling"
    INDIVIDUAL_COUNSELING = "individual_counseling"
    PUBLIC_WELFARE = "public_welfare"
    SKILLS_TRAINING = "skills_training"

    def __str__(self) -> str:
        return str(self.value)
