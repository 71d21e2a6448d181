"""Items of one list are of one kind: a list that names people names people throughout.

"our 3 founders: Hemerka, Thomas and Woodward": the model tags two of the three, and the third
is a surname no lexicon holds. A list of capitalised items, half or more of whose found items
are names, has its items no detector found taken as names too, unless they are already some
other entity, an organisation word, a country, or an interface or calendar word ("Red, Green
and Blue" names nobody: none of its items was found as a name).

This runs on the findings of every detector of one text, after a value found once has been
propagated to its other occurrences, so that the list's evidence is complete.
"""

from __future__ import annotations

import regex

from redactkit.detect.name_judge import excluded, in_country
from redactkit.detect.names import _LIST
from redactkit.findings import Finding, merge_spans

_SPLIT = regex.compile(r",[ ]|,?[ ](?:and|&|or)[ ]")


def _plain(item: str) -> bool:
    """An item that may be a name: no organisation, country, calendar or interface word, no
    product-style capitals ("GitHub")."""
    return not any(excluded(w) for w in item.split())


#: A speaker's tag at the start of a line (real or escaped): "Drew: Remember me?".
_SPEAKER = regex.compile(
    r"(?m)(?:^|(?<=\\n))[ \t]*+(?P<v>\p{Lu}[\p{L}'’\-]+(?:[ ]\p{Lu}[\p{L}'’\-]+)?):[ \t\"“]"
)
#: Speakers that are roles, not people.
_ROLES = frozenset(
    "bot agent support system assistant admin moderator host guest operator caller q a me you "
    "narrator interviewer interviewee speaker chorus all everyone note".split()
)


def _speakers(text: str, findings: list[Finding]) -> list[Finding]:
    """The speakers of a transcript are of one kind: when half or more of the distinct tags
    some detector found are names, the tags no detector found are names too ("Syed: ...\n
    Drew: ...": "Drew" is also a common word)."""
    tags: dict[str, list[tuple[int, int]]] = {}
    for m in _SPEAKER.finditer(text):
        tags.setdefault(m.group("v"), []).append(m.span("v"))
    if len(tags) < 2:
        return []
    kinds = {
        tag: {f.entity_type for s, e in spans for f in findings if f.start < e and s < f.end}
        for tag, spans in tags.items()
    }
    named = sum("PERSON" in k for k in kinds.values())
    settled = sum(bool(k) for k in kinds.values())
    if not named or named * 2 < settled:
        return []
    return [
        Finding("PERSON", s, e, 0.5, "name-speaker")
        for tag, spans in tags.items()
        if not kinds[tag] and tag.casefold() not in _ROLES and _plain(tag)
        for s, e in spans
    ]


def coordinated(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` and a PERSON finding for each unfound item of a list of names."""
    if not any(f.entity_type == "PERSON" for f in findings):
        return findings
    extra: list[Finding] = []
    for m in _LIST.finditer(text):
        spans: list[tuple[int, int]] = []
        pos = m.start("v")
        for item in _SPLIT.split(m.group("v")):
            at = text.index(item, pos)
            spans.append((at, at + len(item)))
            pos = at + len(item)
        kinds = [
            {f.entity_type for f in findings if f.start < end and start < f.end}
            for start, end in spans
        ]
        named = sum("PERSON" in k for k in kinds)
        settled = sum(bool(k) for k in kinds)
        if not named or named * 2 < settled:
            continue
        for (start, end), k in zip(spans, kinds, strict=True):
            if not k and _plain(text[start:end]) and not in_country(text, start, end):
                extra.append(Finding("PERSON", start, end, 0.5, "name-coordinated"))
    extra += _speakers(text, findings)
    return merge_spans([*findings, *extra]) if extra else findings
