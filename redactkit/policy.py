"""Policy: what counts as sensitive and what becomes of it, as one object or one TOML file.

Example ``policy.toml``::

    entities = ["PERSON", "EMAIL_ADDRESS", "CREDENTIAL"]   # omit for the default set
    exclude = ["DATE_TIME"]
    threshold = 0.4
    allow = ["support@acme.io"]             # never redacted
    allow_patterns = ['^.*@example\\.com$']
    deny = ["Project Falcon"]               # always redacted (entity type DENY_LIST)
    url = "sensitive-parts"                 # or "whole": mask every URL entirely

    [operators]
    DEFAULT = "replace"
    PHONE_NUMBER = { type = "mask", keep_last = 4, char = "*" }
    EMAIL_ADDRESS = "pseudonym"
    CREDENTIAL = "redact"                   # every credential type without its own entry

    [hmac]
    key_env = "REDACTKIT_HMAC_KEY"          # or: key = "..." (keep policy files private then)

    [screens]
    mask_apps = ["1Password", "KeePassXC", "Bitwarden"]
    mask_titles = ["(?i)online banking"]
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

#: Policy values of ``url`` (kept in step with redactkit.detect.urls.URL_MODES).
URL_MODES = ("sensitive-parts", "whole")

#: Family name that stands for every credential entity type.
CREDENTIAL = "CREDENTIAL"
DENY_LIST = "DENY_LIST"

#: Types Presidio can emit that the default policy leaves alone: organisation names (noisy,
#: rarely personal) and UUIDs (identifiers of records, not of people, in most captures).
OFF_BY_DEFAULT = frozenset({"ORGANIZATION", "UUID"})

OPERATORS = ("replace", "mask", "redact", "hmac", "encrypt", "pseudonym", "keep")

DEFAULT_MASK_APPS = (
    "1Password",
    "KeePass",
    "KeePassXC",
    "Bitwarden",
    "LastPass",
    "Dashlane",
    "Keychain Access",
    "Enpass",
    "pass",
)


class PolicyError(ValueError):
    """A policy value or file that cannot be used."""


@dataclass(frozen=True)
class OperatorSpec:
    """How one entity type is transformed.

    ``type``: replace (``<ENTITY_TYPE>``, or ``value`` when given), mask (``char`` over all but
    the last ``keep_last`` characters), redact (removed), hmac (keyed SHA-256, linkable without
    the value; an unkeyed hash of a phone number can be reversed by enumeration and is not
    offered), encrypt (AES, reversible with ``key``), pseudonym (``<EMAIL_ADDRESS_3>``,
    consistent within a Session), keep.
    """

    type: str = "replace"
    value: str | None = None
    char: str = "*"
    keep_last: int = 4
    key: str | None = None

    def __post_init__(self) -> None:
        if self.type not in OPERATORS:
            raise PolicyError(
                f"unknown operator {self.type!r}; choose one of {', '.join(OPERATORS)}"
            )
        if self.type == "mask" and (len(self.char) != 1 or self.keep_last < 0):
            raise PolicyError("mask needs a single character and keep_last >= 0")
        if self.type == "encrypt" and (
            self.key is None or len(self.key.encode()) not in (16, 24, 32)
        ):
            raise PolicyError("encrypt needs a key of 16, 24 or 32 bytes")

    @classmethod
    def parse(cls, raw: str | Mapping[str, Any]) -> OperatorSpec:
        if isinstance(raw, str):
            return cls(type=raw)
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise PolicyError(f"unknown operator option(s): {', '.join(sorted(unknown))}")
        return cls(**dict(raw))


@dataclass(frozen=True)
class Policy:
    """Everything a redactor needs to decide; immutable, cheap to copy with ``with_``."""

    entities: frozenset[str] | None = None  # None: every supported type not off by default
    exclude: frozenset[str] = frozenset()
    threshold: float = 0.4
    allow: tuple[str, ...] = ()
    allow_patterns: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    operators: Mapping[str, OperatorSpec] = field(default_factory=dict)
    hmac_key: str | None = None
    hmac_key_env: str = "REDACTKIT_HMAC_KEY"
    mask_apps: tuple[str, ...] = DEFAULT_MASK_APPS
    mask_titles: tuple[str, ...] = ()
    #: "sensitive-parts": a URL keeps its scheme, host and path, and loses only user info,
    #: secret or personal query values, tokens, handles and people's pages; "whole": every URL
    #: is masked whole (redactkit.detect.urls).
    url: str = "sensitive-parts"
    #: Keystrokes still undecided at the deadline (their value may still be being typed):
    #: "mask" (default) or "keep" (released as typed when no finding covers them yet).
    key_undecided: str = "mask"
    #: Fields of key events the redactor does not know (any may spell the key): "drop"
    #: (default) or "keep" (then redacted as free text, and blanked with a masked key).
    key_unknown_fields: str = "drop"

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise PolicyError("threshold must be between 0 and 1")
        if self.url not in URL_MODES:
            raise PolicyError(f"url must be one of {', '.join(URL_MODES)}")
        if self.key_undecided not in ("mask", "keep"):
            raise PolicyError("key_undecided must be 'mask' or 'keep'")
        if self.key_unknown_fields not in ("drop", "keep"):
            raise PolicyError("key_unknown_fields must be 'drop' or 'keep'")
        for p in (*self.allow_patterns, *self.mask_titles):
            try:
                re.compile(p)
            except re.error as exc:
                raise PolicyError(f"invalid regular expression in policy: {exc}") from None
        ops = {
            k: (v if isinstance(v, OperatorSpec) else OperatorSpec.parse(v))
            for k, v in dict(self.operators).items()
        }
        object.__setattr__(self, "operators", ops)
        if self.entities is not None:
            object.__setattr__(self, "entities", frozenset(self.entities))
        object.__setattr__(self, "exclude", frozenset(self.exclude))

    def with_(self, **changes: Any) -> Policy:
        return replace(self, **changes)

    # -- resolution -------------------------------------------------------------------------
    def resolve_entities(
        self, supported: frozenset[str], credential_types: frozenset[str]
    ) -> tuple[str, ...]:
        """The concrete entity types to look for, with the CREDENTIAL family expanded."""

        def expand(names: frozenset[str]) -> set[str]:
            out = set(names)
            if CREDENTIAL in out:
                out.discard(CREDENTIAL)
                out |= credential_types
            return out

        if self.entities is None:
            chosen = set(supported) - OFF_BY_DEFAULT
        else:
            chosen = expand(self.entities)
            unknown = chosen - supported - {DENY_LIST}
            if unknown:
                raise PolicyError(f"unknown entity type(s): {', '.join(sorted(unknown))}")
        chosen -= expand(self.exclude)
        if self.deny:
            chosen.add(DENY_LIST)
        return tuple(sorted(chosen))

    def operator_for(self, entity_type: str, credential_types: frozenset[str]) -> OperatorSpec:
        if entity_type in self.operators:
            return self.operators[entity_type]
        if entity_type in credential_types and CREDENTIAL in self.operators:
            return self.operators[CREDENTIAL]
        return self.operators.get("DEFAULT", OperatorSpec())

    def resolved_hmac_key(self) -> bytes:
        key = self.hmac_key or os.environ.get(self.hmac_key_env)
        if not key:
            raise PolicyError(
                f"the hmac operator needs a key: set hmac.key in the policy or ${self.hmac_key_env}"
            )
        return key.encode()

    # -- files ------------------------------------------------------------------------------
    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Policy:
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise PolicyError(f"policy file not found: {path}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise PolicyError(f"policy file {path} is not valid TOML: {exc}") from None
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Policy:
        raw = dict(raw)
        kwargs: dict[str, Any] = {}
        hmac = raw.pop("hmac", {}) or {}
        if "key" in hmac:
            kwargs["hmac_key"] = str(hmac["key"])
        if "key_env" in hmac:
            kwargs["hmac_key_env"] = str(hmac["key_env"])
        screens = raw.pop("screens", {}) or {}
        for name in ("mask_apps", "mask_titles"):
            if name in screens:
                kwargs[name] = tuple(str(x) for x in screens[name])
        keys = raw.pop("keys", {}) or {}
        for name, option in (
            ("undecided", "key_undecided"),
            ("unknown_fields", "key_unknown_fields"),
        ):
            if name in keys:
                kwargs[option] = str(keys.pop(name))
        if keys:
            raise PolicyError(
                f"unknown policy key(s): {', '.join(f'keys.{k}' for k in sorted(keys))}"
            )
        if "entities" in raw:
            kwargs["entities"] = frozenset(str(x) for x in raw.pop("entities"))
        if "exclude" in raw:
            kwargs["exclude"] = frozenset(str(x) for x in raw.pop("exclude"))
        if "threshold" in raw:
            kwargs["threshold"] = float(raw.pop("threshold"))
        if "url" in raw:
            kwargs["url"] = str(raw.pop("url"))
        for name in ("allow", "allow_patterns", "deny"):
            if name in raw:
                kwargs[name] = tuple(str(x) for x in raw.pop(name))
        if "operators" in raw:
            kwargs["operators"] = {
                str(k): OperatorSpec.parse(v) for k, v in raw.pop("operators").items()
            }
        if raw:
            raise PolicyError(f"unknown policy key(s): {', '.join(sorted(raw))}")
        return cls(**kwargs)
