"""Scoring the scanners' cases: which wanted secret is left, and why a negative changed.

A wanted secret is *left* when its main part is still readable in the output. trufflehog
joins pieces into one ``want`` (an id and a secret, a URL and a key, a connection string it
re-encodes): the main part is the longest piece of it that occurs in the input and is no URL or
host name (with its port; ``localhost`` too). When pieces tie for longest (``role_id:secret_id``,
two UUIDs) nothing says which is the secret, so the want is left when any of them is.

The suites' positives include fillers a redactor rightly leaves (``sk-lf-0000...``,
``API-AAAA...``, ``da2-abcdefghij...``): a wanted secret left that is itself placeholder-shaped
by the same evidence as below is counted apart as well.

A negative is *changed* when the output differs from the input. When a credential finding did
it, the masked values are sorted by named evidence: *benign* when a value is positively no
secret (a documentation placeholder, one character repeated, a run like ``abcdef123456``, low
entropy for its length, mostly words); *near-miss* when it looks like real key material the
scanner turns down for a format reason only (a wrong checksum or length, a missing keyword, an
unverifiable JWT). A redactor may mask a near-miss; a benign value it should leave alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

from benchmarks.suite_cases import Case
from redactkit.detect import checksums as ck
from redactkit.detect.value_shapes import is_placeholder

_HOST = re.compile(r"(?:[\w.\-]+\.[a-z]{2,}|localhost)(?::\d{1,5})?")


def _is_host(piece: str) -> bool:
    """A host name, with its port and the quotes of the JSON it was cut from
    (``"docker.example.com:8083``): what trufflehog joins to a secret to say where it works."""
    return _HOST.fullmatch(piece.strip("\"'{}:,")) is not None


def _pieces(secret: str, text: str) -> list[str]:
    pieces, rest = [], secret
    while rest:
        n = len(rest)
        while n > 0 and rest[:n] not in text:
            n -= 1
        if n == 0:
            rest = rest[1:]
            continue
        pieces.append(rest[:n])
        rest = rest[n:]
    return pieces


def main_parts(secret: str, text: str) -> list[str]:
    """The main pieces of ``secret`` that occur in ``text`` (see the module docstring)."""
    if secret in text:
        return [secret]
    pieces = _pieces(secret, text)
    decoded = unquote(secret)  # `sqlserver://sa:P%40ss...`: the input has the plain password
    if decoded != secret:
        pieces += _pieces(decoded, text)
    plain = [p for p in pieces if "://" not in p and not _is_host(p)] or pieces
    if not plain:
        return [secret]
    top = max(map(len, plain))
    return list(dict.fromkeys(p for p in plain if len(p) == top))


def maximal(secrets: tuple[str, ...]) -> list[str]:
    """Secrets not contained in another of the case's secrets."""
    return [s for s in secrets if not any(s != o and s in o for o in secrets)]


def benign_reason(value: str) -> str | None:
    """Why a masked value is positively no secret, or None when it looks like key material."""
    v = value.strip().strip("\"'`")
    if is_placeholder(v):
        return "placeholder"
    if len(v) < 8:
        return "short"
    if ck.is_sequential(v) or len(set(v.lower())) <= 4:
        return "repeated or sequential"
    if ck.normalized_entropy(v) < 0.6:
        return "low entropy"
    if ck.wordlike_fraction(v) >= 0.6:
        return "words"
    return None


@dataclass
class Tally:
    pos: int = 0
    left: int = 0
    neg: int = 0
    changed: int = 0
    changed_cred: int = 0
    benign: int = 0  # changed by a credential finding on a value with benign evidence
    left_filler: int = 0  # wanted secrets left that are themselves placeholder-shaped
    pos_no_secret: int = 0  # wants that hold no secret (``holds_no_secret``)
    left_no_secret: int = 0
    examples_left: list[str] = field(default_factory=list)
    examples_changed: list[str] = field(default_factory=list)
    examples_benign: list[str] = field(default_factory=list)
    by_detector: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)

    @property
    def near_miss(self) -> int:
        return self.changed_cred - self.benign


_CRED_PART = re.compile(r"(?i)(?:password|pwd)=([^;&\s]+)|//[^/@\s:]+:([^@\s/]+)@")


def holds_no_secret(want: str) -> bool:
    """A want that holds no secret: a JDBC URL with no password, or a placeholder one
    (``jdbc:postgresql://localhost:5432/db``, ``//user:pass@host``). trufflehog wants every
    JDBC URL because it verifies by connecting; a redactor masks the password, and a URL
    without one names a database, not a way in (its host is ``localhost``, ``host`` or
    ``x.x.x.x`` in the suite: no personal data either)."""
    if not want.lower().startswith("jdbc:"):
        return False
    m = _CRED_PART.search(want)
    return m is None or is_placeholder(m.group(1) or m.group(2))


def left_parts(case: Case, out: str) -> tuple[int, list[str]]:
    """How many wanted secrets ``case`` has, and the main parts of those left in ``out``."""
    n, left = 0, []
    for secret in maximal(case.secrets):
        parts = [p for p in main_parts(secret, case.text) if len(p) >= 4]
        if not parts:
            continue
        n += 1
        hit = next((p for p in parts if p in out), None)
        if hit is not None:
            left.append(hit)
    return n, left


def score(
    cases: list[Case], outputs: list[str], cred_hit: list[tuple[tuple[str, str], ...]]
) -> dict[tuple[str, str], Tally]:
    """``cred_hit``: per case, ``(detector, masked value)`` of the credential findings."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for case, out, hits in zip(cases, outputs, cred_hit):
        t = tallies[(case.suite, case.family)]
        if case.positive:
            n, left = left_parts(case, out)
            t.pos += n
            t.left += len(left)
            t.left_filler += sum(benign_reason(p) is not None for p in left)
            t.pos_no_secret += sum(map(holds_no_secret, maximal(case.secrets)))
            t.left_no_secret += sum(map(holds_no_secret, left))
            t.examples_left += [p[:60] for p in left][: max(0, 3 - len(t.examples_left))]
            continue
        t.neg += 1
        if out == case.text:
            continue
        t.changed += 1
        if not hits:
            continue
        t.changed_cred += 1
        t.by_detector.update({d for d, _ in hits})
        reasons = [r for _, v in hits if (r := benign_reason(v))]
        if reasons:
            t.benign += 1
            t.reasons.update(set(reasons))
            if len(t.examples_benign) < 3:
                t.examples_benign.append(case.text.strip()[:80])
        elif len(t.examples_changed) < 3:
            t.examples_changed.append(case.text.strip()[:80])
    return tallies
