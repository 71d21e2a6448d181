"""What the name rules share: the shape of a name word, the words that are never names, and the
judge that asks the lexicon about every candidate word of a text in one batch.

Kept apart from the rules (``names.py``: cues before and after a word; ``name_frames.py``:
the sentence frames a person fills) so that both read the same evidence the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from redactkit.detect.lexicon import common, lexicon, strength, surname
from redactkit.detect.words import COUNTRIES, NOT_NAME_WORDS

#: Words of organisation names ("Acme Labs", "Ilya Systems") that are no surname.
ORG_WORDS = frozenset(
    "inc ltd limited llc gmbh corp corporation company co group bank university institute foundation "
    "association services systems technologies technology labs partners holdings hospital "
    "clinic school college council agency department ministry team club ag sa bv plc studio "
    "software solutions networks cloud capital ventures media press news airlines energy "
    "health insurance trust fund center centre committee office".split()
)

#: Nationalities and languages that are also given names somewhere ("German", "Florentina").
DEMONYMS = frozenset(
    "german english french dutch irish scottish welsh british american canadian mexican spanish "
    "italian portuguese brazilian greek turkish russian polish czech danish swedish norwegian "
    "finnish icelandic hungarian romanian bulgarian serbian croatian ukrainian indian chinese "
    "japanese korean thai vietnamese arab arabic persian hebrew african egyptian moroccan "
    "nigerian kenyan latin roman christian catholic muslim jewish hindu buddhist".split()
)
TITLE_WORDS = frozenset("mr mrs ms miss mx dr prof sir madam mme mlle herr frau".split())
#: Words of chat and interjection that open a sentence like a vocative ("Btw, can you ...").
INTERJECTIONS = frozenset(
    "ok okay oh ah eh uh um umm hmm ugh wow oops yay yep yup yeah nope nah lol btw fyi fwiw "
    "imo imho tbh idk iirc afaik ngl smh brb asap pls plz thx omg ps nb".split()
)

#: A capitalised name word: "Eva", "O'Neill", "Jae-won", "McCune", "Jean-Pierre"; not "Eva's".
#: One capital inside is let through the scan (cheaper than telling them there) and judged on
#: the word: ``camel`` ("JavaScript", "GitHub") is no name, a name prefix ("McCune") is.
CAP = r"\p{Lu}[\p{Ll}'’\-]*(?:\p{Lu}[\p{Ll}'’\-]*)?\p{Ll}(?<!['’]s)"
_NAME_PART = regex.compile(r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le)?\p{Lu}?[^\p{Lu}]*")
_JOINS = regex.compile(r"[\-'’]")
ANY = r"\p{L}[\p{L}'’\-]*\p{L}"
ITEM = rf"{CAP}(?:[ ]{CAP})?"
#: Particles inside a full name ("Ries A van den Nieuwenhuizen", "Maria de la Cruz").
PARTICLES = r"van|von|de|der|den|da|di|del|della|la|le|du|dos|das|ten|ter|bin|ibn|al"

_WORD = regex.compile(ANY)
#: Single-word countries are never names here; a country of several words ("Sierra Leone",
#: "Costa Rica") is told by its phrase, for its words ("Leone", "Costa") are names too.
COUNTRY_WORDS = frozenset(c.casefold() for c in COUNTRIES if " " not in c)
_COUNTRY_PHRASE = regex.compile(
    r"\b(?:"
    + "|".join(regex.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True) if " " in c)
    + r")\b"
)
NOT_NAMES = ORG_WORDS | DEMONYMS | TITLE_WORDS | INTERJECTIONS


def words(span: str) -> list[str]:
    return _WORD.findall(span)


def in_country(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` overlaps a country named in several words ("Costa Rica's coast")."""
    lo = max(0, start - 40)
    return any(
        m.start() < end and start < m.end() for m in _COUNTRY_PHRASE.finditer(text, lo, end + 40)
    )


def camel(word: str) -> bool:
    """Capitals inside a word that no name prefix explains ("JavaScript", "iPhone", "GitHub")."""
    return not all(_NAME_PART.fullmatch(p) for p in _JOINS.split(word))


def excluded(word: str) -> bool:
    """A word no rule takes as a name: calendar, interface, organisation, country words,
    product-style capitals inside a word."""
    low = word.casefold()
    return low in NOT_NAME_WORDS or low in COUNTRY_WORDS or low in NOT_NAMES or camel(word)


class Judge:
    """Lexicon codes of every candidate word of a text, looked up in one batch."""

    def __init__(self, candidates: Iterable[str]) -> None:
        uniq = sorted(set(candidates))
        codes = lexicon().lookup(uniq)
        self.codes = dict(zip(uniq, codes.tolist(), strict=True))

    def code(self, word: str) -> int:
        return self.codes.get(word, 0)

    def name(self, word: str, *, allow_common: bool = False, min_strength: int = 1) -> bool:
        """``word`` is a lexicon name not ruled out by the word lists."""
        if excluded(word):
            return False
        c = self.code(word)
        return strength(c) >= min_strength and (allow_common or not common(c))

    def surname_like(self, word: str) -> bool:
        """A lexicon surname, or a capitalised word no dictionary knows ("Bodrov")."""
        if not word or excluded(word):
            return False
        c = self.code(word)
        return not common(c) and (surname(c) >= 1 or c == 0)

    def unknown(self, word: str) -> bool:
        """A word neither the lexicon nor the English dictionary knows ("Tenchi", "Querry")."""
        return bool(word) and not excluded(word) and self.code(word) == 0
