from enum import StrEnum


class OrganizationKind(StrEnum):
    AGENCY = "agency"
    BUREAU = "bureau"
    JUDICIAL_OFFICE = "judicial_office"
    NGO = "ngo"
    PROCURATORATE = "procuratorate"

    def __str__(self) -> str:
        return str(self.value)
