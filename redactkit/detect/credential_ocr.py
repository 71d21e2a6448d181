"""Reading credentials the way Tesseract shows them: confused characters and split tokens.

OCR misreads single characters (O/0, l/1/I, S/5, B/8) and breaks long tokens at a space or a
line wrap. A regex written for clean text then misses the key entirely, which on a screenshot is
a leak. Three cheap repairs, used only when the text came from OCR:

- known token prefixes read with a confusion (``AKlA``, ``ghp-``) are rewritten in place;
- each rule's character classes are widened with the readings OCR gives their members, so a
  hex key with an ``O`` in it still matches (its checksum then fails, which lowers the score);
- a token split by one space or line break is matched on a copy of its neighbourhood with
  that one break removed;
- a value found in an environment-style assignment (``NAME=value`` alone on its line) is the
  whole value to the end of the line: OCR breaks long values at several places
  (``sk- proj -wJf...``), and a piece found is a piece of the value.

All rewrites keep a map back to the original offsets.
"""

from __future__ import annotations

import functools
import re
import string

from redactkit.detect import checksums as ck

# What Tesseract reads instead of a character (canonical -> confusable readings).
CONFUSABLE: dict[str, str] = {
    "0": "0OoQD", "O": "O0oQD", "o": "o0O", "1": "1lI|i!", "l": "l1I|i!", "I": "I1l|i!", "i": "i1l!|",
    "5": "5Ss$", "S": "S5s$", "s": "s5S$", "8": "8B", "B": "B8", "2": "2Z", "Z": "Z2", "g": "g9",
    "9": "9g", "_": "_- ~", "-": "-_~\u2010\u2011\u2012\u2013\u2014", ".": ".,",
}  # fmt: skip
OCR_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "$": "s", "8": "b",
                          "-": "_", "~": "_", "\u2013": "_", "\u2014": "_", "2": "z", "9": "g"})  # fmt: skip


def fold_keyword(kw: str) -> str:
    """A lower-case keyword as it looks after :data:`OCR_FOLD`, without edge punctuation."""
    return kw.translate(OCR_FOLD).strip("_.")


@functools.cache
def _tolerant_prefix(prefix: str) -> re.Pattern[str]:
    parts = [f"[{re.escape(CONFUSABLE.get(c, c))}]" for c in prefix]
    # a prefix starts a token and is followed by one: `private_key_id` holds no `key-` prefix
    return re.compile(r"(?<![A-Za-z0-9_\-])" + "".join(parts) + r"(?=[A-Za-z0-9+/=_\-.]{8})")


def repair_prefixes(text: str, prefixes: list[str]) -> str:
    """Rewrite confusable readings of known token prefixes to the prefix itself.

    Length-preserving (one character for one), so offsets into the result are offsets into
    the original. Prefixes shorter than 3 characters are too common to repair.
    """
    chars: list[str] | None = None
    for prefix in prefixes:
        if len(prefix) < 3:
            continue
        for m in _tolerant_prefix(prefix).finditer(text):
            if m.group() != prefix:
                if chars is None:
                    chars = list(text)
                chars[m.start() : m.end()] = prefix
    return text if chars is None else "".join(chars)


# (an unescaped `[` ends a class body: a class holds none, and a body running over `[` both
# misread `\[[^\]\n]` as one class and made a run of `[` quadratic)
_CLASS = re.compile(r"\[(?!\^)((?:\\.|[^\]\\\[])+)\]")


def _widen_class(m: re.Match[str]) -> str:
    body = m.group(1)
    chars: set[str] = set()
    raw: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            esc = body[i : i + 2]
            if esc == "\\d":
                chars.update("0123456789")
            elif esc[1:].isalpha():
                raw.append(esc)
            else:
                chars.add(esc[1:])
            i += 2
        elif i + 2 < len(body) and body[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            chars.add(body[i])
            i += 1
    if "\\s" in raw:
        return m.group(0)
    for c in list(chars):
        chars.update(r for r in CONFUSABLE.get(c, "") if r.isalnum())
    return "[" + "".join(raw) + "".join(re.escape(c) for c in sorted(chars)) + "]"


@functools.cache
def widen(pattern: str) -> re.Pattern[str]:
    """``pattern`` with every positive character class (and ``\\d``) taking OCR readings too."""
    body = _CLASS.sub(_widen_class, pattern)
    body = re.sub(r"(?<!\\)\\d", "[0-9OoDQIlSsBZg]", body)
    return re.compile(body)


_TOKEN_CHARS = r"A-Za-z0-9+/=_%~.\-$:@*!^#&?"
_GAP = re.compile(rf"(?<=[{_TOKEN_CHARS}])(?:[ \t]|\r?\n)(?=[{_TOKEN_CHARS}])")
_TOKEN_SET = frozenset(string.ascii_letters + string.digits + "+/=_%~.-$:@*!^#&?")
_RUN_RIGHT = re.compile(rf"[{_TOKEN_CHARS}]{{2,}}")


def _tokenish(run: str) -> bool:
    """A run that could be part of a key, not a word: digits with letters, mixed case
    (beyond a capital first letter), symbols among letters, or capitals that spell nothing."""
    core = run[1:]
    has_alpha = any(c.isalpha() for c in run)
    if has_alpha and any(c.isdigit() for c in run):
        return True
    if any(c.islower() for c in core) and any(c.isupper() for c in core):
        return True
    if has_alpha and any(c in "+/=_%~$:@*!^#&?" for c in core.rstrip("=.:?")):
        return True
    return run.isupper() and len(run) >= 5 and ck.wordlike_fraction(run) < 0.3


def split_gaps(text: str) -> list[tuple[int, int]]:
    """``(offset, width)`` of single breaks between two token-like runs: where OCR may have
    cut one token in two. Each is tried on its own, so neighbouring words are never glued."""
    gaps = []
    for m in _GAP.finditer(text):
        i, lo = m.start(), max(0, m.start() - 200)
        while i > lo and text[i - 1] in _TOKEN_SET:
            i -= 1
        left = text[i : m.start()]
        right = _RUN_RIGHT.match(text, m.end())
        if len(left) >= 4 and right is not None and _tokenish(left) and _tokenish(right.group()):
            gaps.append((m.start(), m.end() - m.start()))
    return gaps


#: ``NAME=`` opening a line, after a shell prompt and ``export`` if any.
_ENV_ASSIGNMENT = re.compile(
    r"(?:[^\n=]{0,80}?[$#>%][ \t]+)?(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.\-]*[ \t]*=[ \t]*"
)
_COMMENT = re.compile(r"[ \t]#")


def assigned_value(text: str, start: int, end: int) -> tuple[int, int]:
    """The span a value found at ``text[start:end]`` grows to when its line is an assignment.

    ``(start, end)`` unless the line is ``NAME=`` and a value; then the whole value, from the
    ``=`` to the end of the line (before a `` #`` comment), as long as no other ``=`` stands
    in what is added (``A=1 B=2`` is two values).
    """
    line_start = text.rfind("\n", 0, start) + 1
    m = _ENV_ASSIGNMENT.match(text, line_start)
    if m is None or m.end() > start or "=" in text[m.end() : start]:
        return start, end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    tail = text[end:line_end]
    comment = _COMMENT.search(tail)
    if comment is not None:
        tail = tail[: comment.start()]
    if "=" in tail:
        return start, end
    return m.end(), end + len(tail.rstrip())
