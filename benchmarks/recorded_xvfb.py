"""A real recording under Xvfb, redacted: what a recorder stores, and what survives redaction.

Starts a private X server (Xvfb) with a window manager (openbox: title bars), an xterm and an
xedit, records with ``openadapt-capture`` (its own ``Recorder`` API: screenshots as PNG rows,
key events, window events) while ``xdotool`` types a full name, a phone number and a card
number into both windows (XTEST, as a user's keyboard would), then:

- **keys**: the recorder's key events, through the adapter a user writes first (its key name
  as ``key``, every other field kept), are redacted by ``KeystrokeRedactor``; every field of
  the output that can spell a key is decoded (``tests/test_keys_recorded.spelled``) and no
  typed value may be recoverable (any 6 consecutive characters of it);
- **frames**: every stored frame is redacted by the live path (``ScreenshotRedactor().stream()``,
  with the focused window's title from the recorder's window events as context) and read
  again by redactkit's OCR; a value is readable when its folded text, or any word of the name
  (5+ letters), is read again (one edit allowed).

Needs Xvfb, openbox, xterm, xedit and xdotool (Debian: ``xvfb openbox xterm x11-apps xdotool``)
and the ``recorder`` extra (``openadapt-capture==1.3.0``). ``--fallback`` skips the recorder
and captures frames with ImageMagick's ``import -window root`` instead.

    python -m benchmarks.recorded_xvfb [--keep DIR] [--fallback]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

TOOLS = ("Xvfb", "openbox", "xterm", "xedit", "xdotool")
VALUES = {
    "PERSON": "Ingrid Okafor",
    "PHONE_NUMBER": "+44 20 7946 0958",
    "CREDIT_CARD": "4916 8305 2217 3645",  # Luhn-valid, not a published test number
}
TITLE = "Ingrid Okafor - notes"


def missing_tools(fallback: bool = False) -> list[str]:
    need = TOOLS + (("import",) if fallback else ())
    return [t for t in need if shutil.which(t) is None]


@dataclass
class Recording:
    events: list[dict]  # key events as the adapter makes them (recorder fields kept)
    frames: list[tuple[np.ndarray, dict]]  # (RGB frame, context with the window title)
    recorder: str  # "openadapt-capture" or "import"
    notes: list[str] = field(default_factory=list)


@contextlib.contextmanager
def desktop(size: tuple[int, int] = (1024, 640)) -> Iterator[dict]:
    """An Xvfb display with openbox, an xterm (titled with a name) running ``cat`` and an
    xedit; yields the environment to run X clients in. Every process is stopped on exit."""
    display = f":{random.randint(120, 480)}"
    env = {**os.environ, "DISPLAY": display}
    procs: list[subprocess.Popen] = []
    tmp = tempfile.mkdtemp(prefix="redactkit-xvfb-")

    def start(*cmd: str) -> subprocess.Popen:
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(p)
        return p

    try:
        start("Xvfb", display, "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp")
        for _ in range(50):
            if subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0:  # fmt: skip
                break
            time.sleep(0.1)
        start("openbox")
        time.sleep(0.5)
        start("xterm", "-geometry", "70x12+20+30", "-fa", "DejaVu Sans Mono", "-fs", "12",
              "-title", TITLE, "-e", "cat")  # fmt: skip
        Path(tmp, "notes.txt").write_text("")
        start("xedit", "-geometry", "560x260+420+330", str(Path(tmp, "notes.txt")))
        # on a busy machine the windows map late: wait for them (a fixed pause was too short)
        for cls in ("xterm", "xedit"):
            _wait_for_window(env, cls)
        time.sleep(1.0)
        yield env
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def _wait_for_window(env: dict, cls: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", cls], env=env,
                               capture_output=True, text=True, timeout=30).stdout.split()  # fmt: skip
        if found:
            return
        time.sleep(0.2)
    raise RuntimeError(f"no {cls} window after {timeout:g} s")


def _xdo(env: dict, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, timeout=60)


def type_values(env: dict, grab=None) -> None:
    """Focus each window in turn and type every value on a line of its own; ``grab`` is
    called after each line (the fallback's frame capture)."""
    for cls in ("xterm", "xedit"):
        ids = subprocess.run(["xdotool", "search", "--class", cls], env=env, capture_output=True,
                             text=True, timeout=30).stdout.split()  # fmt: skip
        if not ids:
            raise RuntimeError(f"no {cls} window")
        _xdo(env, "windowactivate", "--sync", ids[-1])
        _xdo(env, "mousemove", "--window", ids[-1], "60", "120", "click", "1")
        time.sleep(0.3)
        for value in VALUES.values():
            _xdo(env, "type", "--delay", "40", value)
            _xdo(env, "key", "Return")
            time.sleep(0.6)
            if grab is not None:
                grab(cls)


def adapt(raw: dict) -> dict:
    """The adapter a user writes first: the recorder's key name as ``key``, its other fields
    kept beside it (as ``tests/test_keys_recorded.adapt``)."""
    event = {"t": float(raw["timestamp"]), "type": "keydown" if raw["name"] == "press" else "keyup"}
    event["key"] = raw.get("key_char") or raw.get("key_name") or "Unidentified"
    event.update({k: v for k, v in raw.items() if k not in ("name", "timestamp") and v is not None})
    return event


def record_with_openadapt(env: dict, out: Path, fps: float = 4.0) -> Recording:
    """Record with the recorder's own API while xdotool types; read its database back."""
    os.environ["DISPLAY"] = env["DISPLAY"]
    from openadapt_capture import CaptureSession
    from openadapt_capture.recorder import Recorder

    with Recorder(str(out), task_description="typing", capture_video=False,
                  capture_images=True, capture_audio=False, capture_window_data=True,
                  screen_capture_fps=fps, control_enabled=False) as rec:  # fmt: skip
        if not rec.wait_for_ready():
            raise RuntimeError("the recorder did not become ready")
        type_values(env)
        time.sleep(1.0)
        rec.stop()
    import sqlite3

    db = sqlite3.connect(str(out / "recording.db"))
    db.row_factory = sqlite3.Row
    keys = [dict(r) for r in db.execute(
        "select name, timestamp, key_name, key_char, key_vk, canonical_key_name, "
        "canonical_key_char, canonical_key_vk from action_event "
        "where name in ('press', 'release') order by timestamp")]  # fmt: skip
    windows = [(float(r["timestamp"]), r["title"]) for r in db.execute(
        "select timestamp, title from window_event order by timestamp")]  # fmt: skip
    session = CaptureSession.load(str(out))
    frames = []
    for fr in session.frames():
        img = np.asarray(session.get_exact_frame(fr.timestamp, source_ordinal=fr.source_ordinal))
        title = next((t for ts, t in reversed(windows) if ts <= fr.timestamp), None)
        frames.append((img, {"app": "x11", "title": title} if title else {}))
    session.close()
    notes = [f"{len(keys)} key events, {len(frames)} frames, {len(windows)} window events"]
    return Recording([adapt(k) for k in keys], frames, "openadapt-capture", notes)


def record_with_import(env: dict, out: Path) -> Recording:
    """The fallback: frames from ``import -window root`` after each typed line, and no key
    events (xdotool's own events are not observable without a recorder)."""
    from PIL import Image

    frames: list[tuple[np.ndarray, dict]] = []

    def grab(cls: str) -> None:
        path = out / f"frame{len(frames):03d}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=env, check=True, timeout=30)
        title = TITLE if cls == "xterm" else "notes.txt"
        frames.append((np.asarray(Image.open(path).convert("RGB")), {"app": cls, "title": title}))

    type_values(env, grab)
    return Recording([], frames, "import", ["no key events without a recorder"])


def readable(image: np.ndarray) -> list[str]:
    """The values of :data:`VALUES` readable in ``image`` by redactkit's OCR."""
    from redactkit.screens.ocr import read_words
    from redactkit.screens.title import compact, distance

    words = [compact(w.text) for w in read_words(image)]
    line = compact(" ".join(w.text for w in read_words(image)))
    out = []
    for kind, value in VALUES.items():
        target = compact(value)[0]
        tol = max(1, len(target) // 6)
        hit = distance(target, line[0], frozenset(range(len(line[0]) + 1)),
                       frozenset(range(len(line[0]) + 1))) <= tol  # fmt: skip
        if kind == "PERSON":
            for part in value.split():
                p = compact(part)[0]
                hit |= len(p) >= 5 and any(distance(p, t, s, e) <= 1 for t, s, e in words if t)
        if hit:
            out.append(kind)
    return out


def evaluate(rec: Recording, keep: Path | None = None) -> dict:
    from redactkit import ScreenshotRedactor
    from redactkit.keys import KeystrokeRedactor

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_keys_recorded import recoverable, spelled

    fig: dict = {"recorder": rec.recorder, "notes": rec.notes}
    if rec.events:
        keycode_only = sum(1 for e in rec.events if str(e["key"]).startswith("keycode_"))
        before = spelled(rec.events)
        kr = KeystrokeRedactor()
        out = list(kr.feed(rec.events)) + list(kr.flush())
        after = spelled(out)
        fig["keys"] = {
            "events": len(rec.events),
            "keycode_only": keycode_only,
            "values_spelled_before": [k for k, v in VALUES.items() if recoverable(v, before)],
            "values_spelled_after": [k for k, v in VALUES.items() if recoverable(v, after)],
        }
    live = ScreenshotRedactor().stream()
    before_rows, after_rows, seconds = [], [], []
    for i, (img, ctx) in enumerate(rec.frames):
        before_rows.append(readable(img))
        t0 = time.perf_counter()
        res = live.redact(img, ctx)
        seconds.append(time.perf_counter() - t0)
        after_rows.append(readable(res.image))
        if keep is not None:
            from PIL import Image

            keep.mkdir(parents=True, exist_ok=True)
            Image.fromarray(img).save(keep / f"{i:03d}-in.png")
            Image.fromarray(res.image).save(keep / f"{i:03d}-out.png")
    fig["frames"] = {
        "frames": len(rec.frames),
        "with_a_value_readable_before": sum(bool(r) for r in before_rows),
        "value_readings_before": sum(len(r) for r in before_rows),
        "with_a_value_readable_after": sum(bool(r) for r in after_rows),
        "readable_after": sorted({k for r in after_rows for k in r}),
        "live_s_per_frame": round(float(np.mean(seconds)), 3) if seconds else None,
    }
    return fig


def run(fallback: bool = False, keep: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="redactkit-rec-") as tmp, desktop() as env:
        out = Path(tmp, "capture")
        if fallback:
            out.mkdir()
            rec = record_with_import(env, out)
        else:
            rec = record_with_openadapt(env, out)
    return evaluate(rec, keep)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fallback", action="store_true", help="frames with `import`, no recorder")
    ap.add_argument("--keep", type=Path, default=None, help="save frames before/after here")
    args = ap.parse_args(argv)
    gone = missing_tools(args.fallback)
    if gone:
        print(f"missing: {', '.join(gone)}", file=sys.stderr)
        return 2
    print(json.dumps(run(args.fallback, args.keep), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
