"""Hostile and broken input on every channel: each is refused with an error that names the input
(never its content) or is redacted whole; nothing unredacted is written; a batch goes on.

Images are drawn here with real fonts and read back by the real Tesseract; text and key events
go through the real detection engine. A leak is checked on the output itself: OCR of the
written image, or the redacted string, must not hold the value.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont
from typer.testing import CliRunner

from corpora import values
from redactkit.cli import app
from redactkit.files import ImageFile, ImageReadError, read_image
from redactkit.keys.cli import run_keys
from redactkit.keys.events import KeyEventError, Reader
from redactkit.screens.batch import REPORT_NAME, images_command, iter_report, run_images
from redactkit.screens.ocr import read_words
from redactkit.text import TextRedactor

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EMAIL = "jane.doe@acme.io"
SECRET_CORE = "jane.doe"  # what must not be read back from a redacted image


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor()


def aws_key(rng: random.Random) -> str:
    return "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


# -- drawing ----------------------------------------------------------------------------------


def draw_secret(size: tuple[int, int] = (560, 120), text: str = EMAIL, px: int = 26):
    """White RGB image (H, W, 3) uint8 with ``Contact: <text>``; returns it and the text's box
    (left, top, right, bottom)."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, px)
    draw.text((16, 40), "Contact:", fill="black", font=font)
    x = 16 + draw.textlength("Contact: ", font=font)
    draw.text((x, 40), text, fill="black", font=font)
    left, top, right, bottom = draw.textbbox((x, 40), text, font=font)
    return np.array(image), (int(left), int(top), int(right) + 1, int(bottom) + 1)


def blank(size: tuple[int, int] = (560, 120)) -> np.ndarray:
    return np.full((size[1], size[0], 3), 255, np.uint8)


def read_back(frame: np.ndarray) -> str:
    return " ".join(w.text for w in read_words(frame))


