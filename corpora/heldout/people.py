"""People of the held-out documents: a name as written in its culture (given or family name
first, middle initials, Vietnamese three-part names) and the e-mail address and chat handle made
from it, so a document can mention the same person in every form."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from corpora.heldout.words import DOMAINS, NAMES, VIET_MIDDLE


def fold(s: str) -> str:
    """ASCII letters and digits only, lower case (for e-mail local parts and handles)."""
    s = unicodedata.normalize("NFKD", s.replace("ø", "o").replace("ı", "i").replace("ł", "l"))
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())


@dataclass
class Person:
    given: str  # what colleagues call them
    family: str
    full: str  # as written in that culture
    email: str
    handle: str  # without the @


def new_person(rng: random.Random) -> Person:
    culture = rng.choice(list(NAMES))
    givens, families, order = NAMES[culture]
    given, family = rng.choice(givens), rng.choice(families)
    if order == "viet":
        family_part = f"{family} {rng.choice(VIET_MIDDLE)}"
        full = f"{family_part} {given}"
        family = family_part.split()[0]
    elif order == "east" or (order == "mixed" and rng.random() < 0.5):
        full = f"{family} {given}"
    elif rng.random() < 0.12:  # a middle initial
        full = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {family}"
    else:
        full = f"{given} {family}"
    g, f = fold(given), fold(family)
    local = rng.choice(
        [f"{g}.{f}", f"{g[0]}{f}", f"{g}{f[0]}", f"{g}_{f}", f"{f}.{g}", f"{g}{rng.randint(1, 99)}"]
    )
    handle = rng.choice([f"{g}.{f[:1]}", f"{g[0]}{f}", f"{g}_{f}", g + str(rng.randint(7, 95))])
    return Person(given, family, full, f"{local}@{rng.choice(DOMAINS)}", handle)
