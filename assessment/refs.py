"""Known articles of the Awb and provisions of the HOS Code 2024, to check a pack's ``refs``.

A reference that names the General Administrative Law Act (``Awb 9:12``, ``Awb 9:10 lid 2``)
or the Housing Ombudsman's Complaint Handling Code 2024 (``HOS Code 2024 6.15``,
``HOS Code 2024 8.1 e``) must name an article or provision that exists. Other references
(ISO 10002, guidance documents) are free text and are not checked here.

The lists hold only what the built-in packs and their users need: the Awb articles on
complaint handling (title 9.1), the ombudsman (title 9.2, up to 9:36) and the general
duties of chapter 2 that apply to every complaint, and every provision of the 2024 Code,
with the lettered items of the provisions that have them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

AWB_PREFIX = "Awb "
HOS_PREFIX = "HOS Code 2024 "

# Awb: chapter 1 (definitions), chapter 2 (dealings between citizens and public bodies,
# with section 2.3 on electronic filing as renewed by the Wmebv from 1 January 2026),
# chapter 3 (due care, reasons), the objection rules that a complaint must be told
# apart from, and titles 9.1 (internal complaint handling) and 9.2 (the ombudsman).
AWB_ARTICLES: frozenset[str] = frozenset(
    ["1:1", "1:2", "1:3"]
    + [f"2:{n}" for n in range(1, 18)]
    + ["3:2", "3:4", "3:46", "3:47", "6:7", "6:15", "7:1", "8:1"]
    + [f"9:{n}" for n in range(1, 19)]
    + ["9:12a"]
    + [f"9:{n}" for n in range(19, 37)]
)

# HOS Code 2024: the number of provisions per section, and the lettered items.
HOS_SECTIONS: dict[int, int] = {1: 6, 2: 5, 3: 7, 4: 3, 5: 14, 6: 20, 7: 4, 8: 5, 9: 8}
HOS_ITEMS: dict[str, str] = {
    "5.8": "abcd",
    "6.9": "abcdefg",
    "6.19": "abcdefg",
    "8.1": "abcdef",
    "9.7": "abcd",
    "9.8": "ab",
}
HOS_PROVISIONS: frozenset[str] = frozenset(
    f"{section}.{n}" for section, count in HOS_SECTIONS.items() for n in range(1, count + 1)
)

_NOTE = r"(?: \([^()]*\))?"  # an optional short title in brackets
_AWB = re.compile(rf"^Awb (\d+:\d+[a-z]?)(?: lid (\d+))?(?: (?:onder|sub) [a-z])?{_NOTE}$")
_HOS = re.compile(rf"^HOS Code 2024 (\d+\.\d+)(?: ?\(?([a-z])\)?)?{_NOTE}$")


def ref_problem(ref: str) -> str | None:
    """Why ``ref`` names no existing Awb article or HOS Code provision, or ``None`` if fine."""
    if ref.startswith(AWB_PREFIX):
        match = _AWB.match(ref)
        if match is None:
            return f"'{ref}' is not of the form 'Awb 9:12' or 'Awb 9:10 lid 2'"
        if match.group(1) not in AWB_ARTICLES:
            return f"'{ref}': the Awb has no article {match.group(1)} among the known ones"
        return None
    if ref.startswith(HOS_PREFIX):
        match = _HOS.match(ref)
        if match is None:
            return f"'{ref}' is not of the form 'HOS Code 2024 6.15' or 'HOS Code 2024 8.1 e'"
        provision, item = match.group(1), match.group(2)
        if provision not in HOS_PROVISIONS:
            return f"'{ref}': the HOS Code 2024 has no provision {provision}"
        if item is not None and item not in HOS_ITEMS.get(provision, ""):
            return f"'{ref}': provision {provision} of the HOS Code 2024 has no item {item}"
        return None
    return None


def ref_problems(refs: Any) -> Iterator[tuple[int, str]]:
    """``(index, message)`` for every reference in a raw ``refs`` list that fails the check."""
    if not isinstance(refs, list):
        return
    for i, ref in enumerate(refs):
        if isinstance(ref, str):
            message = ref_problem(ref)
            if message is not None:
                yield i, message


def awb_article(ref: str) -> str | None:
    """The article a valid Awb reference names (``'9:10'`` for ``'Awb 9:10 lid 2'``)."""
    match = _AWB.match(ref)
    return match.group(1) if match and ref_problem(ref) is None else None


def hos_provision(ref: str) -> str | None:
    """The provision a valid HOS Code reference names (``'8.1'`` for ``'HOS Code 2024 8.1 e'``)."""
    match = _HOS.match(ref)
    return match.group(1) if match and ref_problem(ref) is None else None
