"""redact_record and `redactkit records` on capture-like records."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from redactkit.cli import app
from redactkit.records import RecordError, RecordRedactor, redact_record

EVENT = {
    "t": 12.5,
    "type": "focus",
    "app": "Mail",
    "title": "Inbox - jane.doe@acme.io",
    "url": "https://bob:pw1@mail.acme.io/u/0/msg/18c2f9a7b3e4d5c6a?email=jane.doe@acme.io&tab=inbox",
    "clipboard": "IBAN DE89 3704 0044 0532 0130 00",
    "a11y": {
        "role": "window",
        "name": "Login",
        "children": [
            {"role": "AXSecureTextField", "name": "Password", "value": "Tr0ub4dor&3"},
            {"role": "AXTextField", "name": "Email", "value": "jane.doe@acme.io"},
        ],
    },
    "x": 640,
    "y": 400,
}


def test_capture_record_is_redacted_without_touching_input() -> None:
    before = copy.deepcopy(EVENT)
    out = redact_record(EVENT)
    assert EVENT == before
    flat = json.dumps(out)
    for secret in ("jane.doe@acme.io", "pw1", "bob", "18c2f9a7b3e4d5c6a", "Tr0ub4dor", "DE89 3704"):
        assert secret not in flat, secret
    assert out["t"] == 12.5 and out["x"] == 640 and out["type"] == "focus" and out["app"] == "Mail"
    assert out["url"].startswith("https://mail.acme.io/u/0/msg/")
    assert out["a11y"]["children"][1]["role"] == "AXTextField"


def test_schema_roles() -> None:
    rec = {"note": "hello from jane.doe@acme.io", "ticket": "T-1", "owner": "Jane"}
    out = RecordRedactor(schema={"ticket": "keep", "owner": "id"}).redact(rec)
    assert out == {"note": "hello from <EMAIL_ADDRESS>", "ticket": "T-1", "owner": "<ID_1>"}


def test_bad_records_are_refused() -> None:
    cyclic: dict = {}
    cyclic["self"] = cyclic
    deep: list = []
    cur = deep
    for _ in range(100):
        cur.append([])
        cur = cur[0]
    for bad, why in [
        (cyclic, "cycle"),
        (deep, "deeper"),
        ({"b": b"bytes"}, "not JSON-like"),
        ({1: "x"}, "not JSON"),
    ]:
        with pytest.raises(RecordError, match=why):
            redact_record(bad)


@settings(max_examples=25, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda kids: (
            st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_structure_is_preserved(obj) -> None:
    out = redact_record(obj)

    def shape(v):
        if isinstance(v, dict):
            return {k: shape(x) for k, x in v.items()}
        if isinstance(v, list):
            return [shape(x) for x in v]
        return type(v).__name__

    assert shape(out) == shape(obj)


def test_records_cli(tmp_path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps(EVENT) + "\n" + json.dumps({"title": "Call 212-555-0187"}) + "\n")
    res = CliRunner().invoke(app, ["records", str(src)])
    assert res.exit_code == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 2 and "jane.doe" not in res.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "jane.doe@acme.io"}\n{oops\n')
    res = CliRunner().invoke(app, ["records", str(bad)])
    assert (
        res.exit_code == 1
        and ":2:" in res.stderr
        and "jane.doe" not in res.stderr
        and res.stdout == ""
    )


def test_keystroke_events_get_record_treatment() -> None:
    from redactkit import redact_keystrokes

    events = [
        {
            "t": 0.0,
            "type": "focus",
            "app": "Firefox",
            "title": "Inbox - jane.doe@acme.io",
            "url": "https://mail.acme.io/u/0/?token=8f2Kq9xLm3Rt7Vw1Zp4N&email=jane.doe@acme.io",
        },
        {"t": 0.1, "type": "keydown", "key": "h"},
        {"t": 0.2, "type": "keyup", "key": "h"},
    ]
    out = redact_keystrokes(events)
    flat = json.dumps(out)
    assert "jane.doe" not in flat and "8f2Kq9xLm3Rt7Vw1Zp4N" not in flat
    assert out[0]["url"].startswith("https://mail.acme.io/") and out[1]["key"] == "h"
