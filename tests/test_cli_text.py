"""`redactkit text` end to end: formats, exit codes, stdin, atomic output, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from typer.testing import CliRunner

from redactkit.cli import app

runner = CliRunner()
SAMPLE = "Contact Jane Doe at jane.doe@acme.io or +1 212-555-0187.\n"


def test_stdin_to_stdout() -> None:
    res = runner.invoke(app, ["text"], input=SAMPLE)
    assert res.exit_code == 0
    assert "jane.doe@acme.io" not in res.stdout and "<EMAIL_ADDRESS>" in res.stdout


def test_json_format_has_findings_without_values(tmp_path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(SAMPLE)
    res = runner.invoke(app, ["text", str(src), "--format", "json"])
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert {f["entity_type"] for f in doc["findings"]} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert "jane.doe@acme.io" not in res.stdout
    assert all("value" not in f for f in doc["findings"])


def test_output_file_and_options(tmp_path) -> None:
    out = tmp_path / "out.txt"
    res = runner.invoke(
        app,
        ["text", "-", "-o", str(out), "--entities", "EMAIL_ADDRESS", "--threshold", "0.3"],
        input=SAMPLE,
    )
    assert res.exit_code == 0 and res.stdout == ""
    text = out.read_text()
    assert "<EMAIL_ADDRESS>" in text and "Jane Doe" in text and "212-555-0187" in text
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temp file left


def test_config_file(tmp_path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text('[operators]\nEMAIL_ADDRESS = "redact"\n')
    res = runner.invoke(app, ["text", "--config", str(cfg)], input="mail jane.doe@acme.io.")
    assert res.exit_code == 0 and res.stdout == "mail ."


def test_bad_inputs_fail_with_one_line_and_no_output(tmp_path) -> None:
    secret = "jane.doe@acme.io"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(secret.encode() + b"\xff\xfe")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(secret.encode() + b"\x00x")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.txt"
    for path, why in [
        (bad, "not valid UTF-8"),
        (nul, "NUL"),
        (empty, "empty"),
        (tmp_path / "missing.txt", "no such file"),
    ]:
        res = runner.invoke(app, ["text", str(path), "-o", str(out)])
        assert res.exit_code == 1, path
        assert why in res.stderr and secret not in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
        assert not out.exists()
    res = runner.invoke(app, ["text", str(bad), "--errors", "replace"])
    assert res.exit_code == 0 and "<EMAIL_ADDRESS>" in res.stdout


def test_bad_policy_is_reported(tmp_path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text('[operators]\nEMAIL_ADDRESS = "shred"\n')
    res = runner.invoke(app, ["text", "--config", str(cfg)], input=SAMPLE)
    assert res.exit_code == 1 and "unknown operator" in res.stderr


def test_offline_with_sockets_blocked(tmp_path) -> None:
    """A fresh process builds the engine and redacts with every socket call failing."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*a, **k):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import redactkit
        r = redactkit.TextRedactor().redact("mail jane.doe@acme.io, see https://acme.io/x, key AKIAZ7QW3RT5YU6IO2PL")
        assert "jane.doe" not in r.text and "AKIAZ7QW" not in r.text, r.text
        print(r.text)
        """
    )
    env = dict(os.environ, TLDEXTRACT_CACHE=str(tmp_path / "tld"), HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "<EMAIL_ADDRESS>" in proc.stdout
    assert "network access attempted" not in proc.stderr


def test_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "redactkit", "text"],
        input="Jane's mail: jane.doe@acme.io",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and "<EMAIL_ADDRESS>" in proc.stdout
