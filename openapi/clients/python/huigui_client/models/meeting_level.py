from enum import StrEnum


class MeetingLevel(StrEnum):
    COUNTY = "county"
    TOWNSHIP = "township"

    def __str__(self) -> str:
        return str(self.value)
