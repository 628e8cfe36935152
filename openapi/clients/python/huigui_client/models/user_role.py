from enum import StrEnum


class UserRole(StrEnum):
    ADMIN = "admin"
    AGENCY_STAFF = "agency_staff"
    AUDITOR = "auditor"
    NGO_ADMIN = "ngo_admin"
    NGO_STAFF = "ngo_staff"
    OFFICER = "officer"
    OFFICE_STAFF = "office_staff"

    def __str__(self) -> str:
        return str(self.value)
