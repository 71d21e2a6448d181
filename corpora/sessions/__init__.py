"""Rendered capture sessions: consecutive frames of one screen, with ground truth per frame.

The live redactor is judged on sequences, not single screens: what changes between frames
(a typed character, a scroll, a window switch, a toast, one edited character of a key)
decides what it re-reads. Each session kind renders that change pattern with fresh random
content, fonts and themes on every call (drawn with the same helpers as
:mod:`corpora.screens`), and each frame lists the sensitive values fully visible on
it, with their boxes: a value half typed or half scrolled out is not counted (neither path
can be asked to find it), a value partly hidden under a toast neither.

Frames are generated lazily: a 100-frame session at 1280x800 would hold 300 MB at once.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from corpora.sessions.editing import _key_edit, _terminal, _typing
from corpora.sessions.frames import Frame
from corpora.sessions.windows import _appearing, _scrolling, _switching

SESSION_KINDS: tuple[str, ...] = (
    "typing",
    "scrolling",
    "terminal",
    "switching",
    "appearing",
    "key-edit",
)


_SESSIONS: dict[str, Callable[[random.Random, int, tuple[int, int]], Iterator[Frame]]] = {
    "typing": _typing,
    "scrolling": _scrolling,
    "terminal": _terminal,
    "switching": _switching,
    "appearing": _appearing,
    "key-edit": _key_edit,
}


def render_session(
    kind: str, rng: random.Random, frames: int = 100, size: tuple[int, int] = (1280, 800)
) -> Iterator[Frame]:
    """``frames`` consecutive frames of a capture session of ``kind`` (see
    ``SESSION_KINDS``), rendered one at a time with fresh random content from ``rng``."""
    if kind not in _SESSIONS:
        raise ValueError(f"unknown session kind {kind!r}; known: {', '.join(SESSION_KINDS)}")
    return _SESSIONS[kind](rng, frames, size)


__all__ = ["SESSION_KINDS", "Frame", "render_session"]
