"""What a field's value can be: the evidence that a cell under or beside a label is not the
value the label names (:mod:`redactkit.screens.fields` walks the layout; this module judges
the cells it finds).

- a line that names its own value (``LOG_LEVEL=info``, a shell prompt) ends the field above;
- a value of the wrong shape for its label: no capital in a name, no digit in a date, a
  variable's name, the next field's label or a sentence under a credential label;
- a shaped value (card, phone, date) ends at the end of its sentence.
"""

from __future__ import annotations

import re

from redactkit.detect.labels import ocr_label_type
from redactkit.screens.layout import Layout

_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
#: A sentence: five words or more, lower-case after the first, ending in a full stop or a
#: question (a code comment's marker before it).
_PROSE = re.compile(r"^(?:[#/*;-]+ )?[A-Z]?[a-z',]+(?: [a-z',]+){4,}[.?!]$")
#: A line that carries its own key: an assignment (``LOG_LEVEL=info``, ``export PORT=80``,
#: ``DB_PASSWORD = "..."``) or
#: a shell prompt (``zara@devbox:~$ ls``, ``root@host:/srv#``), which says what follows is a
#: command. Under a label, such a line is not that label's value: it is named by itself.
_KEYED = re.compile(
    r"^(?:export\s+|set\s+)?[A-Za-z_][A-Za-z0-9_.]*(?:=\S| = \S)"
    r"|^[\w.-]+@[\w.-]+:\S*?[$#%>](?:\s|$)"
    r"|^(?:PS\s*)?[A-Z]:\\\S*>"
)


def keyed(text: str) -> bool:
    """Whether a cell's text names its own value (see :data:`_KEYED`)."""
    return bool(_KEYED.match(text))


#: Values that are one shaped token (a card, a phone, a date) end at the end of a sentence:
#: "Card: 5506 7496 5771 3228. Question from the client" names four words, not ten.
_SHAPED = frozenset({"CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "DATE_TIME", "US_SSN"})


def value_words(etype: str | None, words: tuple[int, ...], layout: Layout) -> tuple[int, ...]:
    """The words of a ``Label: value`` cell's value: for shaped values up to the word that
    ends a sentence (a full stop, question or exclamation mark after it)."""
    if etype not in _SHAPED:
        return words
    for k, i in enumerate(words[:-1]):
        if layout.words[i].text.rstrip().endswith((".", "?", "!")):
            return words[: k + 1]
    return words


def plausible(etype: str, text: str) -> bool:
    """Whether a cell's ``text`` can be the value of a label naming ``etype``."""
    if not any(ch.isalnum() for ch in text):
        return False
    if etype == "DATE_TIME":
        return any(ch.isdigit() for ch in text)
    if etype == "PERSON":  # "from agenda to meeting.", "# Call please by meeting call?"
        return any(ch.isupper() for ch in text) and not (
            _PROSE.match(text) or _CONSTANT.match(text)
        )
    if etype == "PASSWORD":
        # "AWS_ACCESS_KEY_ID": a variable's name, listed; "Github Token": the next field's
        # label; "Rotate them every month." a sentence under the section's heading
        return not (_CONSTANT.match(text) or ocr_label_type(text) == etype or _PROSE.match(text))
    return True
