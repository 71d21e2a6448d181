"""Secrets with no format of their own: values assigned to a key that names a secret.

``PASSWORD=...``, ``api_key: ...``, ``"secret": "..."``, ``--password x``, ``mysql -pXXX``,
``export TOKEN=...``, ``<password>x</password>``. The key alone says nothing about the value:
it is as often a placeholder, an environment-variable reference or a word in a sentence. So the
value is judged by shape (placeholders, references, paths, identifiers are not secrets) and,
for token-like keys, by randomness; password-like keys accept human-chosen values that mix
character classes. This is the tier most exposed to false positives, so it scores lowest and
any specific rule that overlaps a generic hit wins.
"""

from __future__ import annotations

import functools
import re

from redactkit.detect import checksums as ck
from redactkit.detect.random_values import is_random_value
from redactkit.detect.value_shapes import (  # noqa: F401 - re-exported for the rules
    PLACEHOLDER_PATTERNS,
    is_identifier,
    is_placeholder,
    is_reference,
)

GENERIC_SCORE = 0.55
STRONG_GENERIC_SCORE = 0.65

KEYWORDS: tuple[str, ...] = (
    "pass", "pwd", "secret", "token", "key", "credential", "auth", "contraseña", "passwort", "mysql", "sshpass",
    "login", "pw", "pin", "cookie", "session", "signature", "bearer", "access", "private", "api", "creds",
    "client",
)  # fmt: skip
_KEY = re.compile(
    r"password|passwort|passwd|passphrase|contraseña|pwd|pass|secret|token|credentials?"
    r"|api[_\-]?key|access[_\-]?key|auth[_\-]?key|private[_\-]?key|(?:signing|encryption|master|session|client)[_\-]?key"
    r"|auth|(?<=[_\-.])key|(?<![a-z0-9])key(?![a-z])|(?<=[a-z])key(?![a-z])|creds|cookie|session|signature|bearer|(?<![a-z])api(?![a-z])|private"
)
#: Words that name a secret only sometimes (`session`, `cookie`, `signature`, a bare `key`):
#: their values must look random.
_WEAK = frozenset(("key", "cookie", "session", "signature", "bearer", "api", "private", "creds"))
_PASSWORDISH = frozenset(
    ("password", "passwort", "passwd", "passphrase", "contraseña", "pwd", "pass")
)
_META_SUFFIX = re.compile(
    r"(?:_|-|\.|(?<=[a-z])(?=[A-Z]))(?:type|url|uri|endpoint|name|ref|arn|file|path|length|len|min|max|policy|field"
    r"|label|prompt|hint|placeholder|expir\w*|ttl|count|limit|format|header|param|env|var|algorithm|algo|reset"
    r"|required|changed|enabled|provider|store|manager|version|hash_algorithm|regex|pattern|strength|rules?|dir"
    r"|mode|location|source|lifetime|timeout|size|kind|method|scope|scopes|usage|index|idx|info)s?$",
    re.IGNORECASE,
)
_EXCLUDED_KEYS = re.compile(
    r"^(?:.*public[_\-]?key.*|.*key(?:board|word|code|s|press|down|up|stroke|name|id|ring|chain|frame|map|set|path|file|value|type|pair)|"
    r"(?:by|com|sur|tres|under|over|encom)pass.*|passport.*|passenger.*|passage.*|passive.*|.*tokeniz.*|"
    r"(?:max|num|total|input|output|prompt|completion|cached|reasoning|min)[_\-]?tokens?|author\w*|oauth|auth|authority|"
    r"secretary.*|tokens|keys|(?:has|is|use|no|show|hide|with|without|require|enable|disable)(?:[_\-][\w\-]+|(?-i:[A-Z])\w*)|.*token[_\-]?ids?|"
    r".*(?:page|next|continuation|pagination|cursor|sync|resume|idempotency|request|correlation|trace|csrf|xsrf)[_\-]?token|"
    r".*(?:cache|idempotency|primary|foreign|sort|partition|object|dedupe?|routing|lookup|hash|row|shard|index|bucket|file"
    r"|message|event|request|trace|group|unique|composite|surrogate|i18n|translation|locale|react|list|dict|map|redis|s3)[_\-.]?key)$",
    re.IGNORECASE,
)
# (a space before a closing quote: the engine's escaped view of `\"password\": \"x\"`)
# `=`, `:`, `=>`, Make's `:=`/`::=`/`?=`, PHP's `.=`, a typed declaration (`token string = "`)
# and, after a quoted name only, a call's comma (`setProperty("API_TOKEN", "...")`); a dash
# before a quoted value (`token - 'x'`, as logs and notes write it)
_OP = re.compile(
    r"""[\w\-]{0,30}?(?: (?="))?(["'\]]{0,2})(?:[ \t]{1,3}(?:string|String|str|const))?[ \t]{0,3}"""
    r"""(=>|:{1,3}=|\?=|\.=|=|:|->|(?<=["'])[ \t]{0,2},(?=[ \t]{0,2}["'])|(?<=[ \t])-(?=[ \t]{1,3}["']))"""
    r"""[ \t]{0,3}"""
)
_FLAG_OP = re.compile(r"""[\w\-]{0,20}?(?:[ \t]{1,3}|=)""")
# values run to 4096 characters: OAuth and session tokens are long (a bound, not a format)
_QUOTED = {'"': re.compile(r'"((?:[^"\\\n]|\\.){1,4096})"'), "'": re.compile(r"'([^'\n]{1,4096})'"),
           "`": re.compile(r"`([^`\n]{1,4096})`")}  # fmt: skip
