"""A real recording: ``openadapt-capture`` under Xvfb while xdotool types into xterm and xedit.

Skipped where the X tools or the ``recorder`` extra are missing, except in CI (``.ci/run``
installs them through ``REDACTKIT_SETUP_X11=1 scripts/setup`` and requires the test to run).
The recorder stores about half of the keys (those typed into xedit) as ``keycode_NN`` with no
text, and the frames show the typed values and a name in the focused xterm's title bar. After redaction no typed value may be spelled by any
field of the key events, nor any value read again by OCR from any frame.
"""

from __future__ import annotations

import importlib.util
import os

import pytest

from benchmarks.recorded_xvfb import missing_tools

MISSING = bool(missing_tools()) or importlib.util.find_spec("openadapt_capture") is None
# CI installs the tools (REDACTKIT_SETUP_X11=1) and sets REDACTKIT_REQUIRE_X11=1: there a
# missing tool fails the run instead of skipping the test silently
pytestmark = pytest.mark.skipif(
    MISSING and os.environ.get("REDACTKIT_REQUIRE_X11") != "1",
    reason="needs Xvfb, openbox, xterm, xedit, xdotool and openadapt-capture",
)


@pytest.fixture(scope="module")
def recording():
    assert not MISSING, f"missing: {missing_tools()} (or the recorder extra)"
    import tempfile
    from pathlib import Path

    from benchmarks.recorded_xvfb import desktop, record_with_openadapt

    with tempfile.TemporaryDirectory() as tmp, desktop() as env:
        return record_with_openadapt(env, Path(tmp, "capture"), fps=2.0)


def test_nothing_typed_is_recoverable_from_the_redacted_recording(recording) -> None:
    from benchmarks.recorded_xvfb import VALUES, evaluate

    assert len(recording.frames) >= 6 and len(recording.events) >= 100
    fig = evaluate(recording)
    keys = fig["keys"]
    assert keys["keycode_only"] > 0  # the recorder's keycode-only keys are in the session
    assert keys["values_spelled_before"] == list(VALUES)
    assert keys["values_spelled_after"] == []
    frames = fig["frames"]
    assert frames["with_a_value_readable_before"] >= len(recording.frames) // 2
    # no value in any frame: the given name beside xedit's hatched scroll bar was misread by
    # the live path's line crop in 3 of 32 frames of some runs before screens/rules.py
    assert frames["readable_after"] == []
    assert frames["with_a_value_readable_after"] == 0
