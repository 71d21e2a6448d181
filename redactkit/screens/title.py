"""The window title from the event context, found again wherever OCR reads it on the frame.

A capture agent knows the focused window's title as exact text (``context["title"]``); the
frame shows the same text in the title bar, a tab, a heading, a list row, read by OCR with its
errors (``0kafor``, ``Ingrld``, a title bar whose smeared edge drops a letter). The title is
analysed as text, where the engine sees it whole and exactly; its sensitive parts are then
looked for among the frame's OCR words, OCR-tolerantly, and every run of words that spells one
becomes a finding like any other (``detector="window-title"``), masked through the same
word → box map.

What is matched: the title's **detected sensitive parts** (a name, a phone, an e-mail, ...), and
for a name also each of its words of five letters or more alone and its surname (a surname
shown without the given name, "Notes on Vega"). Not the whole title: a title is mostly the app's own words ("Inbox", "Terminal",
"- Mozilla Firefox"), which appear in menus and tabs all over the frame; a policy that wants a
window hidden whole names it in ``mask_titles`` (the frame is then masked without OCR).

Matching (:func:`matches`): both sides are folded (case, accents, OCR confusables ``0/O``,
``1/l/I/|``, ``rn/m``, ``vv/w``, ``5/S``, ``8/B``) and reduced to letters and digits; a part
matches a run of consecutive words on one line when its edit distance to the run's text is
within :func:`tolerance` of its length, the match starts and ends at a word or punctuation
boundary (``Okafor-Mail`` holds ``Okafor``; ``Annual`` does not hold ``Anna``); of
overlapping runs, the closest reading and then the shortest is kept. A q-gram count bounds the distance from below first, so the dynamic
programme runs only on runs that share most of the part's letter pairs.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from redactkit.findings import Finding
from redactkit.screens.layout import Layout, locate

DETECTOR = "window-title"
#: Score of a title match: the title's own finding decided the type; OCR only places it.
SCORE = 0.85
#: Name words shorter than this are not looked for alone ("Li", "Ann" are other people too).
NAME_WORD_MIN = 5
#: Titles whose parts are kept per text redactor (a session shows few windows).
CACHE = 64

_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_CHARS = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b"})
_NAMEY = frozenset({"PERSON"})
_parts_cache: weakref.WeakKeyDictionary[Any, OrderedDict[str, tuple[tuple[str, str], ...]]] = (
    weakref.WeakKeyDictionary()
)


def fold(text: str) -> str:
    """Text as OCR-tolerant matching sees it: accents stripped, lower case, confusable glyphs
    made one (``0`` and ``o``, ``1``, ``l``, ``I`` and ``|``, ``rn`` and ``m``). Keeps every
    character, so offsets of boundaries survive; callers drop what is not alphanumeric."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    for a, b in _PAIRS:
        plain = plain.replace(a, b)
    return plain.translate(_CHARS)


def compact(text: str) -> tuple[str, frozenset[int], frozenset[int]]:
    """(folded letters and digits, positions where a match may start, positions where one may
    end): a run of letters and digits starts after punctuation, a space or the text's start."""
    out: list[str] = []
    starts, ends = set(), set()
    inside = False
    for c in fold(text):
        if c.isalnum():
            if not inside:
                starts.add(len(out))
            out.append(c)
            inside = True
        else:
            if inside:
                ends.add(len(out))
            inside = False
    ends.add(len(out))
    return "".join(out), frozenset(starts), frozenset(ends)


def tolerance(length: int) -> int:
    """Edits allowed for a part of ``length`` folded characters: none up to 4 (a short word
    one edit away is another word), 1 up to 8, then about one in five."""
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    return length // 5


def distance(part: str, text: str, starts: frozenset[int], ends: frozenset[int]) -> int:
    """Fewest edits turning ``part`` into a piece of ``text`` that starts at one of ``starts``
    and ends at one of ``ends`` (semi-global edit distance)."""
    big = len(part) + len(text) + 1
    prev, last = [], None  # row 0: text read before the part, from the nearest start
    for j in range(len(text) + 1):
        last = j if j in starts else last
        prev.append(big if last is None else j - last)
    for i, pc in enumerate(part, 1):
        cur = [i if 0 in starts else big + i] + [0] * len(text)
        for j, tc in enumerate(text, 1):
            cur[j] = min(prev[j - 1] + (pc != tc), prev[j] + 1, cur[j - 1] + 1)
        prev = cur
    return min((prev[j] for j in ends), default=big)


def _bigrams(s: str) -> Counter:
    return Counter(s[k : k + 2] for k in range(len(s) - 1))


def name_pieces(name: str) -> list[str]:
    """What of a full name may show alone: its capitalised words of :data:`NAME_WORD_MIN`
    letters or more and every run of its words from a capitalised one to the end
    ("Fernández de la Vega", "Vega": the surname). Lower-case words NER took on at the end
    ("- notes" of a window title) are no part of the name."""
    words = name.split()
    while words and not _capital(words[-1]):  # "Ingrid Okafor - notes": NER took a word on
        words.pop()
    if len(words) < 2:
        return []
    out = [w for w in words if _capital(w) and len(compact(w)[0]) >= NAME_WORD_MIN]
    out += [" ".join(words[k:]) for k in range(1, len(words)) if _capital(words[k])]
    return out


