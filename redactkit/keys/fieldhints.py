"""The label of a keystroke field: what the control typed into says its value is.

A date typed into "Date of birth", a surname typed into "Last name": alone, neither is
personal data the engine can recognise (a date is not, "Lee" is a short word). The label is
never typed, so it comes from elsewhere, in this order:

1. the event's optional ``field`` context (the focused control's accessibility name, label or
   placeholder, which capture agents can read; see docs/keystrokes.md), looked up in the label
   lexicon (``redactkit.detect.labels``), as a column header or a form label is on screen;
2. without it, the form around the field: the window title and app (an HR, checkout, sign-up
   or patient form), the field's position in the form (names come first in checkout and
   registration forms) and what the neighbouring fields held (a date typed next to an SSN or a
   name in a personal form is a birth date; a name-shaped word after a given name is a surname;
   a house number with street words is an address).

The result is an entity type for the whole field, which the redactor adds to the engine's
findings: labelled values are that entity even when ambiguous alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from redactkit.detect.fields_text import plausible_value
from redactkit.detect.labels import NAME_PARTICLES, normalise, personal_type
from redactkit.detect.lexicon import common, lexicon, strength
from redactkit.detect.words import GIVEN_NAME_WORDS, NOT_NAME_WORDS
from redactkit.keys.editor import Context, Field

#: Window-title words of forms that collect personal data.
PERSONAL_FORMS = frozenset(
    "checkout billing shipping delivery register registration signup sign-up account profile "
    "employee employees onboarding hr hire personnel payroll patient patients intake admission "
    "application apply applicant personal contact contacts customer customers member membership "
    "passenger guest booking enrol enroll enrolment enrollment kyc identity verification "
    "insurance claim tenant lease visa passport benefits candidate student students "
    "mitarbeiter personalien anmeldung kunde inscription inscripcion registro cadastro "
    "iscrizione aanmelden klant".split()
)
#: Title words of forms whose dates are events, not birthdays.
SCHEDULING = frozenset(
    "meeting meetings calendar event events schedule scheduler appointment appointments "
    "reminder reminders task tasks deadline ticket tickets "
    "sprint timesheet leave vacation holiday travel flight flights".split()
)
_DATE = regex.compile(
    r"^\s*(?:\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|"
    r"\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4})\s*$"
)
# A street address as typed into a form: a house number and street words, either order, and
# perhaps a town ("12 Park Row", "Hauptstraße 5, Köln", "8 rue Victor Hugo").
_ADDRESS = regex.compile(
    r"^\s*(?:\d{1,5}[a-zA-Z]?,?\s+\p{L}[\p{L}'’.\-]*(?:\s+\p{L}[\p{L}'’.\-]*){0,4}|"
    r"\p{L}[\p{L}'’.\-]*(?:\s+\p{L}[\p{L}'’.\-]*){0,4}\s+\d{1,5}[a-zA-Z]?)"
    r"(?:,\s*(?:\d{4,5}\s+)?\p{L}[\p{L}'’.\-]*(?:\s+\p{L}[\p{L}'’.\-]*){0,2})?\s*$"
)
#: A word of a name as typed: letters with apostrophes and hyphens ("O'Neil", "Jae-won"), or
#: an initial ("J.").
_NAME_WORD = regex.compile(r"^(?:\p{L}[\p{L}'’\-]*|\p{L}\.)$")
_NOT_NAMES = NOT_NAME_WORDS - GIVEN_NAME_WORDS
#: Words of a name entry at most (given names, particles and a double surname).
NAME_WORDS = 4
#: Kinds of earlier fields that make a form a person's record.
PERSONAL_KINDS = frozenset(
    {"PERSON", "US_SSN", "ID_NUMBER", "DATE_TIME", "LOCATION", "EMAIL_ADDRESS", "PHONE_NUMBER"}
)
#: Kinds the engine gives a lone name word when its NER misreads it ("Kenji" as a place): a
#: name-shaped entry found as one of these still counts as a name for its neighbours.
NAME_CONFUSIONS = frozenset({"PERSON", "LOCATION", "NRP", "ORGANIZATION"})
#: Kinds of fields a personal form may open with before the name fields (a sign-up form asks
#: for the e-mail first): names after them are still at the top of the form.
CONTACT_KINDS = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "USERNAME", "name", "PERSON"})
#: Fields of a form after which a name-shaped entry is no longer a person's name by position.
NAME_POSITIONS = 3


@dataclass
class _Form:
    """What has been typed so far in one window (app and title)."""

    position: int = 0
    kinds: list[str | None] = field(default_factory=list)
    last_start: int = -1


@dataclass
class FormMemory:
    """Remembers, per window, the kinds of the fields already typed, to name the next one."""

    forms: dict[tuple[str | None, str | None], _Form] = field(default_factory=dict)
    max_forms: int = 256
    #: Start of a field → the text of the next field typed in the same window, when it is
    #: known at the time the field is judged (fields judged in a batch, ``detect_batch``).
    upcoming: dict[int, str] = field(default_factory=dict)

    def entity_for(
        self,
        fld: Field,
        found: Iterable[str] = (),
        *,
        terminal: bool = False,
        text: str | None = None,
    ) -> str | None:
        """The entity type the whole field's text is, from its label or its form; None when
        nothing names it. ``found``: the entity types the engine found in the field;
        ``terminal``: the window is a terminal (a command line is no form: no name is guessed
        from position). Call per field in typing order: it also records the field (a field
        judged again, at a checkpoint and when it ends, is recorded once). ``text``: the
        field's text, when the caller has it."""
        ctx = fld.context
        if text is None:
            text = fld.text()
        form = self._form(ctx)
        if form.last_start == fld.start and form.kinds:  # the same field again
            form.position -= 1
            form.kinds.pop()
        form.last_start = fld.start
        etype = label_entity(ctx.field, text) if ctx.field else None
        if etype is None and not ctx.field:
            etype = self._by_form(ctx, form, text, self.upcoming.get(fld.start), terminal)
        form.position += 1
        found = list(found)
        engine = next((t for t in found if t in PERSONAL_KINDS), None)
        shape = _shape(text)
        if shape == "name" and set(found) <= NAME_CONFUSIONS and etype in (None, "PERSON"):
            kind = "PERSON" if "PERSON" in (etype, engine) else "name"
        else:
            kind = etype or engine or shape
        form.kinds.append(kind)
        return etype

    def _form(self, ctx: Context) -> _Form:
        key = (ctx.app, ctx.title)
        form = self.forms.get(key)
        if form is None:
            if len(self.forms) >= self.max_forms:
                self.forms.clear()
            form = self.forms[key] = _Form()
        return form

    def _by_form(
        self, ctx: Context, form: _Form, text: str, after: str | None, terminal: bool
    ) -> str | None:
        title = _title_words(ctx.title, ctx.app)
        if title & SCHEDULING:
            return None  # a calendar's or an order's dates and names are not a person's record
        titled = bool(title & PERSONAL_FORMS)
        names_so_far = bool(form.kinds) and all(k in ("PERSON", "name") for k in form.kinds)
        # the form is about a person: its title says so, or a field held personal data (found
        # by the engine or named here), or it opened with a name
        personal = titled or bool(PERSONAL_KINDS.intersection(form.kinds)) or names_so_far
        if _DATE.match(text) and personal and "DATE_TIME" not in form.kinds:
            return "DATE_TIME"  # one birth date per form: a later date (a start date) is not
        if _ADDRESS.match(text) and personal:
            return "LOCATION"
        if terminal or form.position >= NAME_POSITIONS or not name_like(text):
            return None
        # a given name then a surname, at the top of the form (after the e-mail a sign-up
        # form may ask for first), typed capitalised or not
        if names_so_far or (titled and all(k in CONTACT_KINDS for k in form.kinds)):
            return "PERSON"
        if not form.kinds and after is not None and name_like(after):
            return "PERSON"  # the first of two name entries: the given name before a surname
        if strong_name(text):
            return "PERSON"  # "omar berg": every word a popular name, at the top of a form
        return None


