from enum import StrEnum


class CsvEncoding(StrEnum):
    GB18030 = "gb18030"
    UTF_8 = "utf-8"

    def __str__(self) -> str:
        return str(self.value)
