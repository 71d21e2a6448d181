"""The folder walk of ``redactkit images``: which trees may be read and written (overlapping
SRC and DST are refused), which files are images (by suffix; others are counted, never copied),
and the temporary files a killed run left behind.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from redactkit.files import (
    FORMATS,
)

IMAGE_SUFFIXES = frozenset(FORMATS)


class BatchError(ValueError):
    """The run cannot start (bad paths); nothing was written."""


def inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_paths(src: Path, dst: Path) -> tuple[Path, Path]:
    """Resolve SRC and DST and refuse overlapping trees; returns the resolved pair.

    For a folder SRC, DST may lie neither inside it nor around it. For a single file, DST
    may not be the file's own folder (the output would replace the input).
    """
    if not src.exists():
        raise BatchError(f"source not found: {src}")
    rsrc, rdst = src.resolve(), dst.resolve()
    if rdst.exists() and not rdst.is_dir():
        raise BatchError(f"destination is not a folder: {dst}")
    if rsrc.is_dir():
        if inside(rdst, rsrc):
            raise BatchError(f"destination {dst} lies inside the source {src}")
        if inside(rsrc, rdst):
            raise BatchError(f"source {src} lies inside the destination {dst}")
    elif rdst == rsrc.parent:
        raise BatchError(f"destination {dst} is the folder of the source file {src}")
    return rsrc, rdst


def scan(src: Path) -> tuple[list[tuple[Path, str]], int]:
    """Image files under SRC as (path, relative path with / separators), sorted, and the
    number of other files. SRC may be one file. Symlinked folders are not followed."""
    if src.is_file():
        if src.suffix.lower() in IMAGE_SUFFIXES:
            return [(src, src.name)], 0
        return [], 1
    images: list[tuple[Path, str]] = []
    others = 0
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
                images.append((path, path.relative_to(src).as_posix()))
            else:
                others += 1
    return images, others


def clean_partial(dst: Path) -> int:
    """Remove temporary files that a killed run left under ``dst``; return how many.

    Only names that :func:`redactkit.files.write_atomic` makes for an image (``.NAME.XXXX.tmp``
    with NAME an image file name) are touched: nothing else in DST is ours to delete.
    """
    removed = 0
    for root, _dirs, files in os.walk(dst):
        for name in files:
            match = _PARTIAL.fullmatch(name)
            if match and Path(match.group(1)).suffix.lower() in IMAGE_SUFFIXES:
                try:
                    (Path(root) / name).unlink()
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


_PARTIAL = re.compile(r"\.(.+)\.[A-Za-z0-9_]+\.tmp")