@lru_cache(maxsize=1024)
def _title_words(title: str | None, app: str | None) -> frozenset[str]:
    return frozenset(normalise(f"{title or ''} {app or ''}").split())


def label_entity(label: str, value: str) -> str | None:
    """The entity type ``label`` names, when ``value`` is a plausible one (any non-blank text
    for names: a label says what was typed, so ``lee`` under "Surname" is a surname)."""
    etype = personal_type(label)
    if etype is None or not plausible_value(etype, value, strict=False):
        return None
    return etype


@lru_cache(maxsize=4096)
def name_like(text: str) -> bool:
    """Whether a field's whole text could be a person's name as typed into a form: one to
    NAME_WORDS words of letters (particles and initials allowed), each capitalised ("Haas",
    "HAAS") or, typed lower-case, rated a name by the name lexicon ("haas", "kenji"; not
    "desk lamp", nor a common word only weakly a name: "the"). Greetings and calendar words
    ("Thanks", "Monday") are no name. The form around the field decides whether it is one."""
    words = text.split()
    if not words or len(words) > NAME_WORDS:
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    named = [w for w in words if w.casefold() not in NAME_PARTICLES]
    if not named or any(w.casefold() in _NOT_NAMES for w in named):
        return False
    lower = [w for w in named if not w[0].isupper()]
    if not lower:
        return True
    return all(strength(c) >= 2 and (strength(c) == 3 or not common(c)) for c in _codes(lower))


@lru_cache(maxsize=4096)
def strong_name(text: str) -> bool:
    """A name-like entry of two or more words that the name lexicon rates each a name
    (strength 2 or more, and no common English word unless among the most popular names),
    one of them among the most popular given names or surnames and no common word, in any
    case: "omar berg", "joaquín novak", "Mei Rossi"; not "Rose Park", "sudo ps", "see you"."""
    words = [w for w in text.split() if w.casefold() not in NAME_PARTICLES]
    if len(words) < 2 or not name_like(text):
        return False
    codes = _codes(words)
    return all(strength(c) >= 2 and (strength(c) == 3 or not common(c)) for c in codes) and any(
        strength(c) == 3 and not common(c) for c in codes
    )


_CODES: dict[str, int] = {}
_MAX_CODES = 16384


def _codes(words: list[str]) -> list[int]:
    """The name lexicon's codes of ``words``: the ones not seen before in one lookup, all of
    them remembered (checkpoints judge the same words again as a field grows)."""
    todo = [w for w in dict.fromkeys(words) if w not in _CODES]
    if todo:
        if len(_CODES) > _MAX_CODES:
            _CODES.clear()
        _CODES.update(zip(todo, map(int, lexicon().lookup(todo))))
    return [_CODES[w] for w in words]


def _shape(text: str) -> str | None:
    if name_like(text):
        return "name"
    if _DATE.match(text):
        return "date"
    return None
