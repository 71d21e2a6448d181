"""The recognizer set: Presidio's English recognizers, repaired where they leak, shred text or
reach the network, plus the labelled-value rules and the credential catalogue.

Each repair sits in the recognizer it concerns (its own module for the larger ones):

* e-mail validation uses tldextract's bundled suffix list (Presidio's would download it);
* phone numbers (``phones``): phonenumbers over candidate windows, not eight passes of the text;
* cards (``cards``): every issuer range and length;
* dates: a bare "2024", "Tuesday" or a log timestamp is not personal data; dates count only next
  to birth words (score below the threshold unless context lifts it);
* spaCy NER (``ner``): DATE/TIME follow the same rule; ORG and numeric labels are not reported.

Presidio's stock recognizers for the core types also run, untouched, as the anchor
(``anchor``): what they find stays unless ``decision`` names a reason to drop it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

import regex
from presidio_analyzer import Pattern, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UkNinoRecognizer,
    UrlRecognizer,
    UsLicenseRecognizer,
)

from redactkit.detect import labelled
from redactkit.detect.addresses import find_addresses
from redactkit.detect.cards import find_cards
from redactkit.detect.compact import Compact
from redactkit.detect.credentials import CREDENTIAL_TYPES, find_credentials
from redactkit.detect.ipv6 import find_ipv6
from redactkit.detect.logins import find_logins
from redactkit.detect.names import find_names
from redactkit.detect.ner import _FULL_DATE_SCORE, BIRTH_CONTEXT, ScopedSpacyRecognizer
from redactkit.detect.phones import find_labelled_phones
from redactkit.detect.results import FunctionRecognizer, MemoRegistry, make_result
from redactkit.detect.tld import OFFLINE_TLD


class RunsIpRecognizer(IpRecognizer):
    """Presidio's IP recognizer over the runs of text with a dot or a colon (``compact``):
    every IPv4 pattern needs a dot, every IPv6 one a colon. Same results."""

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        runs = Compact(text, lambda run: "." in run or ":" in run)
        if not runs:
            return []
        return runs.placed(super().analyze(runs.text, entities, nlp_artifacts, regex_flags))


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail pattern, with the domain checked against the bundled suffix list.

    Presidio's local part admits ``/ ? & = #``, so in ``x.io/users?email=jane@acme.io`` it
    takes the URL before the address as part of it; the address starts after the last of those
    characters (none is in a real mailbox name), and the URL keeps its host and path.
    """

    def validate_result(self, pattern_text: str) -> bool | None:
        # combining marks glued to the address ("…@northwind.io" + U+0301) are part of the
        # match (the regex module's \w takes them) but not of the domain it names
        bare = "".join(c for c in pattern_text if not unicodedata.combining(c))
        return bool(OFFLINE_TLD(bare).fqdn)

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        runs = Compact(text, lambda run: "@" in run)
        if not runs:
            return []
        out = []
        for r in runs.placed(super().analyze(runs.text, entities, nlp_artifacts, regex_flags)):
            at = text.find("@", r.start, r.end)
            cut = max(text.rfind(c, r.start, at) for c in "/?&=#") if at > 0 else -1
            if cut >= 0:
                if cut + 1 >= at:
                    continue
                r.start = cut + 1
            out.append(r)
        return out


