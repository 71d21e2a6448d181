"""Tesseract words with boxes, after the preprocessing that lets it read screens.

Tesseract is trained on dark text on light, scanned pages. Screens differ: small anti-aliased
UI fonts, light text on dark panels next to dark text on light ones, coloured buttons. What we
do about it (each step measured in ``docs/ocr.md``, ``benchmarks/ocr_recall.py``):

- grayscale: colour carries no text and costs Tesseract a conversion of its own;
- per-region inversion: the local background is estimated with a median filter over about
  24 px (which keeps the edges between panels sharp and wipes out thin text strokes, yet is
  small enough to see a button's own colour rather than the panel's); wherever it is dark the
  pixels are inverted, so every region becomes dark-on-light. Inverting the whole image would
  only swap which half of a mixed screen is unreadable;
- background flattening: dividing by the local background turns every panel, banner and
  button white, so Tesseract's global threshold fits every region;
- stroke darkening (gamma 2): faint anti-aliased strokes of thin small fonts get darker, so a
  7 does not break into a colon when Tesseract binarises;
- upscaling: Tesseract reads best at a cap height of roughly 20-30 px, and 11-14 px UI text
  has an x-height of 7-9 px. The median glyph height is estimated from connected components
  and the image scaled up until it reaches ``target_height`` (at most ``max_upscale``), so
  HiDPI screens (already large) cost nothing extra;
- one OpenMP thread (``OMP_THREAD_LIMIT=1``): 2-4x faster on small machines, and batch jobs
  parallelise across processes anyway.

Boxes are returned in the input image's coordinates. Any failure raises ``OcrError`` whose
message never contains image text: a caller must fail closed, never pass the frame through.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

from redactkit.findings import Box
from redactkit.screens import tesslib
from redactkit.screens.regions import light_text, uncover_carets
from redactkit.screens.rules import clear_lines, flatten_hatch


class OcrError(RuntimeError):
    """OCR failed or timed out. The message describes the failure, never the image content."""


@dataclass(frozen=True)
class Word:
    """One word read by OCR. ``(block, par, line)`` identify its text line, unique per image."""

    text: str
    box: Box
    conf: float
    block: int
    par: int
    line: int


@dataclass(frozen=True)
class OcrConfig:
    """What to do before and while running Tesseract. Defaults: the best measured trade-off.

    ``upscale``: "auto" (scale so the estimated text height reaches ``target_height`` px, at
    most ``max_upscale``), a fixed factor, or 1.0 for none. ``psm``: Tesseract page
    segmentation mode (11 = sparse text: finds words scattered over a screen's columns, panels
    and buttons without assuming a page layout).
    """

    grayscale: bool = True
    invert_dark: bool = True
    flatten: bool = True
    gamma: float = 2.0
    bg_window: int = 24
    upscale: float | str = "auto"
    target_height: float = 16.0
    max_upscale: float = 2.0
    psm: int = 11
    oem: int = 1
    lang: str = "eng"
    tess_invert: bool = False
    extra: str = ""
    carets: bool = True
    rules: bool = True

    def tesseract_config(self) -> str:
        """The command-line options of the ``tesseract`` program (the pytesseract path)."""
        parts = [f"--psm {int(self.psm)}", f"--oem {int(self.oem)}"]
        if not self.tess_invert:
            parts.append("-c tessedit_do_invert=0")
        if self.extra:
            parts.append(self.extra)
        return " ".join(parts)

    def tesseract_variables(self) -> dict[str, str] | None:
        """The parameters to set on an in-process API object, or None when ``extra`` holds
        something other than ``-c name=value`` options (then only the program can take it)."""
        out = {} if self.tess_invert else {"tessedit_do_invert": "0"}
        tokens = self.extra.split()
        for i in range(0, len(tokens), 2):
            if tokens[i] != "-c" or i + 1 >= len(tokens) or "=" not in tokens[i + 1]:
                return None
            name, value = tokens[i + 1].split("=", 1)
            out[name] = value
        return out


DEFAULT_CONFIG = OcrConfig()
_MAX_SIDE = 30000
# The unprocessed baseline: what Presidio's image redactor does (RGB in, default psm).
PLAIN_CONFIG = OcrConfig(
    grayscale=False,
    invert_dark=False,
    flatten=False,
    gamma=1.0,
    upscale=1.0,
    psm=3,
    tess_invert=True,
    carets=False,
    rules=False,
)


def to_gray(image: np.ndarray) -> np.ndarray:
    """HxW, HxWx3 (RGB) or HxWx4 (RGBA) uint8 -> HxW uint8 luminance (alpha ignored)."""
    if image.dtype != np.uint8:
        raise OcrError(f"expected a uint8 image, got dtype {image.dtype}")
    if image.ndim == 2:
        return np.ascontiguousarray(image)
    if image.ndim == 3 and image.shape[2] in (3, 4):
        return cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY)
    raise OcrError(f"expected an HxW, HxWx3 or HxWx4 image, got shape {image.shape}")


def local_background(gray: np.ndarray, window: int = 24) -> np.ndarray:
    """HxW uint8 -> HxW uint8: the background luminance around each pixel.

    A median over a ``window``-px neighbourhood ignores text strokes (a minority of pixels) but
    follows the edges of panels, bars and buttons. Computed at reduced resolution (1/4 for
    large windows, 1/2 for small ones): the background varies slowly, and a large median at
    full resolution costs more than the OCR gains.
    """
    h, w = gray.shape
    f = 4 if window >= 32 else 2
    small = cv2.resize(gray, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = max(3, (window // f) | 1)
    bg = cv2.medianBlur(small, k)
    return cv2.resize(bg, (w, h), interpolation=cv2.INTER_NEAREST)


def normalize_regions(
    gray: np.ndarray, *, invert: bool = True, flatten: bool = True, window: int = 24
) -> np.ndarray:
    """HxW uint8 -> HxW uint8 with dark text on a white background in every region.

    ``invert``: pixels in regions whose text is lighter than its background are inverted (per
    region, not per image; see :func:`light_text`).
    ``flatten``: each pixel is divided by its (post-inversion) local background, so panels of
    any shade become white and Tesseract's single global threshold fits all of them.
    """
    bg = local_background(gray, window)
    out = gray
    if invert:
        dark = light_text(gray, bg)
        out = np.where(dark, 255 - gray, gray).astype(np.uint8)
        bg = np.where(dark, 255 - bg, bg).astype(np.uint8)
    if flatten:
        scaled = out.astype(np.float32) * (255.0 / np.maximum(bg, 1).astype(np.float32))
        out = np.clip(scaled, 0, 255).astype(np.uint8)
    return out


def darken_strokes(gray: np.ndarray, gamma: float) -> np.ndarray:
    """HxW uint8 -> HxW uint8 through ``255 * (v / 255) ** gamma``: white stays white, grey
    anti-aliased strokes of thin small fonts (light-on-dark ones above all) get darker, so
    they survive Tesseract's binarisation instead of breaking a 7 into a colon."""
    lut = (255.0 * (np.arange(256) / 255.0) ** gamma).round().astype(np.uint8)
    return cv2.LUT(gray, lut)


