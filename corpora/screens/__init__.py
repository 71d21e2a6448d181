"""Synthetic screenshots with ground truth: every drawn word and every sensitive value, boxed.

Real screens are not scanned pages: small anti-aliased UI fonts, light-on-dark terminals and
editors, coloured buttons and banners, dense tables. OCR and redaction are tuned and tested on
these renders, so they vary everything that can vary (kind of screen, theme, font, size, scale,
content) and draw fresh random values each call: nothing may be tuned to a fixed fixture.

Geometry: ``size`` is the output image size in pixels; ``scale`` is the device pixel ratio (2
draws a HiDPI screen: every font and margin doubled, so less content fits).
"""

from __future__ import annotations

import random

from corpora.screens.canvas import (
    FONTS,
    MONO_FONTS,
    SANS_FONTS,
    RenderedWord,
    Screen,
    Secret,
    _Canvas,
    _palette,
)
from corpora.screens.developer import _editor, _terminal
from corpora.screens.messages import _chat, _email
from corpora.screens.office import _crm, _settings, _spreadsheet
from corpora.screens.scoring import _read_near, secret_char_recall, word_recall
from corpora.screens.values import _luhn_digit

KINDS: tuple[str, ...] = ("email", "chat", "terminal", "editor", "crm", "settings", "spreadsheet")
THEMES: tuple[str, ...] = ("light", "dark")

_RENDER = {
    "email": _email,
    "chat": _chat,
    "terminal": _terminal,
    "editor": _editor,
    "crm": _crm,
    "settings": _settings,
    "spreadsheet": _spreadsheet,
}


def render_screen(
    rng: random.Random,
    kind: str | None = None,
    theme: str | None = None,
    scale: int = 1,
    size: tuple[int, int] = (1280, 800),
    font: str | None = None,
) -> Screen:
    """Render one random screen of ``kind`` (random if None) with its ground truth.

    ``font`` is a family name from ``FONTS`` used for all text; by default each screen picks a
    UI family and a monospace family. Terminals and editors default to the dark theme, as on
    most desktops. ``size`` is (width, height) in pixels; the image is HxWx3 uint8 RGB.
    """
    kind = kind or rng.choice(KINDS)
    if kind not in _RENDER:
        raise ValueError(f"unknown screen kind {kind!r}; known: {', '.join(KINDS)}")
    if theme is None:
        theme = (
            "dark" if kind in ("terminal", "editor") and rng.random() < 0.8 else rng.choice(THEMES)
        )
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; known: {', '.join(THEMES)}")
    if font is not None and font not in FONTS:
        raise ValueError(f"unknown font {font!r}; known: {', '.join(FONTS)}")
    if scale not in (1, 2, 3):
        raise ValueError("scale must be 1, 2 or 3")
    sans = font or rng.choice(list(SANS_FONTS))
    mono = font or rng.choice(list(MONO_FONTS))
    canvas = _Canvas(size, scale, _palette(rng, theme), sans, mono)
    px = rng.randint(11, 16)
    _RENDER[kind](canvas, rng, px)
    return canvas.screen(kind, theme)


__all__ = [
    "FONTS",
    "KINDS",
    "MONO_FONTS",
    "SANS_FONTS",
    "THEMES",
    "RenderedWord",
    "Screen",
    "Secret",
    "_luhn_digit",
    "_read_near",
    "render_screen",
    "secret_char_recall",
    "word_recall",
]