_BARE = re.compile(r"""[^\s'"`<>]{1,4096}""")
_OPENER = {")": "(", "}": "{", "]": "["}
_BARE_IN_FIELDS = re.compile(r"""[^\s'"`<>;]{1,256}""")
_BARE_IN_URL = re.compile(r"""[^\s'"`<>&#]{1,256}""")
_XML_VALUE = re.compile(r"""[ \t]*>\s{0,40}([^<\s][^<\n]{0,255}?)\s{0,40}</""")
_CLI_PASSWORD = re.compile(
    r"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]{0,200}?[ \t]-p['\"]?(?P<s>[^\s'\"]{1,128})"
    r"|\bsshpass\b[^\n|;&]{0,40}?[ \t]-p[ \t]{0,2}(?P<s2>[^\s'\"]{1,128})"
    r"|\b(?:docker|podman|helm\s+registry|nerdctl)\s+login\b[^\n|;&]{0,200}?[ \t]-p[ \t=]{0,2}(?P<s3>[^\s'\"-][^\s'\"]{0,127})"
    r"|\bmachine\s+\S{1,100}\s+login\s+\S{1,100}\s+password\s+(?P<s4>\S{1,128})"
    r"|\bredis-cli\b[^\n|;&]{0,200}?[ \t](?:-a|--pass)[ \t]+['\"]?(?P<s5>[^\s'\"]{1,128})"
)


# Passwords told in a sentence: "the wifi password is Tr0ub4dor&3", "I reset the pw to X",
# or named bare: "user admin, password 6KElyVm_D^V1R" (``bare``: judged more strictly). The
# value runs to the next space: "?", "!" and "," are password characters too, and masking a
# sentence's final "." costs nothing, while stopping at it leaves the rest of a password.
_TOLD = (
    r"(?:(?:\s{1,3}(?:is|was|to|now|set to|changed to|reset to|will be|stays)\b){1,2}(?:\s{0,3}:)?)"
)
#: "the password is X", "password X"; "the token is X" (a token only with a verb: "token
#: ring", "secret sauce").
#: A few lower-case words between the name and the verb or colon: "the password I set was X",
#: "Temporary password for the portal: X".
_BETWEEN = r"(?:\s{1,3}(?-i:[a-z][a-z'’]{0,15}|I)){1,4}?(?:" + _TOLD + r"|\s{0,3}:)"
_PROSE_PASSWORD = re.compile(
    r"(?i)\b(?:(?:password|passwd|passcode|passphrase|pass ?word|pw|pwd|pin)"
    rf"(?:{_TOLD}|{_BETWEEN}|(?P<bare>))|(?:token|secret|api ?key|access ?key)(?:{_TOLD}|{_BETWEEN}))\s{{1,3}}"
    r"[\"'\u201c\u2018`]?(?P<s>[^\s\"'\u201d\u2019`]{6,64})[\"'\u201d\u2019`]?(?=[.,;:!?)]*(?:\s|$))"
)
_TRAILING_PUNCT = ".,;:!?)"
_MARKUP = re.compile(r"[=()\[\]<>{}]")
_SYMBOL = re.compile(r"[^\w\s'’.,;:-]")
_WORD_PUNCT = re.compile(r"[A-Za-z]+[.,;:!?]")
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _classes(value: str) -> int:
    core = value[1:] if value[:1].isupper() and value[1:].islower() else value
    return (
        any(c.islower() for c in core)
        + any(c.isupper() for c in core)
        + any(c.isdigit() for c in value)
        + any(not c.isalnum() for c in value)
    )


