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
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from redactkit.files import (
    DEFAULT_MAX_PIXELS,
)
from redactkit.policy import Policy
from redactkit.screens.report import (
    DONE,
    REPORT_NAME,
    BatchSummary,
    count,
    done_paths,
    iter_report,
    open_report,
    read_report,
)
from redactkit.screens.walk import IMAGE_SUFFIXES, BatchError, check_paths, clean_partial, scan
from redactkit.screens.worker import (
    WORKER_DIED,
    Task,
    failed_records,
    init_worker,
    redact_file,
    run_task,
)


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


def _run_pool(tasks: list[Task], workers: int, initargs: tuple) -> Iterator[list[dict]]:
    """Records of every task, in completion order, surviving the death of a worker.

    A worker that dies (a crash in a native decoder, the OOM killer) breaks the whole pool and
    fails every task in flight. Those tasks become suspects and are re-run one at a time in a
    fresh pool: the one that kills again is reported failed, the others complete, and the
    queue goes on in a new pool. A task that always kills a worker costs two pools.
    """
    if workers <= 1 or len(tasks) <= 1:
        init_worker(*initargs)
        for task in tasks:
            yield run_task(task)
        return
    queue: deque[Task] = deque(tasks)
    suspects: deque[Task] = deque()
    while queue or suspects:
        isolating = bool(suspects)
        source = suspects if isolating else queue
        window = 1 if isolating else workers * 4
        size = 1 if isolating else workers
        with ProcessPoolExecutor(size, get_context("spawn"), init_worker, initargs) as pool:
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
                    pending[pool.submit(run_task, task)] = task
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
                    count(summary, record)
                advance(len(records))
    summary.seconds = time.perf_counter() - started
    return summary


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


__all__ = [
    "DONE",
    "IMAGE_SUFFIXES",
    "REPORT_NAME",
    "WORKER_DIED",
    "BatchError",
    "BatchSummary",
    "Task",
    "check_paths",
    "clean_partial",
    "done_paths",
    "failed_records",
    "images_command",
    "iter_report",
    "open_report",
    "read_report",
    "redact_file",
    "run_images",
    "scan",
    "tasks_for",
]
