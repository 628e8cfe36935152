from enum import StrEnum


class CheckpointResult(StrEnum):
    MATCHES = "matches"
    REWRITTEN = "rewritten"
    TRUNCATED = "truncated"

    def __str__(self) -> str:
        return str(self.value)
