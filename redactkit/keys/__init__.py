"""Keystroke streams: key events → fields of typed text → findings → rewritten key events.

``events`` reads and validates JSON Lines, ``decode`` (with the tables ``codes`` and ``layouts``)
reads keys known only by their codes, ``editor`` replays the typing, ``prompts`` knows where
typing is secret without a flag, ``judge`` decides fields, ``hold`` decides when events leave
(``tails``: what typing may still change), ``redactor`` runs the stream and rewrites, ``cli``
wires it to files.
"""

from redactkit.keys.events import KeyEventError
from redactkit.keys.redactor import KeystrokeRedactor, redact_keystrokes

__all__ = ["KeyEventError", "KeystrokeRedactor", "redact_keystrokes"]
