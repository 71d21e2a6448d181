"""Structured capture records: window titles, URLs, clipboard, accessibility trees.

A capture agent's events carry free text in many fields. ``redact_record`` walks a JSON-like
value and redacts every string that can carry it, batching all strings of a record into one
NLP pass. Field roles come from a schema (field name or dotted path → role) with defaults for
the common capture formats:

* ``keep``: values that carry no free text (timestamps, coordinates, event types, key names);
* ``text``: free text, redacted by the policy's operators (the default for unknown strings);
* ``id``: an identifier, replaced by the session pseudonym whatever detection says;
* ``secret``: masked whole (password fields, secure accessibility nodes);
* ``url``: userinfo dropped, query values and identifier-like path segments redacted.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from redactkit.detect.labels import normalise, personal_type
from redactkit.detect.random_values import is_named_random_value
from redactkit.detect.urls import sensitive_parts
from redactkit.policy import Policy
from redactkit.session import Session
from redactkit.text import TextRedactor

ROLES = ("keep", "text", "id", "secret", "url")
MAX_DEPTH = 64
CACHE_SIZE = 4096

DEFAULT_SCHEMA: dict[str, str] = {
    # keystroke and mouse events (INTERFACE.md); `key` belongs to the keystroke redactor
    "t": "keep",
    "type": "keep",
    "key": "keep",
    "code": "keep",
    "x": "keep",
    "y": "keep",
    "button": "keep",
    "secure": "keep",
    "dx": "keep",
    "dy": "keep",
    "deltaX": "keep",
    "deltaY": "keep",
    "timestamp": "keep",
    "ts": "keep",
    "time": "keep",
    "role": "keep",
    "pid": "keep",
    "width": "keep",
    "height": "keep",
    "index": "keep",
    "level": "keep",
    # browser events
    "url": "url",
    "href": "url",
    "uri": "url",
    "link": "url",
    "src": "url",
    "referrer": "url",
    # identifiers of people
    "user": "id",
    "username": "id",
    "user_id": "id",
    "userId": "id",
    "account": "id",
    "password": "secret",
    "passwd": "secret",
    "pwd": "secret",
    "token": "secret",
    "secret": "secret",
    "api_key": "secret",
    "apiKey": "secret",
    "cookie": "secret",
}
SECURE_ROLES = re.compile(r"(?i)secure|password|AXSecureTextField|passwordtext")
_SECRET_MASK = "<SECRET>"
#: The entity a random value under any name is reported as (as ``random-assignment`` in text).
RANDOM_ENTITY = "SECRET"


#: Role of a value whose key names an entity type through the label lexicon ("field:PERSON").
FIELD_ROLE = "field:"
#: One-word keys too generic in capture records to name a person's data (an accessibility
#: node's ``name`` is a button's caption): their values go through detection as free text.
_GENERIC_KEYS = frozenset(
    "name first last contact customer client owner user member holder author manager parent "
    "person guest student patient employee sender recipient home mail handle login cell unit "
    "suite apt born birth state country token secret pin nom nombre nome naam".split()
)


def record_key_type(key: str) -> str | None:
    """The entity type a record key names through the label lexicon (``date_of_birth``,
    ``lastName``, ``billing_address``, ``iban``), or None for generic and unknown keys."""
    norm = normalise(key)
    if not norm or norm in _GENERIC_KEYS:
        return None
    return personal_type(key)


class RecordError(ValueError):
    """A record that cannot be redacted safely (too deep, cyclic, not JSON-like)."""


def load_schema(path: str | Path) -> dict[str, str]:
    """A schema file: a JSON object of field name or dotted path → role."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RecordError(f"schema {path}: cannot read ({exc})") from None
    if not isinstance(raw, dict) or any(v not in ROLES for v in raw.values()):
        raise RecordError(f"schema {path}: must map field names to one of {', '.join(ROLES)}")
    return {str(k): str(v) for k, v in raw.items()}