class FileAwareUrlRecognizer(UrlRecognizer):
    """URLs, without the file names Presidio reads as domains.

    A bare ``README.md``, ``setup.py`` or ``main.rs`` ends in a country domain; a URL without a
    scheme whose last label is a common file extension, or that stops in the middle of a word
    (``report.do`` in ``report.docx``), is a file name, not a link.
    """

    FILE_SUFFIXES = frozenset(
        {
            "md",
            "py",
            "rs",
            "sh",
            "so",
            "cc",
            "cs",
            "ps",
            "gz",
            "mo",
            "pl",
            "ts",
            "rb",
            "ml",
            "hs",
            "sc",
            "in",
            "am",
            "ac",
            "do",
            "pa",
            "lo",
            "bz",
        }
    )

    #: Every URL has a host name's dot before a letter; runs of text without one are not
    #: searched (Presidio's four URL patterns, 6,000 characters each, cost as much anywhere).
    _DOT_LETTER = re.compile(r"[\w-]\.[A-Za-z]{2}")
    #: A stretch of host-name characters longer than the pattern's 253 (see ``__init__``).
    _LONG_STRETCH = regex.compile(r"(?i)[a-z0-9.\-]{254}")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Presidio's schemeless pattern has no left boundary: it is tried at every character
        # of a host name and backtracks through 1,500 TLDs at each dot. A match found from
        # inside a stretch of host-name characters ([a-z0-9.-]) is also found from the
        # stretch's start (its {1,253} reaches every dot the later start reaches), and the
        # search takes the leftmost start; so starting only where a stretch starts finds the
        # same matches, five times faster. Not so past 253 characters: such texts are
        # searched with the stock patterns (``self._stock``).
        self._stock = UrlRecognizer(*args, **kwargs)
        self.patterns = [
            Pattern(p.name, f"(?i)(?<![a-z0-9.\\-]){p.regex[4:]}", p.score)
            if p.name == "Non schema URL" and p.regex.startswith("(?i)")
            else p
            for p in self.patterns
        ]

    def _search(self, text: str, entities, nlp_artifacts, regex_flags):
        if not self._LONG_STRETCH.search(text):
            return super().analyze(text, entities, nlp_artifacts, regex_flags)
        results = self._stock.analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:  # the engine finds a result's recognizer (its context) by id
            r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] = self.name
            r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = self.id
        return results

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        runs = Compact(text, self._DOT_LETTER.search)
        if not runs:
            return []
        out = []
        for r in runs.placed(self._search(runs.text, entities, nlp_artifacts, regex_flags)):
            span = text[r.start : r.end]
            schemeless = "://" not in span and not span.lower().startswith("www.")
            if schemeless and (
                (r.end < len(text) and (text[r.end].isalnum() or text[r.end] == "_"))
                or (span.count("/") == 0 and span.rsplit(".", 1)[-1].lower() in self.FILE_SUFFIXES)
            ):
                continue
            out.append(r)
        return out


class TrimmingIbanRecognizer(IbanRecognizer):
    """IBANs, also when the text right after one looks like more of it.

    Presidio's pattern takes digit groups that follow an IBAN (``ES54...7642 0000``) into the
    match; the checksum then fails and the IBAN is dropped. Unclaimed IBAN-shaped runs are cut
    back at each separator until the checksum holds.
    """

    _CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{1,4}){3,9}")
    #: A line break between two groups: an IBAN wrapped onto the next line of a paragraph (a
    #: chat message on a screen, a narrow e-mail). The checksum says whether the two pieces
    #: are one IBAN; a list of IBANs one per line is still read line by line as well.
    _WRAP = re.compile(r"(?<=[A-Z0-9])\r?\n(?=[A-Z0-9])")
    #: An IBAN's head with a line break inside its groups: only then is the text read again.
    _WRAPPED_HEAD = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{1,4}){0,8}+\r?\n[A-Z0-9]")

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        results = self._analyze(text, entities, nlp_artifacts, regex_flags)
        if "\n" in text and self._WRAPPED_HEAD.search(text):
            view = self._WRAP.sub(lambda m: " " * len(m.group()), text)
            seen = {(r.start, r.end) for r in results}
            results += [
                r
                for r in self._analyze(view, entities, nlp_artifacts, regex_flags)
                if (r.start, r.end) not in seen and "\n" in text[r.start : r.end]
            ]
        return results

    def _analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        claimed = [(r.start, r.end) for r in results]
        for m in self._CANDIDATE.finditer(text):
            if any(s <= m.start() < e for s, e in claimed):
                continue
            cand = m.group()
            for cut in [len(cand), *(i for i in range(len(cand) - 1, 14, -1) if cand[i] in " -")]:
                if self.validate_result(cand[:cut]):
                    results.append(
                        make_result(
                            self, "IBAN_CODE", m.start(), m.start() + cut, 1.0, "iban-trimmed"
                        )
                    )
                    break
        return results


