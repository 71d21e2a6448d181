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

from redactkit.detect.names import _COUNTRY_WORDS, _LIST, _NOT_NAMES
from redactkit.detect.words import NOT_NAME_WORDS
from redactkit.findings import Finding, merge_spans

_SPLIT = regex.compile(r",[ ]|,?[ ](?:and|&|or)[ ]")


def _plain(item: str) -> bool:
    """An item that may be a name: no organisation, country, calendar or interface word."""
    return not any(
        w.casefold() in NOT_NAME_WORDS
        or w.casefold() in _NOT_NAMES
        or w.casefold() in _COUNTRY_WORDS
        for w in item.split()
    )


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
            if not k and _plain(text[start:end]):
                extra.append(Finding("PERSON", start, end, 0.5, "name-coordinated"))
    return merge_spans([*findings, *extra]) if extra else findings
