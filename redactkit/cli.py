"""The ``redactkit`` command line: text, images, keys, records.

Every command fails closed: an input that cannot be read or processed yields a one-line message
on stderr naming the input (never its content), a non-zero exit status, and no output for it
(or a fully masked one, where the command says so).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(
    name="redactkit",
    help="Find and mask personal data and credentials in text, screenshots and keystrokes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Fail(Exception):
    """A failure to report as one line and exit status 1."""


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class Decoding(str, Enum):
    strict = "strict"
    replace = "replace"


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"redactkit: error: {message}", err=True)
    return typer.Exit(code)


def _load_policy(config: Path | None, entities: str | None, threshold: float | None):
    from redactkit.policy import Policy

    policy = Policy.from_toml(config) if config else Policy()
    if entities:
        policy = policy.with_(
            entities=frozenset(e.strip() for e in entities.split(",") if e.strip())
        )
    if threshold is not None:
        policy = policy.with_(threshold=threshold)
    return policy


def read_input(path: str | None) -> tuple[str, bytes]:
    """(display name, raw bytes) of a file or of stdin for ``-`` / no argument."""
    if path in (None, "-"):
        return "<stdin>", sys.stdin.buffer.read()
    p = Path(path)
    try:
        return str(p), p.read_bytes()
    except FileNotFoundError:
        raise Fail(f"{p}: no such file") from None
    except IsADirectoryError:
        raise Fail(f"{p}: is a directory") from None
    except OSError as exc:
        raise Fail(f"{p}: cannot read ({exc.strerror})") from None


def decode_text(name: str, raw: bytes, errors: Decoding) -> str:
    """UTF-8 text, or a Fail naming the input and the byte offset (never the content)."""
    if not raw:
        raise Fail(f"{name}: input is empty")
    if errors is Decoding.replace:
        return raw.decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Fail(
            f"{name}: not valid UTF-8 at byte {exc.start} (use --errors replace to decode anyway)"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise Fail(
            f"{name}: contains a NUL byte at character {nul}: binary input? (use --errors replace)"
        )
    return text


def write_output(out: Path | None, data: str) -> None:
    if out is None:
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    from redactkit.files import write_atomic

    try:
        write_atomic(out, data.encode("utf-8"))
    except OSError as exc:
        raise Fail(f"{out}: cannot write ({exc.strerror or exc})") from None


@app.command()
def text(
    path: str | None = typer.Argument(None, help="UTF-8 text file; '-' or nothing for stdin."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write here (atomically) instead of stdout."
    ),
    format: TextFormat = typer.Option(
        TextFormat.text, "--format", help="text, or json: {text, findings}."
    ),
    config: Path | None = typer.Option(None, "--config", help="Policy file (TOML)."),
    entities: str | None = typer.Option(
        None, "--entities", help="Comma-separated entity types (CREDENTIAL = all credentials)."
    ),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="Score threshold."
    ),
    errors: Decoding = typer.Option(
        Decoding.strict,
        "--errors",
        help="strict: refuse invalid UTF-8 and NUL; replace: decode anyway.",
    ),
) -> None:
    """Redact text from a file or stdin."""
    try:
        policy = _load_policy(config, entities, threshold)
        name, raw = read_input(path)
        content = decode_text(name, raw, errors)
        from redactkit.text import TextRedactor

        try:
            result = TextRedactor(policy).redact(content)
        except Exception as exc:  # fail closed: nothing is written
            raise Fail(
                f"{name}: redaction failed ({type(exc).__name__}); no output written"
            ) from None
        data = (
            json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
            if format is TextFormat.json
            else result.text
        )
        write_output(output, data)
    except Fail as exc:
        raise fail(str(exc)) from None
    except ValueError as exc:  # PolicyError and friends: their messages carry no input content
        raise fail(str(exc)) from None


@app.command()
def images(
    src: Path = typer.Argument(..., help="Folder of images (recursive) or a single image."),
    dst: Path = typer.Argument(..., help="Output folder (never inside SRC)."),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Worker processes (default: cores)."
    ),
    resume: bool = typer.Option(False, "--resume", help="Skip images the report says are done."),
    stream: bool = typer.Option(
        False, "--stream", help="Each folder's images, in name order, are frames of one screen."
    ),
    config: Path | None = typer.Option(None, "--config", help="Policy file (TOML)."),
    on_error: str = typer.Option(
        "mask", "--on-error", help="On failure: mask (a fully masked image) or withhold (no file)."
    ),
    cluster: str | None = typer.Option(
        None, "--cluster", help="Dask scheduler address (tcp://host:8786): run on its workers."
    ),
    max_pixels: int = typer.Option(
        100_000_000,
        "--max-pixels",
        min=1,
        help="Refuse images larger than this (width x height x frames).",
    ),
) -> None:
    """Redact every image under SRC into DST, with a report at DST/redactkit-report.jsonl."""
    if on_error not in ("mask", "withhold"):
        raise fail("--on-error must be mask or withhold", 2)
    try:
        policy = _load_policy(config, None, None)
    except ValueError as exc:
        raise fail(str(exc)) from None
    progress = sys.stderr.isatty()
    if cluster:
        if stream or workers:
            raise fail("--cluster takes neither --stream nor --workers (the cluster sets them)", 2)
        try:
            from redactkit.cluster import run_images_on_cluster
        except ImportError:
            raise fail(
                "--cluster needs the cluster extra: pip install 'redactkit[cluster]'", 2
            ) from None
        try:
            summary = run_images_on_cluster(
                src,
                dst,
                cluster,
                policy=policy,
                resume=resume,
                on_error=on_error,
                progress=progress,
                max_pixels=max_pixels,
            )
        except (ValueError, OSError) as exc:
            raise fail(str(exc)) from None
        typer.echo(summary.message(), err=True)
        if summary.exit_code:
            raise typer.Exit(summary.exit_code)
        return
    from redactkit.screens.batch import images_command

    status = images_command(
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
    if status:
        raise typer.Exit(status)


@app.command()
def keys(
    path: str | None = typer.Argument(
        None, help="Key events as JSON Lines; '-' or nothing for stdin."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write here (atomically) instead of stdout."
    ),
    config: Path | None = typer.Option(None, "--config", help="Policy file (TOML)."),
    mode: str | None = typer.Option(None, "--mode", help="placeholder, mask or drop."),
    errors: str = typer.Option(
        "strict", "--errors", help="strict: stop at a bad line; drop: drop and count bad lines."
    ),
    max_hold: int | None = typer.Option(
        None, "--max-hold", min=1, help="Most events held back undecided before they are masked."
    ),
    max_hold_seconds: float | None = typer.Option(
        None,
        "--max-hold-seconds",
        min=0.0,
        help="Longest hold-back, in event time, before masking.",
    ),
) -> None:
    """Redact a keystroke event stream (JSON Lines)."""
    import io

    try:
        policy = _load_policy(config, None, None)
        name, raw = read_input(path)
        content = decode_text(name, raw, Decoding.strict)
        from redactkit.keys.cli import run_keys

        buf = io.StringIO()
        limits = {
            k: v
            for k, v in (("max_hold", max_hold), ("max_hold_seconds", max_hold_seconds))
            if v is not None
        }
        status = run_keys(
            io.StringIO(content), buf, policy=policy, mode=mode, errors=errors, **limits
        )
        write_output(output, buf.getvalue())
    except Fail as exc:
        raise fail(str(exc)) from None
    except ValueError as exc:
        raise fail(str(exc)) from None
    if status:
        raise typer.Exit(status)


@app.command()
def records(
    path: str | None = typer.Argument(None, help="JSON Lines records; '-' or nothing for stdin."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write here (atomically) instead of stdout."
    ),
    config: Path | None = typer.Option(None, "--config", help="Policy file (TOML)."),
    schema: Path | None = typer.Option(
        None, "--schema", help="Schema file (JSON): field names or paths -> text | id | keep."
    ),
) -> None:
    """Redact arbitrary JSON Lines records (titles, URLs, clipboard, accessibility trees)."""
    try:
        policy = _load_policy(config, None, None)
        name, raw = read_input(path)
        content = decode_text(name, raw, Decoding.strict)
        from redactkit.records import RecordError, RecordRedactor, load_schema

        redactor = RecordRedactor(policy=policy, schema=load_schema(schema) if schema else None)
        lines = []
        for number, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise Fail(f"{name}:{number}: not valid JSON ({exc.msg})") from None
            try:
                lines.append(json.dumps(redactor.redact(obj), ensure_ascii=False))
            except RecordError as exc:  # our own messages: they name the problem, not values
                raise Fail(f"{name}:{number}: {exc}") from None
            except Exception as exc:  # fail closed: nothing written, no message quoted
                raise Fail(
                    f"{name}:{number}: redaction failed ({type(exc).__name__}); no output written"
                ) from None
        write_output(output, "\n".join(lines) + ("\n" if lines else ""))
    except Fail as exc:
        raise fail(str(exc)) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
