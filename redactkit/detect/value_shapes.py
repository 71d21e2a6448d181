"""What a value is shaped like, before anyone asks whether it is a secret: documentation
placeholders (``your-api-key-here``, ``<token>``, ``${VAR}``), references to where a secret
lives (env vars, attributes, calls, paths, URLs) and identifiers (snake_case, camelCase).
Shared by the generic rules, the random-value rules and the catalogue's context-keyed rows.
"""

from __future__ import annotations

import re

from redactkit.detect import checksums as ck

# Placeholders from documentation and templates: never findings. Extend through ``allow``.
PLACEHOLDER_PATTERNS: tuple[str, ...] = (
    r"example",
    r"^<?(?:your|my|enter|insert|replace|put|add|some|paste)(?:[-_ ][a-z0-9]+){0,6}>?[).,;]*$",
    r"`[^`]*`",
    r"\$\(",
    r"[-_ ](?:goes[-_ ])?here>?$",
    r"x{5,}",
    r"^\$[0-9@*#?]$",  # a shell's positional or special parameter (`curl --user "$1:$2"`)
    r"^<[^<>]{0,80}>$",
    r"^\[[^\[\]]{0,80}\]$",
    r"^\$\{",
    # a shell variable: one case (digits allowed) or letters only; "$Sp7qKYXyVaa1C" mixes
    # cases and digits as no variable name does: a password that starts with "$"
    r"^\$\(?(?-i:[A-Z_][A-Z0-9_.]*|[a-z_][a-z0-9_.]*|[A-Za-z_][A-Za-z_.]*)\)?$",
    r"^\{\{",
    r"\{\{.{0,120}\}\}",
    r"\$\{[^{}]{0,120}\}",
    r"^%(?:\(\w+\))?[sd]$",
    r"^%(?-i:[A-Z_][A-Z0-9_]*)%$",
    r"^\{[^{}]*\}$",
    r"^[*•●·.#?_-]+$",
    r"^(?:changeme|pass|pwd|user|username|login|change_me|changeit|password|passwd|secret|token|apikey|api_key|test|testing|dummy\w*|fake\w*|sample\w*|placeholder|redacted|removed|hidden|masked|none|null|nil|undefined|true|false|yes|no|todo|tbd|fixme|foo|bar|baz|foobar|value|string|str|int|required|optional|default|empty|unset|notset|n/?a)$",
    r"^(?:(?-i:xxx|XXX)(?:[\W_]|$)|\*\*\*)",  # "xxx-your-key", "***": not a random "XxX5t8Tp..."
    r"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    # documented example secrets: jwt.io's signing secrets (current and older)
    r"^a-string-secret-at-least-256-bits-long$",
    r"^your-256-bit-secret$",
    r"^(?:dev|local|test)store ?account",
)
#: Fillers: one character repeated, a run of zeros. Placeholders for a value under a generic
#: name (``token: aaaaaaaa``); after a registered prefix they are no evidence (see ``is_template``).
FILLER_PATTERNS: tuple[str, ...] = (r"^(?P<rep>.)(?P=rep){2,}$", r"0{8,}")
_TEMPLATE = re.compile("|".join(f"(?:{p})" for p in PLACEHOLDER_PATTERNS), re.IGNORECASE)
_PLACEHOLDER = re.compile(
    "|".join(f"(?:{p})" for p in PLACEHOLDER_PATTERNS + FILLER_PATTERNS), re.IGNORECASE
)

# Values that point at a secret rather than being one.
_REFERENCE = re.compile(
    r"""^(?:
        (?:process\.env|os\.environ|os\.getenv|getenv|env|ENV|secrets|vault|config|settings|self|this|params|props|req|request)\b.*
      | [A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?     # dotted.name or call
      | [A-Za-z_$][\w$.]*\(.*\)?[\w$.()]*                    # call(...), chained calls
      | [A-Za-z_$][\w$.]*\[.*                                # subscript, generic type
      | [A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+                         # ENV_VAR_NAME
      | (?:~|\.{1,2})?/[\w.\-/]*                              # a path
      | [A-Za-z]:\\.*
      | [\w.\-/]*\.(?:pem|key|json|txt|crt|cer|p12|pfx|env|ya?ml|ini|conf|cfg|jks|keystore|gpg|asc)
      | https?://.*
      | arn:aws:.* | @Microsoft\.KeyVault.* | (?:vault|sm|ssm|secret|op)://.*
    )$""",
    re.VERBOSE,
)

