"""The per-image work of ``redactkit images``: one task (an image, or a folder of frames of one
screen) run in a worker process that built its redactor once, each file redacted frame by
frame into its report record. A file that fails is reported failed, never passed through.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactkit.files import (
    DEFAULT_MAX_PIXELS,
    ImageReadError,
    read_image,
    write_image,
)
from redactkit.policy import Policy
from redactkit.screens.walk import BatchError, inside

#: How bad a status is, for the status of a multi-frame file (its worst frame).
_RANK = {"ok": 0, "masked-by-context": 1, "failed": 2, "unreadable": 3}


@dataclass(frozen=True)
class Task:
    """Images handled by one worker call: one image, or one folder's frames in name order."""

    items: tuple[tuple[str, str], ...]  # (source path, relative path)
    stream: bool = False


def redact_file(
    redactor: Any,
    src: Path,
    dst_root: Path,
    rel: str,
    frames_of: Any = None,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> dict:
    """Redact every frame of one image file into ``dst_root / rel``; return its report record.

    ``frames_of``: the object whose ``redact(frame)`` handles frames (a redactor or its
    stream). Failed frames are fully masked, or the whole file is withheld when the redactor
    withholds; an unreadable file writes nothing.
    """
    started = time.perf_counter()
    record: dict[str, Any] = {"path": rel}
    out_path = dst_root / rel
    try:
        loaded = read_image(src, max_pixels=max_pixels)
    except ImageReadError as exc:
        record.update(status="unreadable", error=str(exc).replace(str(src), rel))
        record["seconds"] = round(time.perf_counter() - started, 3)
        return record
    handler = frames_of if frames_of is not None else redactor
    results = [handler.redact(frame) for frame in loaded.frames]
    status = max((r.status for r in results), key=_RANK.__getitem__)
    width, height = loaded.size
    record.update(size=[width, height], status=status)
    if len(results) > 1:
        record["frames"] = len(results)
    errors = sorted({r.error for r in results if r.error})
    if errors:
        record["error"] = "; ".join(errors)
    record["findings"] = [
        _finding_record(f, k if len(results) > 1 else None)
        for k, r in enumerate(results)
        for f in r.findings
    ]
    if any(r.image is None for r in results):
        record["withheld"] = True
    else:
        if not inside(out_path.resolve().parent, dst_root.resolve()):
            raise BatchError(f"output path escapes the destination: {rel}")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        write_image(
            out_path,
            [r.image for r in results],
            fmt=loaded.format,
            durations=loaded.durations,
            loop=loaded.loop,
        )
    record["seconds"] = round(time.perf_counter() - started, 3)
    return record


def _finding_record(finding: Any, frame: int | None) -> dict:
    out: dict[str, Any] = {
        "type": finding.entity_type,
        "box": list(finding.box) if finding.box is not None else None,
        "score": round(float(finding.score), 4),
        "detector": finding.detector,
    }
    if frame is not None:
        out["frame"] = frame
    return out


_REDACTOR: Any = None
_DST: Path | None = None
_MAX_PIXELS: int = DEFAULT_MAX_PIXELS


def init_worker(
    policy: Policy | None, on_error: str, dst: str, max_pixels: int = DEFAULT_MAX_PIXELS
) -> None:
    """Build this process's redactor once; Tesseract gets one thread (workers are the cores)."""
    global _REDACTOR, _DST, _MAX_PIXELS
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from redactkit.screens.redactor import ScreenshotRedactor

    _REDACTOR = ScreenshotRedactor(policy, on_error=on_error, keep_original=False)
    _DST = Path(dst)
    _MAX_PIXELS = max_pixels


def run_task(task: Task) -> list[dict]:
    """Report records of one task, in this worker's redactor (see :func:`init_worker`)."""
    assert _REDACTOR is not None and _DST is not None
    stream = _REDACTOR.stream() if task.stream else None
    records = []
    for src, rel in task.items:
        try:
            records.append(
                redact_file(_REDACTOR, Path(src), _DST, rel, stream, max_pixels=_MAX_PIXELS)
            )
        except Exception as exc:  # never let one file stop the run; report it as failed
            records.append({"path": rel, "status": "failed", "error": type(exc).__name__})
    return records


def failed_records(task: Task, reason: str) -> list[dict]:
    """Report records for a task that produced nothing (its outputs are withheld)."""
    return [{"path": rel, "status": "failed", "error": reason} for _, rel in task.items]


WORKER_DIED = "worker process died"
