"""IPv6 addresses wherever they stand, validated by the standard library.

Presidio's pattern misses an address followed by a colon ("upload from 2606:4700::3392:1f03:
C:\\..."), the way log lines write it, because the colon could continue the address. Here a
run of hex digits and colons is a candidate, trailing colons are not part of it, and
``ipaddress`` decides: a time ("12:30:45") or a MAC address is no valid IPv6 address.
Loopback and unspecified addresses are dropped by the one decision table (``decision.veto``).
"""

from __future__ import annotations

import ipaddress
import re

from redactkit.detect.decision import veto
from redactkit.findings import Finding

# not glued to a word, and not the head of an IPv4-mapped form (``::ffff:192.0.2.1`` is the
# stock pattern's, and ``::ffff:256.0.0.1`` no address at all)
_CANDIDATE = re.compile(
    r"(?<![\w:.])[0-9A-Fa-f]{0,4}+(?::[0-9A-Fa-f]{0,4}+){2,8}+(?:%[\w.]+)?(?![\w.])"
)
SCORE = 0.6


def find_ipv6(text: str) -> list[Finding]:
    """Valid IPv6 addresses (three groups or more) in ``text``."""
    if "::" not in text and text.count(":") < 7:
        return []
    out = []
    for m in _CANDIDATE.finditer(text):
        value = m.group()
        end = m.end()
        while value.endswith(":") and not value.endswith("::"):
            value, end = value[:-1], end - 1
        if value.count(":") < 2:
            continue
        try:
            ipaddress.IPv6Address(value.split("%", 1)[0])
        except ValueError:
            continue
        if veto(text, m.start(), end, "IP_ADDRESS") is None:
            out.append(Finding("IP_ADDRESS", m.start(), end, SCORE, "ipv6"))
    return out
