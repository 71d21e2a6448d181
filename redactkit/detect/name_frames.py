"""Sentence frames a person fills: where a name sits says it is one, even a name no lexicon knows.

``names.py`` reads cues next to a word (a title, a verb, a possessive). These frames read the
slot a word fills in a phrase, and the lexicon (through ``name_judge.Judge``) says what may
fill it:

* **affiliation**: a person *of* or *from* an organisation ("Mayuhiko Miyanohara of The Kroger
  Co.", "Trivo is from PubMatic Inc."): the organisation ends in a legal or organisation word;
* **attribute**: a surname used as an attribute of a work or a case ("the Gomes novel", "the
  Smith case");
* **prefix**: a name after a hyphenated role ("ex-Zombie Johnston", "ex-wife Maria") or glued to
  a stance prefix ("pro-Obama", "anti-Thatcher");
* **attribution**: the speaker after a quotation ("...," says Eriksson.);
* **pair**: names joined by ``and`` as the subject of a plural verb ("Stil and Cooke were"),
  and **initialled**: a full name with a middle initial or particles ("Tsuneto W Heida", "Ries
  A van den Nieuwenhuizen"): ``names.py`` finds both with its list and full-name patterns (one
  scan each) and asks ``subject_pair`` and ``initialled`` here;
* **addressed**: a word no dictionary knows, addressed ("Hi Tenchi,", "Mimir, can I ...");
* **clause subject**: a name after a conjunction, before a verb ("but Roza just has to").

A slot is never enough alone: every word in it must be a name or unknown to the dictionary
(``Judge``), and most frames want one word the lexicon knows as a name. A product or company
may fill the same slots ("Kubernetes is from Google LLC", "Postgres and Redis are"): the
decision drops those findings on the listed-product evidence (``decision.LIMITED``). Each
rule is one compiled pattern scanned over the text, anchored where it can be on its rarest
part; the judge looks up the words of all of them in the same batch as ``names.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from redactkit.detect.lexicon import given, surname
from redactkit.detect.name_judge import CAP, ORG_WORDS, Judge, words
from redactkit.detect.words import GIVEN_NAME_WORDS

_WORDS_BOUND = r"(?<![\p{L}'’\-])"
_INITIAL = r"[ ]\p{Lu}\.?"
#: A name of one to three words, a middle initial allowed ("Lara D Simonds").
_NAME = rf"{CAP}(?:{_INITIAL})?(?:[ ]{CAP}){{0,2}}"

#: Words an organisation's name ends with (its legal form, or what it is).
_ORG_END = "|".join(
    regex.escape(w)
    for w in sorted(
        ORG_WORDS
        | set("incorporated se nv spa sarl lp l.p pty etf kk oyj ab asa".split())
        | {"co.ltd", "co., ltd"},
        key=len,
        reverse=True,
    )
)
_RELATION = r"of|at|from|(?:is|was)[ ]from|works[ ](?:at|for)"
#: Scanned from the space before the relation word (cheap to test), the name looked for behind.
_AFFILIATION = regex.compile(
    rf"[ ](?=(?:{_RELATION})[ ])(?<={_WORDS_BOUND}(?P<v>{_NAME})[ ]+)(?P<rel>{_RELATION})"
    rf"[ ]+(?:[Tt]he[ ]+)?(?:(?:[\p{{Lu}}\d][\p{{L}}\d&.'’/\-]*+|&)[ ]+){{0,6}}?"
    rf"(?i:{_ORG_END})(?![\p{{L}}\d])"
)

#: What a person's name qualifies: works, versions, cases, families.
_WORKS = (
    r"novel|novels|book|books|biography|memoir|memoirs|version|recording|album|song|songs|film|"
    r"movie|play|poem|poems|story|stories|interview|collection|letters|diaries|papers|archive"
)
#: ... of which these name a person even when the name is also a common word ("the Smith case").
_PERSONAL = r"case|trial|affair|scandal|family|household|estate|administration|murders|twins"
_ATTRIBUTE = regex.compile(
    rf"(?<![\p{{L}}'’\-])(?:the|The)[ ]+(?P<v>{CAP}(?:[ ]{CAP})?)[ ]+"
    rf"(?:(?P<personal>{_PERSONAL})|{_WORKS})\b"
)
_EX_ROLE = regex.compile(rf"\b(?:ex|former)-\p{{L}}+[ ]+(?P<v>{CAP}(?:[ ]{CAP})?)(?![\p{{L}}'’\-])")
_STANCE = regex.compile(rf"\b(?:pro|anti)-(?P<v>{CAP})(?![\p{{L}}'’\-])")
_SPEECH = (
    r"says|said|asks|asked|adds|added|replies|replied|writes|wrote|explains|explained|recalls|"
    r"recalled|notes|noted|continues|continued|insists|insisted|concludes|concluded"
)
_ATTRIBUTION = regex.compile(
    rf"[,!?][\"”’'][ ]+(?:{_SPEECH})[ ]+(?P<v>{CAP}(?:{_INITIAL})?(?:[ ]{CAP})?)(?=[.,;!?]|$)"
)
#: A plural verb after names joined by "and" ("Stil and Cooke were"): ``names.py`` reads the
#: joined names with its list pattern, and asks ``subject_pair``.
PLURAL_AFTER = regex.compile(
    r"[ ]+(?:were|are|have|had|met|married|agreed|wrote|write|live|lived|both|together|said|"
    r"say|worked|work|founded|started|went|became|remain|remained)\b"
)
_GREETED = regex.compile(
    rf"(?i:\b(?:hi|hey|hello|dear|thanks|thank[ ]you|thx|cheers|bye|morning|evening))[ ,]+"
    rf"(?P<v>{CAP})(?=[ ]*[,!:]|[ ]*$)",
    regex.MULTILINE,
)
_ADDRESSED = regex.compile(
    rf"(?m)(?:^|(?<=[.!?][\"”]?[ ]))(?P<v>{CAP}),[ ]+(?:can|could|would|will|do|did|are|have|"
    rf"please|i|you|we|let's|tell|come|wait|listen|look|don't|where|why)\b"
)
_CLAUSE = regex.compile(
    rf"(?<=\b(?:but|and|so|because|while|when|although|though|since|until|unless|if|whereas)[ ])"
    rf"(?P<v>{CAP})[ ]+(?:(?:just|really|still|also|never|always|only|already|even)[ ]+)?"
    rf"(?:is|was|has|had|will|would|can|could|does|did|wants|wanted|needs|needed|knows|knew|"
    rf"must|should|might)\b(?![ ](?:not[ ])?None\b)"  # "if Emin is not None": code
)


def _all_namelike(judge: Judge, ws: list[str], *, allow_common: bool = False) -> bool:
    return all(
        len(w) == 1 or judge.surname_like(w) or judge.name(w, allow_common=allow_common) for w in ws
    )


def _some_name(judge: Judge, ws: list[str]) -> bool:
    return any(len(w) > 1 and judge.name(w) for w in ws)


def _affiliation(judge: Judge, m: regex.Match) -> bool:
    ws = words(m.group("v"))
    settled = m.group("rel") not in ("of", "at", "from")  # "is from", "works at"
    if len(ws) == 1 and settled and given(judge.code(ws[0])) >= 3:
        return judge.name(ws[0], allow_common=True)  # "Amber is from Purplebricks Group PLC"
    return _all_namelike(judge, ws) and (len(ws) > 1 or settled or judge.name(ws[0]))


def _attribute(judge: Judge, m: regex.Match) -> bool:
    ws = words(m.group("v"))
    if m.group("personal") and len(ws) == 1:  # "the Smith case": a surname, even a common word
        return surname(judge.code(ws[0])) >= 2 and judge.name(ws[0], allow_common=True)
    return _all_namelike(judge, ws) and _some_name(judge, ws)


def _ex_role(judge: Judge, m: regex.Match) -> bool:
    return _all_namelike(judge, words(m.group("v")))


def _stance(judge: Judge, m: regex.Match) -> bool:
    w = m.group("v")
    return judge.name(w) and surname(judge.code(w)) >= 1


def _attribution(judge: Judge, m: regex.Match) -> bool:
    ws = words(m.group("v"))  # "says Kraft", "said Young"; not "said Reuters"
    return _all_namelike(judge, ws, allow_common=True) and any(
        len(w) > 1 and judge.name(w, allow_common=True) for w in ws
    )


def subject_pair(judge: Judge, items: list[str]) -> bool:
    """Names joined as the subject of a plural verb: every word a name or unknown to the
    dictionary, and a lexicon name in half the items ("Preclíková and Moore were")."""
    ws = [w for it in items for w in words(it)]
    named = sum(_some_name(judge, words(it)) for it in items)
    return _all_namelike(judge, ws) and named * 2 >= len(items)


def initialled(judge: Judge, first: str, last: str, mid: str) -> bool:
    """A full name with a middle initial or particles: the first word a name or unknown, the
    last one a surname or unknown, one of them a lexicon name ("Tsuneto W Heida"). With
    particles alone the first word must be a well-attested given name: "Villanueva del
    Pardillo", "Rio de Janeiro" are places."""
    if mid[:1].islower():
        return given(judge.code(first)) >= 2 and judge.name(first) and judge.surname_like(last)
    given_word = first.casefold() in GIVEN_NAME_WORDS  # "Jan A. Jílek", "June B. Carter"
    return (
        (judge.name(first) or judge.unknown(first) or given_word)
        and judge.surname_like(last)
        and (given_word or _some_name(judge, [first, last]))
    )


