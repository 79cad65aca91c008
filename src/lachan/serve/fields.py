"""Field types shared by the API's request schemas.

:data:`FreeText` is for free text that goes into the database as it is (a reason, a
label, a name): text that PostgreSQL cannot store (a NUL character) or that is not
valid Unicode (a lone surrogate from a ``\\ud800`` JSON escape) is refused with a 422
naming the field, instead of failing as a server error deeper down.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator


def storable(value: str) -> str:
    """``value`` unchanged; raises :class:`ValueError` (a 422 in a request schema) for
    text no database can store."""
    if "\x00" in value:
        raise ValueError("NUL characters (\\u0000) are not allowed")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("not valid Unicode text (lone surrogate)") from None
    return value


#: Free text stored as given: no NUL, no lone surrogates. Combine with ``Field`` limits.
FreeText = Annotated[str, AfterValidator(storable)]
