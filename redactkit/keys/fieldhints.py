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
from redactkit.detect.labels import normalise, personal_type
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
_NAME = regex.compile(r"^\s*\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2}\s*$")
#: Kinds of earlier fields that make a form a person's record.
PERSONAL_KINDS = frozenset(
    {"PERSON", "US_SSN", "ID_NUMBER", "DATE_TIME", "LOCATION", "EMAIL_ADDRESS", "PHONE_NUMBER"}
)
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

    def entity_for(self, fld: Field, found: Iterable[str] = ()) -> str | None:
        """The entity type the whole field's text is, from its label or its form; None when
        nothing names it. ``found``: the entity types the engine found in the field. Call per
        field in typing order: it also records the field (a field judged again, at a
        checkpoint and when it ends, is recorded once)."""
        ctx = fld.context
        text = fld.text()
        form = self._form(ctx)
        if form.last_start == fld.start and form.kinds:  # the same field again
            form.position -= 1
            form.kinds.pop()
        form.last_start = fld.start
        etype = label_entity(ctx.field, text) if ctx.field else None
        if etype is None and not ctx.field:
            etype = self._by_form(ctx, form, text)
        form.position += 1
        engine = next((t for t in found if t in PERSONAL_KINDS), None)
        form.kinds.append(etype or engine or _shape(text))
        return etype

    def _form(self, ctx: Context) -> _Form:
        key = (ctx.app, ctx.title)
        form = self.forms.get(key)
        if form is None:
            if len(self.forms) >= self.max_forms:
                self.forms.clear()
            form = self.forms[key] = _Form()
        return form

    def _by_form(self, ctx: Context, form: _Form, text: str) -> str | None:
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
        if _NAME.match(text) and form.position < NAME_POSITIONS:
            if (titled and (names_so_far or not form.kinds)) or names_so_far:
                return "PERSON"  # a given name then a surname, at the top of the form
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


def _shape(text: str) -> str | None:
    if _NAME.match(text):
        return "name"
    if _DATE.match(text):
        return "date"
    return None
