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
  The next literal of a tuple whose first literal is a credential (``('<id>', '<secret>')``)
  is the other half too, when key-shaped.
* ``find_random_pairs``: ``id:secret`` written as one token whose two halves both look like key
  material (``YMqN...==:KTam...``): either half may be the secret, so the pair is masked whole.
"""

from __future__ import annotations

import re
import string

from redactkit.detect import checksums as ck
from redactkit.detect.random_values import is_random_value
from redactkit.detect.value_shapes import is_identifier, is_placeholder, is_reference

PAIR_SCORE = 0.6
WINDOW = 400  # characters between an id and its secret: one block of a config

#: Where an id-like name ends and its value starts (``_id = "``, ``ID:``, ``user -``): the anchor
#: of the search; the whole name is read back from it, the value forward.
_ID_END = re.compile(
    r"(?P<w>(?i:id|user|username|login|uid)\d{0,2})[\"'\]]{0,2}[ \t]{0,3}(?:=|:=|:|=>|(?<=[ \t])-)"
    r"[ \t]{0,3}(?P<q>[\"'`]?)(?P<v>[A-Za-z0-9+/=_\-.@~|]{12,200})"
)
#: The name a found value is assigned to: ``name = value``, ``name: "value"``, ``name :=
#: "value"``, ``name - 'value'`` (notes and logs).
_NAME_BEFORE = re.compile(
    r"(?<![\w$.\-])(?P<k>[A-Za-z_][\w\-]{0,60})[\"'\]]{0,2}[ \t]{0,3}(?:=|:=|:|=>|(?<=[ \t])-)"
    r"[ \t]{0,3}[\"'`]?$"
)
_NEXT = re.compile(
    r"[\"'`][ \t]{0,2},[ \t]{0,2}(?P<q>[\"'`])(?P<v>[A-Za-z0-9+/=_\-.]{12,200})(?P=q)"
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
    r"(?:request|trace|span|correlation|message|order|transaction|event|session|build|commit"
    r"|record|row|object|product|item|customer|invoice|ticket|job|run|device|network|org)s?$"
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
    out: list[tuple[str, int, int, float]] = []
    for _, e in found:  # `client = ('<id>', '<secret>')`: the next literal of the same tuple
        m = _NEXT.match(text, e)
        if m is not None and _key_shaped(m["v"]):
            out.append(("credential-pair", m.start("v"), m.end("v"), PAIR_SCORE))
    secrets = _secret_stems(text, found)
    if not secrets:
        return out
    spans: list[tuple[int, int]] = []  # windows around the secrets, merged
    for pos, _ in sorted(secrets):
        a, b = max(0, pos - WINDOW), min(len(text), pos + WINDOW)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    for a, b in spans:
        for m in _ID_END.finditer(text, a, b):
            _id_half(text, m, found, secrets, out)
    return out


def _id_half(
    text: str,
    m: re.Match[str],
    found: list[tuple[int, int]],
    secrets: list[tuple[int, str]],
    out: list[tuple[str, int, int, float]],
) -> None:
    """Adds the value at ``m`` when its name pairs it with one of ``secrets``."""
    i = m.start()
    while i > 0 and m.start() - i < 60 and (text[i - 1].isalnum() or text[i - 1] in "_-"):
        i -= 1
    if i > 0 and text[i - 1] in "$.":
        return  # `$client_id`, `cfg.client_id`: a reference, not a name being assigned
    key = text[i : m.start()] + m["w"]
    vs, ve = m.span("v")
    if any(s < ve and vs < e for s, e in found):
        return
    stem, last = _split(key)
    if last not in _ID_WORDS or _BENIGN_STEMS.search(stem):
        return
    if m["q"] and not text.startswith(m["q"], ve):
        return  # the quoted value runs on: not this token
    if not _key_shaped(text[vs:ve]):
        return
    if any(
        abs(pos - vs) <= WINDOW and (other == stem or (stem, other) in _CROSS)
        for pos, other in secrets
    ):
        out.append(("credential-pair", vs, ve, PAIR_SCORE))


_HALF_CHARS = frozenset(string.ascii_letters + string.digits + "+/=_-.")
_EDGE = frozenset("@:") | _HALF_CHARS  # a half runs on into a longer token: no pair


def _left_half(text: str, colon: int) -> int:
    """Start of the token that ends at ``colon`` (-1 when it is too short, too long or glued)."""
    i = colon
    while i > 0 and colon - i < 129 and text[i - 1] in _HALF_CHARS:
        i -= 1
    if colon - i < 16 or colon - i > 128 or (i > 0 and text[i - 1] in _EDGE):
        return -1
    return i


def _right_half(text: str, colon: int) -> int:
    j, n = colon + 1, len(text)
    while j < n and j - colon <= 129 and text[j] in _HALF_CHARS:
        j += 1
    if j - colon - 1 < 16 or j - colon - 1 > 128 or (j < n and text[j] in _EDGE):
        return -1
    return j


def find_random_pairs(text: str) -> list[tuple[str, int, int, float]]:
    """``id:secret`` tokens whose halves both look like key material. Anchored on the colons
    (few in any text) and read outwards, rather than a pattern tried at every position."""
    out: list[tuple[str, int, int, float]] = []
    colon = text.find(":")
    while colon != -1:
        s = _left_half(text, colon) if colon >= 16 else -1
        e = _right_half(text, colon) if s >= 0 else -1
        if e >= 0 and is_random_value(text[s:colon]) and is_random_value(text[colon + 1 : e]):
            out.append(("credential-pair", s, e, PAIR_SCORE))
        colon = text.find(":", colon + 1)
    return out
