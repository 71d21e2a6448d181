"""``redactkit images SRC DST``: redact every image of a folder tree into a mirror tree.

One task per image (or, with ``stream``, per folder of frames) runs in a process pool whose
workers each build their redactor once and run Tesseract single-threaded, so N workers use N
cores. The parent alone writes ``DST/redactkit-report.jsonl``, one line per image as it
finishes, flushed at once: a killed run leaves a report whose every complete line is true, and
``resume`` trusts exactly those lines (plus the presence of the output file).

Refusals up front: DST inside SRC (outputs would be read back as inputs) and SRC inside DST
(a relative path under SRC can name a file of SRC itself in DST's tree); no output is ever
written below SRC. Files whose suffix is not an image suffix are skipped and counted, never
copied: an unknown file could hold anything.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from redactkit.files import (
    DEFAULT_MAX_PIXELS,
    FORMATS,
    ImageReadError,
    read_image,
    write_image,
)
from redactkit.policy import Policy

REPORT_NAME = "redactkit-report.jsonl"
IMAGE_SUFFIXES = frozenset(FORMATS)
DONE = frozenset({"ok", "masked-by-context"})
#: How bad a status is, for the status of a multi-frame file (its worst frame).
_RANK = {"ok": 0, "masked-by-context": 1, "failed": 2, "unreadable": 3}


class BatchError(ValueError):
    """The run cannot start (bad paths); nothing was written."""


@dataclass
class BatchSummary:
    """Counts for one run; ``exit_code`` is non-zero when any input failed."""

    images: int = 0
    processed: int = 0
    ok: int = 0
    failed: int = 0
    unreadable: int = 0
    skipped_done: int = 0
    non_images: int = 0
    seconds: float = 0.0
    report: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.unreadable else 0

    def message(self) -> str:
        """One line for the terminal; names counts and the report, never content."""
        bad = self.failed + self.unreadable
        head = f"redactkit images: {self.processed} processed"
        if self.skipped_done:
            head += f", {self.skipped_done} already done"
        if self.non_images:
            head += f", {self.non_images} non-image files skipped"
        if bad:
            return (
                f"{head}; {bad} failed (output fully masked or withheld, "
                f"{self.unreadable} unreadable); see {self.report}"
            )
        return f"{head} in {self.seconds:.1f} s"


@dataclass(frozen=True)
class Task:
    """Images handled by one worker call: one image, or one folder's frames in name order."""

    items: tuple[tuple[str, str], ...]  # (source path, relative path)
    stream: bool = False


# -- paths ------------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
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
        if _inside(rdst, rsrc):
            raise BatchError(f"destination {dst} lies inside the source {src}")
        if _inside(rsrc, rdst):
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


def tasks_for(items: list[tuple[Path, str]], stream: bool) -> list[Task]:
    """One task per image, or with ``stream`` one per folder, frames in name order."""
    if not stream:
        return [Task(((str(p), rel),)) for p, rel in items]
    folders: dict[str, list[tuple[str, str]]] = {}
    for p, rel in items:
        folders.setdefault(str(Path(rel).parent), []).append((str(p), rel))
    return [
        Task(tuple(sorted(v, key=lambda item: item[1])), stream=True)
        for _, v in sorted(folders.items())
    ]


# -- report -----------------------------------------------------------------------------------


def read_report(path: Path) -> dict[str, dict]:
    """Last record per image path. A torn last line (killed run) is ignored, and so is damage
    that is not UTF-8 (decoded with replacement characters, it names no real path)."""
    records: dict[str, dict] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("path"), str):
                    records[record["path"]] = record
    except FileNotFoundError:
        pass
    return records


def open_report(report: Path, resume: bool):
    """The report, opened for this run's records: appended to when resuming, else new.

    A killed run can leave a torn last line; it is cut off first, or the next record would be
    glued to it and both lost to ``read_report``.
    """
    if resume and report.is_file():
        with report.open("rb+") as handle:
            data = handle.read()
            if data and not data.endswith(b"\n"):
                handle.truncate(data.rfind(b"\n") + 1)
    return report.open("a" if resume else "w", encoding="utf-8")


def done_paths(report: Path, dst: Path) -> set[str]:
    """Relative paths a resumed run may skip: reported done and with their output present."""
    return {
        rel
        for rel, record in read_report(report).items()
        if record.get("status") in DONE and (dst / rel).is_file()
    }


# -- one image --------------------------------------------------------------------------------


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
        if not _inside(out_path.resolve().parent, dst_root.resolve()):
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


# -- workers ----------------------------------------------------------------------------------

_REDACTOR: Any = None
_DST: Path | None = None
_MAX_PIXELS: int = DEFAULT_MAX_PIXELS


def _init_worker(
    policy: Policy | None, on_error: str, dst: str, max_pixels: int = DEFAULT_MAX_PIXELS
) -> None:
    """Build this process's redactor once; Tesseract gets one thread (workers are the cores)."""
    global _REDACTOR, _DST, _MAX_PIXELS
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from redactkit.screens.redactor import ScreenshotRedactor

    _REDACTOR = ScreenshotRedactor(policy, on_error=on_error, keep_original=False)
    _DST = Path(dst)
    _MAX_PIXELS = max_pixels


