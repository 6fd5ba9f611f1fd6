"""A seeded, reproducible sample of complaints from a register (issue 14, section 2).

How it is drawn, so that anyone can redraw it by hand:

1. The population is the register's complaints (skipped rows are never drawn; every id
   once).
2. Each complaint gets the key ``sha256("<seed>:<id>")`` (UTF-8, hexadecimal); complaints
   are taken in the order of their keys. The same register and seed give the same sample,
   whatever the order of its rows; another seed gives another order.
3. Without ``by``: the ``size`` complaints with the lowest keys.
4. With ``by`` (``department`` or ``channel``), stratified: every stratum (each distinct
   value, the empty value being a stratum of its own) first gets one file. The other
   ``size - strata`` files are shared in proportion to each stratum's complaints beyond its
   first one (``rest x (p - 1) / (P - strata)``): every stratum gets the whole part of its
   share, and the files left over go to the largest remainders (ties: the larger stratum,
   then the name). Within a stratum, the complaints with the lowest keys are drawn.

The ids are listed in register order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from ..errors import IkmError
from .analysis import Complaint

Stratify = Literal["department", "channel"]
STRATIFY: tuple[str, ...] = ("department", "channel")
METHOD = (
    "sha256(seed:id) order; stratified: one per stratum, the rest in proportion "
    "to (stratum - 1) by largest remainder"
)


class SampleError(IkmError):
    """A sample cannot be drawn as asked (size larger than the population, too few for the
    strata). Raised by :func:`draw_sample`."""


@dataclass(frozen=True)
class Stratum:
    population: int
    sample: int

    def to_json(self) -> dict[str, int]:
        return {"population": self.population, "sample": self.sample}


@dataclass(frozen=True)
class Sample:
    """A drawn sample: what was asked, what was drawn, and from which register."""

    seed: int
    size: int
    population: int
    ids: tuple[str, ...]
    by: str | None
    strata: dict[str, Stratum] | None
    register_sha256: str
    method: str = METHOD

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "size": self.size,
            "population": self.population,
            "ids": list(self.ids),
            "by": self.by,
            "strata": (
                None
                if self.strata is None
                else {name: s.to_json() for name, s in self.strata.items()}
            ),
            "register_sha256": self.register_sha256,
            "method": self.method,
        }


def draw_key(seed: int, complaint_id: str) -> str:
    """The order key of a complaint: ``sha256("<seed>:<id>")`` in hexadecimal."""
    return hashlib.sha256(f"{seed}:{complaint_id}".encode()).hexdigest()


def allocate(populations: dict[str, int], size: int) -> dict[str, int]:
    """Files per stratum: one each, the rest by largest remainder (see the module's rule)."""
    strata = len(populations)
    total = sum(populations.values())
    if size < strata:
        raise SampleError(
            f"a sample of {size} cannot hold one file of each of the {strata} strata; "
            f"draw at least {strata}"
        )
    rest = size - strata
    spare = total - strata
    shares = {
        name: Fraction(rest * (p - 1), spare) if spare else Fraction(0)
        for name, p in populations.items()
    }
    counts = {name: 1 + int(share) for name, share in shares.items()}
    left = size - sum(counts.values())
    order = sorted(populations, key=lambda n: (-(shares[n] - int(shares[n])), -populations[n], n))
    for name in order[:left]:
        counts[name] += 1
    return counts


def draw_sample(
    complaints: Sequence[Complaint],
    size: int,
    seed: int,
    *,
    by: str | None = None,
    register_sha256: str = "",
) -> Sample:
    """Draw ``size`` complaints with ``seed``, stratified ``by`` department or channel."""
    population = len(complaints)
    if by is not None and by not in STRATIFY:
        raise SampleError(f"cannot stratify by '{by}' (use department or channel)")
    if size < 1:
        raise SampleError("the sample size must be at least 1")
    if not population:
        raise SampleError("the register has no complaints to draw from")
    if size > population:
        raise SampleError(
            f"a sample of {size} is larger than the register's {population} complaints"
        )
    keyed = sorted(complaints, key=lambda c: draw_key(seed, c.id))
    strata: dict[str, Stratum] | None = None
    if by is None:
        chosen = keyed[:size]
    else:
        groups: dict[str, list[Complaint]] = {}
        for c in keyed:
            groups.setdefault(getattr(c, by), []).append(c)
        counts = allocate({name: len(members) for name, members in groups.items()}, size)
        chosen = [c for name, members in groups.items() for c in members[: counts[name]]]
        names = sorted(groups, key=lambda n: (-len(groups[n]), n))
        strata = {n: Stratum(len(groups[n]), counts[n]) for n in names}
    chosen.sort(key=lambda c: c.line)
    return Sample(
        seed=seed,
        size=size,
        population=population,
        ids=tuple(c.id for c in chosen),
        by=by,
        strata=strata,
        register_sha256=register_sha256,
    )
