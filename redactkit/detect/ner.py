"""Names from the NER model: spaCy's findings scoped (dates need birth context), its label
confusions repaired (people tagged ORG, WORK_OF_ART, ...), and a found name widened to the whole
name around it (``whole_name``) and lent to its other occurrences (``name_parts``)."""

from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from redactkit.detect.labelled import NAME_PARTICLES
from redactkit.detect.lexicon import codes, common, given, surname
from redactkit.detect.results import make_result
from redactkit.detect.words import NOT_NAME_WORDS
from redactkit.findings import Finding

BIRTH_CONTEXT = ["born", "birth", "birthday", "birthdate", "dob", "d.o.b", "date"]
_FULL_DATE_SCORE = 0.2  # below the default threshold: dates need birth context

_WORDLIKE = re.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")


class ScopedSpacyRecognizer(SpacyRecognizer):
    """spaCy NER with DATE/TIME scoped to birth context, and the small model's label confusions
    repaired: it tags many personal names as ORG, WORK_OF_ART, PRODUCT or NORP. A span of two to
    four capitalised words with no organisation word in it is reported as a PERSON (lower score);
    a facility (FAC: "Cedar Street", "Heathrow") as a LOCATION.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = BIRTH_CONTEXT

    def analyze(self, text: str, entities, nlp_artifacts=None):
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            segments = line_segments(text, r.start, r.end)
            for start, end in segments:
                span = text[start:end]
                if r.entity_type != "DATE_TIME" and (
                    not _WORDLIKE.search(span) or "@" in span or "://" in span
                ):
                    # The small model tags codes like "D3 H1" and whole e-mail addresses as
                    # people; a name has a word in it, and addresses have recognizers of
                    # their own.
                    continue
                if len(segments) > 1 and not _capitalised_words(span):
                    continue  # a piece of a span run across lines: "LOG_LEVEL=info", "-rw-r--r--"
                if r.entity_type == "PERSON" and all(
                    w.strip(".,:;!?'\"").lower() in NOT_NAME_WORDS for w in span.split()
                ):
                    continue  # "Password", "Thanks", "Settings": interface words, no name
                score = min(r.score, _FULL_DATE_SCORE) if r.entity_type == "DATE_TIME" else r.score
                if (start, end) == (r.start, r.end):
                    r.score = score
                    results.append(r)
                else:
                    results.append(make_result(self, r.entity_type, start, end, score, self.name))
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is not None and hasattr(doc, "ents"):
            for ent in doc.ents:
                for start, end in line_segments(text, ent.start_char, ent.end_char):
                    etype, piece = None, text[start:end]
                    if (
                        ent.label_ in _CONFUSED_WITH_PERSON
                        and "PERSON" in entities
                        and _looks_like_name(piece)
                    ):
                        etype = "PERSON"
                    elif ent.label_ == "FAC" and "LOCATION" in entities and _WORDLIKE.search(piece):
                        etype = "LOCATION"
                    if etype:
                        detector = f"spacy-{ent.label_.lower()}"
                        results.append(
                            make_result(self, etype, start, end, _CONFUSED_SCORE, detector)
                        )
        return results


def _capitalised_words(span: str) -> bool:
    """Some word of ``span`` is capitalised like a name, and none is a key or a path."""
    words = span.split()
    return any(_NAME_WORD.match(w) for w in words) and not any(c in span for c in "=/\\@")


def line_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, each piece without surrounding whitespace.

    The model reads a newline as a space and tags "Umbrella\nBoston" (a company cell above a
    city cell) or a whole column of a screen as one entity. A line break ends a name on a
    screen and nearly always in text; each line's piece is judged on its own, and a piece
    that is no entity no longer joins its neighbours into one masked block.
    """
    out, pos = [], start
    for piece in text[start:end].split("\n"):
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(piece) + 1
    return out


