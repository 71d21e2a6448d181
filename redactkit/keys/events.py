"""Keystroke events as JSON Lines: parsing, validation and writing.

Errors name the line (or event) number and what is wrong, never the value: a malformed line may
be half a password. Validation is strict because the edit model trusts it: an unknown ``key``
could be text the model does not see, and text it does not see is text it cannot mask.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import regex

KEY_TYPES = frozenset({"keydown", "keyup"})
MOUSE_TYPES = frozenset({"mousemove", "mousedown", "mouseup", "wheel", "click", "dblclick"})

MODIFIERS = frozenset(
    {
        "Shift",
        "Control",
        "Alt",
        "AltGraph",
        "Meta",
        "Super",
        "Hyper",
        "Fn",
        "FnLock",
        "CapsLock",
        "NumLock",
        "ScrollLock",
        "Symbol",
        "SymbolLock",
        "OS",
    }
)
NAVIGATION = frozenset(
    {"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"}
)
EDITING = frozenset(
    {
        "Backspace",
        "Delete",
        "Enter",
        "Tab",
        "Insert",
        "Clear",
        "Copy",
        "Cut",
        "Paste",
        "Undo",
        "Redo",
        "EraseEof",
        "CrSel",
        "ExSel",
    }
)
_OTHER_NAMED = (
    "Escape Unidentified Dead Process Compose Convert NonConvert Accept Again Attn Cancel "
    "ContextMenu Execute Find Help Pause Play Props Select ZoomIn ZoomOut PrintScreen "
    "BrightnessDown BrightnessUp Eject LogOff Power PowerOff Hibernate Standby WakeUp "
    "AllCandidates Alphanumeric CodeInput FinalMode GroupFirst GroupLast GroupNext GroupPrevious "
    "ModeChange NextCandidate PreviousCandidate SingleCandidate HangulMode HanjaMode JunjaMode "
    "Eisu Hankaku Hiragana HiraganaKatakana KanaMode KanjiMode Katakana Romaji Zenkaku "
    "ZenkakuHankaku Close MailForward MailReply MailSend MediaPlayPause MediaStop MediaTrackNext "
    "MediaTrackPrevious MediaPlay MediaPause MediaRecord MediaRewind MediaFastForward New Open "
    "Print Save SpellCheck AudioVolumeDown AudioVolumeUp AudioVolumeMute LaunchApplication1 "
    "LaunchApplication2 LaunchCalendar LaunchMail LaunchMediaPlayer LaunchMusicPlayer "
    "LaunchWebBrowser BrowserBack BrowserFavorites BrowserForward BrowserHome BrowserRefresh "
    "BrowserSearch BrowserStop MicrophoneToggle MicrophoneVolumeMute Soft1 Soft2 Soft3 Soft4"
)
NAMED_KEYS = (
    MODIFIERS
    | NAVIGATION
    | EDITING
    | frozenset(_OTHER_NAMED.split())
    | frozenset(f"F{i}" for i in range(1, 36))
)


def is_printable(key: str) -> bool:
    """One user-perceived character (a grapheme: "a", "é" decomposed, an emoji with modifiers),
    as the W3C ``key`` of a character key gives it; control codes are not text."""
    if len(key) == 1:
        return key.isprintable()
    return (
        1 < len(key) <= 16
        and key[0].isprintable()
        and key not in NAMED_KEYS
        and _GRAPHEME.fullmatch(key) is not None
        and not any(unicodedata.category(c) == "Cc" for c in key)
    )


_GRAPHEME = regex.compile(r"\X")


def is_valid_key(key: object) -> bool:
    if type(key) is str and len(key) == 1:  # the common case, without the grapheme checks
        return key.isprintable()
    return isinstance(key, str) and (key in NAMED_KEYS or is_printable(key))


class KeyEventError(ValueError):
    """A bad event. ``line`` is 1-based (a JSON Lines line, or the position in an event list)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def check_event(event: object, line: int, last_t: float | None) -> float | None:
    """Validate one event; return its time (or ``last_t`` when it carries none).

    Raises KeyEventError with the line number and a reason that never quotes a value. Runs on
    every event, so the common case (a float time, a one-character key, no context) is cheap.
    """
    if type(event) is dict:  # the common case first: a key typed, no context
        t = event.get("t")
        key = event.get("key")
        if (
            type(t) is float
            and type(key) is str
            and len(key) == 1
            and event.get("type") in KEY_TYPES
            and key.isprintable()
            and (last_t is None or t >= last_t)
            and math.isfinite(t)
            and _CONTEXT_FIELDS.isdisjoint(event)
        ):
            return t
    if not isinstance(event, dict):
        raise KeyEventError(line, f"expected a JSON object, got {type(event).__name__}")
    kind = event.get("type")
    if not isinstance(kind, str) or not kind:
        raise KeyEventError(line, "missing or non-string 'type'")
    t = event.get("t")
    if t is not None:
        if type(t) is not float and (isinstance(t, bool) or not isinstance(t, int | float)):
            raise KeyEventError(line, "'t' is not a finite number")
        if not math.isfinite(t):
            raise KeyEventError(line, "'t' is not a finite number")
        if last_t is not None and t < last_t:
            raise KeyEventError(line, "timestamp goes backwards")
        last_t = float(t)
    if kind in KEY_TYPES:
        key = event.get("key", _MISSING)
        if key is _MISSING:
            raise KeyEventError(line, f"{kind} without 'key'")
        if not is_valid_key(key):
            raise KeyEventError(
                line, "unknown or malformed 'key' (not a character or a W3C key name)"
            )
    if not _CONTEXT_FIELDS.isdisjoint(event):
        _check_context(event, line)
    return last_t


