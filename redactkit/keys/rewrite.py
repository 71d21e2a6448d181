"""Rewriting events: a masked copy of a key event, the typing of a replacement, free text.

Pure functions on dicts (the input event is never modified) and one small cache. A masked event
keeps its place, time, type and context; every other field that could spell the key is blanked
in place, keeping its JSON type.
"""

from __future__ import annotations

from typing import Any

from redactkit.keys.decode import CODE_FIELDS as _CODES
from redactkit.keys.decode import NAME_FIELDS

#: Fields of key events holding codes and key names: never free text.
CODE_FIELDS = frozenset(_CODES) | frozenset(NAME_FIELDS) | {"key_char", "canonical_key_char"}

#: Fields whose values are not free text: never sent to detection.
NON_TEXT_FIELDS = frozenset(
    {"t", "type", "key", "code", "location", "repeat", "isComposing", "secure", "button",
     "buttons", "x", "y", "dx", "dy", "deltaX", "deltaY", "deltaZ", "deltaMode", "shiftKey",
     "ctrlKey", "altKey", "metaKey", "layout", "platform"}
) | CODE_FIELDS  # fmt: skip
#: Fields a masked key event keeps as they are; any other field of it could spell the key
#: (``code``: "KeyA", ``keyCode``: 65, ``char``, an ``input`` event's ``data``).
MASKED_KEEP = frozenset(
    {"t", "type", "app", "title", "secure", "location", "repeat", "isComposing", "shiftKey",
     "ctrlKey", "altKey", "metaKey", "layout", "platform"}
)  # fmt: skip
MAX_DEPTH = 32


def masked(event: dict[str, Any], mask_char: str, *, keep_key: bool = False) -> dict[str, Any]:
    """A copy of ``event`` with ``key`` (unless ``keep_key``) and every field outside
    MASKED_KEEP blanked: strings to ``mask_char``, numbers to 0, containers emptied."""
    out: dict[str, Any] = {}
    for k, v in event.items():
        if k == "key":
            out[k] = v if keep_key else mask_char
        elif k in MASKED_KEEP or v is None or isinstance(v, bool):
            out[k] = v
        elif isinstance(v, str):
            out[k] = mask_char
        elif isinstance(v, int | float):
            out[k] = 0
        else:
            out[k] = type(v)() if isinstance(v, list | dict) else None
    return out


def replacement_events(
    templates: list[dict[str, Any]], replacement: str, mask_char: str
) -> list[list[dict[str, Any]]]:
    """Keydown/keyup events typing ``replacement``, spread over the original keydowns.

    ``templates`` are the keydowns of the value (in order). Event ``j`` of the ``2 * len``
    replacement events goes to keydown ``j * n // (2 * len)`` and takes its timestamp, so the
    replacement is typed inside the original span and times never go backwards. Returns, per
    original keydown, the events that stand in its place (possibly none).
    """
    n, per = len(templates), 2 * len(replacement)
    out: list[list[dict[str, Any]]] = [[] for _ in templates]
    for j in range(per):
        k = j * n // per
        ev = masked(templates[k], mask_char)
        ev["type"] = "keydown" if j % 2 == 0 else "keyup"
        ev["key"] = replacement[j // 2]
        out[k].append(ev)
    return out


def free_text_values(event: dict[str, Any]) -> list[str]:
    """The top-level free-text strings of an event (a title, a URL): what ``FreeText.clean``
    will send to detection, so a batch can analyse them ahead."""
    if NON_TEXT_FIELDS.issuperset(event):  # most key events: nothing but time, type and key
        return []
    return [
        v for k, v in event.items() if k not in NON_TEXT_FIELDS and isinstance(v, str) and v.strip()
    ]


class FreeText:
    """Redacts the free text of events (titles, URLs, unknown fields) through the record
    redactor, so an event field gets the same treatment as in ``redactkit records`` (URLs by
    part, secure accessibility nodes, schema roles); the key fields are kept for the keystroke
    model. Fails closed: if redaction fails, every free-text field is replaced."""

    def __init__(self, text_redactor: Any, stats: dict[str, int]) -> None:
        from redactkit.records import RecordRedactor

        keep = dict.fromkeys(NON_TEXT_FIELDS, "keep")
        self.records = RecordRedactor(schema=keep, max_depth=MAX_DEPTH, text=text_redactor)
        self.stats = stats

    def prefetch(self, values: list[str]) -> None:
        self.records.prefetch(values)

    def clean(self, event: dict[str, Any]) -> dict[str, Any]:
        if NON_TEXT_FIELDS.issuperset(event):
            return dict(event)  # most key events: nothing but time, type and key
        try:
            return self.records.redact(event)
        except Exception:  # noqa: BLE001 - never pass unchecked text through
            self.stats["detection_errors"] += 1
            return {k: v if k in NON_TEXT_FIELDS else _REDACTED for k, v in event.items()}


_REDACTED = "<REDACTED>"