_CONFUSED_WITH_PERSON = {
    "ORG",
    "WORK_OF_ART",
    "PRODUCT",
    "NORP",
    "EVENT",
    "LAW",
    "GPE",
    "CARDINAL",
    "QUANTITY",
}
_CONFUSED_SCORE = 0.5
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’-]*[a-zß-öø-ÿĀ-ſ]$")
_ORG_WORDS = frozenset(
    "inc ltd llc gmbh corp corporation company co group bank university institute foundation "
    "association services systems technologies technology labs partners holdings hospital clinic "
    "school college council agency department ministry team club ag sa bv plc studio studios "
    "software solutions networks cloud capital ventures media press news airlines air energy "
    "health insurance trust fund center centre committee office city state county republic "
    "kingdom united national international global".split()
)


#: Name words taken in on each side at most: a Title Case heading must not swallow a line.
_MAX_NAME_GROWTH = 2
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and word.lower() not in NOT_NAME_WORDS


#: Letters written after a name: degrees, generations, professions ("Ludmiła Kwiatkowska MD").
_POST_NOMINAL = re.compile(
    r",?[ ](?:Ph\.?D|M\.?D|DVM|DDS|DMD|DO|RN|NP|PA-C|CPA|CFA|MBA|MSc|BSc|MA|BA|LLB|LLM|JD|"
    r"DPhil|FRCS|FRCP|Esq|Jr|Sr|II|III|IV)(?![\w-])"
)


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a PERSON span to the whole name around it, on the same line.

    The small model often tags one part of a name ("send me Giorgos [Hosseini]'s number",
    "[Daan] van der [Berg]"): the rest is left readable, a partial leak. A span takes in the
    capitalised name words directly before and after it, with name particles ("van der",
    "bin") between them; days, months, greetings and the words that open a sentence before
    a name ("Ask", "Dear", "Re") are not name words, and a span grows by two words a side
    at most.
    """
    for _ in range(_MAX_NAME_GROWTH):  # rightwards: particles, then a capitalised word
        pos, joiners = end, 0
        while joiners < 3 and (nxt := _next_joiner(text, pos)) is not None:
            pos, joiners = nxt, joiners + 1
        m = _NEXT_WORD.match(text, pos)
        if not (m and _name_word(m.group(1))):
            break
        end = m.end()
    if post := _POST_NOMINAL.match(text, end):  # "David Shimasaki PhD", "Sabrina Alonso DVM"
        end = post.end()
    for _ in range(_MAX_NAME_GROWTH):  # leftwards: particles, then a capitalised word
        pos, joiners = start, 0
        while joiners < 3 and (prev := _prev_joiner(text, pos)) is not None:
            pos, joiners = prev, joiners + 1
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if not (m and _name_word(m.group(1))):
            break
        start = m.start()
    return start, end


#: A middle initial, with or without its dot ("Ava T Abbott"), between two name words.
_NEXT_INITIAL = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ](?:\.(?=[ \t])|(?=[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ]))")
_PREV_INITIAL = re.compile(r"(?<![\w.])(?<=[A-Za-zß-öø-ÿ][ \t])[A-ZÀ-ÖØ-Þ]\.?[ \t]+$")


def _next_joiner(text: str, pos: int) -> int | None:
    """End of the particle ("van") or middle initial ("U.") right after ``pos``, if any."""
    m = _NEXT_WORD.match(text, pos)
    if m and m.group(1) in NAME_PARTICLES:
        return m.end()
    m = _NEXT_INITIAL.match(text, pos)
    return m.end() if m else None


def _prev_joiner(text: str, pos: int) -> int | None:
    """Start of the particle or middle initial right before ``pos``, if any."""
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    if m and m.group(1) in NAME_PARTICLES:
        return m.start()
    m = _PREV_INITIAL.search(text, max(0, pos - 8), pos)
    return m.start() if m else None


#: Names found with at least this score lend their words to ``propagate`` (the model's own
#: PERSON verdicts and labelled names). Below it (the repaired label confusions and the
#: lexicon's full names, scored 0.5-0.6), a word is lent only when it is no common English
#: word ("Seppo Pallasmaa" lends "Pallasmaa"; "Carry Me Back" lends nothing).
NAME_PARTS_MIN_SCORE = 0.8
NAME_PARTS_WEAK_SCORE = 0.5


def name_parts(finding: Finding, value: str) -> list[str]:
    """The words of a found full name that identify on their own elsewhere in the same text
    (given name, surname), for ``redactkit.findings.propagate``."""
    if finding.entity_type != "PERSON" or finding.score < NAME_PARTS_WEAK_SCORE:
        return []
    words = value.split()
    # "Fernanda Ricci's Cautionary Tales": the name ends at its possessive; what follows is
    # what the person owns, and the surname is lent without its "'s".
    owner = next((i for i, w in enumerate(words) if _POSSESSIVE_S.search(w)), None)
    if owner is not None:
        words = [*words[:owner], _POSSESSIVE_S.sub("", words[owner])]
    if not 2 <= len(words) <= 5 or not all(
        w in NAME_PARTICLES or _NAME_WORD.match(w) or _INITIAL.match(w) for w in words
    ):
        return []  # "83612 Mar" (a model's noise) lends no "Mar" to every line of a listing
    parts = [w for w in words if len(w) >= 3 and _name_word(w) and w not in NAME_PARTICLES]
    if finding.score >= NAME_PARTS_MIN_SCORE or not parts:
        return parts
    found = codes(parts)
    return [w for w, c in zip(parts, found, strict=True) if not common(c)]


_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]\.?$")
_POSSESSIVE_S = re.compile(r"['’]s?$")


def _looks_like_name(span: str) -> bool:
    """Two to four capitalised name words (middle initials between them: "Alana D Whittell"),
    none an organisation word."""
    words = span.split()
    return (
        2 <= len(words) <= 4
        and _NAME_WORD.match(words[0]) is not None
        and _NAME_WORD.match(words[-1]) is not None
        and all(_NAME_WORD.match(w) or _INITIAL.match(w) for w in words[1:-1])
        and not any(w.lower().strip(".,") in _ORG_WORDS for w in words)
    )


#: A postcode right after a place ("Italy 69124", "Sevilla, 41001") or a house number right
#: before it on the same line ("750 Wilgenlaan"): four to six digits, or one to five before.
_POSTCODE_AFTER = re.compile(r"[ \t]*+,?[ \t]*+(\d{4,6})(?![\w.,:/-]*\d)(?![\w])")
_HOUSE_BEFORE = re.compile(r"(?:^|(?<=[\s,:]))(\d{1,5}[a-zA-Z]?)[ \t]+$")


def _year(digits: str) -> bool:
    return len(digits) == 4 and 1900 <= int(digits) <= 2099


def whole_place(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a LOCATION span over the postcode after it and the house number before it.

    The model tags the city or the street ("Wilgenlaan 40", "Italy") and leaves the numbers
    that complete the address readable; a number glued to a place on its line is part of the
    address. A year ("Berlin 2024") is not taken.
    """
    m = _POSTCODE_AFTER.match(text, end)
    if m and not _year(m.group(1)):
        end = m.end(1)
    m = _HOUSE_BEFORE.search(text, max(0, start - 12), start)
    if m and not _year(m.group(1)):
        start = m.start(1)
    return start, end