def judge_value(value: str, *, kind: str, quoted: bool, strong_op: bool) -> float | None:
    """The score a value earns after a secret-naming key, or None when it is no secret.

    ``kind`` "password" keys (password, pwd, passphrase) accept human-chosen values that mix
    character classes; "secret" keys (token, secret, api_key) want key-like randomness, or at
    least a mix of letters and digits in a config-style (``=`` or quoted) assignment; "weak"
    keys (a bare ``*_key``, as in ``cache_key``) want clear randomness.
    """
    v = value.strip()
    if not v or is_placeholder(v) or is_reference(v) or " " in v or _NUMBER.fullmatch(v):
        return None
    if not quoted and v[0] in "([{":
        return None  # `(self.username + ...`, `[a, b]`: an expression
    if is_identifier(v) and ck.wordlike_fraction(v) >= (0.3 if "_" in v else 0.6):
        if kind == "weak" or not any(c.isdigit() for c in v):
            return None  # proxy_auth, challengePassword: a variable, not a value
    if kind == "weak":
        return GENERIC_SCORE if ck.looks_random(v, min_len=16, min_norm_entropy=0.75) else None
    if kind != "password" and (_HEADER_NAME.fullmatch(v) or _HOST_NAME.fullmatch(v)):
        return None  # `"Fastly-Key"`, `4f2a9c.example.com`: a header's or a host's name
    if kind == "password":
        if _WORD_PUNCT.fullmatch(v):
            return None  # `Regenerated.`: a word ending a sentence
        if len(v) >= 6 and _classes(v) >= 2 and not ck.is_sequential(v):
            return STRONG_GENERIC_SCORE
        if len(v) >= 12 and (quoted or strong_op) and not ck.is_sequential(v):
            return GENERIC_SCORE
        return None
    if ck.looks_random(v, min_len=12, min_norm_entropy=0.7):
        return STRONG_GENERIC_SCORE
    long_enough = len(v) >= (8 if quoted or strong_op else 12)  # `token: x` is also prose
    # Mixed classes with a digit, or letters mixed as no word is (``ByyniridoHeCZCsr``: camel-
    # case identifiers with word-like pieces were turned away above).
    mixed = any(c.isdigit() for c in v) or ck.normalized_entropy(v) >= 0.8
    if long_enough and _classes(v) >= 2 and mixed:
        if not v.replace(".", "").replace("-", "").isdigit() and not _is_version(v):
            return GENERIC_SCORE
    return None


_HEADER_NAME = re.compile(r"[A-Z][a-z]{1,20}(?:-[A-Z][A-Za-z]{0,20})+")
_HOST_NAME = re.compile(
    r"[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.(?:com|net|org|io|dev|app|cloud|co|ai)"
)
_VERSIONISH = re.compile(r"v?\d++(?:\.\d++)++[\w.\-]*+")
_LONG_RUN = re.compile(r"[A-Za-z0-9]{13}")


def _is_version(v: str) -> bool:
    """``1.2.3``, ``v10.4.1-beta2``: numbers and short tags. ``1000.1fa6966eafbb...`` (an id
    and key material after a number) is no version."""
    return bool(_VERSIONISH.fullmatch(v)) and not _LONG_RUN.search(v)


