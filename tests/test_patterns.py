"""No pattern of redactkit can backtrack catastrophically: results never depend on a clock.

Every compiled pattern is collected by walking the package's modules (module attributes, and
patterns held in their lists, tuples, dicts and rule objects). Each gets adversarial strings of
8,000 characters: long runs of one character, repeats of short motifs (hypothesis, from the
pattern's own literal characters and the usual classes: the near-misses of its shape), and must
finish within a generous budget of this process's CPU time (not wall time, so other work on the
machine does not count). A linear scan of 8 KB takes a few ms; a quadratic one seconds,
an exponential one forever: the budget sits between, far from both.

Patterns are scanned over whole texts (``finditer``) unless ANCHORED says where their callers
bound them; anchored ones are checked with ``match`` and ``fullmatch`` on the same input.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redactkit

SIZE = 8_000
#: CPU seconds for one call on SIZE characters.
BUDGET = 0.3
#: Patterns only ever used anchored or on a bounded slice, with the caller's bound.
ANCHORED = {
    "redactkit.detect.credential_pairs._EMAIL": "fullmatch of one value",
    "redactkit.detect.credential_pairs._NEXT": "match after a finding",
    "redactkit.detect.provider_values._NEXT_LINE_VALUE": "match after a label line",
    "redactkit.detect.credential_ocr._ENV_ASSIGNMENT": "match at a line start",
    "redactkit.detect.generic_secrets._OP": "match after a key",
    "redactkit.detect.generic_secrets._XML_VALUE": "match after a tag",
    "redactkit.detect.generic_secrets._WORD_PUNCT": "fullmatch of one value",
    "redactkit.detect.generic_secrets._NUMBER": "fullmatch of one value",
    "redactkit.detect.value_shapes._IDENT_CHARS": "fullmatch of one value",
    "redactkit.detect.value_shapes._DOTTED": "fullmatch of one value",
    "redactkit.detect.labelled._NEXT_CAPITAL": "match after a word",
    "redactkit.detect.private_keys._HEAD_RUN": "match on a key block (MAX_BLOCK)",
    "redactkit.detect.ner._NEXT_WORD": "match after a finding",
    "redactkit.detect.ner._PREV_WORD": "search in the 40 characters before a finding",
    "redactkit.detect.ner._NEXT_INITIAL": "match after a finding",
    "redactkit.detect.ner._PREV_INITIAL": "search before a finding",
    "redactkit.screens.walk._PARTIAL": "fullmatch of a file name",
    "redactkit.detect.ner._POSTCODE_AFTER": "match where a place ends",
    "redactkit.detect.names._ORG_AFTER": "match where a name ends",
    "redactkit.detect.name_frames.PLURAL_AFTER": "match where a list of names ends",
    "redactkit.detect.random_values._VERSION": "fullmatch of one value",
    "redactkit.detect.benign._VERSION_AFTER": "match where a name ends",
    "redactkit.detect.generic_secrets._VERSIONISH": "fullmatch of one value",
    "redactkit.detect.value_shapes._PASSPHRASE_TAIL": "fullmatch of one value",
    "redactkit.detect.addresses._PART_RX['unit']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['postcode-town']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['military']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['country']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['postcode']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['cross']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['state']": "match where the address before it ends",
    "redactkit.detect.addresses._PART_RX['town']": "match where the address before it ends",
}
CLASSES = list("aA0 .-_@/:+é\t\n=',x#$%\"(")
MOTIFS = [
    "Ab ",
    "a.",
    "0 ",
    "A.",
    "a@",
    "1-",
    "Aa",
    "aA",
    "ab_",
    "a:b ",
    "0.",
    "A1",
    "a b",
    "ab.cd@",
    # a capital after word-inner punctuation starts a word again (``O'`` x N is one long
    # "word" in which every capital is a start: a name-word pattern without a bound rescans it)
    "O'",
    "A’",
    "A-",
    "a-",
    "Ab'",
]


def _patterns() -> dict[str, re.Pattern | regex.Pattern]:
    found: dict[int, tuple[str, object]] = {}

    def visit(name: str, value: object, depth: int) -> None:
        if isinstance(value, re.Pattern | regex.Pattern):
            found.setdefault(id(value), (name, value))
        elif depth < 2 and isinstance(value, list | tuple | set | frozenset | dict):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for k, v in items:
                visit(f"{name}[{k!r}]", v, depth + 1)
        elif (
            depth < 2
            and type(value).__module__.startswith("redactkit")
            and hasattr(value, "__dict__")
        ):
            if not isinstance(value, type):
                for k, v in vars(value).items():
                    visit(f"{name}.{k}", v, depth + 1)

    for info in pkgutil.walk_packages(redactkit.__path__, "redactkit."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            visit(f"{info.name}.{attr}", value, 0)
    return {name: p for name, p in found.values()}  # type: ignore[misc]


def _stock_patterns() -> dict[str, regex.Pattern]:
    """The patterns of the Presidio pattern recognizers the engine runs (the registry's, stock
    or ours, and the anchor's), scanned as Presidio scans them: no clock decides their results
    either (``detect/engine.py``)."""
    from presidio_analyzer import PatternRecognizer

    from redactkit.detect.engine import get_engine

    engine = get_engine()
    out: dict[str, regex.Pattern] = {}
    for rec in [*engine.analyzer.registry.recognizers, *engine.anchors]:
        if isinstance(rec, PatternRecognizer):
            for p in rec.patterns:
                key = f"presidio.{type(rec).__name__}.{p.name}"
                out[key] = regex.compile(p.regex, flags=rec.global_regex_flags)
    return out


def _rule_patterns() -> dict[str, re.Pattern | regex.Pattern]:
    """The credential rules' patterns, compiled as the scanner runs them: as written, and
    widened for OCR text (compiled on first use, so the module walk does not see them)."""
    from redactkit.detect.credentials import RULES, _compiled, widen

    out: dict[str, re.Pattern | regex.Pattern] = {}
    for rule in RULES:
        out[f"rule.{rule.id}"] = _compiled(rule.id)
        if not rule.ocr_only:
            out[f"rule.{rule.id}.ocr"] = widen(rule.pattern)
    return out


STOCK = _stock_patterns()
RULE_PATTERNS = _rule_patterns()
PATTERNS = {**_patterns(), **STOCK, **RULE_PATTERNS}


def _cost(name: str, pattern, text: str) -> float:
    start = time.process_time()
    if name in ANCHORED:
        pattern.match(text)
        pattern.fullmatch(text)
    else:
        for _ in pattern.finditer(text):
            pass
    return time.process_time() - start


def _literals(pattern) -> str:
    return "".join(sorted({c for c in pattern.pattern if c.isprintable() and c not in "\\"}))


def test_the_walk_finds_the_patterns():
    assert len(PATTERNS) - len(STOCK) > 80
    assert len(STOCK) > 10
    assert len(RULE_PATTERNS) > 200
    assert set(ANCHORED) <= set(PATTERNS)  # a renamed pattern must leave this list too


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_runs_of_one_character_and_motifs_finish_in_bounded_steps(name):
    pattern = PATTERNS[name]
    for motif in CLASSES + MOTIFS:
        text = (motif * (SIZE // len(motif) + 1))[:SIZE]
        cost = _cost(name, pattern, text)
        assert cost < BUDGET, f"{name} on {motif!r} x {SIZE}: {cost:.2f} s CPU"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_near_misses_of_each_pattern_finish_in_bounded_steps(data):
    name = data.draw(st.sampled_from(sorted(PATTERNS)))
    pattern = PATTERNS[name]
    alphabet = _literals(pattern) + "aA0 ._-@"
    motif = data.draw(st.text(alphabet=alphabet, min_size=1, max_size=8))
    head = data.draw(st.text(alphabet=alphabet, max_size=12))
    text = (head + motif * (SIZE // len(motif) + 1))[:SIZE]
    cost = _cost(name, pattern, text)
    assert cost < BUDGET, f"{name} on {head!r} + {motif!r} x N: {cost:.2f} s CPU"


def test_no_wall_clock_timeout_skips_a_stock_pattern():
    """Presidio scans each pattern with a wall-clock timeout and drops the pattern's findings
    when it expires; the engine turns that off (its patterns are all checked above)."""
    from presidio_analyzer import pattern_recognizer
    from presidio_analyzer.predefined_recognizers.generic import iban_recognizer

    import redactkit.detect.engine  # noqa: F401 - importing it is what turns the timeouts off

    assert pattern_recognizer.REGEX_TIMEOUT_SECONDS is None
    assert iban_recognizer.REGEX_TIMEOUT_SECONDS is None
