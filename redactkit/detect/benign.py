"""Positive evidence that what the NER model or a bare date pattern found names no one.

The model tags public products ("Grafana", "Visual Studio Code"), companies ("Kestrel
Analytics"), identifiers ("OPS-46617", "we_1cSC9x"), prices and meeting dates as people, places
or dates of birth. Each test here recognises one of those shapes (a curated list, a head word
that ends a company's or a product's name, a date written with its time of day or weekday), in
the ``evidence`` convention (``test(text, start, end) -> bool``); ``decision`` says which
finding each may drop. ``trim_noise`` cuts the model's spans back to their words: "Sione
Tuilagi  9:15am" keeps the name and frees the time.

The lists are data (``redactkit/data/products.toml``), read once.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from redactkit.detect.lexicon import codes, lexicon, strength
from redactkit.detect.lexicon import common as common_word


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    raw = tomllib.loads(resources.files("redactkit").joinpath("data/products.toml").read_text())
    return {k: frozenset(v.lower() for v in vals) for k, vals in raw.items()}


def _words(span: str) -> list[str]:
    return [w.strip(".,:;!?'\"()[]") for w in span.split()]


#: A version number right after a name: "Madison Suite v4.30.10", "Jenkins 2.401.3",
#: "Upgrade Crossplane to v1.8.11".
_VERSION_AFTER = re.compile(
    r"(?:[ \t]+(?:to|from|at|version))?[ \t]+v?\d+(?:\.\d+){1,3}(?:-[\w.]+)?\b"
)
_VERSION = re.compile(r"^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$")


def _name_strength(word: str) -> int:
    return strength(codes([word])[0])


def public_product(text: str, start: int, end: int) -> bool:
    """The whole span is a listed product, service, language or company. A one-word entry the
    name lexicon rates as a common given name or surname ("Julia", "Jenkins") counts only
    with a version number after it."""
    words = _words(text[start:end])
    if not words or " ".join(words).lower() not in _data()["products"]:
        return False
    if len(words) > 1 or _name_strength(words[0]) < 2:
        return True
    return bool(_VERSION_AFTER.match(text, end))


#: Up to two capitalised words right after a span: the model often tags "Jasper" of "Jasper
#: Inbox" alone.
_NEXT_CAPITALISED = re.compile(r"(?: [A-Z][\w&.-]*){1,2}")


def _head(word: str) -> bool:
    data = _data()
    return word.lower() in data["organisation_heads"] or word.lower() in data["product_heads"]


def _full_name(words: list[str]) -> bool:
    """Two or more words, each a common given name or surname somewhere ("Jane Doe" of a
    table row "Jane Doe Engineering"): a person, whatever follows."""
    codes = lexicon().lookup(words) if len(words) >= 2 else []
    return len(words) >= 2 and all(strength(int(c)) >= 2 for c in codes)


def organisation_or_product(text: str, start: int, end: int) -> bool:
    """Two to five capitalised words ending in a company's or a product's head word ("Ostara
    Biotech", "Halcyon Freight Ltd", "Nimbus Sync"; the span may be their first words only), or
    capitalised words with a version number after them ("Florence Scheduler 1.19.0"). Not when
    the words before are a full name ("Jane Doe Engineering": a person and a column)."""
    words = [w for w in _words(text[start:end]) if w]
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    if len(words) >= 2 and _VERSION.match(words[-1]) and all(w[:1].isupper() for w in words[:-1]):
        return not _full_name(words[:-1])  # "Loki v11.26.19-rc.5": the model took the version in
    after = _NEXT_CAPITALISED.match(text, end)
    if after and any(_head(w) for w in _words(after.group())[: 5 - len(words)]):
        return not _full_name(words)
    if _VERSION_AFTER.match(text, end) and not any(c.isdigit() for c in text[start:end]):
        return not _full_name(words)
    return len(words) >= 2 and _head(words[-1]) and not _full_name(words[:-1])


_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[ap]\.?m\.?)?"
_WITH_CLOCK = re.compile(rf"(?i)^(?:,?\s*(?:at\s+)?|T){_CLOCK}")
_CLOCK_ONLY = re.compile(rf"(?i)^{_CLOCK}(?:Z|[+-]\d{{2}}:?\d{{2}})?$")
_HAS_CLOCK = re.compile(rf"(?i)\d[T ]{_CLOCK}|^{_CLOCK}")
_WEEKDAY_IN = re.compile(rf"(?i)\b{_WEEKDAY}\b\.?,?")
_WEEKDAY_BEFORE = re.compile(rf"(?i)\b{_WEEKDAY}\.?,?\s+$")
_BIRTH = re.compile(r"(?i)born|birth|\bd\.?o\.?b\b|geb(?:oren|urt)|naissance|nacimiento|nascita")


def event_date(text: str, start: int, end: int) -> bool:
    """A date written with its time of day or its weekday ("Tue 25 January", "2024-09-15,
    11:00", "Mar 14 at 15:30"), or a time of day alone: when something happens, not when
    someone was born. Not near a birth word ("born Tue 3 May 1988")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _BIRTH.search(text[max(line_start, start - 40) : end]):
        return False
    span = text[start:end].strip()
    return bool(
        _CLOCK_ONLY.match(span)
        or _HAS_CLOCK.search(span)
        or _WITH_CLOCK.match(text[end : end + 16])
        or _WEEKDAY_IN.search(span)
        or _WEEKDAY_BEFORE.search(text[max(0, start - 12) : start])
    )


def dictionary_word(text: str, start: int, end: int) -> bool:
    """One word that is a common English word and no given name or surname in any of the
    lexicon's 105 countries ("Roadmap", "Engineering", "Offsite")."""
    words = _words(text[start:end])
    if len(words) != 1 or not words[0].isalpha():
        return False
    code = codes(words)[0]
    return common_word(code) and strength(code) == 0


_UNITS = frozenset(
    "b kb mb gb tb pb kib mib gib tib ms s sec secs min mins h hr hrs d days px pt em rem "
    "hz khz mhz ghz kbps mbps gbps rpm usd eur gbp chf jpy".split()
)


def quantity_unit(text: str, start: int, end: int) -> bool:
    """A unit right after a number: "13.1 GB", "250 ms", "9,000 CHF"."""
    words = _words(text[start:end])
    return (
        len(words) == 1
        and words[0].lower() in _UNITS
        and bool(re.search(r"\d[ \t]?$", text[max(0, start - 3) : start]))
    )


# -- the model's spans cut back to their words ---------------------------------------------

_TOKEN = re.compile(r"[^\s,;|]+")  # a CSV cell is a token of its own
_DIGIT = re.compile(r"\d")
_SEPARATORS = frozenset("-_:./,€$£¥%")
_KEY_VALUE = re.compile(r"^.*[=:]['\"]?")


def noise_token(token: str) -> bool:
    """A token no name is written with: an underscore, a number (two digits or more, or one
    with a separator: "9:15am", "OPS-46617", "€4,326.00"), a key=value, or three or more
    case changes ("we_1cSC", "xQ3bRtZ"). One digit in a word ("J0hn") is an OCR misreading
    and stays."""
    if "_" in token or "=" in token:
        return True
    digits = len(_DIGIT.findall(token))
    if digits >= 2 or (digits and (token[0].isdigit() or not _SEPARATORS.isdisjoint(token))):
        return True
    changes = sum(a.islower() and b.isupper() for a, b in zip(token, token[1:]))
    return changes >= 3 or (changes >= 1 and digits > 0)


_BARE_NUMBER = re.compile(r"^\d+[.,]?$")


_LETTER = re.compile(r"[^\W\d_]")


def _trimmed(token: str, *, first: bool = False) -> bool:
    """Noise to cut from a name's edge: a noise token, punctuation alone (``>>``, ``-``), a
    label before the name (``Action:``); not a bare number, which may be the house number or
    postcode of an address the model ran into the name ("7759 Bem", "Jõhvi IV 41597")."""
    if _BARE_NUMBER.match(token):
        return False
    return noise_token(token) or not _LETTER.search(token) or (first and token.endswith(":"))


_NUMBER_TAIL = re.compile(r"(?i)(?:[:.,]\d+)+(?:[ap]\.?m\.?)?")


def _glued_number(text: str, a: int, b: int) -> str:
    """The token ``text[a:b]``, with the rest of a number the span cut off after it ("11" of
    "11:45am": the model's token ends at the colon)."""
    tok = text[a:b]
    if tok.isdigit():
        m = _NUMBER_TAIL.match(text, b)
        if m:
            return tok + m.group()
    return tok


def trim_noise(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the noise tokens at its ends (``noise_token``, bare numbers
    kept); a key=value's value is kept (``beneficiary="Yousef`` -> ``Yousef``). ``start ==
    end`` when nothing is left."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    while tokens:
        a, b = tokens[0]
        tok = text[a:b]
        if "=" in tok and not _DIGIT.search(tok.rsplit("=", 1)[1]):
            cut = _KEY_VALUE.match(tok)
            rest = a + (cut.end() if cut else 0)
            if rest < b and text[rest:b].strip("'\"").isalpha():
                tokens[0] = (rest, b)
                break
        if not _trimmed(tok, first=True):
            break
        tokens.pop(0)
    while tokens and _trimmed(_glued_number(text, *tokens[-1])):
        tokens.pop()
    if not tokens:
        return start, start
    return tokens[0][0], tokens[-1][1]
