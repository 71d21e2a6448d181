"""Failure injection at every stage of the real pipeline: OCR, detection, the writer, a dying
worker process. Whatever fails, no output carries unredacted content and no message or log
line carries a sensitive value.

Failures are injected by replacing one stage with a function that raises an exception whose
message quotes the sensitive value, as a careless library might: the value must not travel on.
"""

from __future__ import annotations

import io
import json
import logging
import os
import random
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from typer.testing import CliRunner

from corpora.keys import typing_session
from corpora.screens import render_screen
from corpora.text import generate_doc
from redactkit import redact_keystrokes, redact_record
from redactkit.cli import app
from redactkit.detect.engine import Engine
from redactkit.keys.cli import run_keys
from redactkit.screens import batch
from redactkit.screens.batch import REPORT_NAME, Task, iter_report, run_images
from redactkit.screens.redactor import ScreenshotRedactor
from redactkit.text import TextRedactor

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EMAIL = "jane.doe@acme.io"
runner = CliRunner()


def secret_image(text: str = EMAIL) -> np.ndarray:
    """(120, 560, 3) uint8 white image with the value drawn in black."""
    image = Image.new("RGB", (560, 120), "white")
    ImageDraw.Draw(image).text(
        (16, 40), f"Contact: {text}", fill="black", font=ImageFont.truetype(FONT, 26)
    )
    return np.array(image)


def boom(*_args, **_kwargs):
    raise RuntimeError(f"could not handle {EMAIL}")


def _folder(tmp_path: Path, n: int = 1) -> tuple[Path, Path]:
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    for k in range(n):
        Image.fromarray(secret_image()).save(src / f"shot{k}.png")
    return src, dst


def _report_text(dst: Path) -> str:
    return (dst / REPORT_NAME).read_text(encoding="utf-8")


# -- OCR ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("on_error", ["mask", "withhold"])
def test_ocr_failure_masks_or_withholds(tmp_path: Path, monkeypatch, on_error: str) -> None:
    monkeypatch.setattr("redactkit.screens.ocr.read_words", boom)
    src, dst = _folder(tmp_path)
    summary = run_images(src, dst, workers=1, progress=False, on_error=on_error)
    assert summary.exit_code == 1 and summary.failed == 1
    (record,) = iter_report(dst / REPORT_NAME)
    assert record["status"] == "failed" and record["error"] == "ocr failed (RuntimeError)"
    assert EMAIL not in _report_text(dst)
    out = dst / "shot0.png"
    if on_error == "withhold":
        assert not out.exists() and record["withheld"] is True
    else:
        assert np.all(np.array(Image.open(out)) == 0)  # every pixel under the fill


# -- detection ------------------------------------------------------------------------------------


@pytest.fixture
def broken_engine(monkeypatch):
    """The shared detection engine, built, then broken for this test only."""
    from redactkit.detect.engine import get_engine

    get_engine()
    monkeypatch.setattr(Engine, "analyze", boom)
    monkeypatch.setattr(Engine, "analyze_many", boom)


def test_detection_failure_masks_screenshots(broken_engine) -> None:
    image = secret_image()
    result = ScreenshotRedactor().redact(image)
    assert result.status == "failed" and result.error == "detect failed (RuntimeError)"
    assert np.all(result.image == 0) and result.findings == []
    assert np.array_equal(image, secret_image())  # the input is untouched
    withheld = ScreenshotRedactor(on_error="withhold").redact(image)
    assert withheld.image is None


