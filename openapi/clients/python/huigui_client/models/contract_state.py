from enum import StrEnum


class ContractState(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    DRAFT = "draft"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
