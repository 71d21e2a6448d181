"""``redactkit images``: mirror tree, report without values, resume, refusals, non-images."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from corpora.screens import FONTS
from redactkit.screens.batch import REPORT_NAME, BatchError, images_command, run_images

EMAIL = "jane.doe@acme.io"


def text_image(line: str) -> Image.Image:
    img = Image.new("RGB", (420, 60), (250, 250, 250))
    font = ImageFont.truetype(FONTS["DejaVu Sans"], 16)
    ImageDraw.Draw(img).text((10, 18), line, font=font, fill=(20, 20, 20))
    return img


@pytest.fixture()
def tree(tmp_path):
    src = tmp_path / "shots"
    (src / "day1").mkdir(parents=True)
    text_image(f"Contact {EMAIL} today").save(src / "a.png")
    text_image("Meeting notes for the quarter").save(src / "day1" / "b.JPG")
    text_image(f"Mail {EMAIL} now").save(src / "day1" / "c.webp")
    (src / "notes.txt").write_text(EMAIL)
    (src / "day1" / "broken.png").write_bytes(b"not an image")
    return src, tmp_path / "out"


def records(dst):
    return [json.loads(line) for line in (dst / REPORT_NAME).read_text().splitlines()]


def test_folder_run_report_and_resume(tree, capsys):
    src, dst = tree
    before = sorted(p.read_bytes() for p in src.rglob("*") if p.is_file())
    code = images_command(src, dst, workers=1, progress=False)
    assert code == 1  # the broken file failed
    message = capsys.readouterr().err.strip().splitlines()
    assert len(message) == 1 and "1 failed" in message[0] and "1 non-image" in message[0]
    assert sorted(p.read_bytes() for p in src.rglob("*") if p.is_file()) == before  # SRC untouched
    assert sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*") if p.is_file()) == [
        "a.png",
        "day1/b.JPG",
        "day1/c.webp",
        REPORT_NAME,
    ]
    assert Image.open(dst / "day1" / "b.JPG").format == "JPEG"
    report = {r["path"]: r for r in records(dst)}
    assert report["day1/broken.png"]["status"] == "unreadable"
    assert report["a.png"]["status"] == "ok" and report["a.png"]["size"] == [420, 60]
    assert {f["type"] for f in report["a.png"]["findings"]} >= {"EMAIL_ADDRESS"}
    assert EMAIL not in (dst / REPORT_NAME).read_text()  # findings without values
    masked = np.array(Image.open(dst / "a.png"))
    box = report["a.png"]["findings"][0]["box"]
    assert (masked[box[1] : box[1] + box[3], box[0] : box[0] + box[2]] == 0).all()

    summary = run_images(src, dst, workers=1, resume=True, progress=False)
    assert summary.skipped_done == 3 and summary.processed == 1 and summary.unreadable == 1
    assert len(records(dst)) == 5  # appended, not rewritten


def test_resume_redoes_missing_outputs_and_ignores_torn_line(tree):
    src, dst = tree
    run_images(src, dst, workers=1, progress=False)
    (dst / "a.png").unlink()
    with (dst / REPORT_NAME).open("a") as handle:
        handle.write('{"path": "day1/c.webp", "sta')  # a run killed mid-line
    summary = run_images(src, dst, workers=1, resume=True, progress=False)
    assert summary.skipped_done == 2 and (dst / "a.png").is_file()


@pytest.mark.parametrize("where", ["inside", "around", "same"])
def test_overlapping_trees_refused(tree, where, capsys):
    src, _ = tree
    dst = {"inside": src / "out", "around": src.parent, "same": src}[where]
    with pytest.raises(BatchError):
        run_images(src, dst, workers=1, progress=False)
    assert images_command(src, dst, workers=1, progress=False) == 2
    assert "redactkit images:" in capsys.readouterr().err
    assert not (dst / REPORT_NAME).exists()


def test_single_file_and_stream_mode(tree):
    src, dst = tree
    summary = run_images(src / "a.png", dst, workers=1, progress=False)
    assert summary.ok == 1 and (dst / "a.png").is_file()
    with pytest.raises(BatchError):
        run_images(src / "a.png", src, workers=1, progress=False)
    streamed = run_images(src / "day1", dst / "stream", workers=1, stream=True, progress=False)
    assert streamed.ok == 2 and streamed.unreadable == 1
    assert [r["path"] for r in records(dst / "stream")] == ["b.JPG", "broken.png", "c.webp"]
