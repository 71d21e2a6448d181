"""Threads and crashes: one redactor shared by 8 threads gives the serial result, and a batch
killed with SIGKILL leaves only complete outputs behind and finishes with ``--resume``."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

from corpora.keys import typing_session
from corpora.screens import render_screen
from corpora.text import generate_doc
from redactkit.files import read_image
from redactkit.keys.redactor import KeystrokeRedactor
from redactkit.screens.batch import REPORT_NAME, iter_report
from redactkit.screens.redactor import ScreenshotRedactor
from redactkit.text import TextRedactor

THREADS = 8


def in_threads(work, items: list) -> list:
    """``work`` over ``items`` on 8 threads, started together so that the calls overlap."""
    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(work, items))


def test_one_text_redactor_shared_by_8_threads() -> None:
    rng = random.Random(8)
    docs = [generate_doc(rng).text for _ in range(32)]
    shared = TextRedactor()
    serial = [shared.redact(d) for d in docs]
    threaded = in_threads(shared.redact, docs)
    assert [r.text for r in threaded] == [r.text for r in serial]
    assert [r.findings for r in threaded] == [r.findings for r in serial]
    assert sum(len(r.findings) for r in serial) > 32


def test_one_screenshot_redactor_shared_by_8_threads() -> None:
    rng = random.Random(9)
    frames = [render_screen(rng, size=(480, 300)).image for _ in range(THREADS)]
    shared = ScreenshotRedactor(keep_original=False)
    serial = [shared.redact(f) for f in frames]
    threaded = in_threads(shared.redact, frames)
    for a, b in zip(serial, threaded):
        assert a.status == b.status == "ok"
        assert a.findings == b.findings
        assert np.array_equal(a.image, b.image)
    assert sum(len(r.findings) for r in serial) >= THREADS


def test_keystroke_streams_on_8_threads_share_one_text_redactor() -> None:
    """A key stream is one sequence, so each thread feeds its own KeystrokeRedactor; what
    threads share is the detection underneath (one TextRedactor, one engine)."""
    sessions = [typing_session(random.Random(100 + k), n=3).events for k in range(THREADS)]
    shared = TextRedactor()

    def run(events: list[dict]) -> list[dict]:
        redactor = KeystrokeRedactor(text_redactor=shared)
        out = list(redactor.feed(events))
        return out + list(redactor.flush())

    serial = [run(s) for s in sessions]
    assert in_threads(run, sessions) == serial
    assert any(a != b for s, r in zip(sessions, serial) for a, b in zip(s, r))


# -- SIGKILL mid-run --------------------------------------------------------------------------


def _images_cli(src: Path, dst: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "redactkit", "images", str(src), str(dst), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def _report_lines(dst: Path) -> int:
    try:
        return (dst / REPORT_NAME).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_sigkill_mid_run_then_resume(tmp_path: Path) -> None:
    rng = random.Random(12)
    src, dst = tmp_path / "src", tmp_path / "dst"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    names = [f"{'ab'[k % 2]}/shot{k:02d}.{('png', 'jpg', 'webp')[k % 3]}" for k in range(12)]
    for name in names:
        Image.fromarray(render_screen(rng, size=(400, 260)).image).save(src / name)
    run = _images_cli(src, dst, "--workers", "2")
    deadline = time.monotonic() + 180
    while _report_lines(dst) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    written = [p for p in dst.rglob("*") if p.is_file() and p.name != REPORT_NAME]
    assert 0 < _report_lines(dst) < len(names)
    for path in written:
        if path.name.startswith("."):  # a temporary file, never under a final name
            assert path.suffix == ".tmp"
            continue
        rel = path.relative_to(dst).as_posix()
        assert rel in names
        done = read_image(path)  # complete: decodes in full
        assert done.size == read_image(src / rel).size
    # a write cut short by the kill, as write_atomic names it
    (dst / "a" / ".shot00.png.k1ll3d.tmp").parent.mkdir(exist_ok=True)
    (dst / "a" / ".shot00.png.k1ll3d.tmp").write_bytes(b"\x89PNG half")
    first = {r["path"] for r in iter_report(dst / REPORT_NAME)}
    with (dst / REPORT_NAME).open("ab") as report:  # and a report line cut short
        report.write(b'{"path":"b/shot0')

    resumed = _images_cli(src, dst, "--workers", "2", "--resume")
    _, err = resumed.communicate(timeout=180)
    assert resumed.returncode == 0, err.decode(errors="replace")
    assert f"{len(first)} already done" in err.decode()
    records = list(iter_report(dst / REPORT_NAME))
    assert {r["path"] for r in records} == set(names)
    assert all(r["status"] == "ok" for r in records)
    assert len(records) == len(names)  # done images were not redone
    left = sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*") if p.is_file())
    assert left == sorted([*names, REPORT_NAME])  # no temporary file left
    for name in names:
        assert read_image(dst / name).size == (400, 260)
