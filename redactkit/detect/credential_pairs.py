"""Credentials that come in two halves: an id and its secret.

A client id, a role id or an account id is no secret by itself, but beside its secret it is half
of a login (``caspio_id`` / ``caspio_secret``, Vault's ``role_id`` / ``secret_id``, a key and its
id in one block): the scanners report the pair, and a redactor that masks the secret and leaves
the id shows which account the secret opened. Two shapes, both judged from evidence already
found, never from a service's name:

* ``find_pair_ids``: a value assigned to an id-like name (``*_id``, ``*ID``, ``*_user``, a bare
  ``id``) whose sibling, a secret-like name with the same stem (``caspio``, ``client``, ``guru``,
  or none: ``key:`` then ``id:``), holds a credential found nearby. The id must be key-shaped
  (12+ characters mixing letters and digits, or a UUID): a name, a number or a reference is
  never taken.
* ``find_random_pairs``: ``id:secret`` written as one token whose two halves both look like key
  material (``YMqN...==:KTam...``): either half may be the secret, so the pair is masked whole.
"""

from __future__ import annotations

import re

from redactkit.detect import checksums as ck
from redactkit.detect.random_values import is_random_value
from redactkit.detect.value_shapes import is_identifier, is_placeholder, is_reference

PAIR_SCORE = 0.6
WINDOW = 400  # characters between an id and its secret: one block of a config

#: ``name = value``, ``name: "value"``, ``name := "value"``, ``name - 'value'`` (notes and logs)
_ASSIGN = re.compile(
    r"(?<![\w$.\-])(?P<k>[A-Za-z_][\w\-]{0,60})[\"'\]]{0,2}[ \t]{0,3}(?:=|:=|:|=>|(?<=[ \t])-)"
    r"[ \t]{0,3}(?P<q>[\"'`]?)(?P<v>[A-Za-z0-9+/=_\-.@~|]{12,200})"
)
_NAME_BEFORE = re.compile(
    r"(?<![\w$.\-])(?P<k>[A-Za-z_][\w\-]{0,60})[\"'\]]{0,2}[ \t]{0,3}(?:=|:=|:|=>|(?<=[ \t])-)"
    r"[ \t]{0,3}[\"'`]?$"
)
_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_ID_WORDS = frozenset(("id", "user", "username", "login", "uid"))
_SECRET_WORDS = frozenset(
    ("secret", "key", "token", "password", "pass", "pwd", "apikey", "passwd", "credential")
)
#: Stems that differ across the pair by convention: Vault AppRole's ``role_id`` / ``secret_id``.
_CROSS = frozenset((("role", "secret"),))
#: Names for ids that are no half of a login: requests, traces, records.
_BENIGN_STEMS = re.compile(
    r"(?i)request|trace|span|correlation|message|order|transaction|event|session|build|commit"
    r"|record|row|object|product|item|customer|invoice|ticket|job|run|device|network|org"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+")


def _split(name: str) -> tuple[str, str]:
    """``caspio_id`` -> (``caspio``, ``id``); ``bulksmsID`` -> (``bulksms``, ``id``)."""
    parts = [p.lower() for p in _PARTS.findall(name.rstrip("0123456789"))]
    if not parts:
        return "", ""
    return "".join(parts[:-1]), parts[-1]


def _key_shaped(value: str) -> bool:
    v = value.strip("|.")
    if _UUID.fullmatch(v):
        return len(set(v.replace("-", ""))) > 4
    if len(v) < 12 or is_placeholder(v) or is_reference(v) or _EMAIL.fullmatch(v):
        return False
    if not (any(c.isdigit() for c in v) and any(c.isalpha() for c in v)):
        return False
    if is_identifier(v) or ck.is_sequential(v):
        return False
    return ck.normalized_entropy(v) >= 0.6 and ck.wordlike_fraction(v) < 0.6


def _secret_stems(text: str, found: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(position, stem) of each credential found after a secret-like name."""
    out = []
    for s, _ in found:
        m = _NAME_BEFORE.search(text, max(0, s - 70), s)
        if m is None:
            continue
        stem, last = _split(m["k"])
        if last in _SECRET_WORDS or last in _ID_WORDS:
            out.append((s, stem))
    return out


def find_pair_ids(text: str, found: list[tuple[int, int]]) -> list[tuple[str, int, int, float]]:
    """Ids whose secret is among ``found`` (spans of credential findings), as findings."""
    if not found:
        return []
    secrets = _secret_stems(text, found)
    if not secrets:
        return []
    lo = max(0, min(s for s, _ in found) - WINDOW)
    hi = min(len(text), max(e for _, e in found) + WINDOW)
    out: list[tuple[str, int, int, float]] = []
    for m in _ASSIGN.finditer(text, lo, hi):
        vs, ve = m.span("v")
        if any(s < ve and vs < e for s, e in found):
            continue
        stem, last = _split(m["k"])
        if last not in _ID_WORDS or _BENIGN_STEMS.search(stem):
            continue
        if m["q"] and not text.startswith(m["q"], ve):
            continue  # the quoted value runs on: not this token
        if not _key_shaped(text[vs:ve]):
            continue
        if any(
            abs(pos - vs) <= WINDOW and (other == stem or (stem, other) in _CROSS)
            for pos, other in secrets
        ):
            out.append(("credential-pair", vs, ve, PAIR_SCORE))
    return out


_PAIR = re.compile(
    r"(?<![\w+/=\-.:@])(?P<a>[A-Za-z0-9+/=_\-.]{16,128}):(?P<b>[A-Za-z0-9+/=_\-.]{16,128})"
    r"(?![\w+/=\-.:@])"
)


def find_random_pairs(text: str) -> list[tuple[str, int, int, float]]:
    """``id:secret`` tokens whose halves both look like key material."""
    if ":" not in text:
        return []
    return [
        ("credential-pair", m.start(), m.end(), PAIR_SCORE)
        for m in _PAIR.finditer(text)
        if is_random_value(m["a"]) and is_random_value(m["b"])
    ]
