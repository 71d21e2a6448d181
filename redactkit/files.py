"""Reading and writing image files without trusting them and without leaking through them.

Reading: a pixel limit is checked before any pixel is decoded (decompression bombs), EXIF
orientation is applied (so boxes land where the text shows to a viewer), and every mode is
brought to 8-bit grayscale, RGB or RGBA for processing. Multi-frame files (animated GIF/WebP,
multi-page TIFF) yield every frame: redacting only the first would pass the others through.

Writing: the output is built from the pixel arrays alone, so no EXIF, PNG text chunk, XMP or
ICC profile of the input can reach it (they can hold user names, paths and locations), and it
is written to a temporary file in the destination folder and renamed into place, so a reader
never sees a half-written file and a crash never leaves one under the final name.

Errors name the file and the reason, never pixel or metadata content.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

DEFAULT_MAX_PIXELS = 100_000_000
"""Default limit on width x height x frames: three 8K screens, far below a bomb.

Pillow's own hard limit (twice ``PIL.Image.MAX_IMAGE_PIXELS``) still applies on top."""

FORMATS: dict[str, str] = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WEBP",
    ".bmp": "BMP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".gif": "GIF",
}
"""File suffixes (lower case) that redactkit reads and writes, with their Pillow format."""


class ImageReadError(ValueError):
    """An image file could not be read safely. The message names the file, not its content."""


class ImageWriteError(OSError):
    """An image file could not be written. The message names the file, not its content."""


@dataclass
class ImageFile:
    """The decoded frames of one image file, ready for redaction.

    ``frames``: uint8 arrays, each (H, W) grayscale, (H, W, 3) RGB or (H, W, 4) RGBA, all with
    the same channels (the pages of a TIFF can differ in size; ``size`` is the first's). ``format`` is Pillow's format name (PNG, JPEG, ...). ``durations`` (ms)
    and ``loop`` keep an animation's timing; nothing else of the input's metadata is kept.
    """

    frames: list[np.ndarray]
    format: str
    durations: list[int] = field(default_factory=list)
    loop: int | None = None

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels, after EXIF orientation."""
        height, width = self.frames[0].shape[:2]
        return width, height


def to_array(image: Image.Image) -> np.ndarray:
    """A Pillow image in any mode → uint8 array (H, W), (H, W, 3) or (H, W, 4).

    Palette, bilevel, CMYK, YCbCr, LAB/HSV become RGB (RGBA when the palette has
    transparency); LA/PA/RGBa become RGBA; 16- and 32-bit integer grayscale is scaled to 8 bits
    (top byte), float grayscale is clipped to 0..255.
    """
    mode = image.mode
    if mode in ("L", "RGB", "RGBA"):
        return np.array(image, dtype=np.uint8)
    if mode == "1":
        return np.array(image.convert("L"), dtype=np.uint8)
    if mode == "P":
        has_alpha = "transparency" in image.info or image.palette.mode == "RGBA"
        return np.array(image.convert("RGBA" if has_alpha else "RGB"), dtype=np.uint8)
    if mode in ("LA", "La", "PA", "RGBa", "RGBX"):
        target = "RGB" if mode == "RGBX" else "RGBA"
        return np.array(image.convert(target), dtype=np.uint8)
    if mode.startswith("I;16") or mode == "I":
        values = np.array(image, dtype=np.int64)
        return (np.clip(values, 0, 65535) >> 8).astype(np.uint8)
    if mode == "F":
        return np.clip(np.array(image, dtype=np.float64), 0, 255).astype(np.uint8)
    return np.array(image.convert("RGB"), dtype=np.uint8)


def read_image(
    path: str | os.PathLike,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    multiframe: bool = True,
) -> ImageFile:
    """Decode an image file into frames, or raise :class:`ImageReadError`.

    ``max_pixels`` bounds width x height x frames before decoding. With ``multiframe=False``
    a file with more than one frame is refused rather than cut to its first frame.
    """
    path = Path(path)
    name = str(path)
    try:
        if path.stat().st_size == 0:
            raise ImageReadError(f"{name}: empty file")
        with warnings.catch_warnings():
            # our own limit below governs; Pillow's hard error still applies above it
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return _decode(image, name, max_pixels, multiframe)
    except ImageReadError:
        raise
    except Image.DecompressionBombError:
        raise ImageReadError(f"{name}: image exceeds the pixel limit") from None
    except UnidentifiedImageError:
        raise ImageReadError(f"{name}: not a recognised image format") from None
    except FileNotFoundError:
        raise ImageReadError(f"{name}: no such file") from None
    except PermissionError:
        raise ImageReadError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise ImageReadError(f"{name}: is a directory") from None
    except Exception as exc:  # noqa: BLE001 - decoders of corrupt files raise anything
        # OSError, ValueError, SyntaxError, EOFError, MemoryError, and from damaged TIFF tags
        # even TypeError or KeyError (found by fuzzing). Pillow's messages can quote header
        # bytes; report only the kind of failure.
        raise ImageReadError(
            f"{name}: unreadable or truncated image ({type(exc).__name__})"
        ) from None


def _decode(image: Image.Image, name: str, max_pixels: int, multiframe: bool) -> ImageFile:
    fmt = image.format or ""
    if fmt not in set(FORMATS.values()):
        raise ImageReadError(f"{name}: unsupported image format {fmt or 'unknown'}")
    n_frames = int(getattr(image, "n_frames", 1))
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageReadError(f"{name}: image has no pixels")
    if width * height * n_frames > max_pixels:
        raise ImageReadError(
            f"{name}: {width}x{height}x{n_frames} pixels exceed the limit of {max_pixels}"
        )
    if n_frames > 1 and not multiframe:
        raise ImageReadError(f"{name}: has {n_frames} frames; multi-frame images are refused")
    frames: list[np.ndarray] = []
    durations: list[int] = []
    total = 0
    for frame in ImageSequence.Iterator(image):
        total += frame.size[0] * frame.size[1]
        if total > max_pixels:  # pages of a TIFF can each have their own size
            raise ImageReadError(f"{name}: frames exceed the limit of {max_pixels} pixels")
        frame.load()
        durations.append(int(frame.info.get("duration", 0) or 0))
        frames.append(to_array(ImageOps.exif_transpose(frame)))
    if len(frames) != n_frames:
        raise ImageReadError(f"{name}: could read {len(frames)} of {n_frames} frames")
    frames = _same_layout(frames)
    loop = image.info.get("loop")
    return ImageFile(frames, fmt, durations if n_frames > 1 else [], loop)


def _same_layout(frames: list[np.ndarray]) -> list[np.ndarray]:
    """Give all frames the channel layout of the richest one (a GIF can mix P and RGBA)."""
    channels = max(1 if f.ndim == 2 else f.shape[2] for f in frames)
    return [_with_channels(f, channels) for f in frames]


def _with_channels(frame: np.ndarray, channels: int) -> np.ndarray:
    have = 1 if frame.ndim == 2 else frame.shape[2]
    if have == channels:
        return frame
    rgb = np.repeat(frame[:, :, None], 3, axis=2) if have == 1 else frame[:, :, :3]
    if channels == 3:
        return rgb
    alpha = frame[:, :, 3:4] if have == 4 else np.full(frame.shape[:2] + (1,), 255, np.uint8)
    return np.concatenate([rgb, alpha], axis=2)


def format_for(path: str | os.PathLike) -> str:
    """Pillow format name for a path's suffix, or raise ValueError for a suffix we don't write."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: unsupported image suffix {suffix or '(none)'}")
    return FORMATS[suffix]


