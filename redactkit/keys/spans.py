"""From the texts of a field to the keystrokes that typed a finding.

A field is checked as several texts (final text, raw sequence cut at long erasures, the text
before each erasure), joined into one document for one detection call; spans found in that
document are mapped back, text by text, to the strokes that typed their characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactkit.detect.random_values import find_random_tokens
from redactkit.keys.editor import Field, Stroke

#: Between the texts of one field in the analysed document.
SEP = "\n\n"

#: Credential prefixes: a token starting with one is masked as typed, whatever the engine says.
PREFIXES = re.compile(
    r"(?<![A-Za-z0-9_])(?:gh[pousr]_|github_pat_|glpat-|glsa_|sk-|sk_(?:live|test)_|"
    r"[rp]k_(?:live|test)_|AKIA|ASIA|AGPA|AIDA|AROA|xox[abposer]-|xapp-|npm_|pypi-|hf_|AIza|"
    r"ya29\.|eyJ|SG\.|shp(?:at|ss|ca)_|dop_v1_|-----BEGIN)[A-Za-z0-9_\-./+=:]{4,}"
)


@lru_cache(maxsize=4096)
def prefix_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Tokens masked by their looks on every channel of a field (final text, raw sequence,
    pre-erasure snapshots): a known credential prefix, or key material of no known format
    (``random_values``: what someone types by hand is no file of hashes, so a long random
    token is a secret even without a name, typed and erased or not). Cached: checkpoints judge the same texts again."""
    spans = [(*m.span(), "CREDENTIAL") for m in PREFIXES.finditer(text)]
    return (*spans, *((a, b, "SECRET") for a, b in find_random_tokens(text)))


def map_spans(
    field: Field, parts: list[list[Stroke]], texts: list[str], spans: list[tuple[int, int, str]]
) -> tuple[set[int], list[tuple[int, int, str]]]:
    """ids of the strokes under ``spans`` (offsets into ``SEP.join(texts)``), and the spans that
    fall in the final text, in its own offsets. A field with more erasures than the editor
    snapshots (``overflow``) has all its erased strokes counted as sensitive."""
    bad: set[int] = set()
    if field.overflow:
        alive = set(map(id, field.chars))
        bad.update(id(s) for s in field.strokes if s.text and id(s) not in alive)
    final: list[tuple[int, int, str]] = []
    base = 0
    for i, (seq, t) in enumerate(zip(parts, texts)):
        for start, end, kind in spans:
            lo, hi = max(start, base) - base, min(end, base + len(t)) - base
            if hi > lo:
                bad.update(map(id, strokes_in(seq, lo, hi)))
                if i == 0 and seq is field.chars:
                    final.append((lo, hi, kind))
        base += len(t) + len(SEP)
    return bad, final


def analysis_parts(
    field: Field, typed: list[Stroke] | None = None
) -> tuple[list[list[Stroke]], list[str]]:
    """The distinct non-blank texts of a field to check: final, raw (cut at long erasures),
    pre-erasure snapshots (``typed``: the field's raw sequence, when the caller has it)."""
    parts: list[list[Stroke]] = []
    texts: list[str] = []
    raw = field.typed if typed is None else typed
    for seq in (field.chars, *segments(raw), *field.snapshots):
        text = "".join([s.char for s in seq])
        if text.strip() and text not in texts:
            parts.append(seq)
            texts.append(text)
    return parts, texts


def segments(typed: list[Stroke]) -> list[list[Stroke]]:
    """The raw sequence cut where a long erasure ended."""
    out: list[list[Stroke]] = [[]]
    for s in typed:
        if s.after_erasure and out[-1]:
            out.append([])
        out[-1].append(s)
    return out


def strokes_in(seq: list[Stroke], start: int, end: int) -> list[Stroke]:
    """The strokes covering characters ``start:end`` of ``"".join(s.char for s in seq)``
    (a stroke may type several code points: an accent, an emoji with modifiers)."""
    out, pos = [], 0
    for s in seq:
        nxt = pos + len(s.char)
        if nxt > start and pos < end:
            out.append(s)
        elif pos >= end:
            break
        pos = nxt
    return out
