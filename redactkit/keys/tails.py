"""The open tail of a field being typed: the characters that typing may still make sensitive.

A checkpoint (and the deadline) releases characters of a field before it ends. A character in
no finding now can still join one if the value it belongs to is not finished: "4111 1111" is
no card number yet, "Ingrid" no full name, ``ghp_`` no token. Such a value must reach the
cursor, so only a tail of the text is at risk: the token at the cursor and, before it, every
token that may be part of the same value (digits, capitals, symbols of addresses and numbers,
name particles). The tail ends, going back, at the first plain lowercase word ("the", "meeting,";
the word at the cursor only once a space has closed it) or at MAX_TAIL characters. What is before it is released if clean; the tail waits, and at the
deadline goes out as the policy says for undecided text.
"""

from __future__ import annotations

from redactkit.detect.labelled import NAME_PARTICLES

#: Characters of the tail at most: no value we detect is longer with its separators (an IBAN
#: with spaces is 42, a card 23, a full address line about 60).
MAX_TAIL = 64
_TRAILING = ",.;:!?)\"'"


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
