"""ScreenshotRedactor: pixels → words → text → findings → boxes → masked pixels, failing closed.

Each step is a function of its own (:func:`to_pixels`, :func:`ocr_views`, :func:`find_boxes`,
:func:`context_masked`, :func:`redact_pixels`) so that the live-frame redactor can reuse them and
skip work between frames. Whatever goes wrong inside the pipeline, the frame comes out fully
masked (or withheld), marked ``failed``, with an error that names the stage and the exception
type but never a value read from the screen.
"""

from __future__ import annotations

import base64
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import cv2
import numpy as np
from PIL import Image, ImageOps

from redactkit.files import read_image, to_array
from redactkit.findings import Box, Finding
from redactkit.policy import Policy
from redactkit.screens.fields import apply_fields
from redactkit.screens.layout import Layout, build_layout, glued_findings, locate
from redactkit.screens.masks import METHODS, Color, mask_all, mask_boxes
from redactkit.session import Session

if TYPE_CHECKING:
    from redactkit.screens.live import LiveRedactor

Status = Literal["ok", "failed", "masked-by-context"]
OnError = Literal["mask", "withhold"]
ImageInput = np.ndarray | Image.Image | str | os.PathLike

#: Entity type of the single finding that stands for a frame masked because of its context.
CONTEXT_MASK = "CONTEXT_MASK"
OUTLINE = (255, 0, 80)
#: Words closer than this fraction of the text height are also analysed as one token.
GLUE = 0.45


@dataclass
class ScreenshotResult:
    """The outcome for one frame.

    ``image``: uint8 array of the input's shape ((H, W), (H, W, 3) or (H, W, 4)), or None when
    a failed frame was withheld. ``findings`` carry pixel boxes (one per line segment) and no
    values unless asked for. ``status``: "ok", "failed" (whole frame masked or withheld) or
    "masked-by-context" (policy masks this app or window title). ``error`` names the failed
    stage and exception type only.
    """

    image: np.ndarray | None
    findings: list[Finding] = field(default_factory=list)
    status: Status = "ok"
    error: str | None = None
    _original: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def boxes(self) -> list[Box]:
        return [f.box for f in self.findings if f.box is not None]

    def outlined(self) -> np.ndarray | None:
        """The redacted image as (H, W, 3) RGB with every masked box outlined, for review."""
        if self.image is None:
            return None
        rgb = _as_rgb(self.image)
        thickness = max(1, min(rgb.shape[:2]) // 400)
        for b in self.boxes:
            cv2.rectangle(rgb, (b.left, b.top), (b.right - 1, b.bottom - 1), OUTLINE, thickness)
        return rgb

    def side_by_side(self, gap: int = 8) -> Image.Image:
        """Before (left) and after (right, boxes outlined) as one PIL image, for notebooks."""
        if self._original is None:
            raise ValueError("the original image was not kept for this result")
        before = _as_rgb(self._original)
        after = self.outlined()
        if after is None:
            after = np.full_like(before, 128)
        height = max(before.shape[0], after.shape[0])
        canvas = np.full((height, before.shape[1] + gap + after.shape[1], 3), 255, np.uint8)
        canvas[: before.shape[0], : before.shape[1]] = before
        canvas[: after.shape[0], before.shape[1] + gap :] = after
        return Image.fromarray(canvas)

    def _repr_png_(self) -> bytes | None:
        rgb = self.outlined()
        if rgb is None:
            return None
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="PNG")
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.entity_type] = counts.get(f.entity_type, 0) + 1
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no findings"
        caption = f"<b>{self.status}</b> &middot; {summary}"
        if self.error:
            caption += f" &middot; {self.error}"
        png = self._repr_png_()
        if png is None:
            return f"<div>{caption} (image withheld)</div>"
        data = base64.b64encode(png).decode("ascii")
        return f'<figure><img src="data:image/png;base64,{data}"/><figcaption>{caption}</figcaption></figure>'


