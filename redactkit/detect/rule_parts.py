"""The parts credential rows are made of: the ``Rule`` record, its score tiers and the
pattern builders (a free-standing token, a value after a key name), plus the offline
validators rows point to. The rows themselves are data in ``credential_rules`` and
``service_rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from redactkit.detect import checksums as ck
from redactkit.detect.value_shapes import is_identifier

SCORES = {"checksum": 0.9, "prefix": 0.9, "structural": 0.85, "context": 0.75, "generic": 0.55}
OCR_FAILED_SCORE = 0.6
VERIFIED_SCORE = 1.0  # a checksum passed: as sure as offline checking can be


@dataclass(frozen=True, slots=True)
class Rule:
    """One credential format.

    ``validator`` returns True (verified), False (failed) or None (nothing to check for this
    instance). ``check`` says what a failure means: "checksum" (a CRC that OCR can break, so in
    OCR mode a failure only lowers the score) or "shape" (the value is not this kind of thing).
    ``random`` asks that the secret also look machine-generated (used by context-keyed rows,
    whose value patterns alone would match words). ``ocr_only`` rows run only on OCR text.
    """

    id: str
    entity: str
    keywords: tuple[str, ...]
    pattern: str
    tier: str = "prefix"
    validator: Callable[[str], bool | None] | None = None
    check: str = "checksum"
    random: bool = False
    prefixes: tuple[str, ...] = ()
    ocr_only: bool = False

    @property
    def score(self) -> float:
        return SCORES[self.tier]


L = r"(?<![A-Za-z0-9_])"  # left edge: not inside a longer identifier
R = r"(?![A-Za-z0-9_])"  # right edge
R64 = r"(?![A-Za-z0-9_/+=-])"
# key name tail, quotes, a prompt's default (`Key [None]: `) and an assignment operator:
# `_KEY="`, `": "`, ` = '`, `=>`, `: `
SEP = (
    r"""[\w.\-]{0,25}?["'\]]{0,2}(?:\s?\[[^\]\n]{0,20}\])?\s{0,3}(?:=|:=|:|=>|->|,)\s{0,3}["'`]?"""
)


def tok(body: str) -> str:
    """A free-standing token: the whole match is the secret."""
    return f"{L}(?P<s>{body}){R}"


def keyed(keys: str, value: str) -> str:
    """A value after a provider-specific key name (``AWS_SECRET_ACCESS_KEY = ...``)."""
    return f"(?i:{keys}){SEP}(?P<s>{value}){R64}"


def _gitlab(token: str) -> bool | None:
    return ck.gitlab_routable_ok(token) if token.count(".") >= 2 else None


def _atlassian(token: str) -> bool | None:
    return ck.atlassian_ok(token) if len(token) == 192 else None


def _age(token: str) -> bool:
    return ck.bech32_ok(token)


def _jwt(token: str) -> bool:
    return ck.jwt_header_ok(token)


def _discord(token: str) -> bool:
    return ck.discord_id_ok(token.split(".", 1)[0])


def _basic(value: str) -> bool:
    return ck.basic_auth_ok(value)


def _spells_nothing(value: str) -> bool:
    """Not a name with humps ("MacBookPro2023", "GalaxyS24Ultra") and mostly not words."""
    return not is_identifier(value) and ck.wordlike_fraction(value) < 0.3


def _holds_key_material(value: str) -> bool:
    """One of the words of a value is key material (a Jenkins brace value: `{AQAAABAAA...}`)."""
    return any(ck.looks_random(w, min_len=16, min_norm_entropy=0.7) for w in value.split())


def _aws_id(token: str) -> bool:
    return not token.endswith("EXAMPLE")


UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
AWS_PREFIXES = ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA")  # fmt: skip
GH = ck.github_token_ok