def encode_image(
    frames: Sequence[np.ndarray],
    fmt: str,
    *,
    durations: Sequence[int] = (),
    loop: int | None = None,
) -> bytes:
    """Encode frames (uint8 (H, W), (H, W, 3) or (H, W, 4)) as ``fmt`` with no metadata.

    Images are built from the arrays only (``Image.fromarray``), so no info dictionary of
    an input can travel along. JPEG and BMP have no alpha: RGBA is flattened onto black
    there, which can only hide more. Formats without frames refuse more than one frame.
    """
    if not frames:
        raise ValueError("no frames to encode")
    images = [_to_pil(frame, fmt) for frame in frames]
    options: dict = {}
    if fmt == "JPEG":
        options.update(quality=95, subsampling=0)
    elif fmt == "WEBP":
        options.update(lossless=True)
    elif fmt == "TIFF":
        options.update(compression="tiff_lzw")
    if len(images) > 1:
        if fmt not in ("GIF", "WEBP", "TIFF", "PNG"):
            raise ValueError(f"format {fmt} cannot hold {len(images)} frames")
        options.update(save_all=True, append_images=images[1:])
        if durations and fmt != "TIFF":
            options["duration"] = list(durations)
        if loop is not None and fmt != "TIFF":
            options["loop"] = loop
    buffer = io.BytesIO()
    images[0].save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _to_pil(frame: np.ndarray, fmt: str) -> Image.Image:
    if frame.dtype != np.uint8 or frame.ndim not in (2, 3):
        raise ValueError("frames must be uint8 (H, W), (H, W, 3) or (H, W, 4) arrays")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim == 3 and frame.shape[2] == 4 and fmt in ("JPEG", "BMP"):
        alpha = frame[:, :, 3:4].astype(np.uint16)
        frame = (frame[:, :, :3].astype(np.uint16) * alpha // 255).astype(np.uint8)
    return Image.fromarray(np.ascontiguousarray(frame))


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write bytes to ``path`` via a temporary file in the same folder and ``os.replace``.

    The temporary file is flushed and fsynced before the rename, and removed on any failure,
    so ``path`` holds either its old content or the complete new content.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ImageWriteError(
            f"{path}: cannot create a file in {path.parent} ({type(exc).__name__})"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ImageWriteError(f"{path}: write failed ({type(exc).__name__})") from None
        raise


def _mode_for(path: Path) -> int:
    """Permissions for a new output: those of the file it replaces, else rw-r--r--.

    (Reading the umask would mean setting it, which races with other threads.)"""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def write_image(
    path: str | os.PathLike,
    frames: Sequence[np.ndarray] | np.ndarray,
    *,
    fmt: str | None = None,
    durations: Sequence[int] = (),
    loop: int | None = None,
) -> None:
    """Encode frames without metadata and write them atomically to ``path``.

    ``fmt`` defaults to the format of the path's suffix. A single array is one frame.
    """
    if isinstance(frames, np.ndarray):
        frames = [frames]
    data = encode_image(frames, fmt or format_for(path), durations=durations, loop=loop)
    write_atomic(path, data)