def place_is_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person's name when a one-word place the model found is half of one:
    a given name before a surname ("[Belle] Jónás", "[Lucjusz] Jasiński") or a surname after
    a given name ("Arquímedes [Ballesteros]"), as the name lexicon knows them. The small model
    tags many given names that are also towns as places; the rest of the name stayed
    readable."""
    word = text[start:end]
    if not _NAME_WORD.match(word):
        return None
    nxt = _name_beside(_NEXT_WORD.match(text, end))
    prev = _name_beside(_PREV_WORD.search(text, max(0, start - 40), start))
    if nxt is None and prev is None:
        return None
    words = [word, *(m.group(1) for m in (nxt, prev) if m is not None)]
    code = dict(zip(words, codes(words), strict=True))
    if nxt is not None:
        c = code[nxt.group(1)]
        if given(code[word]) >= 1 and surname(c) >= 1 and not common(c):
            return start, nxt.end(1)
    if prev is not None:
        c = code[prev.group(1)]
        if given(c) >= 1 and not common(c) and surname(code[word]) >= 1 and not common(code[word]):
            return prev.start(1), end
    return None


def _name_beside(m: re.Match[str] | None) -> re.Match[str] | None:
    """``m`` when its word may be part of a person's name (no calendar or organisation word)."""
    if m is None or not _name_word(m.group(1)) or m.group(1).lower() in _ORG_WORDS:
        return None
    return m
