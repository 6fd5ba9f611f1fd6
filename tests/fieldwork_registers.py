"""Messy complaint registers for the fieldwork tests, made here (no real data).

:data:`MESSY` is a register with mixed date formats, a duplicate, impossible dates, a row
without id, a blank line, formula-like cells and two personal-data columns. The expected
figures (terms 5 working days / 42 calendar days, today 2026-03-02) are worked out by hand
in :data:`MESSY_EXPECTED`.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

HEADER = [
    "Zaaknummer",
    "Naam klager",
    "Datum ontvangst",
    "Ontvangstbevestiging",
    "Afgehandeld",
    "Kanaal",
    "Afdeling",
    "E-mail",
    "Uitkomst",
]
# strings that live only in the personal-data columns: none may appear in any output
PERSONAL = ("Jansen", "Pieters", "Müller", "example.org", "HYPERLINK", "0612345678")
TODAY = date(2026, 3, 2)

MESSY: list[list[Any]] = [
    HEADER,
    # line 2: Mon; ack Mon +5 wd = Jan 12 (on time); decided Jan 5 + 42 = Feb 16 (on time)
    ["Z-001", "Jan Jansen", "2026-01-05", "2026-01-12", "2026-02-16", "telefoon", "Burgerzaken",
     "jan@example.org", "gegrond"],
    # line 3: Fri; ack deadline Fri Jan 16, acknowledged Jan 19 (late); decided Feb 21 > Feb 20
    ["Z-002", "Piet Pieters", "09-01-2026", "19-01-2026", "21-02-2026", "e-mail", "Burgerzaken",
     "piet@example.org", "ongegrond"],
    # line 4: not acknowledged, open; deadline Feb 26 < today: overdue
    ["Z-003", "K. Klaassen 0612345678", "2026-01-15", "", "", "brief", "Belastingen", "", ""],
    # line 5: repeats Z-001
    ["Z-001", "Jan Jansen", "2026-01-20", "", "", "telefoon", "Burgerzaken", "", ""],
    # line 6: no id
    ["", "Anoniem", "2026-01-21", "", "", "", "", "", ""],
    # line 7: impossible received date
    ["Z-004", "X", "31-02-2026", "", "", "", "", "", ""],
    # line 8: no received date
    ["Z-005", "Y", "", "2026-01-22", "", "", "", "", ""],
    # line 9: formula in a personal column; open, deadline Mar 16: not overdue; ack on time
    ["Z-006", '=HYPERLINK("http://x.example.org")', "2026-02-02", "2026-02-03", "", "telefoon",
     "Belastingen", "", ""],
    # line 10: D-M-YYYY; impossible acknowledged date (warning, counted as missing); a formula-
    # like channel kept as text; decided Feb 10 <= Mar 17
    ["Z-007", "Z", "3-2-2026", "2026-13-01", "2026-02-10", "=1+1", "Burgerzaken", "", "gegrond"],
    # line 11: blank
    ["", "", "", "", "", "", "", "", ""],
    # line 12: open, acknowledged the same day; a department with a non-ASCII letter
    ["Z-008", "Ä. Müller", "2026-02-27", "2026-02-27", "", "balie", "Cliëntzaken",
     "m@example.org", ""],
]  # fmt: skip

MESSY_EXPECTED = {
    "complaints": 6,
    "skipped": [
        {"line": 5, "reason": "id repeats line 2", "code": "duplicate_id", "value": "2"},
        {"line": 6, "reason": "no id", "code": "no_id"},
        {
            "line": 7,
            "reason": "received date '31-02-2026' is not a valid date",
            "code": "bad_received",
            "value": "31-02-2026",
        },
        {"line": 8, "reason": "no received date", "code": "no_received"},
    ],
    "warnings": [
        {
            "line": 10,
            "reason": "acknowledged date '2026-13-01' is not a valid date; counted as missing",
            "code": "bad_acknowledged",
            "value": "2026-13-01",
        }
    ],
    "blank_rows": 1,
    "acknowledged_on_time": {"count": 3, "of": 6},
    "decided_on_time": {"count": 2, "of": 3},
    "open": 3,
    "open_overdue": 1,
}


def to_csv(rows: list[list[Any]], delimiter: str = ";", encoding: str = "utf-8-sig") -> bytes:
    """The rows as Excel writes a CSV: CRLF line ends, quotes only where needed."""
    import csv

    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def to_xlsx(rows: list[list[Any]], *, dates_as_cells: bool = True) -> bytes:
    """The rows as an XLSX workbook; ISO dates become date cells when asked, and text
    starting with ``=`` becomes a formula (as when someone typed it in Excel)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Klachten")
    for i, row in enumerate(rows):
        cells = []
        for value in row:
            if dates_as_cells and i and isinstance(value, str) and _iso(value):
                value = datetime.fromisoformat(value)
            cells.append(value if value != "" else None)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def zip_bomb(unpacked_mib: int = 8) -> bytes:
    """A workbook-shaped zip whose sheet unpacks to ``unpacked_mib`` MiB of blanks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (unpacked_mib * 1024 * 1024))
    return out.getvalue()


def big_register(rows: int, seed: int = 1) -> list[list[Any]]:
    """A clean register of ``rows`` complaints over 2025, in four departments and channels."""
    import random

    rng = random.Random(seed)
    out: list[list[Any]] = [HEADER]
    start = date(2025, 1, 1).toordinal()
    departments = ["Burgerzaken", "Belastingen", "Zorg", "Wonen"]
    channels = ["telefoon", "e-mail", "brief", "balie"]
    for i in range(rows):
        received = date.fromordinal(start + rng.randrange(365))
        ack = date.fromordinal(received.toordinal() + rng.randrange(10))
        decided = (
            date.fromordinal(received.toordinal() + rng.randrange(60))
            if rng.random() < 0.9
            else None
        )
        out.append(
            [
                f"Z-{i:06d}",
                f"Naam {i} Jansen",
                received.isoformat() if i % 2 else received.strftime("%d-%m-%Y"),
                ack.isoformat(),
                decided.isoformat() if decided else "",
                channels[i % 4],
                departments[rng.randrange(4)],
                f"k{i}@example.org",
                "gegrond" if i % 3 else "ongegrond",
            ]
        )
    return out