class RecordRedactor:
    def __init__(
        self,
        policy: Policy | None = None,
        session: Session | None = None,
        schema: Mapping[str, str] | None = None,
        *,
        max_depth: int = MAX_DEPTH,
        text: TextRedactor | None = None,
    ) -> None:
        self.text = text if text is not None else TextRedactor(policy, session)
        self.schema = {**DEFAULT_SCHEMA, **(schema or {})}
        self.max_depth = max_depth
        # Captures repeat the same window titles and app names thousands of times.
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cache_lock = threading.Lock()

    def redact(self, obj: Any) -> Any:
        """A redacted copy of ``obj``; the input is not modified."""
        jobs: list[tuple[list, int | str, str]] = []  # (container, slot, text) for free text
        root = [None]
        self._walk(obj, root, 0, (), 0, jobs, set(), secure=False)
        done = self._redact_texts(list(dict.fromkeys(t for _, _, t in jobs)))
        for container, slot, t in jobs:
            container[slot] = done[t]
        return root[0]

    def prefetch(self, texts: list[str]) -> None:
        """Redact free-text strings ahead of the records that hold them, in one batch."""
        with self._cache_lock:
            todo = [t for t in dict.fromkeys(texts) if t and t not in self._cache]
        if todo:
            self._redact_texts(todo)

    def _redact_texts(self, texts: list[str]) -> dict[str, str]:
        done = dict(zip(texts, (r.text for r in self.text.redact_many(texts))))
        with self._cache_lock:
            for t, out in done.items():
                self._cache[t] = out
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return done

    # The walk copies the structure and queues free-text strings for one batched analysis.
    def _walk(
        self,
        value: Any,
        container: Any,
        slot: Any,
        path: tuple[str, ...],
        depth: int,
        jobs: list,
        active: set[int],
        *,
        secure: bool,
    ) -> None:
        if depth > self.max_depth:
            raise RecordError(f"record nested deeper than {self.max_depth} levels")
        if value is None or isinstance(value, bool | int):
            container[slot] = value
        elif isinstance(value, float):
            container[slot] = value if math.isfinite(value) else None
        elif isinstance(value, str):
            role = "secret" if secure else self._role(path)
            container[slot] = self._string(value, role, container, slot, jobs)
        elif isinstance(value, Mapping | list | tuple):
            if id(value) in active:
                raise RecordError("record contains a cycle")
            active.add(id(value))
            if isinstance(value, Mapping):
                out: dict[str, Any] = {}
                node_secure = secure or bool(SECURE_ROLES.search(str(value.get("role", ""))))
                for k, v in value.items():
                    if not isinstance(k, str):
                        raise RecordError(f"record key of type {type(k).__name__} is not JSON")
                    child_secure = node_secure and k in ("value", "text", "title")
                    self._walk(v, out, k, (*path, k), depth + 1, jobs, active, secure=child_secure)
            else:
                out = [None] * len(value)  # type: ignore[assignment]
                for i, v in enumerate(value):
                    self._walk(v, out, i, (*path, "*"), depth + 1, jobs, active, secure=secure)
            active.discard(id(value))
            container[slot] = out
        else:
            raise RecordError(f"value of type {type(value).__name__} is not JSON-like")

    def _role(self, path: tuple[str, ...]) -> str:
        dotted = ".".join(path)
        if dotted in self.schema:
            return self.schema[dotted]
        if not path:
            return "text"
        if path[-1] in self.schema:
            return self.schema[path[-1]]
        etype = record_key_type(path[-1])
        return FIELD_ROLE + etype if etype else "text"

    def _string(self, value: str, role: str, container: Any, slot: Any, jobs: list) -> str:
        if role == "keep" or not value:
            return value
        if role == "secret":
            return _SECRET_MASK
        if role == "id":
            return self.text.session.pseudonym("ID", value)
        if role == "url":
            return self._url(value)
        if (
            role == "text"
            and RANDOM_ENTITY in self.text.query.entities
            and is_named_random_value(slot if isinstance(slot, str) else "", value)
        ):
            # key material under any name (`{"x_blob": "<40 random chars>"}`): text detection sees
            # the value without its key, so the assignment is judged here as text judges one
            return self.text.replacement(RANDOM_ENTITY, value)
        if role.startswith(FIELD_ROLE):  # a key the label lexicon reads: the value is that
            etype = role[len(FIELD_ROLE) :]  # entity, if the policy wants it (else free text)
            if etype in self.text.query.entities:
                return self.text.replacement(etype, value)
        with self._cache_lock:
            cached = self._cache.get(value)
        if cached is not None:
            return cached
        jobs.append((container, slot, value))
        return value  # replaced after the batched analysis

    def _url(self, value: str) -> str:
        """A URL field: its sensitive parts (redactkit.detect.urls) replaced, user info dropped,
        then the rest redacted as text like any URL in text (e-mails, names inside it)."""
        try:
            parts = urlsplit(value)
        except ValueError:
            return self.text.redact(value).text
        if not parts.scheme or not parts.netloc:
            return self.text.redact(value).text
        if self.text.policy.url == "whole":
            return self.text.replacement("URL", value)
        pieces, last = [], 0
        for part in sensitive_parts(value):
            pieces.append(value[last : part.start])
            if part.reason == "userinfo":
                last = part.end + 1  # and its "@"
                continue
            pieces.append("REDACTED")
            last = part.end
        pieces.append(value[last:])
        return self.text.redact("".join(pieces)).text


_default: RecordRedactor | None = None


def redact_record(
    obj: Any,
    schema: Mapping[str, str] | None = None,
    *,
    policy: Policy | None = None,
    session: Session | None = None,
) -> Any:
    """Redact a nested JSON-like record (dicts, lists, strings, numbers); see the module doc."""
    global _default
    if schema is None and policy is None and session is None:
        if _default is None:
            _default = RecordRedactor()
        return _default.redact(obj)
    return RecordRedactor(policy, session, schema).redact(obj)
