"""Keystroke streams: key events → fields of typed text → findings → rewritten key events.

``events`` reads and validates JSON Lines, ``editor`` replays the typing, ``prompts`` knows where
typing is secret without a flag, ``redactor`` decides and rewrites, ``cli`` wires it to files.
"""

from redactkit.keys.events import KeyEventError
from redactkit.keys.redactor import KeystrokeRedactor, redact_keystrokes

__all__ = ["KeyEventError", "KeystrokeRedactor", "redact_keystrokes"]
