"""Value types shared by the file formats: ISO dates and sha256 digests.

One home for these rules, so that the assessment file and its fieldwork part read a date
the same way.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, StringConstraints

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_date(value: Any) -> Any:
    """Accept a ``date`` or text ``YYYY-MM-DD`` that names a real day; else ``ValueError``."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


IsoDate = Annotated[
    date, BeforeValidator(iso_date), PlainSerializer(lambda d: d.isoformat(), return_type=str)
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
