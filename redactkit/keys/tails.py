"""The open tail of a field being typed: the characters that typing may still make sensitive.

A checkpoint (and the deadline) releases characters of a field before it ends. A character in
no finding now can still join one if the value it belongs to is not finished: "4111 1111" is
no card number yet, "Ingrid" no full name, ``ghp_`` no token. Such a value must reach the
cursor, so only a tail of the text is at risk: the token at the cursor and, before it, every
token that may be part of the same value (digits, capitals, symbols of addresses and numbers,
name particles). The tail ends, going back, at the first plain lowercase word ("the", "meeting,";
the word at the cursor only once a space has closed it) or at MAX_TAIL characters. What is before it is released if clean; the tail waits, and at the
deadline goes out as the policy says for undecided text, except what positive evidence shows
can start no value (``head_words``, ``typo_runs``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from redactkit.detect.labelled import NAME_PARTICLES
from redactkit.detect.lexicon import common, lexicon, strength
from redactkit.detect.words import NOT_NAME_WORDS

#: Characters of the tail at most: no value we detect is longer with its separators (an IBAN
#: with spaces is 42, a card 23, a full address line about 60).
MAX_TAIL = 64
_TRAILING = ",.;:!?)\"'"
#: Punctuation that closes a word of a sentence; ":" and "=" are not among it (a label's value
#: follows them).
_CLOSING = ",.;!?"
#: Punctuation that finishes the word at the cursor ("Best," "thanks;"): no value we detect
#: has it inside (an e-mail's local part, a host name, a credential prefix or a random token
#: cannot hold it; a number or a name going on after it is a new token), so what follows it
#: is a new token and a word before it can be judged like any finished word.
CURSOR_CLOSING = ",;"
#: An erased run of at most this many letters is a typo, not a value typed and taken back.
TYPO_MAX = 3
_TOKEN = re.compile(r"\S+")


def plain_word(token: str) -> bool:
    """A lowercase word of letters (sentence punctuation after it allowed), not a particle of
    names: no value we detect starts or continues across it."""
    word = token.rstrip(_TRAILING)
    return bool(word) and word.isalpha() and word.islower() and word not in NAME_PARTICLES


def open_tail(text: str, n: int) -> int:
    """Index, in ``n`` strokes that typed ``text`` (one stroke a character, as the edit model
    stores them, or several code points a stroke), of the first stroke of the open tail."""
    if len(text) != n:  # strokes of several code points (an emoji, a decomposed accent)
        return max(0, n - MAX_TAIL) if n else 0
    end = len(text)
    floor = max(0, end - MAX_TAIL)
    i = end
    first = True
    while i > floor:
        j = i
        while j > floor and text[j - 1].isspace():
            j -= 1
        k = j
        while k > floor and not text[k - 1].isspace():
            k -= 1
        if k == j:  # only whitespace left down to the floor
            return i
        if plain_word(text[k:j]) and (not first or j < end):
            # a plain word ends the tail; so does the last one once a space closed it
            return i
        first = False
        i = k
    return floor


#: Kinds of value with no whitespace in them: one closed by a space is finished, and what
#: follows starts something new.
UNSPACED = frozenset({"EMAIL_ADDRESS", "URL", "IP_ADDRESS"})


def head_words(text: str, start: int, closed: Sequence[tuple[int, int]] = ()) -> int:
    """End of the finished words at the head of the open tail (from ``start``; the whitespace
    after them included) that can start no value, so a checkpoint releases them as it releases
    the clean text before the tail: words of a sentence followed by a space, each a
    plain word, a greeting, sign-off or calendar word (``NOT_NAME_WORDS``), or a common English
    word that the name lexicon knows weakly as a name at most ("Thanks", "Meeting"; not "John",
    "Grant", "Ingrid", nor a word it does not know: "Bodrov" may be a rare surname). The run
    stops at the first other token: digits and symbols (a card, a phone, a key, a house number
    may be starting), a possible name (its surname may follow), a label ("PIN:"), the word at
    the cursor unless ``CURSOR_CLOSING`` ends it ("Best,"). A word alone proves nothing inside a value, so only the head of the tail goes;
    a finished finding of an ``UNSPACED`` kind (``closed``: its spans) is passed over (the
    caller keeps it masked): "write to ada@x.io Meeting"."""
    tokens: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, start):
        if m.end() == len(text) and text[-1] not in CURSOR_CLOSING:
            break  # the word at the cursor is not finished
        if any(a <= m.start() and m.end() <= b for a, b in closed):
            tokens.append((m.start(), m.end(), ""))
            continue
        word = m.group().rstrip(_CLOSING)
        if not word.isalpha() or word.casefold() in NAME_PARTICLES:
            break
        tokens.append((m.start(), m.end(), word))
    end = start
    for _, b, word in tokens:
        if word and not _starts_nothing(word):
            break
        end = b
        while end < len(text) and text[end].isspace():
            end += 1
    return end


def typo_runs(erased: list[list[str]]) -> list[bool]:
    """For each run of erased characters (in typing order), whether it is a typo: at most
    TYPO_MAX letters. A longer run, or one with digits or symbols, may be a value typed into the
    wrong place and taken back; it stays undecided (detection has judged both kinds)."""
    return ["".join(run).isalpha() and len(run) <= TYPO_MAX for run in erased]


@lru_cache(maxsize=8192)
def _starts_nothing(token: str) -> bool:
    """A word of letters that no value starts with: a plain word, a greeting, sign-off or
    calendar word, or a common English word the name lexicon knows weakly as a name at most."""
    if plain_word(token) or token.casefold() in NOT_NAME_WORDS:
        return True
    c = int(lexicon().lookup([token])[0])
    return common(c) and strength(c) <= 1
