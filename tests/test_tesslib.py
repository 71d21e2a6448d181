"""Tesseract in process (ctypes on libtesseract) against the program: same words, fail closed."""

from __future__ import annotations

import gc
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from corpora.screens import render_screen
from redactkit.screens import tesslib
from redactkit.screens.ocr import OcrConfig, OcrError, read_words

pytestmark = pytest.mark.skipif(not tesslib.available(), reason="libtesseract not loadable")


def _cli_words(image, monkeypatch, config=None):
    with monkeypatch.context() as m:
        m.setattr(tesslib, "available", lambda: False)
        return read_words(image, config=config)


def _plain(words):  # pytesseract rounds confidences to integers; boxes and text must agree
    return [(w.text, w.box, w.block, w.par, w.line) for w in words]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_in_process_reads_what_the_program_reads(theme, monkeypatch):
    screen = render_screen(random.Random(11), "crm", theme, 1, (1280, 800))
    inproc = read_words(screen.image)
    assert len(inproc) > 50
    assert _plain(inproc) == _plain(_cli_words(screen.image, monkeypatch))


def test_extra_options_reach_the_library(monkeypatch):
    screen = render_screen(random.Random(12), "terminal", "dark", 1, (640, 400))
    cfg = OcrConfig(psm=6, extra="-c tessedit_char_whitelist=0123456789")
    words = read_words(screen.image, config=cfg)
    assert all(set(w.text) <= set("0123456789") for w in words)
    assert _plain(words) == _plain(_cli_words(screen.image, monkeypatch, cfg))


def test_unknown_parameter_fails_closed():
    screen = render_screen(random.Random(13), "email", "light", 1, (640, 400))
    with pytest.raises(OcrError, match="unknown Tesseract parameter"):
        read_words(screen.image, config=OcrConfig(extra="-c no_such_parameter=1"))


def test_threads_each_get_their_own_engine():
    rng = random.Random(14)
    screens = [render_screen(rng, k, "light", 1, (800, 500)) for k in ("chat", "email", "crm")]
    serial = [_plain(read_words(s.image)) for s in screens * 2]
    before = len(tesslib._ALL)
    with ThreadPoolExecutor(3) as pool:
        parallel = [_plain(w) for w in pool.map(lambda s: read_words(s.image), screens * 2)]
        assert len(tesslib._ALL) > before
    assert parallel == serial
    gc.collect()
    assert len(tesslib._ALL) == before, "a finished thread's Tesseract objects are ended"


def test_environment_can_force_the_program():
    code = (
        "from redactkit.screens import tesslib; import sys; "
        "sys.exit(0 if not tesslib.available() else 1)"
    )
    env = {"REDACTKIT_OCR": "cli", "PATH": "/usr/bin:/bin"}
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0


def test_nothing_printed_at_exit():
    """Tesseract's diagnostics and its 'LEAK' report at exit stay off the caller's stderr."""
    code = (
        "import numpy as np; from redactkit.screens.ocr import read_words; "
        "img = np.full((60, 300), 255, np.uint8); img[20:40, 20:280:7] = 0; read_words(img)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stderr == ""