def _run_task(task: Task) -> list[dict]:
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


def _run_pool(tasks: list[Task], workers: int, initargs: tuple) -> Iterator[list[dict]]:
    """Records of every task, in completion order, surviving the death of a worker.

    A worker that dies (a crash in a native decoder, the OOM killer) breaks the whole pool and
    fails every task in flight. Those tasks become suspects and are re-run one at a time in a
    fresh pool: the one that kills again is reported failed, the others complete, and the
    queue goes on in a new pool. A task that always kills a worker costs two pools.
    """
    if workers <= 1 or len(tasks) <= 1:
        _init_worker(*initargs)
        for task in tasks:
            yield _run_task(task)
        return
    queue: deque[Task] = deque(tasks)
    suspects: deque[Task] = deque()
    while queue or suspects:
        isolating = bool(suspects)
        source = suspects if isolating else queue
        window = 1 if isolating else workers * 4
        size = 1 if isolating else workers
        with ProcessPoolExecutor(size, get_context("spawn"), _init_worker, initargs) as pool:
            lost = yield from _drain(pool, source, window)
        if isolating:
            for task in lost:  # it ran alone and its worker died: this task is the cause
                yield failed_records(task, WORKER_DIED)
        else:
            suspects.extend(lost)


def _drain(pool: ProcessPoolExecutor, source: deque[Task], window: int):
    """Run the tasks of ``source`` on ``pool``, at most ``window`` at a time, yielding their
    records; return the tasks in flight when the pool broke (empty when it did not)."""
    pending: dict[Future, Task] = {}
    try:
        while source or pending:
            while source and len(pending) < window:
                task = source.popleft()
                try:
                    pending[pool.submit(_run_task, task)] = task
                except BrokenProcessPool:
                    source.appendleft(task)
                    return list(pending.values())
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    records = future.result()
                except BrokenProcessPool:
                    return list(pending.values())
                del pending[future]
                yield records
        return []
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise


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


# -- the run ----------------------------------------------------------------------------------


def run_images(
    src: Path,
    dst: Path,
    *,
    workers: int | None = None,
    resume: bool = False,
    stream: bool = False,
    policy: Policy | None = None,
    progress: bool = True,
    on_error: str = "mask",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> BatchSummary:
    """Redact every image under ``src`` into the same relative path under ``dst``.

    ``workers``: processes (default: the number of cores). ``resume``: skip images the
    existing report marks done whose output exists. ``stream``: each folder's images, in
    name order, are frames of one screen. ``max_pixels``: images (all frames together) larger
    than this are refused as unreadable before decoding (decompression bombs). Returns the
    counts; see ``BatchSummary.exit_code``.
    """
    started = time.perf_counter()
    src, dst = Path(src), Path(dst)
    rsrc, rdst = check_paths(src, dst)
    items, non_images = scan(rsrc)
    rdst.mkdir(parents=True, exist_ok=True)
    clean_partial(rdst)
    report = rdst / REPORT_NAME
    summary = BatchSummary(images=len(items), non_images=non_images, report=report)
    if resume:
        done = done_paths(report, rdst)
        summary.skipped_done = sum(1 for _, rel in items if rel in done)
        items = [(p, rel) for p, rel in items if rel not in done]
    tasks = tasks_for(items, stream)
    workers = workers or os.cpu_count() or 1
    with open_report(report, resume) as out:
        with _progress(progress, len(items)) as advance:
            initargs = (policy, on_error, str(rdst), max_pixels)
            for records in _run_pool(tasks, workers, initargs):
                for record in records:
                    out.write(json.dumps(record, separators=(",", ":")) + "\n")
                    out.flush()
                    _count(summary, record)
                advance(len(records))
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: BatchSummary, record: dict) -> None:
    summary.processed += 1
    status = record.get("status")
    if status in DONE:
        summary.ok += 1
    elif status == "unreadable":
        summary.unreadable += 1
    else:
        summary.failed += 1


class _progress:
    """A rich progress bar with ETA on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled and sys.stderr.isatty() and total > 0
        self.total = total
        self._bar: Any = None

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("redacting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._bar.__enter__()
        task = self._bar.add_task("images", total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def images_command(
    src: Path,
    dst: Path,
    *,
    workers: int | None = None,
    resume: bool = False,
    stream: bool = False,
    policy: Policy | None = None,
    progress: bool = True,
    on_error: str = "mask",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> int:
    """What the CLI runs: the batch, one line on stderr, and the exit status."""
    try:
        summary = run_images(
            src,
            dst,
            workers=workers,
            resume=resume,
            stream=stream,
            policy=policy,
            progress=progress,
            on_error=on_error,
            max_pixels=max_pixels,
        )
    except BatchError as exc:
        print(f"redactkit images: {exc}", file=sys.stderr)
        return 2
    print(summary.message(), file=sys.stderr)
    return summary.exit_code


def iter_report(path: Path) -> Iterable[dict]:
    """Records of a report in file order (for tools reading it back)."""
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue
