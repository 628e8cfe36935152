from enum import StrEnum


class TeamRole(StrEnum):
    DOCTOR = "doctor"
    FAMILY = "family"
    NGO_WORKER = "ngo_worker"
    OFFICE_STAFF = "office_staff"
    OTHER = "other"
    VILLAGE_COMMITTEE = "village_committee"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