# snake_case or camelCase: an underscore between letters or a hump after a lower-case letter
_IDENT_CHARS = re.compile(r"_*[A-Za-z][A-Za-z0-9_]*")
_IDENT_JOIN = re.compile(r"[A-Za-z0-9]_+[A-Za-z0-9]|[a-z][A-Z]")


_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def is_identifier(value: str) -> bool:
    """snake_case or camelCase: letters joined by underscores or with a hump. The humps of a
    name fall between words ("challengePassword", "xCoord"); random letters have one-letter
    pieces all over ("gDOumHbhUmovpovq" is g, D, Oum, Hbh, ...), and are no identifier."""
    if not (_IDENT_CHARS.fullmatch(value) and _IDENT_JOIN.search(value)):
        return False
    if "_" in value:
        # snake_case joins names; a run of key material is no name (`I_MncTA8nlFcqlBCak...`)
        return not any(_random_part(p) or _random_run(p) for p in value.split("_"))
    return _camel_name(value)


def _camel_name(value: str) -> bool:
    return sum(len(p) == 1 for p in _CAMEL_PART.findall(value)) <= 1


def _random_run(part: str) -> bool:
    """A 16+ character piece of one case with digits that reads as no name (``9rvli8sm4jo1...``)."""
    return (
        len(part) >= 16
        and any(c.isdigit() for c in part)
        and sum(c.isalpha() for c in part) >= 4
        and ck.looks_random(part, min_len=16, min_norm_entropy=0.7)
    )


def _random_segment(seg: str) -> bool:
    """A path segment no one would name a directory: random, or case and digits mixed."""
    core = seg[1:]
    mixed = any(c.isupper() for c in core) and (
        any(c.islower() for c in core) or any(c.isdigit() for c in seg)
    )
    return mixed or ck.looks_random(seg, min_len=8)


def is_placeholder(value: str) -> bool:
    """Documentation and template fillers (``your-api-key-here``, ``<token>``, ``${VAR}``, ...)."""
    return bool(_PLACEHOLDER.search(value))


def is_template(value: str) -> bool:
    """A placeholder written as one (``xxxx``, ``<token>``, ``${VAR}``, ``your-key-here``,
    ``example``), not merely a filler: what still exempts a token after a registered prefix."""
    return bool(_TEMPLATE.search(value))


def is_reference(value: str) -> bool:
    """Values that name where a secret lives (env vars, attributes, calls, paths, URLs).

    A base64 key can start with ``/``: a "path" whose segments look random is not one.
    """
    if not _REFERENCE.match(value):
        return False
    if value[:1] == "/" and "." not in value:
        if "+" in value or "=" in value:
            return False
        return not any(_random_segment(seg) for seg in value.split("/"))
    if _DOTTED.fullmatch(value):
        # "wi6OFIpPvnML.E" is a password with a dot, not obj.attr: no name has such a part.
        parts = value.split(".")
        return not (any(_random_part(part) for part in parts) or _passphrase(parts))
    return True


_DOTTED = re.compile(r"[\w$]+(?:\.[\w$]+)+")


def _random_part(part: str) -> bool:
    """A part of a dotted value that no attribute is named: 8+ characters mixing upper case,
    lower case and digits, or three of each case, that spell no words (``dbPassword2``,
    ``Secret2Key``, ``getHTTPResponse`` do; ``qaCwXqTAKOZ`` does not)."""
    upper = sum(c.isupper() for c in part)
    lower = sum(c.islower() for c in part)
    return (
        len(part) >= 8
        and upper > 0
        and lower > 0
        and (any(c.isdigit() for c in part) or (upper >= 3 and lower >= 3))
        and ck.wordlike_fraction(part) < 0.3
    )


#: The last word of a passphrase: three or more lower-case words joined by dots with a number
#: after the last (a password manager's generated passphrase) is no attribute path.
_PASSPHRASE_TAIL = re.compile(r"[a-z]{3,}\d{2,}")


def _passphrase(parts: list[str]) -> bool:
    return (
        len(parts) >= 3
        and all(p.isalpha() and p.islower() for p in parts[:-1])
        and _PASSPHRASE_TAIL.fullmatch(parts[-1]) is not None
    )