def test_detection_failure_writes_no_text(tmp_path: Path, broken_engine) -> None:
    path, out = tmp_path / "in.txt", tmp_path / "out.txt"
    path.write_text(f"mail {EMAIL} please\n", encoding="utf-8")
    for args in (["text", str(path), "-o", str(out)], ["text", str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert isinstance(result.exception, SystemExit)  # a handled failure, no traceback
        assert EMAIL not in result.output and "please" not in result.output
        assert "redaction failed (RuntimeError)" in result.output
    assert not out.exists()


def test_detection_failure_masks_keystrokes(broken_engine) -> None:
    session = typing_session(random.Random(4), scenarios=["login", "card"])
    lines = "".join(json.dumps(e) + "\n" for e in session.events)
    out, err = io.StringIO(), io.StringIO()
    status = run_keys(io.StringIO(lines), out, err=err)
    assert status == 1 and "detection failed" in err.getvalue()
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(events) == len(session.events)
    typed = "".join(
        e["key"] for e in events if e.get("type") == "keydown" and len(e.get("key", "")) == 1
    )
    for _kind, value in session.values:
        assert value not in typed
        assert value not in err.getvalue()


def test_detection_failure_in_records_is_not_passed_through(tmp_path: Path, broken_engine) -> None:
    record = {"title": f"Inbox - {EMAIL}", "url": f"https://mail.example/?to={EMAIL}"}
    with pytest.raises(RuntimeError):  # never a record passed through
        redact_record(record)
    assert record["title"] == f"Inbox - {EMAIL}"  # input not modified
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["records", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code != 0
    # An unhandled exception would print a traceback quoting the message, hence the value.
    assert isinstance(result.exception, SystemExit), "records: engine failure not handled"
    assert EMAIL not in result.output
    assert not (tmp_path / "out.jsonl").exists()


# -- the writer -----------------------------------------------------------------------------------


def _disk_full(*_args, **_kwargs):
    raise OSError(28, f"No space left on device writing {EMAIL}")


def test_writer_failure_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    src, dst = _folder(tmp_path, 2)
    monkeypatch.setattr("redactkit.files.os.replace", _disk_full)
    summary = run_images(src, dst, workers=1, progress=False)
    assert summary.failed == 2 and summary.exit_code == 1
    for record in iter_report(dst / REPORT_NAME):
        assert record["status"] == "failed" and record["error"] == "ImageWriteError"
    assert EMAIL not in _report_text(dst)
    assert sorted(p.name for p in dst.iterdir()) == [REPORT_NAME]  # no output, no temp file


def test_text_writer_failure_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    path, out = tmp_path / "in.txt", tmp_path / "out.txt"
    path.write_text(f"mail {EMAIL}\n", encoding="utf-8")
    monkeypatch.setattr("redactkit.files.os.fsync", _disk_full)
    result = runner.invoke(app, ["text", str(path), "-o", str(out)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert str(out) in result.output and EMAIL not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


# -- a worker process dies ------------------------------------------------------------------------


def _die(items):
    os._exit(3)


class DeadlyTask(Task):
    """A task that kills the worker process that unpickles it (a native crash, the OOM killer)."""

    def __reduce__(self):
        return (_die, (self.items,))


def test_a_dying_worker_fails_only_its_image(tmp_path: Path, monkeypatch) -> None:
    src, dst = _folder(tmp_path, 4)
    real = batch.tasks_for

    def poisoned(items, stream):
        return [DeadlyTask(t.items) if "shot2" in t.items[0][1] else t for t in real(items, stream)]

    monkeypatch.setattr(batch, "tasks_for", poisoned)
    summary = run_images(src, dst, workers=2, progress=False)
    records = {r["path"]: r for r in iter_report(dst / REPORT_NAME)}
    assert records["shot2.png"] == {
        "path": "shot2.png",
        "status": "failed",
        "error": batch.WORKER_DIED,
    }
    assert not (dst / "shot2.png").exists()
    for name in ("shot0.png", "shot1.png", "shot3.png"):
        assert records[name]["status"] == "ok"
        assert np.array(Image.open(dst / name)).mean() < np.array(Image.open(src / name)).mean()
    assert summary.failed == 1 and summary.ok == 3 and summary.exit_code == 1
    monkeypatch.setattr(batch, "tasks_for", real)
    again = run_images(src, dst, workers=1, progress=False, resume=True)
    assert again.skipped_done == 3 and again.ok == 1 and again.exit_code == 0


# -- logs -----------------------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, self.format(record)))


@pytest.fixture(scope="module")
def debug_run(tmp_path_factory) -> tuple[list[tuple[str, str]], str, list[str]]:
    """Sample inputs of every channel, failing paths included, run with every logger at DEBUG.

    Returns (logger name, formatted line) pairs, what went to stdout/stderr plus the report,
    and the sensitive values of the inputs.
    """
    handler = _Collect()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s %(args)s"))
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
    ]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        if lg is loggers[0] or not lg.propagate:
            lg.addHandler(handler)
    secrets: list[str] = []
    out, err = io.StringIO(), io.StringIO()
    tmp_path = tmp_path_factory.mktemp("debug")
    try:
        with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
            rng = random.Random(21)
            for doc in (generate_doc(rng) for _ in range(6)):  # text
                TextRedactor().redact(doc.text)
                secrets += [doc.text[lab.start : lab.end] for lab in doc.labels]
            src, dst = tmp_path / "src", tmp_path / "dst"  # screenshots, through the batch
            src.mkdir()
            screen = render_screen(rng, size=(640, 400))
            Image.fromarray(screen.image).save(src / "screen.png")
            secrets += [s.value for s in screen.secrets]
            batch.images_command(src, dst, workers=1, progress=False)
            session = typing_session(rng, n=4)  # keystrokes
            redact_keystrokes(session.events)
            secrets += [v for _, v in session.values]
            redact_record({"title": f"Inbox - {EMAIL}", "tree": [{"name": secrets[0]}]})
            secrets.append(EMAIL)
            patch.setattr("redactkit.screens.ocr.read_words", boom)  # failing paths log too
            ScreenshotRedactor().redact(screen.image)
            patch.setattr(Engine, "analyze", boom)
            patch.setattr(Engine, "analyze_many", boom)
            redact_keystrokes(session.events)
    finally:
        for lg, level in saved:
            lg.setLevel(level)
            lg.removeHandler(handler)
    printed = out.getvalue() + err.getvalue() + _report_text(dst)
    return handler.lines, printed, [s for s in set(secrets) if len(s) >= 5]


def _leaks(lines: list[tuple[str, str]], secrets: list[str]) -> list[tuple[str, str]]:
    return [(name, s) for name, line in lines for s in secrets if s in line]


def test_debug_logs_never_carry_a_value(debug_run) -> None:
    lines, printed, secrets = debug_run
    assert len(secrets) >= 10 and any(line.startswith("DEBUG") for _, line in lines)  # DEBUG was on
    ours = [(name, line) for name, line in lines if not name.startswith("presidio")]
    assert any(name.startswith("redactkit") for name, _ in ours)
    assert _leaks(ours, secrets) == []
    assert [s for s in secrets if s in printed] == []


def test_third_party_debug_logs_never_carry_a_value(debug_run) -> None:
    lines, _, secrets = debug_run
    theirs = [(name, line) for name, line in lines if name.startswith("presidio")]
    assert _leaks(theirs, secrets) == []