def _as_rgb(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return np.repeat(image[:, :, None], 3, axis=2)
    if image.shape[2] == 1:
        return np.repeat(image, 3, axis=2)
    return np.ascontiguousarray(image[:, :, :3])


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

    The first layout has every word separated; the second (when ``glue`` is set) holds only
    the lines where some words sit closer than ``glue`` x text height, joined without a space,
    so a token that OCR split (``rahul.fernandez@`` ``mail.org``) is analysed whole too.
    """
    from redactkit.screens.ocr import read_words

    words = read_words(view, timeout=timeout)
    plain = build_layout(words)
    if glue is None:
        return (plain,)
    return plain, build_layout(words, glue=glue, only_glued=True)


def locate_findings(
    layouts: Sequence[Layout],
    text_redactor: Any,
    size: tuple[int, int],
    *,
    pad: int | None = None,
) -> list[Finding]:
    """Analyse each layout's text as OCR text and return the findings with pixel boxes.

    From glued layouts (all but the first) only findings that cross a glued junction count:
    the others were already seen, with better word boundaries, in the first.
    ``text_redactor`` is a :class:`redactkit.text.TextRedactor`; ``size`` = (width, height).
    """
    out: list[Finding] = []
    for k, layout in enumerate(layouts):
        if not layout.text:
            continue
        findings = text_redactor.analyze(layout.text, ocr=True)
        if k:
            findings = glued_findings(layout, findings)
        else:  # values named by a header or label elsewhere on screen (screens/fields.py)
            wanted = frozenset(getattr(text_redactor.query, "entities", ())) or None
            named, findings = apply_fields(layout, findings, size, pad=pad, entities=wanted)
            out += named
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


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.entity_type, f.box)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


class ScreenshotRedactor:
    """Masks personal data and credentials visible in screenshots.

    ``method``: "fill" (default, solid ``fill`` colour), "pixelate" or "blur" (weaker: see
    :mod:`redactkit.screens.masks`). ``pad``: pixels added around each box, None to scale
    with the text height. ``on_error``: "mask" returns a fully masked frame when anything
    fails, "withhold" returns no image. ``ocr_timeout``: seconds per OCR call. ``glue``: see
    :func:`read_layouts` (None turns the second reading off). ``keep_original`` keeps a
    reference to the input for ``side_by_side``.
    """

    def __init__(
        self,
        policy: Policy | None = None,
        session: Session | None = None,
        *,
        fill: Color = (0, 0, 0),
        method: str = "fill",
        pad: int | None = None,
        on_error: OnError = "mask",
        ocr_timeout: float = 30.0,
        keep_values: bool = False,
        keep_original: bool = True,
        glue: float | None = GLUE,
    ) -> None:
        if method not in METHODS:
            raise ValueError(f"unknown mask method {method!r}; expected one of {METHODS}")
        if on_error not in ("mask", "withhold"):
            raise ValueError("on_error must be 'mask' or 'withhold'")
        from redactkit.text import TextRedactor

        self.policy = policy or Policy()
        self.session = session
        self.text = TextRedactor(self.policy, session, keep_values=keep_values)
        self.fill = fill
        self.method = method
        self.pad = pad
        self.on_error = on_error
        self.ocr_timeout = ocr_timeout
        self.keep_original = keep_original
        self.glue = glue

    def redact(
        self, image: ImageInput, context: Mapping[str, Any] | None = None
    ) -> ScreenshotResult:
        """Redact one frame. ``context`` may carry ``app`` and ``title`` of the frame."""
        pixels = to_pixels(image)
        original = pixels if self.keep_original else None
        try:
            masked_whole = context_masked(self.policy, context)
        except Exception as exc:  # a broken context must not let the frame through
            return self._failed(pixels, "context", exc)
        if masked_whole:
            height, width = pixels.shape[:2]
            finding = Finding(CONTEXT_MASK, 0, 0, 1.0, "context", box=Box(0, 0, width, height))
            return ScreenshotResult(
                mask_all(pixels, self.fill), [finding], "masked-by-context", None, original
            )
        stage = "ocr"
        try:
            height, width = pixels.shape[:2]
            findings: list[Finding] = []
            for view in ocr_views(pixels):
                stage = "ocr"
                layouts = read_layouts(view, timeout=self.ocr_timeout, glue=self.glue)
                stage = "detect"
                findings += locate_findings(layouts, self.text, (width, height), pad=self.pad)
            stage = "mask"
            findings = _dedupe(findings)
            out = redact_pixels(pixels, findings, method=self.method, fill=self.fill)
        except Exception as exc:
            return self._failed(pixels, stage, exc)
        return ScreenshotResult(out, findings, "ok", None, original)

    def _failed(self, pixels: np.ndarray, stage: str, exc: BaseException) -> ScreenshotResult:
        # Only the stage and the exception type: messages from OCR or detection could quote
        # text read off the screen.
        error = f"{stage} failed ({type(exc).__name__})"
        image = None if self.on_error == "withhold" else mask_all(pixels, self.fill)
        original = pixels if self.keep_original else None
        return ScreenshotResult(image, [], "failed", error, original)

    def stream(self, **options: Any) -> LiveRedactor:
        """A redactor for consecutive frames of one screen (a capture session) that re-reads
        only what changed; ``options`` go to :class:`redactkit.screens.live.LiveRedactor`."""
        from redactkit.screens.live import LiveRedactor

        return LiveRedactor(self, **options)
