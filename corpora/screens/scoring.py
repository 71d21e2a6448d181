"""OCR scored against a screen's ground truth: which drawn words and which characters of the
sensitive values a reader found, at the right place."""

from __future__ import annotations

from corpora.screens.canvas import Screen
from redactkit.findings import Box


def _overlap(a: Box, b: Box) -> float:
    """Intersection area over the smaller box's area (0..1)."""
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, min(a.width * a.height, b.width * b.height))


def _read_near(box: Box, words: list) -> list:
    """OCR words (anything with ``.text`` and ``.box``) lying on ``box``, left to right."""
    return sorted((w for w in words if _overlap(box, w.box) > 0.5), key=lambda w: w.box.left)


def word_recall(screen: Screen, words: list) -> float:
    """Fraction of drawn words that OCR read exactly, at the right place."""
    if not screen.words:
        return 1.0
    hits = sum(any(r.text == rw.text for r in _read_near(rw.box, words)) for rw in screen.words)
    return hits / len(screen.words)


def secret_char_recall(screen: Screen, words: list) -> float:
    """Fraction of the characters of sensitive values that OCR read (in order, at the right
    place): what a detector downstream has any chance to see."""
    from difflib import SequenceMatcher

    total = found = 0
    for s in screen.secrets:
        value = "".join(s.value.split())
        read = "".join(r.text for b in s.boxes for r in _read_near(b, words))
        blocks = SequenceMatcher(None, value, read, autojunk=False).get_matching_blocks()
        total += len(value)
        found += sum(b.size for b in blocks)
    return found / total if total else 1.0
