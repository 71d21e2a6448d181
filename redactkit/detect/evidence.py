"""Evidence that a span is *not* the personal data a candidate says it is, each a named reason.

Every test here recognises a benign shape positively (a timestamp, a dotted quad, the number
part of an identifier, a version, a loopback address, an interface word): none says "this looks
unlikely", which would cut recall. ``decision`` holds the table of which reason may drop which
candidate; this module only tells what the span is.

Each test takes the whole text and the span, since the shape is often around the value
("INV-2024-15573": the hyphen glued to a word before the digits).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

from redactkit.detect import benign
from redactkit.detect.checksums import luhn_ok
from redactkit.detect.words import NOT_NAME_WORDS

#: A date or a timestamp and nothing else (a timestamp's hour ends the run when a colon follows:
#: "2021-11-23 04" of "04:28:48").
_DATE_TIME = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}(?::\d{2}){0,2})?"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?: \d{1,2}(?::\d{2}){0,2})?)$"
)
_DOTTED_QUAD = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
#: Card groupings (Visa/Mastercard 4x4, Amex 4-6-5) and bare Luhn-valid runs of 13+ digits:
#: no phone number is written so; the card recognizers mask them as cards.
_CARD_GROUPS = re.compile(r"^\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?$|^\d{4}[ -]\d{6}[ -]\d{5}$")
#: A digit run glued to a word by a hyphen: "INV-2024-15573", "SO-7468-86105", "CVE-2024-3094"
#: (also its last groups alone: "PO-2024-«0633223»").
_GLUED = re.compile(r"(?<![\w-])[^\W\d_][^\W_]*-(?:\d+-){0,3}$")
#: "v1.2.3.4", "version 10.0.19045.2965", "build 22631.3155"
_VERSION_BEFORE = re.compile(r"(?:\bv|\bversion\s*|\bbuild\s*|\brelease\s*)$", re.IGNORECASE)
_HEX_OR_DASH = re.compile(r"[0-9a-fA-F-]")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_WORDLIKE = re.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")


def date_or_time(text: str, start: int, end: int) -> bool:
    return bool(_DATE_TIME.match(text[start:end]))


def dotted_quad(text: str, start: int, end: int) -> bool:
    """An IPv4 address (its own recognizer masks it) read as a phone number."""
    return bool(_DOTTED_QUAD.match(text[start:end]))


def card_number(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    digits = "".join(c for c in run if c.isdigit())
    return bool(_CARD_GROUPS.match(run)) or (
        run.isdigit() and len(digits) >= 13 and luhn_ok(digits)
    )


def identifier_number(text: str, start: int, end: int) -> bool:
    return bool(_GLUED.search(text[max(0, start - 24) : start]))


#: The span continues a dotted number: "8.25.«19 - 2024-05-13»" (a version's last group).
_DOTTED_BEFORE = re.compile(r"\d\.\d+\.$|\d\.$")


def version(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 9) : start]
    return bool(_VERSION_BEFORE.search(before) or _DOTTED_BEFORE.search(before))


#: How far from a span ``inside_hash`` reads the hex run around it (a UUID is 36 long).
_HASH_REACH = 64


def inside_hash(text: str, start: int, end: int) -> bool:
    """Part of a UUID, or of a run of hex digits (a hash, an id) with a letter in it, 16 long
    or more: the span is glued to it on a side."""
    a, b = start, end
    # the run is read at most REACH characters either side: what is glued to the span (a
    # UUID, a 16-digit group, a trace id) is that near; walking a whole run for every span in
    # it was quadratic on a long one ("1-1-1-...")
    lo, hi = max(0, start - _HASH_REACH), min(len(text), end + _HASH_REACH)
    while a > lo and _HEX_OR_DASH.match(text[a - 1]):
        a -= 1
    while b < hi and _HEX_OR_DASH.match(text[b]):
        b += 1
    if a == start and b == end:
        return False
    run = text[a:b].strip("-")
    if _UUID.search(run):
        return True
    longest = max(run.split("-"), key=len)
    if len(longest) >= 16 and any(c.isalpha() for c in longest):
        return True
    # a trace or request id: hex groups, 24 digits or more, letters in them
    # ("04735361-703a3ef0-76b1acdc79d2"); no phone number has a letter a-f
    return run.count("-") >= 2 and len(run) - run.count("-") >= 24 and any(c.isalpha() for c in run)


#: A container image pinned by digest: ``name:tag@sha256:<64 hex>`` (no user info, no host).
_IMAGE_DIGEST = re.compile(r"@sha(?:256|384|512):[0-9a-f]{32,}")


def image_digest(text: str, start: int, end: int) -> bool:
    """An image reference with its digest, read as ``user@host`` by the URL pattern."""
    return bool(_IMAGE_DIGEST.search(text, start, min(len(text), end + 8)))


def loopback_or_unspecified(text: str, start: int, end: int) -> bool:
    """``127.0.0.1``, ``0.0.0.0``, ``::1``: no machine, no person."""
    try:
        ip = ipaddress.ip_address(text[start:end].strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def no_word(text: str, start: int, end: int) -> bool:
    """A name or place has a word in it; "D3 H1" does not."""
    return not _WORDLIKE.search(text[start:end])


def mail_or_url(text: str, start: int, end: int) -> bool:
    """Whole e-mail addresses and URLs have recognizers of their own."""
    span = text[start:end]
    return "@" in span or "://" in span


def interface_word(text: str, start: int, end: int) -> bool:
    """ "Password", "Thanks", "Settings": every word an interface or greeting word."""
    return all(w.strip(".,:;!?'\"").lower() in NOT_NAME_WORDS for w in text[start:end].split())


def code(text: str, start: int, end: int) -> bool:
    """A key, a path or an option: ``LOG_LEVEL=info``, ``/usr/bin``, ``-rw-r--r--`` (no name
    has these characters in it)."""
    span = text[start:end].strip()
    return any(c in span for c in "=/\\_<>{}[]") or span.startswith("-")


#: reason -> test. Order matters only for which reason a drop is counted under.
TESTS: dict[str, Callable[[str, int, int], bool]] = {
    "date or time": date_or_time,
    "IP address": dotted_quad,
    "card number": card_number,
    "identifier number": identifier_number,
    "version": version,
    "hash or UUID": inside_hash,
    "loopback or unspecified address": loopback_or_unspecified,
    "no word": no_word,
    "e-mail or URL": mail_or_url,
    "interface word": interface_word,
    "code": code,
    "image digest": image_digest,
    "public product": benign.public_product,
    "organisation or product name": benign.organisation_or_product,
    "dictionary word": benign.dictionary_word,
    "quantity": benign.quantity_unit,
    "event date": benign.event_date,
}
