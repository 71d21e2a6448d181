"""A labelled corpus of the text a knowledge worker produces, for benchmarks and tests.

Detection is judged on documents it has never seen, so every run draws new values and new
layouts from a seeded ``random.Random``: prose, chat, e-mail, logs, config files, code, CRM rows
and shell history. Each sensitive value is inserted with its exact character span and entity type.
Look-alikes that must survive (versions, log timestamps, UUIDs, SHAs, prices, ...) are recorded
as decoys, so that over-redaction can be measured as precisely as leaks.

Decisions on what counts as personal: loopback and unspecified addresses (``127.0.0.1``,
``0.0.0.0``, ``::1``, ``localhost``) are decoys, they identify no machine or person; every other
IP address, private (RFC 1918) ones included, is ``IP_ADDRESS``, since an internal address maps
a network and a device. A URL is sensitive (``URL``) when it carries a token or a private document
id; links to public documentation are decoys. Log timestamps and meeting times are decoys; dates
of birth are ``DATE_TIME``. Of a pasted private key only the base64 body is labelled: the
BEGIN/END lines name the format and reveal nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from corpora.text.document import Builder, Doc, Label
from corpora.text.machine import _csv, _env, _ini, _js, _json, _log, _python, _shell, _yaml
from corpora.text.prose import _chat, _email, _prose

KINDS: tuple[str, ...] = (
    "prose",
    "chat",
    "email",
    "log",
    "env",
    "yaml",
    "json",
    "ini",
    "python",
    "js",
    "csv",
    "shell",
)


_KIND_FNS: dict[str, Callable[[Builder], None]] = {
    "prose": _prose,
    "chat": _chat,
    "email": _email,
    "log": _log,
    "env": _env,
    "yaml": _yaml,
    "json": _json,
    "ini": _ini,
    "python": _python,
    "js": _js,
    "csv": _csv,
    "shell": _shell,
}


def generate_doc(rng: random.Random, kind: str | None = None) -> Doc:
    """One document of ``kind`` (any of ``KINDS``; a random one when None)."""
    if kind is None:
        kind = rng.choice(KINDS)
    if kind not in _KIND_FNS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    b = Builder(rng)
    _KIND_FNS[kind](b)
    return b.doc(kind)


def generate_corpus(rng: random.Random, n_docs: int = 200) -> list[Doc]:
    """``n_docs`` documents, the kinds in turn so every kind is present in any corpus of at
    least ``len(KINDS)`` documents."""
    return [generate_doc(rng, KINDS[i % len(KINDS)]) for i in range(n_docs)]


__all__ = ["KINDS", "Doc", "Label", "generate_corpus", "generate_doc"]
