"""Secrets known by their looks alone: machine-generated values under any name.

A key's name is weak evidence (``HTTP_AUTH_HEADER``, ``BASIC_AUTH_URL``, ``DEPLOY_BLOB`` name no
secret word, yet hold one) and a value's looks are strong evidence when they are those of key
material: long, high-entropy, several character classes mixed, no words, and none of the benign
random-looking kinds (hex digests and commit ids, UUIDs, paths, URLs, dotted or snake/camel
identifiers, version strings, base64 of readable text). Two uses:

* ``find_random_assignments``: a value assigned to any name in env files and shells
  (``export NAME=``, ``set NAME=``, ``setx NAME value``, ``$env:NAME = "..."``), YAML, JSON, INI,
  code. The assignment says "this is a value"; the looks say "a secret one".
* ``find_random_tokens``: a lone token, for text that is known to be typed by hand (keystrokes:
  what someone types and erases is no source file full of hashes), and screens.
"""

from __future__ import annotations

import functools
import re

from redactkit.detect import checksums as ck
from redactkit.detect.value_shapes import is_identifier, is_placeholder, is_reference

RANDOM_SCORE = 0.6
_CHARS = r"[A-Za-z0-9+/_\-.~=]"
_VALUE = _CHARS + "{16,256}+"
#: The rest of a value longer than 256 characters (OAuth and session tokens), up to 4096: read
#: after a match, so that a failed long match is never retried at every position.
_REST = re.compile(_CHARS + "{0,3840}+")
# Anchored on the operator (cheap to find), the name is checked looking back from it.
_ASSIGN = re.compile(r"(?:=|:|=>)[ \t]{0,3}(?P<q>@?[\"'`]?)(?P<v>" + _VALUE + ")")
_NAME_BEFORE = re.compile(r"(?<![\w$.\-])(?P<k>[A-Za-z_][\w.\-]{0,60})[\"'\]]{0,2}[ \t]{0,3}:?$")
_SETX = re.compile(r"(?i:\bsetx)[ \t]+[A-Za-z_]\w{0,60}[ \t]+(?P<q>[\"']?)(?P<v>" + _VALUE + ")")
#: A quoted literal: `"..."`, `'...'` or a backtick string, its quote not closing a word, and
#: not doubled (an RST ``literal`` in documentation is an example)
_LITERAL = re.compile(r"(?<![\w\\\"'`])(?P<q>[\"'`])(?P<v>" + _VALUE + r")(?P=q)(?![\"'`])")
_LAST_NAME = re.compile(
    r"([A-Za-z_][\w.\-]{0,60})[\"'\])]{0,2}[ \t]{0,3}(?:=|:|=>|,|\(|-|:=)?[ \t]{0,3}@?$"
)
_TOKEN = re.compile(r"(?<![A-Za-z0-9+/_\-.~=])" + _VALUE + r"(?![A-Za-z0-9+/_\-.~=])")
_VALUE_CHARS = frozenset("+/_-.~=0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_HEX = re.compile(r"[0-9a-fA-F]+")
_UUID = re.compile(r"[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}")
_VERSION = re.compile(r"v?\d++(?:[.\-_]\d++)++(?:[.\-+_]?[A-Za-z0-9]++)*+")
_KNOWN_PREFIX = re.compile(r"^(?:sha(?:1|256|384|512)-|base64,|data:)", re.IGNORECASE)
_PIECES = re.compile(r"[A-Za-z0-9]+")


@functools.lru_cache(maxsize=2048)
def is_random_value(value: str, *, min_len: int = 16) -> bool:
    """Whether ``value`` looks like generated key material (see the module docstring).

    Evidence asked for, all of it: ``min_len`` characters; upper case, lower case and digits
    (a base64 ``+``/``/`` may stand for one of them; one case with digits must be 24+ long); no hex-only value (digests, commit ids:
    a hex key needs a secret-naming key, which the generic rules handle); entropy high for the
    alphabet; word-like pieces rare; not an identifier, reference, version or placeholder.
    """
    v = value.strip("=.-_~")
    if len(v) < min_len or _HEX.fullmatch(v.removeprefix("0x")) or _UUID.search(v):
        return False
    if _KNOWN_PREFIX.match(v) or v[:1] in "/~" or v[:2] == "./":
        return False  # a digest, inline data or a path
    if "/" in v and any(c in v for c in ".-_~:"):
        return False  # `/` with a path's punctuation: a path or a release name, not base64
    upper = any(c.isupper() for c in v)
    lower = any(c.islower() for c in v)
    digit = any(c.isdigit() for c in v)
    sym = any(c in "+/" for c in v)
    if upper + lower + digit + sym < 3 or not digit and not sym:
        # one case and digits (`[a-z0-9]{32}` keys) only when long and well mixed
        letters = sum(c.isalpha() for c in v)
        if not (digit and len(v) >= 24 and 4 <= letters <= len(v) - 4 and _one_case_key(v)):
            return False
    if len(v) >= 28 and len(set(v)) == len(v):
        # every character once: an alphabet (bech32's, base32's), not a draw from one; 28 draws
        # from 62 symbols repeat one with probability > 0.998
        return False
    if _VERSION.fullmatch(v) or is_identifier(v) or is_placeholder(v) or is_reference(v):
        return False
    if v.count(".") >= 2 and not any(_random_piece(p) for p in v.split(".")):
        return False  # a dotted name: `org.apache.Foo2Bar.baz`
    if not ck.looks_random(v, min_len=min_len, min_norm_entropy=0.75):
        return False
    # word-like pieces are rare in key material; a long draw of high entropy has a few by chance
    # (`ttdveNai3Gj6...`: "ttdve", "Nai")
    words = ck.wordlike_fraction(v)
    return words < 0.3 or (words < 0.45 and len(v) >= 24 and ck.normalized_entropy(v) >= 0.85)


_SEPARATED = re.compile(r"[-_]")


def _one_case_key(v: str) -> bool:
    """Letters of one case and digits: alphanumeric, or cut by dashes into pieces one of which
    is a long run (``qscgyygcsq-wdvvok7slklk...``), not a slug of short words and numbers
    (``cpython-311-x86_64-linux-gnu``)."""
    if v.isalnum():
        return True
    parts = _SEPARATED.split(v)
    return all(p.isalnum() for p in parts if p) and max(map(len, parts)) >= 12


def _random_piece(part: str) -> bool:
    return len(part) >= 10 and ck.looks_random(part, min_len=10, min_norm_entropy=0.75)


def find_random_assignments(text: str) -> list[tuple[str, int, int, float]]:
    """Random values assigned to any name, as ``(rule_id, start, end, score)``."""
    out: list[tuple[str, int, int, float]] = []
    found = list(_ASSIGN.finditer(text))
    if "setx" in text or "SETX" in text or "Setx" in text:
        found += _SETX.finditer(text)
    for m in found:
        s, e = m.span("v")
        e = _REST.match(text, e).end()
        if e < len(text) and text[e] in _VALUE_CHARS:
            continue  # longer than any key: a blob
        q = m.group("q").lstrip("@")
        if q and not text.startswith(q, e):
            continue  # an opened quote that does not close right after: part of a longer value
        if not is_random_value(text[s:e]):
            continue  # judged first: most values are words, paths or numbers, cheap to turn down
        if m.re is _ASSIGN:
            op = m.start()
            key = _NAME_BEFORE.search(text, max(0, op - 66), op)
            if key is None or key.group("k").lower() in _SCHEMES or _BENIGN_NAME.search(key["k"]):
                continue  # no name; `https://...` is a URL; a name for a random non-secret
        out.append(("random-assignment", s, e, RANDOM_SCORE))
    return out


def find_random_literals(text: str) -> list[tuple[str, int, int, float]]:
    """Random values quoted as string literals, named or not (``return "ntJD0ER8..."``,
    ``getClient('M0UXRQ2D...')``, ``provider 'S1vAf8FV...'``): a literal of key material in
    code or a config is a secret whatever its name, unless the name before it is one for
    random non-secrets (a boundary, a digest, an id, a nonce)."""
    out: list[tuple[str, int, int, float]] = []
    for m in _LITERAL.finditer(text):
        s, e = m.span("v")
        if not is_random_value(text[s:e], min_len=20):
            continue
        name = _LAST_NAME.search(text, max(0, m.start() - 70), m.start())
        if name is not None and _BENIGN_NAME.search(name.group(1)):
            continue
        out.append(("random-literal", s, e, RANDOM_SCORE))
    return out


#: Names of values that are random and no secret: MIME boundaries, digests, ids, nonces.
_BENIGN_NAME = re.compile(
    r"(?i)(?:^|[_.\-]|(?<=[a-z])(?=[A-Z]))(?:boundary|hash|checksum|digest|sha\d*|md5|etag|integrity"
    r"|fingerprint|commit|rev|revision|uuid|guid|id|nonce|seed|build|version|sum|charset|alphabet"
    r"|chars|characters|symbols|digits)s?$"
)
_SCHEMES = frozenset(("http", "https", "ftp", "file", "data", "urn", "mailto", "ssh", "git"))


def is_named_random_value(name: str, value: str) -> bool:
    """A value stored under ``name`` (a record field, a form field) that is key material: the
    same judgement as an assignment in text (``name=value``), so every channel agrees."""
    v = value.strip()
    if not v or any(c.isspace() for c in v) or _BENIGN_NAME.search(name):
        return False
    return is_random_value(v)


def find_random_tokens(text: str, *, min_len: int = 20) -> list[tuple[int, int]]:
    """Lone random tokens (no name needed): spans of ``min_len``+ characters of key material."""
    return [m.span() for m in _TOKEN.finditer(text) if is_random_value(m.group(), min_len=min_len)]