def _capital_start(text: str) -> bool:
    """Whether a word starts as a name does: its first letter or digit is not lower case, or
    is ``l``, OCR's reading of a capital ``I`` ("loana")."""
    first = next((c for c in text if c.isalnum()), "")
    return bool(first) and (not first.islower() or first == "l")


def _capital(word: str) -> bool:
    """A name's word: it starts with a capital, or is written in a script without case."""
    first = next((c for c in word if c.isalpha()), "")
    return bool(first) and (first.isupper() or first.lower() == first.upper())


def title_parts(title: str, text_redactor: Any) -> tuple[tuple[str, str], ...]:
    """(entity type, text) of the title's sensitive parts, plus a name's long words alone.
    Cached per text redactor: the same title comes with every frame of a window."""
    try:
        cache = _parts_cache.setdefault(text_redactor, OrderedDict())
    except TypeError:  # not weak-referenceable: no cache
        cache = OrderedDict()
    if title in cache:
        cache.move_to_end(title)
        return cache[title]
    parts: list[tuple[str, str]] = []
    for f in text_redactor.analyze(title):
        value = title[f.start : f.end]
        parts.append((f.entity_type, value))
        if f.entity_type in _NAMEY:
            parts += [(f.entity_type, w) for w in name_pieces(value)]
    out = tuple(dict.fromkeys(parts))
    cache[title] = out
    while len(cache) > CACHE:
        cache.popitem(last=False)
    return out


@dataclass(frozen=True)
class WordIndex:
    """A layout's words as matching sees them, computed once per layout: each word's folded
    letters and digits with its boundaries, and its set of letter pairs."""

    layout: Layout
    words: tuple[tuple[str, frozenset[int], frozenset[int]], ...]
    pairs: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, layout: Layout) -> WordIndex:
        words = tuple(compact(w.text) for w in layout.words)
        return cls(layout, words, tuple(frozenset(_bigrams(t)) for t, _, _ in words))


def matches(
    layout: Layout | WordIndex, part: str, tol: int | None = None, *, capital: bool = False
) -> list[tuple[int, int]]:
    """[first, stop) word index ranges of the layout, each on one line, that spell ``part``
    within ``tol`` edits (default :func:`tolerance`; see the module docstring), none
    overlapping another: of overlapping readings the one closest to ``part`` is kept, then the
    one of fewest words. A run starts at a word that shares a letter pair with ``part``; with
    ``capital`` (a name), a run that starts with the part's first letter starts in upper case
    ("Contact" is a name's word, "contacts" of a URL is not; OCR's "ogdan" lost the capital
    and is taken)."""
    index = layout if isinstance(layout, WordIndex) else WordIndex.of(layout)
    layout, words = index.layout, index.words
    target = compact(part)[0]
    if len(target) < 3:
        return []
    tol = tolerance(len(target)) if tol is None else tol
    need = max(1, len(target) - 1 - 2 * tol)  # letter pairs a match must share
    grams = _bigrams(target)
    keys = frozenset(grams)
    found: list[tuple[int, int, int, int]] = []  # (distance, words, first, stop)
    n = len(words)
    max_run = len(part.split()) + 2
    for first in range(n):
        if not (index.pairs[first] & keys):
            continue
        if (
            capital
            and words[first][0][:1] == target[:1]
            and not _capital_start(layout.words[first].text)
        ):
            continue  # same first letter, in lower case: a word, not the name
        for stop in range(first + 1, min(n, first + max_run) + 1):
            if layout.line_of[stop - 1] != layout.line_of[first]:
                break
            text, starts, ends = _join(words[first:stop])
            if len(text) < len(target) - tol:
                continue
            if sum((grams & _bigrams(text)).values()) < need:
                continue
            d = distance(target, text, starts, ends)
            if d <= tol:
                found.append((d, stop - first, first, stop))
    # the closest reading first, then the fewest words; runs overlapping a kept one go
    out: list[tuple[int, int]] = []
    for _, _, first, stop in sorted(found):
        if all(stop <= a or first >= b for a, b in out):
            out.append((first, stop))
    return sorted(out)


def _join(
    pieces: Sequence[tuple[str, frozenset[int], frozenset[int]]],
) -> tuple[str, frozenset[int], frozenset[int]]:
    text, starts, ends, at = [], set(), set(), 0
    for t, s, e in pieces:
        text.append(t)
        starts |= {at + k for k in s}
        ends |= {at + k for k in e}
        at += len(t)
    return "".join(text), frozenset(starts), frozenset(ends)


def title_findings(
    layout: Layout,
    title: str | None,
    text_redactor: Any,
    *,
    pad: int | None = None,
    size: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings with pixel boxes for every place the title's sensitive parts are read on this
    layout (none without a title). Offsets are into ``layout.text``."""
    if not title or not layout.words:
        return []
    found = []
    index = WordIndex.of(layout)
    for etype, part in title_parts(title, text_redactor):
        for first, stop in matches(index, part, capital=etype in _NAMEY):
            start, end = layout.starts[first], layout.ends[stop - 1]
            found.append(Finding(etype, start, end, SCORE, DETECTOR))
    return locate(layout, found, pad=pad, size=size)


def context_title(context: Any) -> str | None:
    """The window title of an event context, when it carries one as text."""
    if not context:
        return None
    title = context.get("title") if hasattr(context, "get") else None
    return title if isinstance(title, str) and title.strip() else None
