"""Image files: orientation applied, metadata never copied, hostile files refused clearly."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image, PngImagePlugin

from redactkit.files import (
    ImageReadError,
    ImageWriteError,
    read_image,
    to_array,
    write_atomic,
    write_image,
)

SECRET = "Jane Q. Private"


def gradient(h: int = 30, w: int = 50) -> np.ndarray:
    ys, xs = np.mgrid[0:h, 0:w]
    return np.stack([xs * 5 % 256, ys * 8 % 256, (xs + ys) % 256], axis=2).astype(np.uint8)


def test_exif_orientation_applied(tmp_path):
    pixels = gradient()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    Image.fromarray(pixels).save(tmp_path / "r.png", exif=exif)
    loaded = read_image(tmp_path / "r.png")
    assert loaded.size == (30, 50)
    np.testing.assert_array_equal(loaded.frames[0], np.rot90(pixels, k=-1))


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp", "tif"])
def test_metadata_stripped(tmp_path, suffix):
    exif = Image.Exif()
    exif[0x013B] = SECRET  # Artist
    exif[0x010E] = "/home/jane/secret-project"  # ImageDescription
    options = {"exif": exif, "icc_profile": b"ICC " + SECRET.encode() * 4}
    if suffix == "png":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", SECRET)
        info.add_itxt("Comment", SECRET)
        options["pnginfo"] = info
    src = tmp_path / f"in.{suffix}"
    Image.fromarray(gradient()).save(src, **options)
    assert SECRET.encode() in src.read_bytes()
    loaded = read_image(src)
    out = tmp_path / f"out.{suffix}"
    write_image(out, loaded.frames, fmt=loaded.format)
    data = out.read_bytes()
    assert SECRET.encode() not in data and b"secret-project" not in data
    with Image.open(out) as image:
        exif = image.getexif()  # a TIFF's own structure tags live here too: check ours only
        assert 0x013B not in exif and 0x010E not in exif and "icc_profile" not in image.info
        assert image.format == loaded.format


def test_bomb_refused_before_decoding(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("L", (6000, 6000)).save(path)  # a few KB on disk, 36 Mpx decoded
    assert path.stat().st_size < 200_000
    with pytest.raises(ImageReadError, match="bomb.png.*limit"):
        read_image(path, max_pixels=10_000_000)
    assert read_image(path, max_pixels=40_000_000).size == (6000, 6000)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"Hello, I am text, not a PNG at all " + SECRET.encode(), "not a recognised"),
        (None, "unreadable or truncated"),
    ],
)
def test_broken_files_refused_with_clear_error(tmp_path, content, reason):
    path = tmp_path / "broken.png"
    if content is None:  # a real PNG cut in half
        Image.fromarray(gradient(200, 200)).save(path)
        content = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(content)
    with pytest.raises(ImageReadError) as info:
        read_image(path)
    message = str(info.value)
    assert "broken.png" in message and reason in message and SECRET not in message


def test_missing_file(tmp_path):
    with pytest.raises(ImageReadError, match="no such file"):
        read_image(tmp_path / "nope.png")


def animated(path, n=3):
    frames = [Image.fromarray(np.full((20, 30, 3), 40 * (i + 1), np.uint8)) for i in range(n)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=[50, 60, 70], loop=0)


def test_animated_gif_every_frame_or_refused(tmp_path):
    path = tmp_path / "a.gif"
    animated(path)
    loaded = read_image(path)
    assert len(loaded.frames) == 3 and loaded.durations == [50, 60, 70]
    assert len({int(f.mean()) for f in loaded.frames}) == 3
    with pytest.raises(ImageReadError, match="3 frames"):
        read_image(path, multiframe=False)
    out = tmp_path / "b.gif"
    write_image(out, [255 - f for f in loaded.frames], durations=loaded.durations, loop=0)
    with Image.open(out) as image:
        assert image.n_frames == 3


def test_modes_become_8bit():
    assert to_array(Image.new("I;16", (4, 3), 65535)).tolist() == [[255] * 4] * 3
    assert to_array(Image.new("CMYK", (4, 3))).shape == (3, 4, 3)
    assert to_array(Image.new("LA", (4, 3))).shape == (3, 4, 4)
    palette = Image.new("P", (4, 3))
    palette.info["transparency"] = 0
    assert to_array(palette).shape == (3, 4, 4)
    assert to_array(Image.new("1", (4, 3))).dtype == np.uint8


def test_atomic_write_keeps_old_content_on_failure(tmp_path):
    path = tmp_path / "out.png"
    path.write_bytes(b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    with pytest.raises(ValueError):  # encoding fails before anything touches the file
        write_image(path, [np.zeros((2, 2), np.float32)])
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.png"]  # no temporary file left behind
    with pytest.raises(ImageWriteError, match="out.png"):
        write_atomic(tmp_path / "missing-dir" / "out.png", b"x")
