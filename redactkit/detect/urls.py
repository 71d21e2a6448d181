"""The personal and secret parts of a URL, so that the rest of a link survives.

Agents learn from where people went: the scheme, the host and most of a path are the useful part
of a link and are not personal. What is personal or secret sits in known places: user info
(``user:password@``), query and fragment values under secret or personal keys (``token=``,
``X-Amz-Signature=``, ``email=``, ``uid=``), random tokens anywhere (``/reset/9fKq…``), e-mail
addresses, handles (``/@jane``) and the segment after a people collection (``/users/jdoe``).
:func:`sensitive_parts` returns those spans with the reason for each; everything else of the URL
is kept. Benign shapes are kept on evidence: commit SHAs (hex after ``commit``/``tree``/...),
UUIDs outside people collections, slugs of words, short numbers (issue and page ids).

Other detectors still read the whole URL text: an e-mail, a phone or a name inside it is found
by its own recognizer, whatever this module keeps.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

from presidio_analyzer import RecognizerResult

from redactkit.detect.checksums import shannon_entropy as entropy
from redactkit.detect.checksums import wordlike_fraction


class Part(NamedTuple):
    """A sensitive span of a URL, offsets relative to the URL, with the reason it is masked."""

    start: int
    end: int
    reason: str


#: Words inside a query or fragment key that make its value a secret.
SECRET_KEY_WORDS = (
    "token", "key", "secret", "sig", "signature", "password", "passwd", "pwd", "pass", "auth",
    "session", "sess", "sid", "code", "credential", "cred", "jwt", "otp", "ticket", "hash",
    "nonce", "state", "assertion", "saml", "cookie", "bearer", "access", "refresh", "private",
    "apikey", "client_secret", "hmac",
)  # fmt: skip
#: Words inside a key that make its value personal (who the request is about).
PERSON_KEY_WORDS = (
    "email", "mail", "user", "login", "name", "first", "last", "surname", "phone", "tel",
    "mobile", "msisdn", "address", "street", "zip", "postcode", "dob", "birth", "ssn", "uid",
    "account", "acct", "customer", "cust", "member", "patient", "employee", "person", "owner",
    "recipient", "to", "from", "cc", "iban", "card", "handle", "profile", "contact",
)  # fmt: skip
#: Keys whose values are neither, even though a word above is inside them.
BENIGN_KEYS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "lang", "locale",
     "hl", "page", "per_page", "sort", "order", "tab", "view", "ref", "v", "format", "type",
     "q", "query", "search", "limit", "offset", "filter", "mode", "theme", "keyword", "keywords",
     "response_type", "grant_type", "scope", "code_challenge_method", "redirect_uri", "namespace"}
)  # fmt: skip
#: Path collections whose next segment names a person or an account.
PEOPLE_COLLECTIONS = frozenset(
    {"users", "user", "u", "people", "person", "profile", "profiles", "member", "members", "in",
     "employees", "employee", "customers", "customer", "account", "accounts", "contacts",
     "contact", "patients", "patient", "students", "student", "staff", "clients", "client",
     "pub", "my", "me", "home", "~"}
)  # fmt: skip
#: Pages of an account that name no one (``/account/settings``, ``/users/sign_in``).
ACCOUNT_PAGES = frozenset(
    {"login", "logout", "signin", "sign_in", "sign-in", "signup", "sign_up", "sign-up",
     "register", "settings", "edit", "new", "preferences", "security", "billing", "password",
     "reset", "me", "self", "search", "list", "index", "overview", "profile", "dashboard",
     "notifications", "help", "sessions", "auth", "oauth", "verify", "activate", "invite"}
)  # fmt: skip
#: Path words after which a hex run is a commit, not a secret.
COMMIT_WORDS = frozenset({"commit", "commits", "tree", "blob", "compare", "raw", "blame", "-"})
#: User-info names that are a service's fixed login, not a person.
SERVICE_USERS = frozenset({"git", "anonymous", "ftp", "www-data", "hg", "svn"})

_CLOSERS = "'\")]}>,.;:!"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
_HEX_SHA = re.compile(r"[0-9a-f]{7,64}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_TOKEN = re.compile(r"[A-Za-z0-9_~.+/=%-]{12,}")
_SLUG_PART = re.compile(r"[A-Za-z]+\d{0,4}|\d+")
_FILE_EXT = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
#: Last words of a key that say its value is a setting, not a secret (``token_type``).
SETTING_KEY_ENDS = (
    "type",
    "method",
    "algorithm",
    "alg",
    "mode",
    "expires",
    "scope",
    "version",
    "date",
    "format",
    "length",
    "lang",
)
_LONG_DIGITS = re.compile(r"\d{6,}")


def is_random_token(value: str) -> bool:
    """A value made to be unguessable (a key, a signature, a session id), not a word or a slug.

    Evidence: at least 12 token characters, letters and digits mixed (or 20+ letters of both
    cases), high entropy, and not a commit-like hex run, a UUID or a slug of words.
    """
    v = _FILE_EXT.sub("", unquote(value))
    if len(v) < 12 or not _TOKEN.fullmatch(v) or _UUID.fullmatch(v):
        return False
    parts = [p for p in re.split(r"[-_.~+/]", v) if p]
    words = sum(bool(_SLUG_PART.fullmatch(p)) for p in parts)
    if len(parts) > 1 and (words == len(parts) or (len(parts) >= 4 and words >= len(parts) - 1)):
        return False  # how-to-install-python-3-11(-8f2a1c), AWS4-HMAC-SHA256, INV-2024-15573
    letters = sum(ch.isalpha() for ch in v)
    digits = sum(ch.isdigit() for ch in v)
    cased = any(ch.isupper() for ch in v) and any(ch.islower() for ch in v)
    if not (digits and letters) and not (cased and len(v) >= 20):
        # one case of letters only: random when nothing of it reads as word pieces (a share
        # id such as ``jquukdumhabzgdd``; ``gettingstarted`` or ``documentation`` read whole)
        return v.isalpha() and wordlike_fraction(v) < 0.3 and entropy(v) >= 3.0
    return entropy(v) >= (3.0 if len(v) < 20 else 3.5)


def _key_kind(key: str) -> str | None:
    k = unquote(key).lower().strip()
    if k in BENIGN_KEYS or k.startswith("utm_"):
        return None
    words = re.split(
        r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])", re.sub(r"([a-z])([A-Z])", r"\1_\2", key).lower()
    )
    words = [w for w in words if w]
    if words and words[-1] in SETTING_KEY_ENDS:
        return None
    joined = "".join(words)
    for w in SECRET_KEY_WORDS:
        if w in words or (len(w) >= 5 and w in joined):
            return "secret-key"
    for w in PERSON_KEY_WORDS:
        if w in words or (len(w) >= 5 and w in joined):
            return "personal-key"
    return None


def _value_reason(value: str) -> str | None:
    """Why a value with no telling key is still sensitive, if it is."""
    if _EMAIL.search(unquote(value)):
        return "email"
    if is_random_token(value):
        return "random-token"
    if _LONG_DIGITS.fullmatch(value) and len(value) >= 9:
        return "account-number"
    return None


def _pairs(section: str, base: int, out: list[Part]) -> None:
    """Query or fragment ``k=v&k=v``: values under secret/personal keys or that look secret."""
    pos = 0
    for piece in re.split(r"([&;])", section):
        if piece in ("&", ";") or not piece:
            pos += len(piece)
            continue
        key, eq, value = piece.partition("=")
        if eq:
            vstart = base + pos + len(key) + 1
            reason = _key_kind(key) if value else None
            reason = reason or (_value_reason(value) if value else None)
            if reason:
                out.append(Part(vstart, vstart + len(value), reason))
        else:
            reason = _value_reason(piece)
            if reason:
                out.append(Part(base + pos, base + pos + len(piece), reason))
        pos += len(piece)


def _path(path: str, base: int, out: list[Part]) -> None:
    pos = 0
    previous = ""
    for segment in path.split("/"):
        if segment:
            start, end = base + pos, base + pos + len(segment)
            lower = unquote(segment).lower()
            reason = None
            if segment[0] in "@~" and len(segment) > 1:
                reason = "handle"
            elif (
                previous in PEOPLE_COLLECTIONS
                and lower not in ACCOUNT_PAGES
                and not (lower.isdigit() and len(lower) <= 2)  # /u/0/: an account slot
            ):
                reason = "people-path"
            elif _EMAIL.search(unquote(segment)):
                reason = "email"
            elif previous in COMMIT_WORDS and _HEX_SHA.fullmatch(lower):
                reason = None  # a commit, public by construction
            elif not _HEX_SHA.fullmatch(lower) and (
                is_random_token(segment)
                or any(is_random_token(p) for p in re.split(r"[:;,=!]", segment) if p != segment)
            ):
                reason = "random-token"  # whole, or a piece: ``bot6940953432:FHnxXf...``
            elif _HEX_SHA.fullmatch(lower) and len(lower) >= 16 and previous not in COMMIT_WORDS:
                reason = "random-token"  # a hex id or key outside a commit link (message, reset)
            if reason:
                out.append(Part(start, end, reason))
            previous = lower
        pos += len(segment) + 1


def sensitive_parts(url: str) -> list[Part]:
    """The spans of ``url`` to mask, offsets relative to ``url``; the rest is kept.

    For ``https://USER:PASS@x.io/a?token=TOKEN&page=2`` the parts are ``USER:PASS``
    (userinfo) and ``TOKEN`` (a secret key's value); ``x.io/a`` and ``page=2`` are kept.
    """
    out: list[Part] = []
    url = url.rstrip(_CLOSERS)  # a quote or bracket around a link is not part of its last value
    m = _SCHEME.match(url)
    start = m.end() if m else 0
    rest = url[start:]
    cut = min(
        (i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest)
    )
    authority = rest[:cut]
    if "@" in authority:
        info = authority[: authority.rindex("@")]
        if info.lower() not in SERVICE_USERS:
            out.append(Part(start, start + len(info), "userinfo"))
    pos = start + cut
    tail = url[pos:]
    fragment_at = tail.find("#")
    fragment = tail[fragment_at + 1 :] if fragment_at >= 0 else ""
    before_fragment = tail[:fragment_at] if fragment_at >= 0 else tail
    path, q, query = before_fragment.partition("?")
    _path(path, pos, out)
    if q:
        _pairs(query, pos + len(path) + 1, out)
    if fragment_at >= 0 and fragment:
        fstart = pos + fragment_at + 1
        if "=" in fragment:
            _pairs(fragment, fstart, out)
        else:
            reason = _value_reason(fragment)
            if reason:
                out.append(Part(fstart, fstart + len(fragment), reason))
    return out


def shrink_urls(text: str, results: list[RecognizerResult], mode: str) -> list[RecognizerResult]:
    """Each URL result replaced by results on its sensitive parts (``mode`` "sensitive-parts").

    Runs before findings are merged, so a name or an e-mail another recognizer found inside a
    URL keeps its own span instead of being swallowed by (and then lost with) the whole URL.
    """
    if mode == "whole":
        return results
    out: list[RecognizerResult] = []
    for r in results:
        if r.entity_type != "URL":
            out.append(r)
            continue
        for p in sensitive_parts(text[r.start : r.end]):
            part = RecognizerResult(
                "URL",
                r.start + p.start,
                r.start + p.end,
                r.score,
                r.analysis_explanation,
                dict(r.recognition_metadata or {}),
            )
            part.recognition_metadata["url_part"] = p.reason
            out.append(part)
    return out
