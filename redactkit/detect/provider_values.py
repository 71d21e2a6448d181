"""Keys announced without an operator: after a provider's name, or alone under a label line.

Notes, chats, READMEs and logs name a key without assigning it: ``mixpanel <key>``, ``jira
token <key>``, ``Stripe secret: ...`` on one line and the key alone on the next. The assignment
forms of ``generic_secrets`` and ``random_values`` need an operator or quotes; these forms take
the announcement as the assignment, and ask of the value what a random value under any name must
show (``random_values.is_random_value``: long, mixed classes, high entropy, no words, no digest,
id, path or version), so an announcement adds no looser judgement of the value, only a place.

* ``find_provider_values``: a provider's name (a service of the catalogue, or a public product of
  ``data/products.toml``), optionally a label (``api key``, ``token``, ``secret``, ``license
  key``) and a colon, then the key; or a secret's name as a label (``LicenseKey <key>``).
* ``find_label_line_values``: a line that ends with a secret label and a colon (``API key:``,
  ``Save pass:``), then, after at most two blank lines, a line holding one key and nothing else.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from redactkit.detect.generic_secrets import key_excluded
from redactkit.detect.random_values import is_random_value

PROVIDER_SCORE = 0.6

#: Rule ids whose first word names no provider (a header, a tool, a shape).
_NOT_PROVIDERS = frozenset(
    ("authorization", "bearer", "curl", "jwt", "ocr", "session", "uri", "age", "cli", "generic",
     "private", "putty", "prose", "random", "credential", "docker", "jenkins")
)  # fmt: skip

_VALUE = r"(?P<q>[\"'`]?)(?P<v>[A-Za-z0-9+/=_\-.~]{16,512})(?P=q)(?![\w+/=\-.~@:])"
_LABEL = r"(?:(?:api|access|secret|license|licence|auth|private)[ _\-]?)?(?:key|token|secret|pat)"
#: A run of key characters, the candidate value: rare in prose, so the search starts from it.
_RUN = re.compile(r"(?<![\w+/=\-.~@:])[A-Za-z0-9+/=_\-.~]{16,512}(?![\w+/=\-.~@:])")
_WORD_BEFORE = re.compile(
    r"(?<![\w\-./])(?P<p>[A-Za-z][A-Za-z0-9_\-]{2,40})[ \t]{1,3}(?P<q>[\"'`]?)$"
)
_SECRET_NAME = re.compile(r"(?:[Kk]ey|KEY|[Tt]oken|TOKEN|[Ss]ecret|SECRET|[Pp]assword|PASSWORD)$")
_BEFORE_VALUE = frozenset(" \t\"'`")
#: What comes before the value: the provider's name, a label or a colon, an opening quote.
_BEFORE = re.compile(
    r"(?<![\w\-./])(?P<p>[A-Za-z][A-Za-z0-9_\-]{2,40})[ \t]{1,3}(?:"
    + _LABEL
    + r"[ \t]{0,3}:?[ \t]{1,3}|:[ \t]{1,3})?(?P<q>[\"'`]?)$",
    re.I,
)
_LINE_LABEL = re.compile(
    r"(?i:password|passwd|pass|pwd|secret|token|" + _LABEL + r")[ \t]{0,3}:[ \t]*$"
)
_NEXT_LINE_VALUE = re.compile(r"(?:[ \t]*\r?\n){0,2}[ \t]*" + _VALUE + r"[ \t]*(?:\r?\n|$)")


#: The groups of ``data/products.toml`` whose entries issue keys (hosted services, data stores,
#: cloud and SaaS vendors), not languages, frameworks or operating systems.
_ISSUER_GROUPS = ("databases", "infrastructure", "applications", "companies")


@functools.cache
def providers() -> frozenset[str]:
    """Lower-case provider names: the catalogue's services and the listed vendors."""
    from redactkit.detect.credential_rules import RULES

    names = {r.id.split("-")[0] for r in RULES} - _NOT_PROVIDERS
    text = resources.files("redactkit").joinpath("data/products.toml").read_text()
    body = text[text.index("products = [") :]
    for group in re.split(r"\n[ \t]*# ", body)[1:]:
        head, _, entries = group.partition("\n")
        if head.startswith(_ISSUER_GROUPS):
            items = tomllib.loads("x = [" + entries.rstrip().rstrip("]") + "]")["x"]
            names |= {p for p in items if len(p) >= 4 and p.isalnum()}
    return frozenset(names)


def find_provider_values(text: str, lowered: str) -> list[tuple[str, int, int, float]]:
    """Keys after a provider's name, as ``(rule_id, start, end, score)``.

    Anchored on runs of key characters (rare in prose), the provider's name read back."""
    out: list[tuple[str, int, int, float]] = []
    names = providers()
    for m in _RUN.finditer(text):
        s, e = m.span()
        if s == 0 or text[s - 1] not in _BEFORE_VALUE or not is_random_value(m.group()):
            continue  # glued to a word, or no key: most runs are names, digests and ids
        b = _BEFORE.search(text, max(0, s - 60), s)
        if b is not None and not _announces(b["p"], lowered[b.start("p") : b.end("p")], names):
            b = _WORD_BEFORE.search(text, max(0, s - 60), s)  # `the token <key>`: the last word
            if b is not None and not _announces(b["p"], lowered[b.start("p") : b.end("p")], names):
                b = None
        if b is None:
            continue
        q = b["q"]
        if not q or text.startswith(q, e):
            out.append(("provider-value", s, e, PROVIDER_SCORE))
    return out


def _announces(word: str, low: str, names: frozenset[str]) -> bool:
    """A provider's name, or a name for a secret written as a label (``LicenseKey``,
    ``api_token``) that the generic rules would read as one after an operator."""
    if low in names:
        return True
    return _SECRET_NAME.search(word) is not None and not key_excluded(word)


def find_label_line_values(text: str) -> list[tuple[str, int, int, float]]:
    """A key alone on the line after a ``...key:`` / ``...pass:`` label line. Anchored on the
    line breaks after a colon (few), the label read back and the value forward."""
    out: list[tuple[str, int, int, float]] = []
    nl = text.find(":", 0)
    while nl != -1:
        eol = nl + 1
        while eol < len(text) and text[eol] in " \t\r":
            eol += 1
        if eol < len(text) and text[eol] == "\n" and _LINE_LABEL.search(text, max(0, nl - 40), eol):
            m = _NEXT_LINE_VALUE.match(text, eol + 1)
            if m is not None and is_random_value(m["v"]):
                out.append(("provider-value", m.start("v"), m.end("v"), PROVIDER_SCORE))
        nl = text.find(":", nl + 1)
    return out
