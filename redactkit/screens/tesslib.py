"""Tesseract in this process, through its C API (``libtesseract.so.5``, loaded with ctypes).

Why not only pytesseract: pytesseract starts the ``tesseract`` program for every call, which
then loads its model (about 60 ms of a core on this class of machine) and reads the image back
from a temporary file. A full frame pays that once, a live capture pays it on every frame for
a few changed lines (a 10 ms read behind a 60 ms start). Here the model is loaded once per
thread and the pixels are handed over in memory; the words and boxes are the same TSV the
program prints (measured identical on rendered screens).

The library is the one the Debian ``tesseract-ocr`` package installs (``libtesseract5``): no
new dependency. When it cannot be loaded, or ``REDACTKIT_OCR=cli`` is set, ``available()`` is
False and ``redactkit.screens.ocr`` uses pytesseract as before.

Fail closed: a deadline is set on every recognition (Tesseract's own monitor, checked again
against the clock afterwards); a missed deadline, a failed call or an unreadable result raise
``TessError``, never a partial word list. One API object per thread (Tesseract's objects are
not thread-safe) and per process (a forked child builds its own).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import threading
import time
from collections.abc import Mapping

import numpy as np

_c = ctypes


class TessError(RuntimeError):
    """Tesseract failed in process. The message never contains image text."""


def _load() -> ctypes.CDLL | None:
    if os.environ.get("REDACTKIT_OCR", "").lower() == "cli":
        return None
    # OpenMP reads its thread limit when libgomp is loaded, which is now: one thread per call
    # is 2-5x faster on small machines (see docs/ocr.md), and callers parallelise by process.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    try:
        lib = ctypes.CDLL(name)
        version = lib.TessVersion
    except (OSError, AttributeError):
        return None
    version.restype = _c.c_char_p
    if not (version() or b"").startswith((b"4.", b"5.")):
        return None
    sigs: dict[str, tuple[list, object]] = {
        "TessBaseAPICreate": ([], _c.c_void_p),
        "TessBaseAPIInit2": ([_c.c_void_p, _c.c_char_p, _c.c_char_p, _c.c_int], _c.c_int),
        "TessBaseAPISetVariable": ([_c.c_void_p, _c.c_char_p, _c.c_char_p], _c.c_int),
        "TessBaseAPISetPageSegMode": ([_c.c_void_p, _c.c_int], None),
        "TessBaseAPISetImage": (
            [_c.c_void_p, _c.c_void_p, _c.c_int, _c.c_int, _c.c_int, _c.c_int],
            None,
        ),
        "TessBaseAPIRecognize": ([_c.c_void_p, _c.c_void_p], _c.c_int),
        "TessBaseAPIGetTsvText": ([_c.c_void_p, _c.c_int], _c.c_void_p),
        "TessDeleteText": ([_c.c_void_p], None),
        "TessBaseAPIClear": ([_c.c_void_p], None),
        "TessBaseAPIEnd": ([_c.c_void_p], None),
        "TessBaseAPIDelete": ([_c.c_void_p], None),
        "TessMonitorCreate": ([], _c.c_void_p),
        "TessMonitorDelete": ([_c.c_void_p], None),
        "TessMonitorSetDeadlineMSecs": ([_c.c_void_p, _c.c_int], None),
    }
    try:
        for fname, (args, res) in sigs.items():
            fn = getattr(lib, fname)
            fn.argtypes, fn.restype = args, res
    except AttributeError:
        return None
    return lib


_LIB: ctypes.CDLL | None = None
_LOADED = False
_LOAD_LOCK = threading.Lock()
_LOCAL = threading.local()
_ALL: list[tuple[int, int]] = []  # (pid, handle) of every API object, ended at exit
_PER_THREAD = 4  # API objects kept per thread (one per distinct language/parameters)


def _lib() -> ctypes.CDLL | None:
    global _LIB, _LOADED
    if not _LOADED:
        with _LOAD_LOCK:
            if not _LOADED:
                _LIB = _load()
                _LOADED = True
    return _LIB


def available() -> bool:
    """True when Tesseract can run in this process (else the caller uses the program)."""
    return _lib() is not None


def _handle(lang: str, oem: int, variables: tuple[tuple[str, str], ...]) -> int:
    """This thread's API object for (lang, oem, variables), built (model loaded) on first use.

    Parameters stay set on an API object, and the C API cannot restore their defaults, so
    every distinct set of parameters gets its own object rather than leaking into the next
    call (a character whitelist would otherwise stick).
    """
    lib = _lib()
    if lib is None:
        raise TessError("libtesseract is not available")
    pid = os.getpid()
    cache = getattr(_LOCAL, "apis", None)
    if cache is None or getattr(_LOCAL, "pid", None) != pid:
        cache = _LOCAL.apis = _Apis()
        _LOCAL.pid = pid
    key = (lang, int(oem), variables)
    if key not in cache:
        if len(cache) >= _PER_THREAD:  # bounded memory (a model per object): end the oldest
            _end(cache.pop(next(iter(cache))))
        h = lib.TessBaseAPICreate()
        if not h:
            raise TessError("could not create a Tesseract instance")
        # Tesseract's own diagnostics ("Estimating resolution ...") go nowhere, as they did
        # when the program's stderr was captured; this must be set before Init to cover it.
        lib.TessBaseAPISetVariable(h, b"debug_file", os.devnull.encode())
        if lib.TessBaseAPIInit2(h, None, lang.encode(), int(oem)) != 0:
            lib.TessBaseAPIDelete(h)
            raise TessError(f"Tesseract could not load language {lang!r}")
        lib.TessBaseAPISetVariable(h, b"debug_file", os.devnull.encode())
        for name, value in variables:
            if not lib.TessBaseAPISetVariable(h, name.encode(), value.encode()):
                lib.TessBaseAPIEnd(h)
                lib.TessBaseAPIDelete(h)
                raise TessError(f"unknown Tesseract parameter {name!r}")
        cache[key] = h
        with _LOAD_LOCK:
            _ALL.append((pid, h))
    return cache[key]


def _end(h: int) -> None:
    """End one API object, once (a thread's objects end with the thread or at exit)."""
    lib, pid = _LIB, os.getpid()
    with _LOAD_LOCK:
        if (pid, h) not in _ALL:
            return
        _ALL.remove((pid, h))
    if lib is not None:
        lib.TessBaseAPIEnd(h)
        lib.TessBaseAPIDelete(h)


class _Apis(dict):
    """A thread's API objects; ended when the thread ends (its thread-local data goes)."""

    def __del__(self) -> None:
        try:
            for h in list(self.values()):
                _end(h)
        except Exception:  # noqa: BLE001  (interpreter teardown: the module is gone, and so is the process)
            pass


@atexit.register
def _end_all() -> None:
    """End this process's API objects (else Tesseract reports 'LEAK' lines at exit)."""
    pid = os.getpid()
    for h in [h for p, h in list(_ALL) if p == pid]:
        _end(h)


def recognize_tsv(
    image: np.ndarray,
    *,
    lang: str = "eng",
    oem: int = 1,
    psm: int = 11,
    variables: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> str:
    """Tesseract's TSV (without the header line) for ``image``.

    ``image``: HxW (gray) or HxWx3 (RGB) uint8. ``variables``: Tesseract parameters set before
    this call (``-c name=value`` of the program). Raises ``TessError`` on failure or when the
    recognition runs past ``timeout`` seconds.
    """
    lib = _lib()
    if lib is None:
        raise TessError("libtesseract is not available")
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise TessError(f"expected a non-empty uint8 HxW or HxWx3 image, got {image.shape}")
    if image.ndim == 3 and image.shape[2] != 3:
        raise TessError(f"expected 3 channels, got {image.shape[2]}")
    if not 0 <= int(psm) <= 13:  # the program refuses these; the library would clamp silently
        raise TessError(f"invalid page segmentation mode {psm}")
    img = np.ascontiguousarray(image)
    h = _handle(lang, oem, tuple(sorted((k, str(v)) for k, v in (variables or {}).items())))
    lib.TessBaseAPISetPageSegMode(h, int(psm))
    bpp = 1 if img.ndim == 2 else 3
    monitor = lib.TessMonitorCreate()
    try:
        lib.TessBaseAPISetImage(h, img.ctypes.data, img.shape[1], img.shape[0], bpp, img.strides[0])
        lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout * 1000)))
        start = time.monotonic()
        status = lib.TessBaseAPIRecognize(h, monitor)
        elapsed = time.monotonic() - start
        if elapsed > timeout:
            raise TessError(f"Tesseract timed out after {timeout:g} s")
        if status != 0:
            raise TessError(f"Tesseract recognition failed (status {status})")
        ptr = lib.TessBaseAPIGetTsvText(h, 0)
        if not ptr:
            raise TessError("Tesseract returned no result")
        try:
            tsv = ctypes.string_at(ptr).decode("utf-8", errors="replace")
        finally:
            lib.TessDeleteText(ptr)
    finally:
        lib.TessMonitorDelete(monitor)
        lib.TessBaseAPIClear(h)
    return tsv


TSV_COLUMNS = (
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left", "top", "width", "height", "conf", "text",
)  # fmt: skip


def tsv_to_dict(tsv: str) -> dict[str, list]:
    """TSV rows -> the column dict pytesseract's ``Output.DICT`` gives (text may hold spaces)."""
    out: dict[str, list] = {c: [] for c in TSV_COLUMNS}
    numeric = TSV_COLUMNS[:-1]
    for row in tsv.splitlines():
        if not row or row.startswith("level\t"):
            continue
        cells = row.split("\t", len(TSV_COLUMNS) - 1)
        if len(cells) < len(TSV_COLUMNS) - 1:
            raise TessError("unreadable Tesseract output")
        if len(cells) == len(TSV_COLUMNS) - 1:
            cells.append("")
        for col, cell in zip(numeric, cells):
            out[col].append(float(cell) if col == "conf" else int(cell))
        out["text"].append(cells[-1])
    return out