def _key_bounds(text: str, ks: int, ke: int) -> tuple[int, int]:
    s = ks
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_.-") and ks - s < 40:
        s -= 1
    while s < ks and text[s] in ".-":  # `--password`: the dashes belong to the flag syntax
        s += 1
    e = ke
    while e < len(text) and (text[e].isalnum() or text[e] in "_-") and e - ke < 30:
        e += 1
    return s, e


def _keyword_ok(text: str, lowered: str, ks: int, ke: int, key: str, kw: str) -> bool:
    tail = lowered[ke : ke + 3]
    if tail[:1].isalpha() and not text[ke].isupper():
        if not re.match(r"(?:e?s)?(?:[^a-z]|$)", tail):
            return False
    if kw == "pass" and ks > 0 and text[ks - 1].isalpha() and not text[ks].isupper():
        return False
    if (
        kw == "key"
        and ks > 0
        and text[ks - 1].isalpha()
        and not (text[ks - 1].islower() and text[ks] == "K")
        and text[ks - 1] not in "_-."
    ):
        return False  # `apiKey`, `blobKey` (a hump) name keys; `monkey`, `WHISKEY` do not
    if "." in key[key.find(kw.lower()) if kw.lower() in key.lower() else 0 :].lstrip("."):
        return False  # `arm_pass_all.dpatch`: the secret word must be in the last component
    return not key_excluded(key)


@functools.lru_cache(maxsize=4096)
def key_excluded(key: str) -> bool:
    """Key names that hold no secret (``public_key``, ``max_tokens``, ``token_url``, ...)."""
    return bool(_EXCLUDED_KEYS.match(key) or _META_SUFFIX.search(key[-24:]))


#: How much of a value the judgement reads (secrets are far shorter; a longer value is a blob
#: whose start says what it is).
JUDGED = 512


def find_generic_secrets(text: str, lowered: str) -> list[tuple[str, int, int, float]]:
    """Assignments of secret-looking values as ``(rule_id, start, end, score)``.

    ``lowered`` is ``text.lower()`` of the same length (the caller guarantees it), searched so
    that one case-sensitive alternation finds every key in a single pass.
    """
    out: list[tuple[str, int, int, float]] = []
    last_end = -1
    for m in _KEY.finditer(lowered):
        ks, ke = m.span()
        if ks < last_end:
            continue
        s, e = _key_bounds(text, ks, ke)
        key = text[s:e]
        if not _keyword_ok(text, lowered, ks, ke, key, m.group()):
            continue
        kw = m.group()
        kind = "password" if kw in _PASSWORDISH else "weak" if kw in _WEAK else "secret"
        hit = _value_after(text, s, e)
        if hit is None:
            continue
        vs, ve, quoted, strong = hit
        if key.lower() == "pass" and not strong:
            continue  # `PASS: test_name` is a test result, not a credential
        # judged on its first JUDGED characters, masked whole: in a run of `key=key=...` each
        # key's value is the rest of the run, and reading it all for each was quadratic
        v = text[vs : min(ve, vs + JUDGED)]
        if "," in text[e:vs]:  # `("password", "x")` is also a pair in a list: must look random
            hexkey = len(v) >= 32 and re.fullmatch(r"[0-9a-fA-F]+", v) and ck.looks_random(v)
            score = STRONG_GENERIC_SCORE if is_random_value(v) or hexkey else None
        else:
            score = judge_value(v, kind=kind, quoted=quoted, strong_op=strong)
        if score is not None:
            out.append(
                ("generic-password" if kind == "password" else "generic-secret", vs, ve, score)
            )
            last_end = ve
    # A sentence's password is skipped only where an assignment above already covers it
    # (``last_end`` is where the last one ended: comparing with it alone dropped every
    # sentence before the text's last assignment).
    taken = [(s, e) for _, s, e, _ in out]
    for m in _PROSE_PASSWORD.finditer(text):
        vs, ve = m.span("s")
        if any(s < ve and vs < e for s, e in taken):
            continue
        if _prose_password(m.group("s").rstrip(_TRAILING_PUNCT), bare=m.group("bare") is not None):
            out.append(("prose-password", vs, ve, GENERIC_SCORE))
    for m in _CLI_PASSWORD.finditer(text):
        g = next(k for k in ("s", "s2", "s3", "s4", "s5") if m.group(k) is not None)
        v = m.group(g)
        if not is_placeholder(v) and not v.startswith("$"):
            out.append(("cli-password", m.start(g), m.end(g), STRONG_GENERIC_SCORE))
    return out


