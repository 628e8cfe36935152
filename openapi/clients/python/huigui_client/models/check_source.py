from enum import StrEnum


class CheckSource(StrEnum):
    APP = "app"
    QR = "qr"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
