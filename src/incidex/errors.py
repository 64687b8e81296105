"""The exceptions incidex raises, each with a searchable code.

    IncidexError                   E000  base of everything below
    ├── InputError                 E100  an input the user gave cannot be read
    │   ├── EmptyInputError        E101  file or text is empty / whitespace only
    │   ├── BinaryInputError       E102  looks like a binary file, not text
    │   ├── DecodeError            E103  bytes cannot be decoded as text
    │   ├── InputTooLargeError     E104  over the size limit
    │   ├── MalformedRecordError   E105  a CSV/JSONL record is broken or lacks its text field
    │   ├── NotAFeedError          E106  a file given as RSS/Atom is not a feed
    │   └── UnsupportedInputError  E107  unknown input kind
    ├── PipelineError              E200  the pipeline is configured wrongly
    │   └── MissingStageError      E201  a stage requires what no earlier stage assigns
    ├── StoreError                 E300  the database cannot be opened or written
    │   └── NotFoundError          E301  no record with that id
    ├── DataError                  E400  shipped data (gazetteer, lexicon) is missing or broken
    └── WebError                   E600  the HTTP request cannot be served (incidex.web.errors)
        └── WriteForbiddenError    E601  a write without the server's token (403)

Errors from dependencies (SQLAlchemy, lxml, csv) are translated into these at the boundary,
so callers catch one tree. ``exit_code`` is what the CLI exits with.
"""

from __future__ import annotations


class IncidexError(Exception):
    code = "E000"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(IncidexError):
    code = "E100"
    exit_code = 2
    http_status = 400


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class DecodeError(InputError):
    code = "E103"


class InputTooLargeError(InputError):
    code = "E104"
    http_status = 413


class MalformedRecordError(InputError):
    code = "E105"


class NotAFeedError(InputError):
    code = "E106"


class UnsupportedInputError(InputError):
    code = "E107"


class PipelineError(IncidexError):
    code = "E200"
    exit_code = 3


class MissingStageError(PipelineError):
    code = "E201"


class StoreError(IncidexError):
    code = "E300"
    exit_code = 4


class NotFoundError(StoreError):
    code = "E301"
    http_status = 404


class DataError(IncidexError):
    code = "E400"
    exit_code = 5