def text_height(gray_dark_on_light: np.ndarray) -> float | None:
    """Median height (px) of glyph-sized connected components, or None if there are none.

    Input HxW uint8, dark text on light. Used to pick an upscale factor: a 2x (HiDPI) screen
    already has tall glyphs and needs no upscaling.
    """
    _, binary = cv2.threshold(gray_dark_on_light, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if n <= 1:
        return None
    wh = stats[1:, 2:4]
    glyph = (wh[:, 1] >= 5) & (wh[:, 1] <= 80) & (wh[:, 0] <= 2 * wh[:, 1]) & (wh[:, 0] >= 2)
    if glyph.sum() < 10:
        return None
    return float(np.median(wh[glyph, 1]))


def upscale_factor(gray_dark_on_light: np.ndarray, config: OcrConfig) -> float:
    """The factor to scale the image by before OCR (>= 1)."""
    if config.upscale != "auto":
        return max(1.0, float(config.upscale))
    h = text_height(gray_dark_on_light)
    if h is None:
        return 1.0
    return float(np.clip(config.target_height / h, 1.0, config.max_upscale))


def preprocess(image: np.ndarray, config: OcrConfig = DEFAULT_CONFIG) -> tuple[np.ndarray, float]:
    """Image (HxW / HxWx3 / HxWx4 uint8) -> (image for Tesseract, scale factor applied).

    The result is HxW uint8 when ``config.grayscale``, else HxWx3 RGB uint8; its size is the
    input's times the factor.
    """
    if config.grayscale or config.invert_dark or config.flatten:
        img = to_gray(image)
        if config.rules:
            img = clear_lines(flatten_hatch(img))
        if config.invert_dark or config.flatten:
            img = normalize_regions(
                img, invert=config.invert_dark, flatten=config.flatten, window=config.bg_window
            )
        if config.gamma != 1.0:
            img = darken_strokes(img, config.gamma)
        if config.carets:
            img = uncover_carets(img, text_height(img))
    else:
        if image.ndim == 2:
            img = image
        else:
            to_gray(image)  # validates shape and dtype
            img = np.ascontiguousarray(image[:, :, :3])
    gray_for_height = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    factor = upscale_factor(gray_for_height, config) if config.upscale != 1.0 else 1.0
    factor = min(factor, _MAX_SIDE / max(img.shape[:2]))  # Tesseract's limit is 32767 px
    if factor > 1.01:
        h, w = img.shape[:2]
        img = cv2.resize(
            img, (int(round(w * factor)), int(round(h * factor))), interpolation=cv2.INTER_CUBIC
        )
    else:
        factor = 1.0
    return img, factor


def _write_image(path: str, img: np.ndarray) -> None:
    # Uncompressed formats: PNG compression of a large frame costs tens of milliseconds.
    bgr = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
    if not cv2.imwrite(path, bgr):
        raise OcrError("could not write the temporary image for Tesseract")


def read_words(
    image: np.ndarray, *, timeout: float = 30.0, config: OcrConfig | None = None
) -> list[Word]:
    """Words with boxes (input pixel coordinates) read from ``image``.

    ``image``: HxW, HxWx3 (RGB) or HxWx4 (RGBA) uint8; not modified. Raises ``OcrError`` on
    any failure or when Tesseract runs longer than ``timeout`` seconds: never a partial result.
    Tesseract runs in this process when its library can be loaded (``tesslib``: no program
    start per call), else as a program through pytesseract. Either way with
    ``OMP_THREAD_LIMIT=1`` unless the caller already chose a value.
    """
    config = config or DEFAULT_CONFIG
    if not isinstance(image, np.ndarray):
        raise OcrError(f"expected a numpy array, got {type(image).__name__}")
    if image.size == 0:
        raise OcrError("empty image")
    if timeout <= 0:
        raise OcrError("timeout must be positive")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        img, factor = preprocess(image, config)
        variables = config.tesseract_variables()
        if variables is not None and tesslib.available():
            tsv = tesslib.recognize_tsv(
                img,
                lang=config.lang,
                oem=config.oem,
                psm=config.psm,
                variables=variables,
                timeout=timeout,
            )
            return _words_from_data(
                tesslib.tsv_to_dict(tsv), factor, image.shape[1], image.shape[0]
            )
        ext = ".pgm" if img.ndim == 2 else ".ppm"
        with tempfile.TemporaryDirectory(prefix="redactkit-ocr-") as tmp:
            path = os.path.join(tmp, "frame" + ext)
            _write_image(path, img)
            data = pytesseract.image_to_data(
                path,
                lang=config.lang,
                config=config.tesseract_config(),
                output_type=pytesseract.Output.DICT,
                timeout=timeout,
            )
    except OcrError:
        raise
    except tesslib.TessError as exc:
        raise OcrError(str(exc)) from None
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise OcrError(f"Tesseract timed out after {timeout:g} s") from None
        raise OcrError(f"Tesseract failed ({type(exc).__name__})") from None
    except pytesseract.TesseractError as exc:
        raise OcrError(f"Tesseract failed with status {exc.status}") from None
    except Exception as exc:  # noqa: BLE001  (fail closed on anything, without echoing content)
        raise OcrError(f"OCR failed ({type(exc).__name__})") from None
    return _words_from_data(data, factor, image.shape[1], image.shape[0])


def _words_from_data(data: dict, factor: float, width: int, height: int) -> list[Word]:
    """pytesseract's DICT output -> Words in input coordinates (boxes scaled back, clipped)."""
    try:
        n = len(data["text"])
        words: list[Word] = []
        for i in range(n):
            text = str(data["text"][i]).strip()
            if int(data["level"][i]) != 5 or not text:
                continue
            x0 = int(np.floor(int(data["left"][i]) / factor))
            y0 = int(np.floor(int(data["top"][i]) / factor))
            x1 = int(np.ceil((int(data["left"][i]) + int(data["width"][i])) / factor))
            y1 = int(np.ceil((int(data["top"][i]) + int(data["height"][i])) / factor))
            x0, y0 = min(max(0, x0), width), min(max(0, y0), height)
            x1, y1 = max(x0, min(width, x1)), max(y0, min(height, y1))
            words.append(
                Word(
                    text=text,
                    box=Box(x0, y0, max(0, x1 - x0), max(0, y1 - y0)),
                    conf=float(data["conf"][i]),
                    block=int(data["block_num"][i]),
                    par=int(data["par_num"][i]),
                    line=int(data["line_num"][i]),
                )
            )
    except (KeyError, ValueError, TypeError) as exc:
        raise OcrError(f"unreadable Tesseract output ({type(exc).__name__})") from None
    return words
