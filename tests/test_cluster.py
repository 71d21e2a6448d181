"""The images batch on a real Dask cluster (LocalCluster: 2 worker processes x 1 thread on
127.0.0.1) gives the local run's outputs, byte for byte, and the same report."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import dask
import distributed
import pytest
from PIL import Image
from typer.testing import CliRunner

from corpora.screens import render_screen
from redactkit.cli import app
from redactkit.cluster import ClusterError, run_images_on_cluster
from redactkit.screens import batch
from redactkit.screens.batch import REPORT_NAME, Task, iter_report, run_images


@pytest.fixture(scope="module")
def cluster():
    # One death of a worker is enough to give up on a try of a task, and a worker holds only
    # the task it runs: the poison test stays short and blames no neighbour.
    settings = {
        "distributed.scheduler.allowed-failures": 0,
        "distributed.scheduler.worker-saturation": 1.0,
    }
    with dask.config.set(settings):
        with distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            env={"OMP_THREAD_LIMIT": "1"},
        ) as local:
            yield local


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    """Screenshots in two folders and three formats, an unreadable image, a stray file."""
    root = tmp_path_factory.mktemp("shots")
    rng = random.Random(31)
    for name in ["a/one.png", "a/two.jpg", "b/three.webp", "b/c/four.png"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(render_screen(rng, size=(640, 400)).image).save(root / name)
    (root / "b" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    (root / "notes.txt").write_text("not an image")
    return root


@pytest.fixture(scope="module")
def local_run(src: Path, tmp_path_factory):
    dst = tmp_path_factory.mktemp("local")
    return run_images(src, dst, workers=1, progress=False), dst


def _records(dst: Path) -> dict[str, dict]:
    out = {}
    for record in iter_report(dst / REPORT_NAME):
        record.pop("seconds", None)
        out[record["path"]] = record
    return out


def _files(dst: Path) -> dict[str, bytes]:
    return {
        p.relative_to(dst).as_posix(): p.read_bytes()
        for p in dst.rglob("*")
        if p.is_file() and p.name != REPORT_NAME
    }


def test_cluster_run_equals_local_run(cluster, src: Path, local_run, tmp_path: Path) -> None:
    local, local_dst = local_run
    dst = tmp_path / "out"
    summary = run_images_on_cluster(src, dst, cluster.scheduler_address, progress=False)
    for name in ("images", "processed", "ok", "failed", "unreadable", "non_images"):
        assert getattr(summary, name) == getattr(local, name), name
    assert summary.exit_code == local.exit_code == 1  # the broken image
    assert _files(dst) == _files(local_dst)
    assert len(_files(dst)) == 4
    assert _records(dst) == _records(local_dst)
    assert sum(len(r.get("findings", [])) for r in _records(dst).values()) >= 4


def test_resume_on_the_cluster(cluster, src: Path, local_run, tmp_path: Path) -> None:
    dst = tmp_path / "out"
    run_images_on_cluster(src, dst, cluster.scheduler_address, progress=False)
    (dst / "b" / "three.webp").unlink()
    again = run_images_on_cluster(src, dst, cluster.scheduler_address, progress=False, resume=True)
    assert again.skipped_done == 3 and again.ok == 1 and again.unreadable == 1
    assert _files(dst) == _files(local_run[1])


def test_cli_cluster_option(cluster, src: Path, local_run, tmp_path: Path) -> None:
    dst = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["images", str(src / "a"), str(dst), "--cluster", cluster.scheduler_address]
    )
    assert result.exit_code == 0, result.output
    assert _files(dst) == {
        k.removeprefix("a/"): v for k, v in _files(local_run[1]).items() if k.startswith("a/")
    }


def test_unreachable_scheduler(src: Path, tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match="cannot reach"):
        run_images_on_cluster(
            src, tmp_path / "out", "tcp://127.0.0.1:9", progress=False, connect_timeout=2
        )


def _on_a_worker() -> bool:
    try:
        distributed.get_worker()
    except ValueError:
        return False
    return True


class DeadlyTask(Task):
    """Kills the worker process that runs it, every time (a poison image). Only on a worker:
    the scheduler (here in the test process) deserialises tasks too."""

    def __getattribute__(self, name: str):
        if name == "items" and _on_a_worker():
            os._exit(3)
        return super().__getattribute__(name)


def test_a_task_that_kills_its_worker(cluster, src: Path, tmp_path: Path, monkeypatch) -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    real = batch.tasks_for

    def poisoned(items, stream):
        return [
            DeadlyTask(t.items) if t.items[0][1] == "a/two.jpg" else t for t in real(items, stream)
        ]

    monkeypatch.setattr(batch, "tasks_for", poisoned)
    dst = tmp_path / "out"
    try:
        summary = run_images_on_cluster(src, dst, cluster.scheduler_address, progress=False)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    records = _records(dst)
    assert records["a/two.jpg"] == {
        "path": "a/two.jpg",
        "status": "failed",
        "error": "cluster task failed (KilledWorker)",
    }
    assert not (dst / "a" / "two.jpg").exists()
    assert sorted(_files(dst)) == ["a/one.png", "b/c/four.png", "b/three.webp"]
    assert summary.failed == 1 and summary.ok == 3 and summary.exit_code == 1
