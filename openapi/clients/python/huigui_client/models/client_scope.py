from enum import StrEnum


class ClientScope(StrEnum):
    ATTENDANCEWRITE = "attendance:write"
    CHECKINREAD = "checkin:read"
    PARTICIPANTSREAD = "participants:read"
    SESSIONSREAD = "sessions:read"

    def __str__(self) -> str:
        return str(self.value)
