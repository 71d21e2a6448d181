"""``redactkit keys``: JSON Lines of key events in, redacted JSON Lines out.

Nothing unredacted is ever written: events leave only through the redactor, and when reading or
redacting fails part-way, the events still held are flushed masked before the error is reported.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from redactkit.keys.events import KeyEventError, Reader, dump_event
from redactkit.keys.redactor import BATCH_FIELDS, OFFLINE_DEADLINE, KeystrokeRedactor


def run_keys(
    inp: TextIO,
    out: TextIO,
    *,
    policy: Any = None,
    mode: str | None = None,
    errors: str = "strict",
    err: TextIO | None = None,
    **options: Any,
) -> int:
    """Redact the events of ``inp`` into ``out``; returns the exit status.

    0: every line processed (with ``errors="drop"``, bad lines dropped and counted on ``err``).
    1: a bad line under ``errors="strict"`` (message names the line, never its content), or a
    detection failure (the affected keystrokes were masked). 2: unusable options.
    Output up to the failure is complete and redacted; held events are written masked.
    Detection is batched over ``BATCH_FIELDS`` ended fields (``detect_batch`` in ``options``),
    so output trails input by up to that many fields.
    """
    err = err if err is not None else sys.stderr
    options.setdefault("detect_batch", BATCH_FIELDS)
    if options.get("deadline") is None and options.get("max_hold_seconds") is None:
        options["deadline"] = OFFLINE_DEADLINE  # a file: no live consumer waits
    try:
        reader = Reader(errors=errors)
        redactor = KeystrokeRedactor(policy=policy, mode=mode or "mask", **options)
    except (ValueError, TypeError) as exc:
        err.write(f"redactkit keys: {exc}\n")
        return 2
    status = 0
    try:
        # a bad line stops the reader; the events before it have been fed and go out
        for event in redactor.feed(reader.events(inp)):
            out.write(dump_event(event))
    except KeyEventError as exc:
        err.write(f"redactkit keys: {exc}\n")
        redactor.fail()
        status = 1
    except Exception as exc:  # noqa: BLE001 - report without values, never pass events through
        err.write(f"redactkit keys: failed at line {reader.line}: {type(exc).__name__}\n")
        redactor.fail()
        status = 1
    try:
        for event in redactor.flush():
            out.write(dump_event(event))
    except Exception as exc:  # noqa: BLE001 - deciding the last field failed: mask what is held
        err.write(f"redactkit keys: failed at the end of input: {type(exc).__name__}\n")
        redactor.fail()
        for event in redactor.flush():
            out.write(dump_event(event))
        status = 1
    if reader.dropped:
        err.write(
            f"redactkit keys: dropped {reader.dropped} bad line(s), first at line "
            f"{reader.dropped_lines[0]}\n"
        )
    if redactor.stats["detection_errors"]:
        err.write(
            f"redactkit keys: detection failed {redactor.stats['detection_errors']} time(s);"
            " the affected keystrokes were masked\n"
        )
        status = 1
    return status
