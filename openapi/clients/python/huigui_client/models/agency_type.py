from enum import StrEnum


class AgencyType(StrEnum):
    CIVIL_AFFAIRS = "civil_affairs"
    COURT = "court"
    HEALTH = "health"
    POLICE = "police"
    POLITICAL_LEGAL = "political_legal"
    TOWNSHIP = "township"
    VILLAGE_COMMITTEE = "village_committee"

    def __str__(self) -> str:
        return str(self.value)
