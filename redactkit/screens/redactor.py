"""ScreenshotRedactor: pixels → words → text → findings → boxes → masked pixels, failing closed.

The steps are functions of :mod:`redactkit.screens.pipeline` (:func:`to_pixels`,
:func:`ocr_views`, :func:`read_layouts`, :func:`locate_findings`, :func:`context_masked`,
:func:`redact_pixels`) and the outcome is :mod:`redactkit.screens.result`'s, so that the
live-frame redactor (:meth:`ScreenshotRedactor.stream`) reuses them without importing this
module: imports run redactor → live → pipeline/result, never back. Whatever goes wrong inside
the pipeline, the frame comes out fully masked (or withheld), marked ``failed``, with an error
that names the stage and the exception type but never a value read from the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from redactkit.findings import Finding
from redactkit.policy import Policy
from redactkit.screens.live import LiveRedactor
from redactkit.screens.masks import METHODS, Color
from redactkit.screens.pipeline import (
    GLUE,
    ImageInput,
    context_masked,
    dedupe,
    find_boxes,
    locate_findings,
    ocr_views,
    read_layouts,
    redact_pixels,
    to_pixels,
)
from redactkit.screens.result import (
    CONTEXT_MASK,
    OnError,
    ScreenshotResult,
    Status,
    context_result,
    failed_result,
)
from redactkit.screens.title import context_title
from redactkit.session import Session


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
            return context_result(pixels, self.fill, original)
        stage = "ocr"
        try:
            height, width = pixels.shape[:2]
            title = context_title(context)
            findings: list[Finding] = []
            for view in ocr_views(pixels):
                stage = "ocr"
                layouts = read_layouts(view, timeout=self.ocr_timeout, glue=self.glue)
                stage = "detect"
                findings += locate_findings(
                    layouts, self.text, (width, height), pad=self.pad, title=title
                )
            stage = "mask"
            findings = dedupe(findings)
            out = redact_pixels(pixels, findings, method=self.method, fill=self.fill)
        except Exception as exc:
            return self._failed(pixels, stage, exc)
        return ScreenshotResult(out, findings, "ok", None, original)

    def _failed(self, pixels: np.ndarray, stage: str, exc: BaseException) -> ScreenshotResult:
        original = pixels if self.keep_original else None
        return failed_result(
            pixels, stage, exc, fill=self.fill, on_error=self.on_error, original=original
        )

    def stream(self, **options: Any) -> LiveRedactor:
        """A redactor for consecutive frames of one screen (a capture session) that re-reads
        only what changed; ``options`` go to :class:`redactkit.screens.live.LiveRedactor`."""
        return LiveRedactor(self, **options)


__all__ = [
    "CONTEXT_MASK",
    "GLUE",
    "ImageInput",
    "OnError",
    "ScreenshotRedactor",
    "ScreenshotResult",
    "Status",
    "context_masked",
    "find_boxes",
    "locate_findings",
    "ocr_views",
    "read_layouts",
    "redact_pixels",
    "to_pixels",
]
