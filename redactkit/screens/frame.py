"""What the live path finds on all the lines of a frame at once, beyond each line's own text.

The live path analyses changed lines with a few neighbours; three things need the whole frame:
values that a header or label elsewhere names (:mod:`redactkit.screens.fields`), the window
title's sensitive parts (:mod:`redactkit.screens.title`) and other readings of values found
on some line (:mod:`redactkit.screens.repeats`). The full path does the same in
:func:`redactkit.screens.pipeline.locate_findings`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from redactkit.findings import Finding
from redactkit.screens.fields import frame_fields
from redactkit.screens.layout import Layout, build_layout
from redactkit.screens.lines import Line
from redactkit.screens.repeats import find_repeats
from redactkit.screens.title import context_title, title_findings


def whole_frame(
    lines: Sequence[Line], context: Mapping[str, Any] | None, red: Any, size: tuple[int, int]
) -> list[Finding]:
    """Findings with pixel boxes over all ``lines`` of a frame; ``red`` is the full path
    (its text redactor, its padding)."""
    words = [w for ln in lines for w in ln.words]
    found = frame_fields(words, size, red.pad, red.text.query)
    layout = build_layout(words)
    found += line_repeats(layout, lines, size, red.pad)
    found += title_findings(layout, context_title(context), red.text, pad=red.pad, size=size)
    return found


def line_repeats(
    layout: Layout, lines: Sequence[Line], size: tuple[int, int], pad: int | None
) -> list[Finding]:
    """Other readings, in ``layout``, of the values found on ``lines`` (their hits)."""
    position = {id(w): i for i, w in enumerate(layout.words)}
    values, covered = [], set()
    for ln in lines:
        for first, stop, entity, _score, _detector in ln.hits:
            words = ln.words[first:stop]
            values.append((entity, " ".join(w.text.strip() for w in words)))
            covered.update(position[id(w)] for w in words if id(w) in position)
    return find_repeats(layout, values, covered, pad=pad, size=size)
