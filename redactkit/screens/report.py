"""The report of ``redactkit images``: one JSON line per image, written by the parent alone and
flushed at once, so every complete line of a killed run's report is true; reading it back for
``resume`` (a torn last line ignored), and the run's counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPORT_NAME = "redactkit-report.jsonl"

DONE = frozenset({"ok", "masked-by-context"})


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


def count(summary: BatchSummary, record: dict) -> None:
    """Add one report record to the run's counts."""
    summary.processed += 1
    status = record.get("status")
    if status in DONE:
        summary.ok += 1
    elif status == "unreadable":
        summary.unreadable += 1
    else:
        summary.failed += 1


def iter_report(path: Path) -> Iterable[dict]:
    """Records of a report in file order (for tools reading it back)."""
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue
