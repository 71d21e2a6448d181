"""``redactkit images SRC DST --cluster ADDRESS``: the batch run on a Dask cluster's workers.

The work unit is the one the local pool runs: :func:`redactkit.screens.worker.run_task` on a
:class:`~redactkit.screens.worker.Task`, with the redactor each worker process builds once. So
outputs are byte-for-byte those of a local run and report records differ only in ``seconds``
and line order. Workers read SRC and write DST themselves (shared storage mounted at the same
path on every machine): images never travel through the client or the scheduler, which would
otherwise cap the throughput of the whole cluster at one network link. The client alone
writes the report, as in the local run, so ``--resume`` works the same way.

Dask rather than a home-made scheduler: it already re-runs the tasks of a worker that dies
(the nanny restarts the process) and gives up on a task that keeps killing workers
(``KilledWorker``), which is reported as a failed image with no output. See docs/scale-out.md.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from redactkit.files import DEFAULT_MAX_PIXELS
from redactkit.policy import Policy
from redactkit.screens import batch
from redactkit.screens.batch import BatchSummary, Task
from redactkit.screens.report import count
from redactkit.screens.worker import init_worker, run_task

#: Tasks in flight per worker thread: enough to keep workers busy between round trips, few
#: enough that a million-image folder is not a million futures on the scheduler at once.
IN_FLIGHT_PER_THREAD = 4
#: Tries of a task whose workers died before it is reported failed (see :func:`_results`).
KILLED_WORKER_ATTEMPTS = 2


class ClusterError(ValueError):
    """The cluster cannot run this job (unreachable, or its workers cannot see the paths)."""


# -- on the worker ----------------------------------------------------------------------------

_RUN: str | None = None
_RUN_LOCK = threading.Lock()


def run_on_worker(
    task: Task,
    run: str,
    policy: Policy | None,
    on_error: str,
    dst: str,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> list:
    """Redact one task on a Dask worker: the local pool's work function, same records.

    The worker process builds its redactor once per run (``run`` is the client's run id), not
    per task: loading the NLP model costs seconds, one screenshot about one.
    """
    global _RUN
    with _RUN_LOCK:
        if _RUN != run:
            init_worker(policy, on_error, dst, max_pixels)
            _RUN = run
    return run_task(task)


def _sees_paths(src: str, dst: str) -> str | None:
    """On a worker: None when SRC is readable and DST writable here, else what is wrong."""
    if not os.access(src, os.R_OK):
        return f"cannot read {src}"
    if not os.access(dst, os.W_OK | os.X_OK):
        return f"cannot write into {dst}"
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception as exc:  # noqa: BLE001 - any failure means this worker cannot OCR
        return f"no working Tesseract ({type(exc).__name__})"
    return None


# -- on the client ----------------------------------------------------------------------------


def connect(address: str, timeout: float = 30.0) -> Any:
    """A ``distributed.Client`` for the scheduler at ``address`` (e.g. ``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            "the cluster needs the Dask extra: pip install 'redactkit[cluster]'"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({type(exc).__name__})"
        ) from None


def check_workers(client: Any, src: Path, dst: Path) -> int:
    """Refuse to start unless every worker sees SRC, can write DST and can run Tesseract.

    Without this check a worker on a machine without the shared mount would report every
    image it is given as unreadable. Returns the number of worker threads.
    """
    nthreads = client.nthreads()
    if not nthreads:
        raise ClusterError("the Dask cluster has no workers")
    problems = client.run(_sees_paths, str(src), str(dst))
    bad = {worker: why for worker, why in problems.items() if why}
    if bad:
        worker, why = sorted(bad.items())[0]
        raise ClusterError(f"{len(bad)} worker(s) not ready, e.g. {worker}: {why}")
    return sum(nthreads.values())


def _results(
    client: Any, tasks: list[Task], window: int, args: tuple
) -> Iterator[tuple[Task, list[dict]]]:
    """(task, records) as tasks finish; at most ``window`` tasks submitted at a time.

    A task that raised, or whose workers kept dying (``KilledWorker``), gets failed records:
    its images have no output, and the run goes on. A ``KilledWorker`` task is first tried
    once more: Dask blames every task queued on a dying worker, so an innocent neighbour of
    a poison image can be blamed once, but not twice.
    """
    from distributed import KilledWorker, as_completed

    queue = iter(tasks)
    owner: dict[str, tuple[Task, int]] = {}

    def submit(task: Task, attempt: int = 1) -> Any:
        future = client.submit(
            run_on_worker, task, *args, pure=False, key=f"redact-{uuid.uuid4().hex}"
        )
        owner[future.key] = (task, attempt)
        return future

    first = [submit(t) for _, t in zip(range(window), queue)]
    if not first:
        return
    running = as_completed(first, loop=client.loop)
    for future in running:
        task, attempt = owner.pop(future.key)
        try:
            records = future.result()
        except KilledWorker:
            if attempt < KILLED_WORKER_ATTEMPTS:
                future.release()
                running.add(submit(task, attempt + 1))
                continue
            records = batch.failed_records(task, "cluster task failed (KilledWorker)")
        except Exception as exc:  # noqa: BLE001 - a lost connection, a broken environment
            records = batch.failed_records(task, f"cluster task failed ({type(exc).__name__})")
        future.release()
        yield task, records
        following = next(queue, None)
        if following is not None:
            running.add(submit(following))


def run_images_on_cluster(
    src: str | os.PathLike,
    dst: str | os.PathLike,
    address: str | Any,
    *,
    policy: Policy | None = None,
    resume: bool = False,
    on_error: str = "mask",
    progress: bool = True,
    connect_timeout: float = 30.0,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> BatchSummary:
    """Redact every image under ``src`` into ``dst`` on the Dask cluster at ``address``.

    ``address``: a scheduler address, or an open ``distributed.Client``. Same checks, outputs,
    report and ``resume`` as :func:`redactkit.screens.batch.run_images`; SRC and DST must be
    at the same paths on every worker (``max_pixels`` as there). Raises :class:`ClusterError` (a ValueError) when the
    cluster is unreachable or a worker cannot see the paths, ``BatchError`` for bad paths.
    """
    if on_error not in ("mask", "withhold"):
        raise ValueError("on_error must be 'mask' or 'withhold'")
    started = time.perf_counter()
    rsrc, rdst = batch.check_paths(Path(src), Path(dst))
    items, non_images = batch.scan(rsrc)
    rdst.mkdir(parents=True, exist_ok=True)
    batch.clean_partial(rdst)
    report = rdst / batch.REPORT_NAME
    summary = BatchSummary(images=len(items), non_images=non_images, report=report)
    if resume:
        done = batch.done_paths(report, rdst)
        summary.skipped_done = sum(1 for _, rel in items if rel in done)
        items = [(p, rel) for p, rel in items if rel not in done]
    tasks = batch.tasks_for(items, stream=False)
    own = isinstance(address, str)
    client = connect(address, connect_timeout) if own else address
    try:
        threads = check_workers(client, rsrc if rsrc.is_dir() else rsrc.parent, rdst)
        window = max(2, threads * IN_FLIGHT_PER_THREAD)
        args = (uuid.uuid4().hex, policy, on_error, str(rdst), max_pixels)
        with batch.open_report(report, resume) as out:
            with batch._progress(progress, len(items)) as advance:
                for _task, records in _results(client, tasks, window, args):
                    for record in records:
                        out.write(json.dumps(record, separators=(",", ":")) + "\n")
                        out.flush()
                        count(summary, record)
                    advance(len(records))
    finally:
        if own:
            client.close()
    summary.seconds = time.perf_counter() - started
    return summary
