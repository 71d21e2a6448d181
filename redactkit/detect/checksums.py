"""Offline checks that tell a real credential from something that merely looks like one.

Secret scanners mostly stop at a regex plus an entropy floor. Many token formats carry more
structure than that (a CRC32 suffix, a base64 JSON header, a DER body), and checking it offline
turns a "looks like" into a "is", which is what lets redactkit score findings by tier. Every
function here is pure and total: malformed input returns False (or 0.0), never raises.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
import re
import string
import zlib
from collections import Counter

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def crc32(data: str) -> int:
    """CRC-32 (IEEE, as zlib) of the UTF-8 bytes of ``data``."""
    return zlib.crc32(data.encode("utf-8")) & 0xFFFFFFFF


def encode_base(n: int, alphabet: str, width: int) -> str:
    """``n`` in the positional alphabet, left-padded with the zero digit to ``width``."""
    base = len(alphabet)
    digits = []
    while n:
        n, r = divmod(n, base)
        digits.append(alphabet[r])
    return "".join(reversed(digits)).rjust(width, alphabet[0])


# --- card numbers and bank accounts -------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    """Luhn mod-10 check (payment cards, some IMEIs). Non-digits other than space/dash fail."""
    clean = digits.replace(" ", "").replace("-", "")
    if len(clean) < 2 or not clean.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(clean)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_digit(partial: str) -> str:
    """The check digit that makes ``partial + digit`` pass :func:`luhn_ok`."""
    for d in "0123456789":
        if luhn_ok(partial + d):
            return d
    raise ValueError("partial must be digits")


def iban_ok(iban: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN (spaces ignored)."""
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}", s):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


# --- token checksums ----------------------------------------------------------------------


def github_checksum(random_part: str) -> str:
    """The 6-char base62 CRC32 suffix of GitHub (``ghp_`` etc.) and npm (``npm_``) tokens."""
    return encode_base(crc32(random_part), BASE62, 6)


def github_token_ok(token: str) -> bool:
    """True when a ``gh?_``/``npm_`` token's last 6 chars are the CRC32 of the 30 before them.

    Works for both families because the prefix is not part of the checksummed data.
    """
    body = token.rsplit("_", 1)[-1]
    if len(body) != 36 or not body.isalnum() or not body.isascii():
        return False
    return github_checksum(body[:30]) == body[30:]


def gitlab_routable_checksum(before: str) -> str:
    """7-char base36 CRC32 that ends a GitLab routable token, computed over all that precedes."""
    return encode_base(crc32(before), BASE36, 7)


def gitlab_routable_ok(token: str) -> bool:
    """GitLab routable tokens (``glpat-<payload>.01.<len2><crc7>``): the CRC suffix matches."""
    if len(token) < 20 or not re.search(r"\.[0-9a-z]{2}\.[0-9a-z]{9}$", token):
        return False
    return gitlab_routable_checksum(token[:-7]) == token[-7:]


def grafana_checksum(before: str) -> str:
    """Grafana service-account tokens end in the little-endian hex CRC32 of what precedes."""
    return crc32(before).to_bytes(4, "little").hex()


def grafana_sa_ok(token: str) -> bool:
    """``glsa_<32 alnum>_<8 hex>``: the 8 hex digits are the CRC32 of ``glsa_<32 alnum>``."""
    head, _, tail = token.rpartition("_")
    return len(tail) == 8 and grafana_checksum(head) == tail.lower()


def atlassian_checksum(before: str) -> str:
    """Atlassian API tokens end in the upper-case hex CRC32 of their first 184 characters."""
    return f"{crc32(before):08X}"


def atlassian_ok(token: str) -> bool:
    """``ATATT3...=XXXXXXXX`` (192 chars): last 8 = CRC32 of the 184 before them."""
    if len(token) != 192:
        return False
    return atlassian_checksum(token[:184]) == token[184:]


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _bech32_hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def bech32_checksum(hrp: str, data: str) -> str:
    """The 6-char bech32 checksum (BIP-173) for human part ``hrp`` and data chars ``data``."""
    values = [BECH32.index(c) for c in data.lower()]
    poly = _bech32_polymod(_bech32_hrp_expand(hrp.lower()) + values + [0] * 6) ^ 1
    return "".join(BECH32[(poly >> 5 * (5 - i)) & 31] for i in range(6))


def bech32_ok(s: str) -> bool:
    """A bech32 string (``age-secret-key-1...``, case-insensitive) with a valid checksum."""
    low = s.lower()
    hrp, sep, data = low.rpartition("1")
    if not sep or not hrp or len(data) < 6 or any(c not in BECH32 for c in data):
        return False
    values = [BECH32.index(c) for c in data]
    return _bech32_polymod(_bech32_hrp_expand(hrp) + values) == 1


# --- structural decoders ------------------------------------------------------------------


def b64decode_loose(s: str) -> bytes | None:
    """Decode standard or URL-safe base64, padding optional; None when it is not base64."""
    t = s.strip().replace("-", "+").replace("_", "/")
    t += "=" * (-len(t) % 4)
    try:
        return base64.b64decode(t, validate=True)
    except (binascii.Error, ValueError):
        return None


def jwt_header_ok(token: str) -> bool:
    """A JWT/JWS whose first segment is base64url JSON naming an ``alg``.

    This is what separates a token from any dotted base64 (trufflehog only matches shape).
    """
    head = token.split(".", 1)[0]
    raw = b64decode_loose(head)
    if raw is None:
        return False
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(obj, dict) and isinstance(obj.get("alg"), str)


