"""The steps of a screenshot's redaction, shared by the full and the live path.

pixels (:func:`to_pixels`) → the views OCR reads (:func:`ocr_views`) → words and the texts to
analyse (:func:`read_layouts`) → findings with pixel boxes (:func:`locate_findings`) → masked
pixels (:func:`redact_pixels`); :func:`context_masked` decides before all of it whether policy
masks the frame whole. :class:`~redactkit.screens.redactor.ScreenshotRedactor` runs them in
order on every frame; :class:`~redactkit.screens.live.LiveRedactor` runs them on what changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageOps

from redactkit.files import read_image, to_array
from redactkit.findings import Finding
from redactkit.policy import Policy
from redactkit.screens.fields import apply_fields
from redactkit.screens.layout import (
    WORDED_TYPES,
    Layout,
    glued_findings,
    group_lines,
    layout_of_lines,
    locate,
)
from redactkit.screens.masks import Color, mask_boxes
from redactkit.screens.repeats import repeat_findings
from redactkit.screens.title import title_findings
from redactkit.screens.wrap import wrapped_of_lines

ImageInput = np.ndarray | Image.Image | str | os.PathLike

#: Words closer than this fraction of the text height are also analysed as one token.
GLUE = 0.45


def to_pixels(image: ImageInput) -> np.ndarray:
    """Any accepted input → uint8 array (H, W), (H, W, 1), (H, W, 3) or (H, W, 4).

    Arrays are returned as they are (not copied: nothing downstream writes into them). PIL
    images and paths get their EXIF orientation applied so boxes land where text shows.
    A multi-frame image is refused: redacting only its first frame would pass the rest
    through (``redactkit.screens.batch`` redacts every frame of a file).
    """
    if isinstance(image, np.ndarray):
        if image.dtype != np.uint8:
            raise TypeError(f"image array must be uint8, not {image.dtype}")
        if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] in (1, 3, 4))):
            raise ValueError(
                f"image array shape {image.shape} is not (H, W), (H, W, 3) or (H, W, 4)"
            )
        if image.shape[0] == 0 or image.shape[1] == 0:
            raise ValueError("image array has no pixels")
        return image
    if isinstance(image, Image.Image):
        if int(getattr(image, "n_frames", 1)) > 1:
            raise ValueError("multi-frame PIL image: redact each frame, or use redactkit.files")
        return to_array(ImageOps.exif_transpose(image))
    if isinstance(image, str | os.PathLike):
        return read_image(image, multiframe=False).frames[0]
    raise TypeError("image must be a numpy uint8 array, a PIL image or a path")


def ocr_views(pixels: np.ndarray) -> list[np.ndarray]:
    """The images OCR must read for this frame, uint8 (H, W) or (H, W, 3).

    An opaque frame is read once. A frame with transparency is read twice, composited over
    white and over black: dark text on a transparent background vanishes on black, light
    text on white, and text drawn only in the alpha channel shows on one of the two.
    """
    if pixels.ndim == 2:
        return [pixels]
    if pixels.shape[2] == 1:
        return [pixels[:, :, 0]]
    if pixels.shape[2] == 3:
        return [pixels]
    rgb, alpha = pixels[:, :, :3].astype(np.uint16), pixels[:, :, 3:4].astype(np.uint16)
    if int(alpha.min()) == 255:
        return [np.ascontiguousarray(pixels[:, :, :3])]
    over_black = (rgb * alpha // 255).astype(np.uint8)
    over_white = ((rgb * alpha + 255 * (255 - alpha)) // 255).astype(np.uint8)
    return [over_white, over_black]


def read_layouts(
    view: np.ndarray, *, timeout: float = 30.0, glue: float | None = GLUE
) -> tuple[Layout, ...]:
    """OCR one view (uint8 (H, W) or (H, W, 3)) into the texts to analyse, with word maps.

    The first layout has every word separated; the next (when ``glue`` is set) holds only
    the lines where some words sit closer than ``glue`` x text height, joined without a space,
    so a token that OCR split (``rahul.fernandez@`` ``mail.org``) is analysed whole too; the
    last holds only the lines whose value can run on into the next line of their column,
    joined (:mod:`redactkit.screens.wrap`).
    """
    from redactkit.screens.ocr import read_words

    return text_layouts(read_words(view, timeout=timeout), glue)


def text_layouts(words: Sequence[Any], glue: float | None = GLUE) -> tuple[Layout, ...]:
    """The texts to analyse from OCR words (see :func:`read_layouts`); the live path builds
    them the same way from the words of the lines it analyses."""
    lines = group_lines(words)  # once: reading order by geometry is the costly part
    plain = layout_of_lines(lines)
    glued = () if glue is None else (layout_of_lines(lines, glue=glue, only_glued=True),)
    return (plain, *glued, wrapped_of_lines(lines))


def locate_findings(
    layouts: Sequence[Layout],
    text_redactor: Any,
    size: tuple[int, int],
    *,
    pad: int | None = None,
    title: str | None = None,
) -> list[Finding]:
    """Analyse each layout's text as OCR text and return the findings with pixel boxes.

    From glued and wrapped layouts (all but the first) only findings that cross a junction count:
    the others were already seen, with better word boundaries, in the first.
    ``text_redactor`` is a :class:`redactkit.text.TextRedactor`; ``size`` = (width, height).
    ``title``: the window title from the event context; its sensitive parts are masked
    wherever the first layout reads them (:mod:`redactkit.screens.title`).
    """
    out: list[Finding] = []
    for k, layout in enumerate(layouts):
        if not layout.text:
            continue
        # Joined texts keep no worded findings (glued_findings): not looked for, they cannot
        # swallow a key in the merge of overlapping findings (a name the model reads from the
        # key's end into the next line took the key with it).
        joined = {"skip": WORDED_TYPES} if k else {}
        findings = text_redactor.analyze(layout.text, ocr=True, **joined)
        if k:
            findings = glued_findings(layout, findings)
        else:  # values named by a header or label elsewhere on screen (screens/fields.py)
            wanted = frozenset(getattr(text_redactor.query, "entities", ())) or None
            named, findings = apply_fields(layout, findings, size, pad=pad, entities=wanted)
            out += named
            out += title_findings(layout, title, text_redactor, pad=pad, size=size)
            # a value found once, read again elsewhere with a glyph wrong (screens/repeats.py)
            out += repeat_findings(layout, [*findings, *named], pad=pad, size=size)
        out += locate(layout, findings, pad=pad, size=size)
    return out


def find_boxes(
    view: np.ndarray,
    text_redactor: Any,
    *,
    pad: int | None = None,
    timeout: float = 30.0,
) -> list[Finding]:
    """OCR one view, analyse its text, and return findings with pixel boxes."""
    height, width = view.shape[:2]
    layouts = read_layouts(view, timeout=timeout)
    return locate_findings(layouts, text_redactor, (width, height), pad=pad)


def _matches_app(app: str, pattern: str) -> bool:
    name = app.strip()
    for suffix in (".app", ".exe"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    if name.casefold() == pattern.casefold():
        return True
    try:
        return re.fullmatch(pattern, name, re.IGNORECASE) is not None
    except re.error:
        return False


def context_masked(policy: Policy, context: Mapping[str, Any] | None) -> bool:
    """Whether the policy masks this frame whole for its application or window title.

    Apps match by name (case-insensitive, ``.app``/``.exe`` ignored) or as a full-match
    regex; titles match as regexes searched anywhere in the title. A secure field in focus
    (``secure: true``, as the keystroke events carry it) does not mask the frame: a password
    field on screen shows dots.
    """
    if not context:
        return False
    app = context.get("app")
    if isinstance(app, str) and app and any(_matches_app(app, p) for p in policy.mask_apps):
        return True
    title = context.get("title")
    if isinstance(title, str) and title:
        return any(re.search(p, title) for p in policy.mask_titles)
    return False


def redact_pixels(
    pixels: np.ndarray,
    findings: Sequence[Finding],
    *,
    method: str = "fill",
    fill: Color = (0, 0, 0),
) -> np.ndarray:
    """Mask the boxes of ``findings`` in a copy of ``pixels`` (same shape and dtype)."""
    boxes = [f.box for f in findings if f.box is not None]
    return mask_boxes(pixels, boxes, method=method, color=fill)  # type: ignore[arg-type]


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Each (entity type, box) once: the views of a frame and the lines of a window can
    find the same value twice."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.entity_type, f.box)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
