"""Operators: what a sensitive value becomes, for every channel.

Presidio's operators do the transformations they have (replace, redact, mask, encrypt, keep);
keyed hashing and session pseudonyms are added here. Text, keystrokes and records all call
``apply``, so one policy means the same replacement everywhere.
"""

from __future__ import annotations

import hashlib
import hmac

from presidio_anonymizer.operators import Encrypt, Keep, Mask, Redact, Replace

from redactkit.policy import OperatorSpec, Policy
from redactkit.session import Session

_REPLACE, _REDACT, _MASK, _ENCRYPT, _KEEP = Replace(), Redact(), Mask(), Encrypt(), Keep()


def apply(
    spec: OperatorSpec, entity_type: str, value: str, *, policy: Policy, session: Session | None
) -> str:
    """The replacement for ``value`` (an ``entity_type`` finding) under ``spec``."""
    kind = spec.type
    if kind == "replace":
        return _REPLACE.operate(value, {"new_value": spec.value or f"<{entity_type}>"})
    if kind == "redact":
        return _REDACT.operate(value, {})
    if kind == "mask":
        n = max(0, len(value) - spec.keep_last)
        return _MASK.operate(
            value, {"masking_char": spec.char, "chars_to_mask": n, "from_end": False}
        )
    if kind == "encrypt":
        return _ENCRYPT.operate(value, {"key": spec.key})
    if kind == "keep":
        return _KEEP.operate(value, {})
    if kind == "hmac":
        key = spec.key.encode() if spec.key else policy.resolved_hmac_key()
        digest = hmac.new(key, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return f"<{entity_type}:{digest[:16]}>"
    if kind == "pseudonym":
        if session is None:
            raise ValueError("the pseudonym operator needs a Session (TextRedactor(session=...))")
        return session.pseudonym(entity_type, value)
    raise ValueError(f"unknown operator {kind!r}")