def basic_auth_ok(b64: str) -> bool:
    """``Authorization: Basic`` value decodes to printable ``user:password``."""
    raw = b64decode_loose(b64)
    if raw is None:
        return False
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return ":" in s and s.isprintable() and len(s) >= 3


def discord_id_ok(first_segment: str) -> bool:
    """The first part of a Discord bot token is the base64 of a numeric snowflake id."""
    raw = b64decode_loose(first_segment)
    return raw is not None and raw.isdigit() and 15 <= len(raw) <= 20


def pem_body_ok(lines: list[str]) -> bool:
    """Base64 lines of a PEM/OpenSSH body that decode (all but a possibly cut last line).

    Used on partially visible keys, so only a consistent prefix of the body is required.
    """
    full = "".join(x.strip() for x in lines)
    if len(full) < 40:
        return False
    usable = full[: len(full) - len(full) % 4]
    return b64decode_loose(usable) is not None


# --- randomness ---------------------------------------------------------------------------


def shannon_entropy(s: str) -> float:
    """Shannon entropy in bits per character (0.0 for the empty string)."""
    n = len(s)
    if n == 0:
        return 0.0
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


_HEX_LOWER = frozenset("0123456789abcdef")
_HEX_UPPER = frozenset("0123456789ABCDEF")
_LOWER = frozenset(string.ascii_lowercase)
_UPPER = frozenset(string.ascii_uppercase)
_DIGITS = frozenset(string.digits)


def alphabet_size(s: str) -> int:
    """Size of the smallest common alphabet the string fits (10, 16, 26, 36, 52, 62, 64+)."""
    if s.isdigit():
        return 10
    chars = set(s)
    if chars <= _HEX_LOWER or chars <= _HEX_UPPER:
        return 16
    lower = not chars.isdisjoint(_LOWER) or any(c.islower() for c in chars - _LOWER)
    upper = not chars.isdisjoint(_UPPER) or any(c.isupper() for c in chars - _UPPER)
    digit = not chars.isdisjoint(_DIGITS) or any(c.isdigit() for c in chars - _DIGITS)
    other = any(not c.isalnum() for c in chars)
    size = (26 if lower else 0) + (26 if upper else 0) + (10 if digit else 0)
    return size + (30 if other else 0) or 1


@functools.lru_cache(maxsize=2048)
def normalized_entropy(s: str) -> float:
    """Entropy divided by the best a string of this length and alphabet could reach.

    Raw entropy is length-biased (a 20-char key cannot reach 4.5 bits); normalising by
    ``log2(min(len, alphabet))`` makes one threshold work from 12 to 200 characters.
    """
    n = len(s)
    if n < 2:
        return 0.0
    best = math.log2(min(n, alphabet_size(s)))
    return shannon_entropy(s) / best if best > 0 else 0.0


_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+")
# The most frequent English letter pairs: words are made of them, random strings rarely are.
_COMMON_BIGRAMS = frozenset(
    """th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve
    co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct
    us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow
    pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex
    ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl
    du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak
    pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub oi rl gu dr hr cc tw ft wn nu""".split()
)


def _wordlike(piece: str) -> bool:
    if len(piece) < 3 or not piece.isalpha():
        return False
    low = piece.lower()
    pairs = [low[i : i + 2] for i in range(len(low) - 1)]
    common = sum(p in _COMMON_BIGRAMS for p in pairs)
    return common >= len(pairs) * (0.99 if len(low) == 3 else 0.7)


@functools.lru_cache(maxsize=2048)
def wordlike_fraction(s: str) -> float:
    """Share of characters that sit in pronounceable, word-like pieces of an identifier.

    A cheap stand-in for BPE token efficiency: ``LibraryWebpageUploadRowStatus`` is almost all
    word pieces, ``SOKXxs00k30PUuH4KLoDPNmwlQ4EwXKw`` almost none.
    """
    if not s:
        return 0.0
    return sum(len(p) for p in _PIECES.findall(s) if _wordlike(p)) / len(s)


def mean_piece_length(s: str) -> float:
    """Average length of case/digit/symbol runs; random strings switch class every ~2 chars."""
    pieces = _PIECES.findall(s)
    return len(s) / len(pieces) if pieces else 0.0


@functools.lru_cache(maxsize=2048)
def looks_random(s: str, *, min_len: int = 12, min_norm_entropy: float = 0.72) -> bool:
    """Whether ``s`` reads like machine-generated key material rather than words or a name.

    Combines length-normalised entropy, the share of word-like pieces and run length, so hex
    keys, base62/base64 keys and mixed-class passwords pass while identifiers, sentences and
    repeated or sequential fillers do not.
    """
    if len(s) < min_len or is_sequential(s):
        return False
    if normalized_entropy(s) < min_norm_entropy:
        return False
    if wordlike_fraction(s) > 0.55:
        return False
    if alphabet_size(s) in (10, 16):
        return True
    return mean_piece_length(s) < 4.5 or wordlike_fraction(s) < 0.3


def is_sequential(s: str) -> bool:
    """Runs like ``abcdef123456``, ``0123456789`` or one repeated character."""
    low = s.lower()
    if len(set(low)) <= 2:
        return True
    codes = [ord(c) for c in low]
    steps = sum(0 <= b - a <= 1 for a, b in zip(codes, codes[1:]))
    return steps >= 0.8 * (len(low) - 1)
