"""Session: consistent pseudonyms across every channel of one capture.

Within a session, the same e-mail in a typed field, a window title and a screenshot becomes the
same ``<EMAIL_ADDRESS_3>``, so training data keeps who-is-who without the values. The session
never stores a value: it keys its table by an HMAC of the value under a random key made for the
session, so a memory dump of a long capture holds no plaintext.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import defaultdict


class Session:
    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)
        self._ids: dict[tuple[str, bytes], int] = {}
        self._counts: defaultdict[str, int] = defaultdict(int)
        self._lock = threading.Lock()

    def pseudonym(self, entity_type: str, value: str) -> str:
        """``<TYPE_N>``: N counts distinct values of that type, from 1, in order of first sight."""
        digest = hmac.new(
            self._key, _normal(value).encode("utf-8", "surrogatepass"), hashlib.sha256
        ).digest()
        key = (entity_type, digest)
        with self._lock:
            n = self._ids.get(key)
            if n is None:
                self._counts[entity_type] += 1
                n = self._ids[key] = self._counts[entity_type]
        return f"<{entity_type}_{n}>"

    @property
    def size(self) -> int:
        """Distinct values seen (a property, not ``__len__``: an empty session must stay truthy)."""
        return len(self._ids)


def _normal(value: str) -> str:
    """Case and surrounding space do not make a different person (Jane@Acme.io == jane@acme.io)."""
    return value.strip().casefold()