def licence_recognizer() -> UsLicenseRecognizer:
    return UsLicenseRecognizer(context=[*UsLicenseRecognizer.CONTEXT, "dl", "licence", "driving"])


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: Dates written with the month's name, which Presidio's numeric patterns do not cover and
#: the NER model tags only in part ("DOB 5 [September 1980]" leaves the day) or not at all
#: in a JSON value.
WRITTEN_DATES = [
    Pattern("day month year", rf"\b{_DAY}\s{_MONTH},?\s(?:19|20)\d{{2}}\b", _FULL_DATE_SCORE),
    Pattern("month day year", rf"\b{_MONTH}\s{_DAY},?\s(?:19|20)\d{{2}}\b", _FULL_DATE_SCORE),
]


def scoped_date_recognizer() -> DateRecognizer:
    """Presidio's date patterns and written dates, all below the threshold until birth
    context ("DOB", "born", "date_of_birth") lifts them: dates alone are not personal."""
    patterns = [
        Pattern(p.name, p.regex, min(p.score, _FULL_DATE_SCORE)) for p in DateRecognizer.PATTERNS
    ]
    return DateRecognizer(patterns=[*patterns, *WRITTEN_DATES], context=BIRTH_CONTEXT)


_REPLACED = (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
    UrlRecognizer,
    UsLicenseRecognizer,
    EmailRecognizer,
    PhoneRecognizer,
    DateRecognizer,
    SpacyRecognizer,
)


def credential_recognizers() -> dict[bool, FunctionRecognizer]:
    """The credential catalogue for plain text (False) and for OCR text (True).

    Passed to each analysis as an ad-hoc recognizer, so the one call says whether its text came
    from OCR: OCR mode repairs misread prefixes, rejoins split tokens and lowers instead of
    dropping on a failed checksum.
    """
    return {
        ocr: FunctionRecognizer(
            "CredentialRecognizer", CREDENTIAL_TYPES, partial(find_credentials, ocr=ocr)
        )
        for ocr in (False, True)
    }


def build_registry(nlp_engine: NlpEngine) -> RecognizerRegistry:
    """Presidio's English recognizers with the repairs above and the labelled-value rules (the
    credential catalogue is added per call: ``credential_recognizers``). E-mail, IBAN, IP and
    phone numbers come from the anchor (``anchor``), not from here."""
    registry = MemoRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.recognizers = [r for r in registry.recognizers if not isinstance(r, _REPLACED)]
    registry.add_recognizer(FunctionRecognizer("CardRecognizer", {"CREDIT_CARD"}, find_cards))
    # a stock recognizer Presidio ships but does not load for English by default
    registry.add_recognizer(UkNinoRecognizer())
    registry.add_recognizer(FileAwareUrlRecognizer())
    registry.add_recognizer(licence_recognizer())
    # phone numbers read by phonenumbers come from the anchor (``anchor``); these are named
    registry.add_recognizer(
        FunctionRecognizer("LabelledPhoneRecognizer", {"PHONE_NUMBER"}, find_labelled_phones)
    )
    registry.add_recognizer(scoped_date_recognizer())
    registry.add_recognizer(ScopedSpacyRecognizer())
    registry.add_recognizer(
        FunctionRecognizer("LabelledValueRecognizer", labelled.ENTITY_TYPES, labelled.find_labelled)
    )
    registry.add_recognizer(FunctionRecognizer("AddressRecognizer", {"LOCATION"}, find_addresses))
    registry.add_recognizer(FunctionRecognizer("Ipv6Recognizer", {"IP_ADDRESS"}, find_ipv6))
    registry.add_recognizer(FunctionRecognizer("LoginRecognizer", {"USERNAME"}, find_logins))
    registry.add_recognizer(FunctionRecognizer("NameLexiconRecognizer", {"PERSON"}, find_names))
    return registry
