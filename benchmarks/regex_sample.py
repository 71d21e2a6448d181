"""Random strings that match a regular expression (for gitleaks' rule cases built from regexes).

gitleaks writes many true positives as ``secrets.NewSecret(regex)``: a random string matching a
regex, made when its config is generated. To read those cases statically, the benchmark makes
such a string itself from the same regex, with a seeded generator. Python's own regex parser
does the parsing; Go's RE2 syntax differs only in a few spellings, translated first.
"""

from __future__ import annotations

import random
import re
import string

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_POSIX = {"alnum": "a-zA-Z0-9", "alpha": "a-zA-Z", "digit": "0-9", "lower": "a-z", "upper": "A-Z",
          "xdigit": "0-9a-fA-F", "space": r"\s", "punct": r"!-/:-@\[-`{-~", "word": r"\w"}  # fmt: skip
_CATEGORY = {
    C.CATEGORY_DIGIT: string.digits,
    C.CATEGORY_WORD: string.ascii_letters + string.digits + "_",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_DIGIT: string.ascii_letters,
    C.CATEGORY_NOT_WORD: "-.",
    C.CATEGORY_NOT_SPACE: string.ascii_letters + string.digits,
}
PRINTABLE = string.ascii_letters + string.digits + "+/=_-."
UNBOUNDED_EXTRA = 8  # an open repeat (`+`, `*`, `{n,}`) adds up to this many copies


def from_go(pattern: str) -> str:
    """RE2 spellings Python does not read."""
    for name, body in _POSIX.items():
        pattern = pattern.replace(f"[:{name}:]", body)
    return (
        pattern.replace(r"\z", r"\Z").replace("(?P<", "(?P<").replace(r"\Q", "").replace(r"\E", "")
    )


def sample(pattern: str, rng: random.Random) -> str:
    """One random string matching ``pattern`` (a Go or Python regex)."""
    return _gen(P.parse(from_go(pattern)), rng)


def _gen(seq, rng: random.Random) -> str:  # noqa: ANN001 - the parser's internal types
    out: list[str] = []
    for op, av in seq:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in PRINTABLE if ord(c) != av]))
        elif op is C.ANY:
            out.append(rng.choice(string.ascii_letters + string.digits))
        elif op is C.IN:
            out.append(rng.choice(_class(av)))
        elif op is C.BRANCH:
            out.append(_gen(rng.choice(av[1]), rng))
        elif op is C.SUBPATTERN:
            out.append(_gen(av[-1], rng))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            if hi is C.MAXREPEAT:
                hi = lo + UNBOUNDED_EXTRA
            out.extend(_gen(body, rng) for _ in range(rng.randint(lo, hi)))
        elif op is C.CATEGORY:
            out.append(rng.choice(_CATEGORY.get(av, "x")))
        # AT (anchors), ASSERT, ASSERT_NOT, GROUPREF: nothing to emit
    return "".join(out)


def _class(items) -> str:  # noqa: ANN001
    chars: set[str] = set()
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:
            chars.update(_CATEGORY.get(av, ""))
    if negate:
        return "".join(c for c in PRINTABLE if c not in chars) or "x"
    return "".join(sorted(c for c in chars if c.isprintable())) or "x"


def matches(pattern: str, value: str) -> bool:
    try:
        return re.search(from_go(pattern), value) is not None
    except re.error:
        return False
