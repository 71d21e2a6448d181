"""The outcome of one screenshot frame, and the two outcomes every path builds the same way.

``ScreenshotResult`` is what both the full path (:mod:`redactkit.screens.redactor`) and the live
path (:mod:`redactkit.screens.live`) return. A frame masked because of its window context and a
frame whose redaction failed are built here, once, so the two paths cannot drift apart on
what they let through: a failed frame is fully masked (or withheld) and its error names the
stage and the exception type, never a value read from the screen.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import Literal

import cv2
import numpy as np
from PIL import Image

from redactkit.findings import Box, Finding
from redactkit.screens.masks import Color, mask_all

Status = Literal["ok", "failed", "masked-by-context"]
OnError = Literal["mask", "withhold"]

#: Entity type of the single finding that stands for a frame masked because of its context.
CONTEXT_MASK = "CONTEXT_MASK"
OUTLINE = (255, 0, 80)


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


def context_result(
    pixels: np.ndarray, fill: Color, original: np.ndarray | None
) -> ScreenshotResult:
    """The frame masked whole because policy masks its application or window title: one
    finding of type ``CONTEXT_MASK`` covering the frame."""
    height, width = pixels.shape[:2]
    finding = Finding(CONTEXT_MASK, 0, 0, 1.0, "context", box=Box(0, 0, width, height))
    return ScreenshotResult(mask_all(pixels, fill), [finding], "masked-by-context", None, original)


def failed_result(
    pixels: np.ndarray,
    stage: str,
    exc: BaseException,
    *,
    fill: Color,
    on_error: OnError,
    original: np.ndarray | None,
) -> ScreenshotResult:
    """A frame whose redaction failed at ``stage``: fully masked, or withheld (no image)."""
    # Only the stage and the exception type: messages from OCR or detection could quote
    # text read off the screen.
    error = f"{stage} failed ({type(exc).__name__})"
    image = None if on_error == "withhold" else mask_all(pixels, fill)
    return ScreenshotResult(image, [], "failed", error, original)