def _unknown(judge: Judge, m: regex.Match) -> bool:
    return judge.unknown(m.group("v"))


def _clause(judge: Judge, m: regex.Match) -> bool:
    return judge.name(m.group("v"))


@dataclass(frozen=True)
class Frame:
    name: str
    pattern: regex.Pattern
    accept: Callable[[Judge, regex.Match], bool]


FRAMES = (
    Frame("affiliation", _AFFILIATION, _affiliation),
    Frame("attribute", _ATTRIBUTE, _attribute),
    Frame("ex-role", _EX_ROLE, _ex_role),
    Frame("stance", _STANCE, _stance),
    Frame("attribution", _ATTRIBUTION, _attribution),
    Frame("greeted", _GREETED, _unknown),
    Frame("addressed", _ADDRESSED, _unknown),
    Frame("clause", _CLAUSE, _clause),
)


def frame_matches(text: str) -> list[tuple[Frame, regex.Match]]:
    """Every frame's matches in ``text``, to be judged once the judge has their words."""
    return [(f, m) for f in FRAMES for m in f.pattern.finditer(text)]


def framed_spans(
    judge: Judge, found: list[tuple[Frame, regex.Match]]
) -> list[tuple[int, int, str]]:
    """(start, end, frame name) of the matches the judge accepts."""
    return [(*m.span("v"), f.name) for f, m in found if f.accept(judge, m)]
