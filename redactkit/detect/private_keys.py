"""Private key blocks (PEM, OpenSSH, PGP, PuTTY), including the parts of them a screen shows.

A key on a screen is rarely whole: a terminal scrolled past the BEGIN line, an editor cut at
the bottom, a JSON service-account file with the key on one line with escaped ``\\n``. So a
block is masked from its header to its END line when there is one, otherwise to the end of the
run of body-like lines; an END line without its header masks the body lines above it; three or
more full-width base64 lines with no header at all are still treated as key material.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from redactkit.detect import checksums as ck

_DASH = r"[-\u2010-\u2015\u2212~]"
BEGIN_RE = re.compile(
    r"(?<!"
    + _DASH
    + ")"
    + _DASH
    + r"{2,}+\s?BEGIN[ A-Z0-9_\-]{0,60}?PRIVATE\s?KEY(?:\sBLOCK)?\s?"
    + _DASH
    + r"{2,}",
    re.IGNORECASE,
)
END_RE = re.compile(
    r"(?<!"
    + _DASH
    + ")"
    + _DASH
    + r"{2,}+\s?END[ A-Z0-9_\-]{0,60}?PRIVATE\s?KEY(?:\sBLOCK)?\s?"
    + _DASH
    + r"{2,}",
    re.IGNORECASE,
)
PUTTY_RE = re.compile(r"PuTTY-User-Key-Fi[l1I|]e-[23]:", re.IGNORECASE)
PUTTY_END_RE = re.compile(r"Private-MAC:\s?[0-9a-fA-FOoIlS]{20,64}", re.IGNORECASE)
# a line break: real, or escaped inside a JSON/YAML string
_LINE = re.compile(r"([^\n\\]*(?:\\(?![rn])[^\n\\]*)*)(\r?\n|\\r\\n|\\n|$)")
_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_ARMOR_FIELD = re.compile(
    r"^\s*(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|Encryption|Public-Lines|Private-Lines"
    r"|Key-Derivation|Argon2-[A-Za-z]+):",
    re.IGNORECASE,
)
_BARE_BODY = re.compile(
    r"(?:^|\n)[ \t]*((?:[A-Za-z0-9+/]{64}|[A-Za-z0-9+/]{70})[ \t]*\r?\n"
    r"[ \t]*(?:[A-Za-z0-9+/]{64}|[A-Za-z0-9+/]{70})[ \t]*\r?\n"
    r"[ \t]*(?:[A-Za-z0-9+/]{64}|[A-Za-z0-9+/]{70}))"
)
_HEAD_RUN = re.compile(r"[ \t]*[A-Za-z0-9+/]+={0,2}(?=\s|$)")
_TAIL_RUN = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}[ \t]*$")
MAX_BLOCK = 20000
PARTIAL_SCORE = 0.85
BARE_SCORE = 0.55


def body_like(line: str, ocr: bool = False) -> bool:
    """A line that can belong to a key body: base64 (OCR: a little noise allowed) or blank."""
    s = line.strip().strip('",')
    if ocr:
        s = s.replace(" ", "")
    if not s or _ARMOR_FIELD.match(s):
        return True
    good = sum(c in _B64 for c in s)
    return good / len(s) >= (0.85 if ocr else 1.0)


def _lines(text: str, pos: int, limit: int) -> Iterator[tuple[int, int, str]]:
    """(start, end-with-break, content) for the lines from ``pos`` up to ``limit``, lazily."""
    while pos < limit:
        m = _LINE.match(text, pos, limit)
        if m is None or m.end() == pos:
            break
        yield m.start(), m.end(), m.group(1)
        pos = m.end()


def _run_end(text: str, start: int, ocr: bool) -> int:
    """End of the body-like lines that follow ``start`` (the visible part of a cut block)."""
    end = start
    body = []
    for ls, _le, content in _lines(text, start, min(len(text), start + MAX_BLOCK)):
        if not body_like(content, ocr):
            head = _HEAD_RUN.match(content)
            if head is not None and ls > start:
                end = ls + head.end()  # body text with prose after it on the same line
            break
        if content.strip():
            body.append(content.strip())
            end = ls + len(content.rstrip())
        elif body and ls > start:
            break  # a blank line after body lines ends the block
    return end


def _run_start(text: str, end: int, ocr: bool, floor: int = 0) -> int:
    """Start of the body-like lines that precede ``end`` (a block scrolled past its header)."""
    start = end
    lo = max(floor, end - MAX_BLOCK)
    lines = list(_lines(text, lo, end))
    if lines and lo > 0:
        lines = lines[1:]  # the first line may be cut by the window
    for ls, _le, content in reversed(lines):
        if not content.strip():
            if start < end:
                break
            continue
        if not body_like(content, ocr):
            tail = _TAIL_RUN.search(content)
            if tail is not None:
                start = ls + tail.start()  # prose before the first visible body line
            break
        start = ls + (len(content) - len(content.lstrip()))
    return start


def find_private_keys(text: str, *, ocr: bool = False) -> list[tuple[str, int, int, float]]:
    """Key blocks as ``(rule_id, start, end, score)``; spans end on the END line when visible."""
    found: list[tuple[str, int, int, float]] = []
    ends = [(e.start(), e.end()) for e in END_RE.finditer(text)]
    end_starts = [s for s, _ in ends]
    begins = list(BEGIN_RE.finditer(text))
    covered_until = -1
    consumed: set[int] = set()
    for i, m in enumerate(begins):
        if m.start() < covered_until:
            continue
        k = bisect.bisect_left(end_starts, m.end())
        next_begin = begins[i + 1].start() if i + 1 < len(begins) else len(text)
        if k < len(ends) and ends[k][0] - m.end() <= MAX_BLOCK and ends[k][0] < next_begin:
            found.append(("private-key", m.start(), ends[k][1], 1.0))
            covered_until = ends[k][1]
            consumed.add(k)
        else:  # cut off: the END line is not visible
            end = max(_run_end(text, m.end(), ocr), m.end())
            found.append(("private-key-partial", m.start(), end, PARTIAL_SCORE))
            covered_until = end
    previous_end = 0
    for k, (es, ee) in enumerate(ends):
        if k not in consumed:  # scrolled: the BEGIN line is not visible
            start = _run_start(text, es, ocr, floor=previous_end)
            if start < es:
                found.append(("private-key-partial", start, ee, PARTIAL_SCORE))
        previous_end = ee
    for m in PUTTY_RE.finditer(text):
        end_m = PUTTY_END_RE.search(text, m.end(), min(len(text), m.end() + MAX_BLOCK))
        end = end_m.end() if end_m else _run_end(text, m.end(), ocr)
        found.append(
            ("putty-private-key", m.start(), max(end, m.end()), 1.0 if end_m else PARTIAL_SCORE)
        )
    for m in _BARE_BODY.finditer(text):
        s = m.start(1)
        if any(a <= s < b for _, a, b, _ in found) or _public_block_above(text, s):
            continue
        lines = [x for x in m.group(1).split() if x]
        if not ck.pem_body_ok(lines) or ck.shannon_entropy("".join(lines)) < 5.0:
            continue
        end = max(_run_end(text, s, ocr), m.end(1))
        found.append(("private-key-body", s, end, BARE_SCORE))
    return found


def _public_block_above(text: str, pos: int) -> bool:
    """Bodies under a CERTIFICATE or PUBLIC KEY header are public material, not secrets."""
    head = text.rfind("-----BEGIN", max(0, pos - 200), pos)
    return head >= 0 and "PRIVATE" not in text[head : head + 80].upper()