def covered(frame: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the region of a drawn value is masked: black fill over white paper."""
    left, top, right, bottom = box
    region = frame[top:bottom, left:right]
    return float(region.mean()) < 40.0


# -- images: refused ---------------------------------------------------------------------------


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` with almost no data: a bomb's shape."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def encoded(frame: np.ndarray, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(frame).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def hostile_files() -> dict[str, bytes]:
    secret, _ = draw_secret()
    png = encoded(secret, "PNG")
    jpeg = encoded(secret, "JPEG")
    return {
        "zero.png": b"",
        "text.png": f"to: {EMAIL}\nnot an image at all\n".encode(),
        "truncated.png": png[: len(png) // 2],
        "truncated.jpg": jpeg[: len(jpeg) // 3],
        "garbage.png": b"\x89PNG\r\n\x1a\n" + bytes(random.Random(7).randbytes(4000)),
        "bomb.png": png_header_only(60_000, 60_000),
    }


@pytest.mark.parametrize("name", sorted(hostile_files()))
def test_hostile_image_is_refused_naming_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(hostile_files()[name])
    with pytest.raises(ImageReadError) as info:
        read_image(path)
    message = str(info.value)
    assert str(path) in message
    assert EMAIL not in message and "not an image at all" not in message


def test_pixel_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "ok.png"
    Image.fromarray(blank((200, 100))).save(path)
    assert read_image(path).size == (200, 100)
    with pytest.raises(ImageReadError, match="limit"):
        read_image(path, max_pixels=200 * 100 - 1)
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    Image.fromarray(blank((400, 300))).save(src / "big.png")
    Image.fromarray(blank((100, 50))).save(src / "small.png")
    summary = run_images(src, dst, workers=1, progress=False, max_pixels=10_000)
    records = {r["path"]: r for r in iter_report(dst / REPORT_NAME)}
    assert records["big.png"]["status"] == "unreadable"
    assert "big.png" in records["big.png"]["error"] and "limit" in records["big.png"]["error"]
    assert records["small.png"]["status"] == "ok"
    assert summary.unreadable == 1 and not (dst / "big.png").exists()


def test_a_batch_goes_on_past_hostile_files(tmp_path: Path, capsys) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    for name, data in hostile_files().items():
        (src / name).write_bytes(data)
    secret, box = draw_secret()
    Image.fromarray(secret).save(src / "good.png")
    status = images_command(src, dst, workers=1, progress=False)
    assert status != 0
    err = capsys.readouterr().err
    assert "failed" in err and REPORT_NAME in err and EMAIL not in err
    records = {r["path"]: r for r in iter_report(dst / REPORT_NAME)}
    assert set(records) == set(hostile_files()) | {"good.png"}
    for name in hostile_files():
        assert records[name]["status"] == "unreadable"
        assert name in records[name]["error"]
        assert not (dst / name).exists()
    assert records["good.png"]["status"] == "ok"
    out = np.array(Image.open(dst / "good.png"))
    assert covered(out, box)
    assert sorted(p.name for p in dst.iterdir()) == ["good.png", REPORT_NAME]


def test_hostile_file_names(tmp_path: Path) -> None:
    """Names that are not UTF-8, hold a newline, an RTL override or a leading dash are
    mirrored exactly, reported as JSON, and recognised by a resumed run."""
    import os

    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    names = [
        b"bad\xff.png",
        b"new\nline.png",
        b" space .PNG",
        b"-dash.png",
        b"\xe2\x80\xaeevil.png",
    ]
    for name in names:
        Image.fromarray(blank((120, 40))).save(os.fsdecode(bytes(src).rstrip(b"/") + b"/" + name))
    first = run_images(src, dst, workers=1, progress=False)
    assert first.ok == len(names) and first.exit_code == 0
    assert sorted(os.listdir(bytes(dst))) == sorted([*names, REPORT_NAME.encode()])
    again = run_images(src, dst, workers=1, progress=False, resume=True)
    assert again.skipped_done == len(names) and again.processed == 0


# -- images: converted modes and every frame ----------------------------------------------------


def _mode_files(secret: np.ndarray) -> dict[str, bytes]:
    gray = secret[:, :, 0].astype(np.uint16) * 257  # 16-bit grayscale, full range
    cmyk = Image.fromarray(secret).convert("CMYK")
    palette = Image.fromarray(secret).convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    return {
        "gray16.png": encoded(gray, "PNG"),
        "palette.png": _save(palette, "PNG"),
        "cmyk.jpg": _save(cmyk, "JPEG", quality=95),
        "gray16.tif": encoded(gray, "TIFF"),
    }


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _animation(fmt: str) -> bytes:
    """Two frames: a harmless first one and the secret in the second."""
    secret, _ = draw_secret()
    frames = [Image.fromarray(blank()), Image.fromarray(secret)]
    options: dict = {"save_all": True, "append_images": frames[1:]}
    if fmt == "GIF":
        options.update(duration=[100, 100], loop=0)
    elif fmt == "WEBP":
        options.update(lossless=True, duration=[100, 100], loop=0)
    return _save(frames[0], fmt, **options)


def test_odd_modes_and_multiframe_files_are_redacted_in_every_frame(tmp_path: Path) -> None:
    secret, box = draw_secret()
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    files = _mode_files(secret)
    files |= {"anim.gif": _animation("GIF"), "anim.webp": _animation("WEBP")}
    files["pages.tif"] = _animation("TIFF")
    for name, data in files.items():
        (src / name).write_bytes(data)
    summary = run_images(src, dst, workers=1, progress=False)
    assert summary.exit_code == 0, list(iter_report(dst / REPORT_NAME))
    records = {r["path"]: r for r in iter_report(dst / REPORT_NAME)}
    for name in files:
        assert records[name]["status"] == "ok", name
        written = read_image(dst / name)
        source = read_image(src / name)
        assert len(written.frames) == len(source.frames), name
        last = written.frames[-1]  # the frame with the secret
        rgb = last if last.ndim == 3 else np.repeat(last[:, :, None], 3, axis=2)
        assert covered(rgb[:, :, :3], box), name
        assert SECRET_CORE not in read_back(last), name
        if len(source.frames) > 1:
            assert records[name]["frames"] == 2
            assert all(f.get("frame") == 1 for f in records[name]["findings"]), name


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_rotated_jpeg_is_masked_where_the_text_shows(tmp_path: Path, orientation: int) -> None:
    upright, box = draw_secret()
    # Store the pixels turned the other way; the EXIF tag tells viewers to turn them back.
    stored = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90}.get(
        orientation, Image.Transpose.ROTATE_270
    )
    image = Image.fromarray(upright).transpose(stored)
    exif = Image.Exif()
    exif[0x0112] = orientation
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    image.save(src / "photo.jpg", quality=95, exif=exif.tobytes())
    shown = read_image(src / "photo.jpg").frames[0]
    assert shown.shape == upright.shape
    assert np.abs(shown.astype(int) - upright.astype(int)).mean() < 8  # the tag was applied
    assert run_images(src, dst, workers=1, progress=False).exit_code == 0
    out = Image.open(dst / "photo.jpg")
    assert out.getexif().get(0x0112) is None  # written upright, no tag to misapply
    pixels = np.array(out)
    assert pixels.shape == upright.shape
    assert covered(pixels, box)


# -- fuzzing the readers -------------------------------------------------------------------------


def _seeds() -> list[bytes]:
    secret, _ = draw_secret((120, 40), "a@b.io", 14)
    return [
        encoded(secret, "PNG"),
        encoded(secret, "JPEG"),
        encoded(secret, "BMP"),
        encoded(secret, "TIFF"),
        encoded(secret, "WEBP", lossless=True),
        _save(Image.fromarray(secret).convert("P"), "GIF"),
    ]


SEEDS = _seeds()


def _check_read(path: Path) -> None:
    try:
        loaded = read_image(path, max_pixels=4_000_000)
    except ImageReadError as exc:
        assert str(path) in str(exc)
        return
    assert isinstance(loaded, ImageFile) and loaded.frames
    layout = loaded.frames[0].shape[2:]
    for frame in loaded.frames:  # TIFF pages may differ in size, never in channels
        assert frame.dtype == np.uint8 and frame.shape[2:] == layout and frame.size > 0
        assert frame.ndim == 2 or frame.shape[2] in (3, 4)


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow notes on damaged tags
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=12),
    cut=st.integers(0, 10_000),
)
def test_fuzz_mutated_images(tmp_path: Path, seed: int, edits, cut: int) -> None:
    data = bytearray(SEEDS[seed])
    for pos, byte in edits:
        data[pos % len(data)] = byte
    if cut < len(data) and cut % 3 == 0:
        del data[cut:]
    path = tmp_path / "fuzz.img"
    path.write_bytes(bytes(data))
    _check_read(path)


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow notes on damaged tags
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    magic=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"II*\x00", b"BM"]),
    body=st.binary(max_size=2000),
)
def test_fuzz_random_bytes_behind_a_magic_number(tmp_path: Path, magic: bytes, body: bytes) -> None:
    path = tmp_path / "fuzz.png"
    path.write_bytes(magic + body)
    _check_read(path)


# -- text ------------------------------------------------------------------------------------------

runner = CliRunner()


def test_invalid_utf8_is_refused_naming_the_file(tmp_path: Path) -> None:
    path, out = tmp_path / "in.txt", tmp_path / "out.txt"
    path.write_bytes(f"mail {EMAIL} \xff\xfe end".encode("latin-1"))
    result = runner.invoke(app, ["text", str(path), "-o", str(out)])
    assert result.exit_code != 0
    assert str(path) in result.output and "UTF-8" in result.output
    assert EMAIL not in result.output
    assert not out.exists()


def test_invalid_utf8_with_replace_is_redacted(tmp_path: Path) -> None:
    path, out = tmp_path / "in.txt", tmp_path / "out.txt"
    path.write_bytes(b"\xff" + f"mail {EMAIL}\x00 ok".encode())
    result = runner.invoke(app, ["text", str(path), "-o", str(out), "--errors", "replace"])
    assert result.exit_code == 0, result.output
    assert EMAIL not in out.read_text(encoding="utf-8")


def test_nul_bytes_do_not_hide_values(redactor: TextRedactor) -> None:
    key = aws_key(random.Random(1))
    text = f"a\x00{EMAIL}\x00b\x00key={key}\x00"
    out = redactor.redact(text).text
    assert EMAIL not in out and key not in out
    assert out.count("\x00") == text.count("\x00") or "\x00" not in out


def test_a_huge_single_line(redactor: TextRedactor) -> None:
    rng = random.Random(5)
    filler = " ".join(
        rng.choice(["lorem", "ipsum", "dolor", "sit", "amet"]) for _ in range(200_000)
    )
    key = aws_key(rng)
    mails = [values.email(rng) for _ in range(3)]
    text = f"{mails[0]} {filler} key {key} {filler} {mails[1]} {filler}{mails[2]}"
    assert len(text) > 3_000_000 and "\n" not in text
    out = redactor.redact(text).text
    for value in [key, *mails]:
        assert value not in out


@pytest.mark.parametrize(
    "template",
    [
        "נא לשלוח ל-{email} ואת המפתח {key} תודה",  # Hebrew around the values
        "يرجى مراسلة {email} والمفتاح {key} شكرا",  # Arabic
        "\u202e{email}\u202c and {key}",  # a right-to-left override before the value
        "Jose\u0301 Mu\u0303noz writes from {email}; ke\u0301y {key}",  # combining marks
        "n\u0308\u0301\u0327 {email}\u0301 {key}",  # a combining mark glued after the value
    ],
)
def test_rtl_and_combining_characters(redactor: TextRedactor, template: str) -> None:
    rng = random.Random(len(template))
    key = aws_key(rng)
    mail = values.email(rng)
    out = redactor.redact(template.format(email=mail, key=key)).text
    assert mail not in out and key not in out


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_characters_inside_a_value(redactor: TextRedactor, mark: str) -> None:
    text = f"jane{mark}.doe@acme.io"
    result = redactor.redact(text)
    assert [(f.start, f.end) for f in result.findings] == [(0, len(text))]
    assert "jane" not in result.text and "acme" not in result.text
    key = aws_key(random.Random(3))
    dodged = key[:8] + mark + key[8:]
    out = redactor.redact(f"aws key {dodged} here").text
    assert key[:8] not in out and key[8:] not in out


def test_zero_width_in_the_documented_example() -> None:
    result = TextRedactor().redact("jane\u200b.doe@acme.io")
    assert result.text == "<EMAIL_ADDRESS>"


# -- "no detected value appears in the output" -------------------------------------------------

_GENERATORS = {
    "email": values.email,
    "card": values.card,
    "iban": values.iban,
    "aws": aws_key,
    "github": values.ghp,
}
_filler = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Co", "Cn"), exclude_characters="@"
    ),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**32 - 1),
    kinds=st.lists(st.sampled_from(sorted(_GENERATORS)), min_size=1, max_size=4),
    fillers=st.lists(_filler, min_size=5, max_size=5),
)
def test_no_detected_value_survives(
    redactor: TextRedactor, seed: int, kinds: list[str], fillers: list[str]
) -> None:
    rng = random.Random(seed)
    planted = [_GENERATORS[k](rng) for k in kinds]
    parts = [fillers[0]]
    for k, value in enumerate(planted):
        parts += [" ", value, " ", fillers[(k + 1) % 5]]
    text = "".join(parts)
    keeper = TextRedactor(keep_values=True)
    findings = keeper.analyze(text)
    out = redactor.redact(text).text
    for f in findings:
        assert f.value == text[f.start : f.end]
        if len(f.value) >= 6:  # short values (a name) may also occur in the filler by chance
            assert f.value not in out
    for value in planted:
        assert value not in out


# -- key events ---------------------------------------------------------------------------------


def _keys(lines: list[str], errors: str = "strict") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_keys(io.StringIO("".join(lines)), out, errors=errors, err=err)
    return status, out.getvalue(), err.getvalue()


def _typed(events_text: str) -> str:
    events = [json.loads(line) for line in events_text.splitlines() if line.strip()]
    return "".join(
        e["key"] for e in events if e.get("type") == "keydown" and len(e.get("key", "")) == 1
    )


def _typing(text: str, t0: float = 0.0) -> list[str]:
    lines = []
    for k, ch in enumerate(text):
        t = t0 + k * 0.1
        lines.append(json.dumps({"t": t, "type": "keydown", "key": ch, "app": "Mail"}) + "\n")
        lines.append(json.dumps({"t": t + 0.05, "type": "keyup", "key": ch}) + "\n")
    return lines


@pytest.mark.parametrize(
    "bad, reason",
    [
        ('{"t": 9.0, "type": "keydown", "key": "jane.doe@acme.io"\n', "malformed JSON"),
        ('{"t": 9.0, "key": "x"}\n', "'type'"),
        ('{"t": 9.0, "type": "keydown"}\n', "without 'key'"),
        ('{"t": 9.0, "type": "keydown", "key": "jane.doe@acme.io"}\n', "unknown or malformed"),
        ('{"t": "jane.doe@acme.io", "type": "keyup", "key": "a"}\n', "'t'"),
        ('["jane.doe@acme.io"]\n', "JSON object"),
        ('{"t": 9.0, "type": "keydown", "key": "a", "title": ["jane.doe@acme.io"]}\n', "'title'"),
    ],
)
def test_bad_key_lines_stop_with_the_line_number(bad: str, reason: str) -> None:
    lines = _typing(f"to {EMAIL} ") + [bad] + _typing("more", 50.0)
    status, out, err = _keys(lines)
    assert status == 1
    line = len(_typing(f"to {EMAIL} ")) + 1
    assert f"line {line}" in err and reason in err
    assert EMAIL not in err and EMAIL not in out and "jane" not in _typed(out)


def test_bad_key_lines_dropped_on_request() -> None:
    lines = _typing(f"to {EMAIL} ") + ["{oops\n", '{"type": "keydown"}\n'] + _typing("ok", 50.0)
    status, out, err = _keys(lines, errors="drop")
    assert status == 0
    assert "dropped 2" in err
    assert EMAIL not in _typed(out) and _typed(out).endswith("ok")


def test_huge_key_lines() -> None:
    rng = random.Random(11)
    mail = values.email(rng)
    title = " ".join(["window"] * 150_000) + f" {mail} " + " ".join(["pane"] * 150_000)
    huge_title = json.dumps({"t": 0.0, "type": "focus", "title": title}) + "\n"
    huge_key = json.dumps({"t": 1.0, "type": "keydown", "key": "x" * 1_000_000}) + "\n"
    status, out, err = _keys([huge_title] + _typing("hi", 0.5))
    assert status == 0, err
    assert mail not in out and len(out) > 1_000_000
    status, out, err = _keys(_typing("hi") + [huge_key])
    assert status == 1 and "line 5" in err and len(err) < 300


def test_unknown_event_types_pass_through_with_their_free_text_redacted() -> None:
    key = aws_key(random.Random(2))
    odd = {"t": 0.5, "type": "gamepad", "button": 3, "note": f"sent {EMAIL} key {key}"}
    lines = _typing("ab") + [json.dumps(odd) + "\n"]
    status, out, _ = _keys(lines)
    assert status == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["type"] for e in events] == ["keydown", "keyup", "keydown", "keyup", "gamepad"]
    passed = events[-1]
    assert passed["button"] == 3 and list(passed) == list(odd)
    assert EMAIL not in passed["note"] and key not in passed["note"]


_json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_events = st.fixed_dictionaries(
    {},
    optional={
        "t": st.floats(0, 100) | st.text(max_size=3) | st.none(),
        "type": st.sampled_from(["keydown", "keyup", "mousemove", "wheel", "paste", ""])
        | st.integers(),
        "key": st.sampled_from(["a", "Backspace", "Enter", "ArrowLeft", "\x07", "Shift+a"])
        | st.text(max_size=4),
        "app": st.text(max_size=8) | st.integers(),
        "title": st.text(max_size=8) | _json_values,
        "secure": st.booleans() | st.none() | st.integers(),
    },
)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            _events.map(json.dumps),
            _json_values.map(json.dumps),
            st.text(max_size=40),
        ),
        max_size=12,
    )
)
def test_key_reader_yields_valid_events_or_names_the_line(lines: list[str]) -> None:
    raw = [line.replace("\n", " ").replace("\r", " ") + "\n" for line in lines]
    reader = Reader(errors="strict")
    try:
        events = list(reader.events(raw))
    except KeyEventError as exc:
        assert 1 <= exc.line <= len(raw)
        assert str(exc).startswith(f"line {exc.line}: ")
        return
    assert all(isinstance(e, dict) and isinstance(e["type"], str) for e in events)
    dropping = Reader(errors="drop")
    assert list(dropping.events(raw)) == events and dropping.dropped == 0


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_no_typed_value_survives_in_key_events(seed: int) -> None:
    from corpora.keys import typing_session
    from redactkit import redact_keystrokes

    session = typing_session(random.Random(seed), n=3)
    before = "".join(
        e["key"]
        for e in session.events
        if e.get("type") == "keydown" and len(e.get("key", "")) == 1
    )
    after = redact_keystrokes(session.events)
    typed = "".join(
        e["key"] for e in after if e.get("type") == "keydown" and len(e.get("key", "")) == 1
    )
    for kind, value in session.values:
        if kind in ("EMAIL_ADDRESS", "CREDIT_CARD", "PASSWORD") and value in before:
            assert value not in typed, kind


# -- other parsers ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_cli_text_decoding_names_the_input_or_round_trips(raw: bytes) -> None:
    from redactkit.cli import Decoding, Fail, decode_text

    try:
        text = decode_text("in.txt", raw, Decoding.strict)
    except Fail as exc:
        assert str(exc).startswith("in.txt: ") and len(str(exc)) < 200
    else:
        assert text.encode("utf-8") == raw and "\x00" not in text
    if raw:
        assert "\x00" not in decode_text("in.txt", raw, Decoding.replace)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=60),
            _json_values.map(lambda v: json.dumps(v).encode()),
            st.fixed_dictionaries(
                {"path": st.text(max_size=12), "status": st.sampled_from(["ok", "failed", 3])}
            ).map(lambda v: json.dumps(v).encode()),
        ),
        max_size=8,
    )
)
def test_report_reader_survives_any_bytes(tmp_path: Path, lines: list[bytes]) -> None:
    """A report damaged by a crash or by hand never stops a resumed run; only records that
    say an image is done, for a path whose output exists, are trusted."""
    from redactkit.screens.batch import done_paths, read_report

    report = tmp_path / REPORT_NAME
    report.write_bytes(b"\n".join(lines))
    records = read_report(report)
    assert all(isinstance(k, str) and v["path"] == k for k, v in records.items())
    assert done_paths(report, tmp_path / "nothing-here") == set()