_MISSING = object()
_CONTEXT_FIELDS = frozenset({"app", "title", "secure", "field"})


def _check_context(event: dict[str, Any], line: int) -> None:
    for name in ("app", "title", "field"):
        if name in event and event[name] is not None and not isinstance(event[name], str):
            raise KeyEventError(line, f"'{name}' is not a string")
    if "secure" in event and not isinstance(event["secure"], bool | None):
        raise KeyEventError(line, "'secure' is not a boolean")


@dataclass
class Reader:
    """Parses JSON Lines into validated events, tracking line numbers and dropped lines.

    ``errors="strict"`` raises KeyEventError at the first bad line; ``"drop"`` skips it and
    counts it in ``dropped`` (the lines' numbers in ``dropped_lines``, first 1000 kept).
    """

    errors: str = "strict"
    dropped: int = 0
    dropped_lines: list[int] = field(default_factory=list)
    line: int = 0
    _last_t: float | None = None

    def __post_init__(self) -> None:
        if self.errors not in ("strict", "drop"):
            raise ValueError("errors must be 'strict' or 'drop'")

    def events(self, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
        for raw in lines:
            self.line += 1
            if not raw.strip():
                continue
            try:
                try:
                    event = json.loads(raw)
                except (json.JSONDecodeError, RecursionError):
                    raise KeyEventError(self.line, "malformed JSON") from None
                self._last_t = check_event(event, self.line, self._last_t)
            except KeyEventError:
                if self.errors == "strict":
                    raise
                self.dropped += 1
                if len(self.dropped_lines) < 1000:
                    self.dropped_lines.append(self.line)
                continue
            yield event


def read_events(stream: TextIO | Iterable[str], errors: str = "strict") -> Iterator[dict[str, Any]]:
    """Validated events from JSON Lines (see Reader for ``errors``)."""
    return Reader(errors=errors).events(stream)


def dump_event(event: dict[str, Any]) -> str:
    """One JSON Lines line (with its newline); UTF-8 text kept as is, keys in input order."""
    return json.dumps(event, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_events(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(dump_event(event))
        n += 1
    return n
