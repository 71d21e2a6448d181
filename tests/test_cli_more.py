"""`redactkit images` and `redactkit keys` through the typer app (exit codes, files, messages)."""

from __future__ import annotations

import json
import random

import numpy as np
from PIL import Image
from typer.testing import CliRunner

from corpora.screens import render_screen
from redactkit.cli import app

runner = CliRunner()


def test_images_command_on_a_folder(tmp_path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    (src / "day1").mkdir(parents=True)
    screen = render_screen(random.Random(5), kind="email", theme="light", size=(900, 560))
    Image.fromarray(screen.image).save(src / "day1" / "a.png")
    (src / "notes.txt").write_text("not an image")
    res = runner.invoke(app, ["images", str(src), str(dst), "--workers", "1"])
    assert res.exit_code == 0, res.stderr
    out = np.asarray(Image.open(dst / "day1" / "a.png"))
    assert out.shape == screen.image.shape and not np.array_equal(out, screen.image)
    report = [json.loads(x) for x in (dst / "redactkit-report.jsonl").read_text().splitlines()]
    assert [r["status"] for r in report] == ["ok"]
    assert all(s.value not in json.dumps(report) for s in screen.secrets)
    assert not (dst / "notes.txt").exists()


def test_images_command_refuses_bad_paths(tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    res = runner.invoke(app, ["images", str(src), str(src / "out")])
    assert res.exit_code == 2
    res = runner.invoke(app, ["images", str(src), str(tmp_path / "o"), "--on-error", "ignore"])
    assert res.exit_code == 2 and "--on-error" in res.stderr


def test_keys_command(tmp_path) -> None:
    events = [
        {"t": 0.0, "type": "keydown", "key": c, "app": "Terminal", "title": "bash"}
        for c in "sudo ls"
    ]
    events += [{"t": 1.0, "type": "keydown", "key": "Enter"}]
    events += [{"t": 2.0 + i / 10, "type": "keydown", "key": c} for i, c in enumerate("hunter2!")]
    events += [{"t": 3.0, "type": "keydown", "key": "Enter"}]
    src = tmp_path / "k.jsonl"
    src.write_text("\n".join(json.dumps(e) for e in events) + "\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["keys", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(got) == len(events)
    typed = "".join(e["key"] for e in got if len(e.get("key", "")) == 1)
    assert "sudo ls" in typed and "hunter2" not in typed
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(events[0]) + "\n{nope\n")
    res = runner.invoke(app, ["keys", str(bad)])
    assert res.exit_code == 1 and "line 2" in res.stderr
