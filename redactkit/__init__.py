"""redactkit: keep private data out of what computers record about the people using them.

Import is cheap: models (spaCy, Presidio) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "Finding": "redactkit.findings",
    "Box": "redactkit.findings",
    "Policy": "redactkit.policy",
    "Session": "redactkit.session",
    "TextRedactor": "redactkit.text",
    "TextResult": "redactkit.text",
    "ScreenshotRedactor": "redactkit.screens.redactor",
    "KeystrokeRedactor": "redactkit.keys.redactor",
    "redact_keystrokes": "redactkit.keys.redactor",
    "redact_record": "redactkit.records",
}

__all__ = [
    "Box",
    "Finding",
    "KeystrokeRedactor",
    "Policy",
    "ScreenshotRedactor",
    "Session",
    "TextRedactor",
    "TextResult",
    "redact_keystrokes",
    "redact_record",
]

if TYPE_CHECKING:  # pragma: no cover
    from redactkit.findings import Box, Finding
    from redactkit.keys.redactor import KeystrokeRedactor, redact_keystrokes
    from redactkit.policy import Policy
    from redactkit.records import redact_record
    from redactkit.screens.redactor import ScreenshotRedactor
    from redactkit.session import Session
    from redactkit.text import TextRedactor, TextResult


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'redactkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
