"""Names and addresses told by their shape or their label, where the small NER model is blind.

The NER model misses names it has no sentence around (a chat speaker, a CSV cell, a YAML
``name:`` field, an e-mail header) and tags many others as ORG, GPE or WORK_OF_ART; it has no
notion of a street address. These rules are data, one row a shape, like the credential
catalogue: the entity type, a pattern whose group ``v`` is the value, and a score. Only the value
is reported, never the label.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# A capitalised name word in any script with case ("Jürgen", "O'Connor", "Jae-won").
_W = r"\p{Lu}[\p{L}'’\-]*\p{Ll}"
_PARTICLE = (
    r"(?:de|da|di|del|della|der|den|van|von|bin|binti|al|el|la|le|du|dos|das|nic|ni|mac|ó|o')"
)
_NAME = rf"{_W}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_W}){{0,3}}"
_PERSON_LABEL = (
    r"(?:full[ _-]?name|first[ _-]?name|last[ _-]?name|given[ _-]?name|family[ _-]?name|surname|"
    r"display[ _-]?name|customer(?:[ _-]?name)?|client(?:[ _-]?name)?|contact(?:[ _-]?name)?|"
    r"owner|author|assignee|reporter|recipient|sender|attendee|patient|employee|admin|"
    r"account[ _-]?holder|holder|manager|signed[ _-]?by|name|from|to|cc|bcc)"
)
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Row|Walk|Gardens|Hill)"
)
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}"


@dataclass(frozen=True)
class Rule:
    name: str
    entity_type: str
    pattern: str
    score: float


RULES: tuple[Rule, ...] = (
    # "name: Jane Doe", "\"customer\": \"Jane Doe\"", "From: Jane Doe <...>", "Dear Jane,"
    Rule(
        "labelled-name",
        "PERSON",
        rf"(?i:\b{_PERSON_LABEL})[\"']?[ \t]*(?::|=>?)[ \t]*[\"']?(?-i:(?P<v>{_NAME}))(?=[\"'\s,<(:;.!]|$)",
        0.6,
    ),
    Rule(
        "greeting",
        "PERSON",
        rf"(?i:\b(?:dear|hi|hello|hey))[ \t]+(?-i:(?P<v>{_NAME}))(?=[ \t]*[,!:\n])",
        0.6,
    ),
    # chat lines: "[09:42] Jane Doe: ...", "09:42 Jane Doe: ..."
    Rule(
        "chat-speaker",
        "PERSON",
        rf"(?m)^[ \t]*\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]+(?P<v>{_NAME}):[ \t]",
        0.6,
    ),
    # chat apps show the author above the message: "Jane Doe  10:42 AM", "Jane Doe, yesterday"
    Rule(
        "chat-author",
        "PERSON",
        rf"(?m)^[ \t]*(?P<v>{_NAME})[ \t,]+(?:\d{{1,2}}:\d{{2}}(?:[ \t]?[AaPp][Mm])?|(?i:yesterday|today|now))[ \t]*$",
        0.6,
    ),
    # sign-offs: "Best regards,\nJane Doe"
    Rule(
        "signature",
        "PERSON",
        rf"(?m)(?i:regards|thanks|thank you|cheers|sincerely|best),?[ \t]*\r?\n[ \t]*(?P<v>{_NAME})[ \t]*$",
        0.6,
    ),
    # "2560 Cedar Street, Austin, TX 78701", "Flat 10, 2651 Elm Road, London NW8 6WC"
    Rule(
        "street-address",
        "LOCATION",
        rf"(?P<v>(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?[ \t]*\w+,?[ \t]+)?\d{{1,6}}[A-Za-z]?,?[ \t]+"
        rf"(?:{_W}[ \t]+){{1,4}}{_STREET}\b\.?"
        rf"(?:,?[ \t]+(?:Apt|Suite|Unit|\#)\.?[ \t]*\w+)?"
        rf"(?:,[ \t]*{_W}(?:[ \t]+{_W}){{0,2}})?"
        rf"(?:,?[ \t]*(?:[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?|{_UK_POSTCODE}|\d{{5}}))?)",
        0.6,
    ),
    # "Lincolnstraße 76, 35558 Köln", "Kungsgatan 12, 111 43 Stockholm"
    Rule(
        "street-address-eu",
        "LOCATION",
        rf"(?P<v>\p{{Lu}}[\p{{L}}\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|gatan|vägen|"
        rf"laan|straat|plein|gade|vej|ulica)[ \t]+\d{{1,4}}[a-z]?(?:,[ \t]*\d{{3,5}}(?:[ \t]\d{{2}})?[ \t]+{_W})?)",
        0.6,
    ),
    # "43 rue de la Gare, 75014 Paris", "Via Roma 12, 00184 Roma"
    Rule(
        "street-address-romance",
        "LOCATION",
        r"(?P<v>(?:\d{1,4},?[ \t]+)?(?i:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|via|viale|"
        r"piazza|calle|avenida|rua|praça)[ \t]+[\p{L}' \-]{2,40}?(?:[ \t]+\d{1,4})?,[ \t]*\d{5}[ \t]+\p{Lu}[\p{L}\-]+)",
        0.6,
    ),
    # "address: 137, Anna Salai, Bengaluru 560001", "city: Osaka", "\"city\": \"São Paulo\""
    Rule(
        "labelled-address",
        "LOCATION",
        r"(?i:\b(?:home[ _-]?|street[ _-]?|postal[ _-]?|billing[ _-]?|shipping[ _-]?|mailing[ _-]?)?"
        r"(?:address|addr)\b)[\"']?[ \t]*[:=][ \t]*[\"']?(?P<v>[^\n\"'<>{}]{4,120}?)(?=[\"']|[ \t]*$|[ \t]*\n)",
        0.6,
    ),
    Rule(
        "labelled-city",
        "LOCATION",
        rf"(?i:\b(?:city|town|hometown|birthplace|place[ _-]?of[ _-]?birth|location|lives[ _-]in)\b)[\"']?[ \t]*[:=][ \t]*[\"']?(?-i:(?P<v>{_NAME}))",
        0.6,
    ),
)

_COMPILED = tuple((rule, regex.compile(rule.pattern)) for rule in RULES)


class LabelledValueRecognizer(LocalRecognizer):
    """Runs the rule table; one recognizer, so the table can grow without new classes."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=sorted({r.entity_type for r in RULES}),
            name="LabelledValueRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None
    ) -> list[RecognizerResult]:
        from redactkit.detect.recognizers import make_result

        wanted = set(entities)
        out: list[RecognizerResult] = []
        for rule, rx in _COMPILED:
            if rule.entity_type not in wanted:
                continue
            for m in rx.finditer(text, timeout=1.0):
                start, end = m.span("v")
                if end > start:
                    out.append(
                        make_result(self, rule.entity_type, start, end, rule.score, rule.name)
                    )
        return out
