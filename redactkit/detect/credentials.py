"""Credential detection: the catalogue in ``credential_rules`` compiled behind one prefilter.

The text path runs at tens of thousands of characters a second and most text holds no secret,
so the expensive part must not run at all when it cannot match: the text is lower-cased once,
each rule keyword is looked up in it (C-speed substring search), and only rules whose keyword
occurs run their regex. Findings are tiered (checksum-verified > fixed prefix > structural >
context-keyed > generic); a specific finding suppresses an overlapping generic one.

OCR mode exists because Tesseract misreads single characters (O/0, l/1/I, S/5, B/8) and splits
long tokens at a space or line break: known prefixes are repaired before matching, a token cut
in two is rejoined, and a checksum that fails lowers the score instead of dropping the finding.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from redactkit.detect import checksums as ck
from redactkit.detect.credential_ocr import (
    OCR_FOLD,
    assigned_value,
    fold_keyword,
    repair_prefixes,
    split_gaps,
    widen,
)
from redactkit.detect.credential_pairs import find_pair_ids, find_random_pairs
from redactkit.detect.credential_rules import OCR_FAILED_SCORE, RULES, VERIFIED_SCORE, Rule
from redactkit.detect.generic_secrets import KEYWORDS as GENERIC_KEYWORDS
from redactkit.detect.generic_secrets import find_generic_secrets, is_placeholder
from redactkit.detect.private_keys import find_private_keys
from redactkit.detect.provider_values import find_label_line_values, find_provider_values
from redactkit.detect.random_values import find_random_assignments, find_random_literals
from redactkit.detect.value_shapes import is_template
from redactkit.findings import Finding

FAMILY = "CREDENTIAL"  # the umbrella type policies can use for every entity below
GENERIC_TYPES = {
    "generic-password": "PASSWORD",
    "generic-secret": "SECRET",
    "cli-password": "PASSWORD",
    "prose-password": "PASSWORD",
    "random-assignment": "SECRET",
    "random-literal": "SECRET",
    "credential-pair": "SECRET",
    "provider-value": "SECRET",
}
KEY_TYPES = {"private-key": "PRIVATE_KEY", "private-key-partial": "PRIVATE_KEY",
             "putty-private-key": "PRIVATE_KEY", "private-key-body": "PRIVATE_KEY"}  # fmt: skip
CREDENTIAL_TYPES: frozenset[str] = frozenset(
    {r.entity for r in RULES} | set(GENERIC_TYPES.values()) | set(KEY_TYPES.values())
)
GENERIC_RULE_IDS = frozenset(GENERIC_TYPES)
KEY_KEYWORDS = ("private", "putty")
REJOIN_WINDOW = 400  # characters either side of a break tried as a token split by OCR


@functools.cache
def _compiled(rule_id: str) -> re.Pattern[str]:
    return re.compile(_BY_ID[rule_id].pattern)


_BY_ID = {r.id: r for r in RULES}
_KEYWORD_RULES: dict[str, tuple[str, ...]] = {}
for _r in RULES:
    for _k in _r.keywords:
        _KEYWORD_RULES[_k] = (*_KEYWORD_RULES.get(_k, ()), _r.id)


_ALWAYS = frozenset(r.id for r in RULES if not r.keywords)


_OCR_KEYWORD_RULES: dict[str, tuple[str, ...]] = {}
for _k, _ids in _KEYWORD_RULES.items():
    _f = fold_keyword(_k)
    if len(_f) >= 2:
        _OCR_KEYWORD_RULES[_f] = (*_OCR_KEYWORD_RULES.get(_f, ()), *_ids)


def active_rules(text: str, lowered: str, *, ocr: bool = False) -> list[Rule]:
    """Rules whose keyword occurs in the text: the prefilter. Order follows the catalogue."""
    ids: set[str] = set(_ALWAYS)
    for kw, rule_ids in _KEYWORD_RULES.items():
        if kw in lowered:
            ids.update(rule_ids)
    if ocr:
        folded = lowered.translate(OCR_FOLD)
        for kw, rule_ids in _OCR_KEYWORD_RULES.items():
            if kw in folded:
                ids.update(rule_ids)
    return [r for r in RULES if r.id in ids and (ocr or not r.ocr_only)]


def _score(rule: Rule, value: str, ocr: bool) -> float | None:
    """The score of a candidate value, or None when it must be dropped."""
    if _registered(rule, value):
        # A registered prefix is evidence by itself: only a placeholder written as one
        # (`xxxx`, `<key>`, `your-...`) or words after it exempt the token, not a filler body.
        if is_template(value) or _words(_body(rule, value)):
            return None
    else:
        if is_placeholder(value):
            return None
        if rule.random and not _random_enough(rule, value):
            return None
        if rule.prefixes and _filler_body(rule, value):
            return None
    verdict = rule.validator(value) if rule.validator is not None else None
    if verdict is None:
        return rule.score
    if verdict:
        return VERIFIED_SCORE if rule.check == "checksum" else rule.score
    # A failed checksum on a value with the format's prefix and length is a typo, an OCR misread,
    # a truncated or a made-up token: 35 of 36 characters of a real secret are still a secret.
    # It is reported at a lower score. A failed shape check says the value is something else.
    # (Rows for OCR text only judge by looks: failing the look check is no misread.)
    if (ocr and not rule.ocr_only) or rule.check == "checksum":
        return min(rule.score, OCR_FAILED_SCORE)
    return None


#: A prefix this long (separator included) is registered to one issuer: ``da2-``, ``spu-``,
#: ``pgar_``, ``BBDC-``, ``shippo_live_``. Shorter ones (``SK``, ``pk.``) are common letters.
DISTINCT_PREFIX = 4


def _body(rule: Rule, value: str) -> str:
    low = value[:16].lower()
    for p in rule.prefixes:
        at = low.find(p.lower())
        if 0 <= at <= 6:
            return value[at + len(p) :]
    return value


def _registered(rule: Rule, value: str) -> bool:
    """The value starts with a distinctive prefix of a prefix-tier row: the token is the
    issuer's format whatever its body (``shippo_live_aaaa...`` is still a Shippo token, in a
    test suite or in a real config), unlike a value judged by its looks under a generic name."""
    if rule.tier == "generic":
        return False
    head = value[:16].lower()  # a scheme word may come first (`FlyV1 fm2_...`)
    return any(len(p) >= DISTINCT_PREFIX and 0 <= head.find(p.lower()) <= 6 for p in rule.prefixes)


def _filler_body(rule: Rule, value: str) -> bool:
    """A short prefix with a filler after it: one character repeated (``SK0000...``), a run,
    low entropy, or words (``glptt-hellOworld380_testin``). Documentation and tests write these;
    no issuer does. (Distinctive prefixes are judged by ``_registered`` instead.)"""
    body = _body(rule, value)
    if len(body) < 8:
        return False
    return ck.is_sequential(body) or ck.normalized_entropy(body) < 0.5 or _words(body)


_JOINED = re.compile(r"[a-z][A-Z]|[A-Za-z][_\-][A-Za-z]")


def _words(body: str) -> bool:
    """Words joined as names are (``hellOworld380_testin``, ``AppConfigurationTokenHere``):
    word-like pieces, long runs, a hump or a separator between letters. Random draws of one
    case never have the joins, and mixed-case draws are never this word-like."""
    return (
        _JOINED.search(body) is not None
        and ck.wordlike_fraction(body) >= 0.68
        and ck.mean_piece_length(body) >= 3.5
    )


def _random_enough(rule: Rule, value: str) -> bool:
    """A fixed prefix is already strong evidence: its body only has to avoid words and
    repetition. A context-keyed value has nothing else going for it and must look random."""
    if rule.prefixes:
        return ck.normalized_entropy(value) >= 0.6 and ck.wordlike_fraction(value) < 0.7
    return ck.looks_random(value, min_len=12, min_norm_entropy=0.65)


def _secret_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("s") if "s" in m.re.groupindex else m.span()


def find_credentials(
    text: str, *, ocr: bool = False, allow: Callable[[str], bool] | None = None
) -> list[Finding]:
    """Every credential in ``text``, as findings without values, sorted by start.

    ``ocr=True`` tolerates Tesseract's character confusions and split tokens (see module
    docstring). ``allow(value)`` returning True suppresses a finding (a user allow-list).
    Errors propagate: the caller must treat a failure as "mask everything", never as "clean".
    """
    if not text:
        return []
    raw = _scan(text, ocr)
    if ocr:
        found = [(s, e) for _, _, s, e, _ in raw]
        # Rows that judge by looks alone do not take part: a word glued to a hash looks random.
        base = [r for r in active_rules(text, text.lower(), ocr=True) if not r.ocr_only]
        for gap, width in split_gaps(text):
            if any(s <= gap < e for s, e in found):
                continue  # already inside a finding: nothing hidden there
            lo, hi = max(0, gap - REJOIN_WINDOW), min(len(text), gap + width + REJOIN_WINDOW)
            cut = gap - lo
            # a keyword can exist only once the break is gone (`gh p_...`): look at the seam
            seam = text[max(0, gap - 24) : gap] + text[gap + width : gap + width + 24]
            extra = [
                r
                for r in active_rules(seam, seam.lower(), ocr=True)
                if r not in base and not r.ocr_only
            ]
            window = text[lo:gap] + text[gap + width : hi]
            line_break = "\n" in text[gap : gap + width]
            for rid, entity, s, e, score in _scan(window, ocr, base + extra):
                if line_break and rid in GENERIC_RULE_IDS:
                    continue  # a wrapped key, yes; a password glued to the next prompt, no
                if s < cut < e:  # only what the removed break was hiding
                    raw.append((rid, entity, lo + s, lo + e + width, min(score, 0.9)))
        raw = [(rid, entity, *assigned_value(text, s, e), sc) for rid, entity, s, e, sc in raw]
    return _resolve(raw, text, allow)


def _scan(
    text: str, ocr: bool, rules: list[Rule] | None = None
) -> list[tuple[str, str, int, int, float]]:
    """All candidate findings as ``(rule id, entity, start, end, score)``, overlaps included.

    ``rules`` skips the prefilter when the caller already knows which rules can match.
    """
    lowered = text.lower()
    if rules is None:
        rules = active_rules(text, lowered, ocr=ocr)
    work = repair_prefixes(text, [p for r in rules for p in r.prefixes]) if ocr and rules else text
    raw: list[tuple[str, str, int, int, float]] = []
    for rule in rules:
        pattern = widen(rule.pattern) if ocr and not rule.ocr_only else _compiled(rule.id)
        for m in pattern.finditer(work):
            s, e = _secret_span(m)
            score = _score(rule, work[s:e], ocr) if e > s else None
            if score is not None:
                raw.append((rule.id, rule.entity, s, e, score))
    if any(k in lowered for k in KEY_KEYWORDS) or (len(text) > 200 and "\n" in text):
        for rid, s, e, score in find_private_keys(work, ocr=ocr):
            raw.append((rid, KEY_TYPES[rid], s, e, score))
    if any(k in lowered for k in GENERIC_KEYWORDS):
        low = lowered if len(lowered) == len(text) else "".join(c.lower()[:1] or c for c in text)
        for rid, s, e, score in find_generic_secrets(work, low):
            raw.append((rid, GENERIC_TYPES[rid], s, e, score))
    # a random value under any name (`HTTP_AUTH_HEADER=bWF0...`): its looks are the evidence
    for rid, s, e, score in find_random_assignments(work) + find_random_literals(work):
        raw.append((rid, GENERIC_TYPES[rid], s, e, score))
    # a key announced without an operator: after a provider's name, under a label line
    low = lowered if len(lowered) == len(text) else text.lower()
    for rid, s, e, score in find_provider_values(work, low) + find_label_line_values(work):
        raw.append((rid, GENERIC_TYPES[rid], s, e, score))
    # the other half of a pair: an id beside its secret, or `id:secret` in one token
    pairs = find_pair_ids(work, [(s, e) for _, _, s, e, _ in raw]) + find_random_pairs(work)
    for rid, s, e, score in pairs:
        raw.append((rid, GENERIC_TYPES[rid], s, e, score))
    return raw


def _resolve(
    raw: list[tuple[str, str, int, int, float]], text: str, allow: Callable[[str], bool] | None
) -> list[Finding]:
    """Drop allow-listed values, generic hits under specific ones, and contained duplicates."""
    specific = [(s, e) for rid, _, s, e, _ in raw if rid not in GENERIC_RULE_IDS]
    kept: list[tuple[str, str, int, int, float]] = []
    for item in sorted(raw, key=lambda x: (-x[4], -(x[3] - x[2]), x[2])):
        rid, _, s, e, score = item
        if allow is not None and allow(text[s:e]):
            continue
        if rid in GENERIC_RULE_IDS and any(a < e and s < b for a, b in specific):
            continue
        if any(a <= s and e <= b and sc >= score for _, _, a, b, sc in kept):
            continue
        kept.append(item)
    kept.sort(key=lambda x: (x[2], x[3]))
    return [Finding(entity, s, e, score, rid) for rid, entity, s, e, score in kept]
