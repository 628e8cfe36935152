from enum import StrEnum


class KpiMetric(StrEnum):
    ATTENDANCE_RATE = "attendance_rate"
    COUNSELING_CASES = "counseling_cases"
    PARTICIPANT_HOURS = "participant_hours"
    PEOPLE_SERVED = "people_served"
    PUBLIC_WELFARE_HOURS = "public_welfare_hours"
    SATISFACTION = "satisfaction"
    SESSIONS_EDUCATION = "sessions_education"
    SESSIONS_GROUP_COUNSELING = "sessions_group_counseling"
    SESSIONS_INDIVIDUAL_COUNSELING = "sessions_individual_counseling"
    SESSIONS_PUBLIC_WELFARE = "sessions_public_welfare"
    SESSIONS_SKILLS_TRAINING = "sessions_skills_training"

    def __str__(self) -> str:
        return str(self.value)