def _prose_password(value: str, *, bare: bool = False) -> bool:
    """A value told in a sentence is a password when it mixes character classes as chosen
    passwords do; code references (``tm_b.WzeCQe`` reads like one) are no concern in prose.
    Named without a verb ("password X"), the next word is more often an ordinary one
    ("password manager", "password Reset", "pin size=14>" in markup): then it takes 8
    characters with a digit, or with a symbol inside among upper- and lower-case letters
    ("Pi_oJ&Yp_Z"), and no markup or code punctuation."""
    return (
        len(value) >= (8 if bare else 6)
        and _classes(value) >= 2
        and (
            not bare
            or (
                (
                    any(c.isdigit() for c in value)
                    or (_classes(value) >= 3 and _SYMBOL.search(value))
                )
                and not _MARKUP.search(value)
            )
        )
        and not is_placeholder(value)
        and not ck.is_sequential(value)
        and not _WORD_PUNCT.fullmatch(value)
        and not (bare and (is_identifier(value) or "/" in value))
    )


def _value_after(text: str, s: int, e: int) -> tuple[int, int, bool, bool] | None:
    """Span of the value assigned to the key at ``text[s:e]``, with (quoted, strong operator)."""
    if s > 0 and text[s - 1] == "<":  # <password>value</password>
        m = _XML_VALUE.match(text, e)
        if m is None:
            return None
        vs, ve = m.span(1)
        if text[vs] == "{" and text[ve - 1] == "}":  # Jenkins: `<secret>{AQAAABAAA x...}`
            vs = max(vs + 1, text.rfind(" ", vs, ve - 1) + 1)
            ve -= 1
        return (vs, ve, True, True) if ve > vs else None
    flag = (
        s >= 2
        and text[s - 2 : s] == "--"
        or (s >= 1 and text[s - 1] == "-" and (s < 2 or text[s - 2] in " \t"))
    )
    m = _OP.match(text, e)
    if m is not None:
        pos, op = m.end(), m.group(2)
        strong = op != ":" or bool(m.group(1))
        if op == ":" and not m.group(1) and pos < len(text) and text[pos - 1] not in " \t":
            # `key:value` without a space or quotes is a URL, a time or a namespace, not YAML
            if not flag:
                return None
    elif flag:
        m = _FLAG_OP.match(text, e)
        if m is None:
            return None
        pos, strong = m.end(), True
    else:
        return None
    q = text[pos : pos + 1]
    if q in _QUOTED:
        qm = _QUOTED[q].match(text, pos)
        if qm is None:
            return None
        ve = qm.end(1)
        while ve > qm.start(1) and text[ve - 1] == " ":
            ve -= 1  # the escaped view's ` "` of a closing `\"`: the space is the backslash
        return (qm.start(1), ve, True, strong) if ve > qm.start(1) else None
    if s > 0 and text[s - 1] in "?&":
        bare = _BARE_IN_URL
    elif s > 0 and text[s - 1] == ";" or text.count(";", max(0, s - 80), s) >= 2:
        bare = _BARE_IN_FIELDS  # `Server=db;User Id=sa;Password=x;Encrypt=true`
    else:
        bare = _BARE
    bm = bare.match(text, pos)
    if bm is None:
        return None
    end = bm.end()
    while end > pos and text[end - 1] in ",;:)}]":
        if _OPENER.get(text[end - 1], "\0") in text[pos : end - 1]:
            break  # `{password!r}`: the bracket closes one inside the value
        end -= 1
    return (pos, end, False, strong) if end > pos else None
