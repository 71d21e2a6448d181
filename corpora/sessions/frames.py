"""One frame of a capture session and the canvas helpers every session kind draws frames with."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from corpora.screens import THEMES
from corpora.screens.canvas import MONO_FONTS, SANS_FONTS, Secret, _Canvas, _palette
from redactkit.findings import Box


@dataclass
class Frame:
    """``image``: (H, W, 3) uint8 RGB. ``secrets``: values fully visible, boxes in pixels.
    ``context``: the window's ``app`` and ``title``, as a capture agent reports them."""

    image: np.ndarray
    secrets: list[Secret]
    context: dict[str, str] = field(default_factory=dict)


def _canvas(rng: random.Random, size: tuple[int, int], theme: str | None = None) -> _Canvas:
    theme = theme or rng.choice(THEMES)
    sans, mono = rng.choice(list(SANS_FONTS)), rng.choice(list(MONO_FONTS))
    return _Canvas(size, 1, _palette(rng, theme), sans, mono)


def _fresh(proto: _Canvas) -> _Canvas:
    """An empty canvas with the same palette and fonts (one frame of a session)."""
    return _Canvas((proto.w, proto.h), proto.k, proto.pal, proto.sans, proto.mono)


def _visible(c: _Canvas) -> list[Secret]:
    return [s for s in c.secrets if s.boxes and len(s.boxes) >= len(s.value.split())]


def _caret(c: _Canvas, x: int, y: int, px: int) -> None:
    c.rect(x, y, x + 1, y + int(px * 1.15), c.pal.fg)


def _hidden(secret: Secret, cover: Box) -> bool:
    return any(
        b.left < cover.right
        and cover.left < b.right
        and b.top < cover.bottom
        and cover.top < b.bottom
        for b in secret.boxes
    )
