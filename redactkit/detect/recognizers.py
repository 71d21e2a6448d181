"""The recognizer set: Presidio's English recognizers, repaired where they leak, shred text or
reach the network, plus the credential catalogue.

Each repair sits in the recognizer it concerns:

* e-mail validation uses tldextract's bundled suffix list (Presidio's would download it);
* phone numbers: Presidio runs python-phonenumbers over the whole text once per region (eight
  passes, most of its regex time); here one cheap pass finds digit runs that could be phone
  numbers and phonenumbers only reads those windows;
* dates: a bare "2024", "Tuesday" or a log timestamp is not personal data; dates count only next
  to birth words (score below the threshold unless context lifts it);
* spaCy NER: DATE/TIME follow the same rule; ORG and numeric labels are not reported.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Callable, Iterable
from functools import partial

import phonenumbers
import tldextract
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    LocalRecognizer,
    Pattern,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsLicenseRecognizer,
)

from redactkit.detect import labelled
from redactkit.detect.addresses import find_addresses
from redactkit.detect.checksums import luhn_ok
from redactkit.detect.credentials import CREDENTIAL_TYPES, find_credentials
from redactkit.detect.labelled import NAME_PARTICLES
from redactkit.detect.names import find_names
from redactkit.detect.ocr import IBAN_COUNTRIES
from redactkit.detect.words import NOT_NAME_WORDS
from redactkit.findings import Finding

#: The suffix list snapshot that ships inside tldextract: no fetch, no cache directory.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

BIRTH_CONTEXT = ["born", "birth", "birthday", "birthdate", "dob", "d.o.b", "date"]


def make_result(
    recognizer: EntityRecognizer,
    entity_type: str,
    start: int,
    end: int,
    score: float,
    detector: str,
) -> RecognizerResult:
    """A RecognizerResult that Presidio's context enhancer can annotate (it needs an explanation)."""
    return RecognizerResult(
        entity_type,
        start,
        end,
        score,
        analysis_explanation=AnalysisExplanation(recognizer=detector, original_score=score),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: detector,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "redactkit_detector": detector,
        },
    )


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail pattern, with the domain checked against the bundled suffix list.

    Presidio's local part admits ``/ ? & = #``, so in ``x.io/users?email=jane@acme.io`` it
    takes the URL before the address as part of it; the address starts after the last of those
    characters (none is in a real mailbox name), and the URL keeps its host and path.
    """

    def validate_result(self, pattern_text: str) -> bool | None:
        return bool(_OFFLINE_TLD(pattern_text).fqdn)

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        out = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            at = text.find("@", r.start, r.end)
            cut = max(text.rfind(c, r.start, at) for c in "/?&=#") if at > 0 else -1
            if cut >= 0:
                if cut + 1 >= at:
                    continue
                r.start = cut + 1
            out.append(r)
        return out


class FastPhoneRecognizer(PhoneRecognizer):
    """python-phonenumbers over candidate windows only.

    A phone number needs at least seven digits in a run of digits and separators; text with no
    such run (most of it) never reaches the matcher, and a run is matched with the few characters
    around it, which is what the matcher's leniency checks look at.

    Numbers written the way only phone numbers are written (``+CC ...``, ``(212) 555-0187``)
    are accepted when merely *possible* (right length) rather than *valid* (an allocated range):
    numbering plans change, OCR misreads a digit, and a leaked number in an unallocated range
    is still a leak.
    """

    #: A run glued to a word by a hyphen is the number part of an identifier
    #: ("INV-2024-15573", "SO-7468-86105", "CVE-2024-3094"), not a phone number.
    _CANDIDATE = re.compile(r"(?:\+|\(|\b(?<![^\W\d_]-))\d[\d \t().\-/]{5,24}\d\b")
    _PHONE_SHAPED = re.compile(r"^(?:\+\d|\(\d{3}\)\s?\d{3}[\s.-]\d{4}$|\d{3}[.-]\d{3}[.-]\d{4}$)")
    #: Runs that are dates, times or card numbers (Visa/Mastercard and Amex groupings) and
    #: nothing else: the matcher would try all eight regions on each (log timestamps are the
    #: commonest digit runs there are).
    #: A timestamp's hour ends the run when a colon follows ("2021-11-23 04" of "04:28:48");
    #: dotted quads are IP addresses, which their own recognizer masks.
    _NOT_PHONE = re.compile(
        r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}(?::\d{2}){0,2})?"
        r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?: \d{1,2}(?::\d{2}){0,2})?"
        r"|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{5}"
        r"|\d{1,3}(?:\.\d{1,3}){3})$"
    )
    _MARGIN = 3

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for cand in self._CANDIDATE.finditer(text):
            run = cand.group()
            if sum(ch.isdigit() for ch in run) < 7 or self._NOT_PHONE.match(run):
                continue
            if run.isdigit() and len(run) >= 13 and luhn_ok(run):
                continue  # a card number (no phone number is 13+ bare digits with a Luhn check)
            lo = max(0, cand.start() - self._MARGIN)
            window = text[lo : cand.end() + self._MARGIN]
            # An international number parses the same in every region; a national one is
            # tried region by region until one reads it.
            regions = (
                self.supported_regions[:1]
                if cand.group().startswith("+")
                else self.supported_regions
            )
            leniency = (
                phonenumbers.Leniency.POSSIBLE
                if self._PHONE_SHAPED.match(cand.group())
                else self.leniency
            )
            for region in regions:
                matches = list(phonenumbers.PhoneNumberMatcher(window, region, leniency=leniency))
                for match in matches:
                    span = (lo + match.start, lo + match.end)
                    if span not in seen:
                        seen.add(span)
                        results.append(
                            self._get_recognizer_result(_Span(*span), text, region, nlp_artifacts)
                        )
                if matches:
                    break
        return EntityRecognizer.remove_duplicates(results)


class _Span:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


_FULL_DATE_SCORE = 0.2  # below the default threshold: dates need birth context


#: Presidio's card pattern predates Mastercard's 2-series (2221-2720, issued since 2017).
MASTERCARD_2_SERIES = Pattern(
    "Mastercard 2-series (weak)",
    r"\b(?:222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)[- ]?\d{4}[- ]?\d{4}[- ]?\d{4}\b",
    0.3,
)
#: Nor does it know Mir (Russia's national card network, 2200-2204, 16-19 digits).
MIR = Pattern(
    "Mir (weak)",
    r"\b220[0-4][- ]?\d{4}[- ]?\d{4}[- ]?\d{4}(?:\d{1,3})?\b",
    0.3,
)


def card_recognizer() -> CreditCardRecognizer:
    """Presidio's card recognizer (Luhn-validated) with Mastercard's 2-series and Mir added."""
    return CreditCardRecognizer(patterns=[*CreditCardRecognizer.PATTERNS, MASTERCARD_2_SERIES, MIR])


class PublicIpRecognizer(IpRecognizer):
    """IP addresses, except loopback and unspecified ones: ``127.0.0.1``, ``0.0.0.0`` and
    ``::1`` identify no machine and no person, and they fill every log and config."""

    def invalidate_result(self, pattern_text: str) -> bool | None:
        try:
            ip = ipaddress.ip_address(pattern_text.strip("[]"))
        except ValueError:
            return super().invalidate_result(pattern_text)
        return ip.is_loopback or ip.is_unspecified


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

    #: Every URL has a host name's dot before a letter; lines without one are not searched
    #: (Presidio's four URL patterns, 6,000 characters each, cost as much on any line).
    _DOT_LETTER = re.compile(r"[\w-]\.[A-Za-z]{2}")

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        lines = _lines_with(self._DOT_LETTER, text)
        if not lines:
            return []
        compact = "\n".join(text[a:b] for a, b in lines)
        # where each line starts in ``compact``, and how far it moves back into ``text``
        starts, shifts, pos = [], [], 0
        for a, b in lines:
            starts.append(pos)
            shifts.append(a - pos)
            pos += b - a + 1
        out = []
        for r in super().analyze(compact, entities, nlp_artifacts, regex_flags):
            shift = shifts[bisect.bisect_right(starts, r.start) - 1]
            r.start, r.end = r.start + shift, r.end + shift
            span = text[r.start : r.end]
            schemeless = "://" not in span and not span.lower().startswith("www.")
            if schemeless and (
                (r.end < len(text) and (text[r.end].isalnum() or text[r.end] == "_"))
                or (span.count("/") == 0 and span.rsplit(".", 1)[-1].lower() in self.FILE_SUFFIXES)
            ):
                continue
            out.append(r)
        return out


def _lines_with(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` in which ``pattern`` matches, in order."""
    lines: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        if lines and m.start() < lines[-1][1]:
            continue
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        lines.append((a, len(text) if b < 0 else b))
    return lines


class TrimmingIbanRecognizer(IbanRecognizer):
    """IBANs, also when the text right after one looks like more of it.

    Presidio's pattern takes digit groups that follow an IBAN (``ES54...7642 0000``) into the
    match; the checksum then fails and the IBAN is dropped. Unclaimed IBAN-shaped runs are cut
    back at each separator until the checksum holds.
    """

    _CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{1,4}){3,9}")

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
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


#: An IBAN read from a screen whose checksum fails: most often a misread character (``J`` as
#: ``]``, a dropped glyph), not a different number. Kept, below a valid one's score.
OCR_IBAN_SCORE = 0.5
_IBAN_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])(?P<cc>[A-Z]{2})\d{2}(?:[ \-]?[A-Z0-9\]\[|)]{3,4}){2,7}"
    r"(?:[ \-]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)


def find_ocr_ibans(text: str) -> list[Finding]:
    """IBAN-shaped runs in OCR text (a country that issues IBANs, check digits, groups of
    about four, 15-34 characters), whether or not the checksum holds."""
    out = []
    for m in _IBAN_SHAPE.finditer(text):
        if m.group("cc") in IBAN_COUNTRIES and 15 <= sum(c.isalnum() for c in m.group()) <= 34:
            out.append(Finding("IBAN_CODE", m.start(), m.end(), OCR_IBAN_SCORE, "iban-ocr-shape"))
    return out


#: An e-mail address read from a screen: OCR drops or spaces the small dots of the domain
#: ("kenji54@globex net", "sofia29@acmeio", "yuki.smith@mail. org").
OCR_EMAIL_SCORE = 0.6
#: OCR puts spaces around the dots of an address: "globex . net", and in the local part
#: "ingrid. smith@" (a lower-case part, a dot, one space).
_OCR_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>(?:[a-z0-9][a-z0-9_+-]*\.[ ](?=[a-z0-9]))?[A-Za-z0-9][\w.+-]*)"
    r"[ ]?@[ ]?(?P<domain>[A-Za-z0-9][A-Za-z0-9-]*"
    r"(?:(?:[ ]?\.[ ]?|[ ])[A-Za-z0-9-]+)*)"
)
#: Top-level domains common enough that a domain run into one ("acmeio") is read as a dot
#: dropped before it.
_COMMON_TLDS = (
    "com net org io co fm de uk fr nl es it eu info biz app dev ai me us ca au in jp ch at be "
    "se no dk fi pl cz ru br mx za nz ie pt gr tr cn kr sg hk tw edu gov"
).split()


_LABEL = re.compile(r"(?P<sep>[ ]?\.[ ]?|[ ])?(?P<label>[A-Za-z0-9-]+)")


def _ocr_email_end(domain: str) -> int | None:
    """Length of the part of ``domain`` that is the address's domain, or None.

    Labels joined by a dot (spaced or not) belong to it; a label after a bare space only when
    it is a common top-level domain (the dot before it lost: "globex net"), and nothing after
    that. A single label counts when it ends in a common top-level domain ("acmeio").
    """
    labels: list[str] = []
    end = 0
    for m in _LABEL.finditer(domain):
        if m.start() != end:
            break
        sep = m.group("sep")
        if labels and sep is None:
            break
        if sep is not None and "." not in sep:  # a bare space: only a lost dot before a TLD
            if m.group("label").lower() in _COMMON_TLDS:
                labels.append(m.group("label"))
                end = m.end()
            break
        labels.append(m.group("label"))
        end = m.end()
    if len(labels) > 1:
        return end if _OFFLINE_TLD(".".join(labels)).suffix else None
    first = labels[0] if labels else ""
    if len(first) >= 5 and any(first.endswith(t) and len(first) > len(t) + 2 for t in _COMMON_TLDS):
        return len(first)
    return None


def find_ocr_emails(text: str) -> list[Finding]:
    """E-mail addresses whose domain OCR broke (a dot dropped or spaced)."""
    out = []
    for m in _OCR_EMAIL.finditer(text):
        if "@" not in m.group() or len(m.group("local")) < 2:
            continue
        end = _ocr_email_end(m.group("domain"))
        if end is not None:
            stop = m.start("domain") + end
            out.append(Finding("EMAIL_ADDRESS", m.start(), stop, OCR_EMAIL_SCORE, "email-ocr"))
    return out


def ocr_recognizers() -> list[EntityRecognizer]:
    """Recognizers for text read from screens only (plain text keeps strict validation)."""
    return [
        FunctionRecognizer("OcrIbanRecognizer", {"IBAN_CODE"}, find_ocr_ibans),
        FunctionRecognizer("OcrEmailRecognizer", {"EMAIL_ADDRESS"}, find_ocr_emails),
    ]


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


_WORDLIKE = re.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")


class ScopedSpacyRecognizer(SpacyRecognizer):
    """spaCy NER with DATE/TIME scoped to birth context, and the small model's label confusions
    repaired: it tags many personal names as ORG, WORK_OF_ART, PRODUCT or NORP. A span of two to
    four capitalised words with no organisation word in it is reported as a PERSON (lower score);
    a facility (FAC: "Cedar Street", "Heathrow") as a LOCATION.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = BIRTH_CONTEXT

    def analyze(self, text: str, entities, nlp_artifacts=None):
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            segments = _line_segments(text, r.start, r.end)
            for start, end in segments:
                span = text[start:end]
                if r.entity_type != "DATE_TIME" and (
                    not _WORDLIKE.search(span) or "@" in span or "://" in span
                ):
                    # The small model tags codes like "D3 H1" and whole e-mail addresses as
                    # people; a name has a word in it, and addresses have recognizers of
                    # their own.
                    continue
                if len(segments) > 1 and not _capitalised_words(span):
                    continue  # a piece of a span run across lines: "LOG_LEVEL=info", "-rw-r--r--"
                if r.entity_type == "PERSON" and all(
                    w.strip(".,:;!?'\"").lower() in NOT_NAME_WORDS for w in span.split()
                ):
                    continue  # "Password", "Thanks", "Settings": interface words, no name
                score = min(r.score, _FULL_DATE_SCORE) if r.entity_type == "DATE_TIME" else r.score
                if (start, end) == (r.start, r.end):
                    r.score = score
                    results.append(r)
                else:
                    results.append(make_result(self, r.entity_type, start, end, score, self.name))
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is not None and hasattr(doc, "ents"):
            for ent in doc.ents:
                for start, end in _line_segments(text, ent.start_char, ent.end_char):
                    etype, piece = None, text[start:end]
                    if (
                        ent.label_ in _CONFUSED_WITH_PERSON
                        and "PERSON" in entities
                        and _looks_like_name(piece)
                    ):
                        etype = "PERSON"
                    elif ent.label_ == "FAC" and "LOCATION" in entities and _WORDLIKE.search(piece):
                        etype = "LOCATION"
                    if etype:
                        detector = f"spacy-{ent.label_.lower()}"
                        results.append(
                            make_result(self, etype, start, end, _CONFUSED_SCORE, detector)
                        )
        return results


def _capitalised_words(span: str) -> bool:
    """Some word of ``span`` is capitalised like a name, and none is a key or a path."""
    words = span.split()
    return any(_NAME_WORD.match(w) for w in words) and not any(c in span for c in "=/\\@")


def _line_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, each piece without surrounding whitespace.

    The model reads a newline as a space and tags "Umbrella\nBoston" (a company cell above a
    city cell) or a whole column of a screen as one entity. A line break ends a name on a
    screen and nearly always in text; each line's piece is judged on its own, and a piece
    that is no entity no longer joins its neighbours into one masked block.
    """
    out, pos = [], start
    for piece in text[start:end].split("\n"):
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(piece) + 1
    return out


_CONFUSED_WITH_PERSON = {
    "ORG",
    "WORK_OF_ART",
    "PRODUCT",
    "NORP",
    "EVENT",
    "LAW",
    "GPE",
    "CARDINAL",
    "QUANTITY",
}
_CONFUSED_SCORE = 0.5
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’-]*[a-zß-öø-ÿ]$")
_ORG_WORDS = frozenset(
    "inc ltd llc gmbh corp corporation company co group bank university institute foundation "
    "association services systems technologies technology labs partners holdings hospital clinic "
    "school college council agency department ministry team club ag sa bv plc studio studios "
    "software solutions networks cloud capital ventures media press news airlines air energy "
    "health insurance trust fund center centre committee office city state county republic "
    "kingdom united national international global".split()
)


#: Name words taken in on each side at most: a Title Case heading must not swallow a line.
_MAX_NAME_GROWTH = 2
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and word.lower() not in NOT_NAME_WORDS


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a PERSON span to the whole name around it, on the same line.

    The small model often tags one part of a name ("send me Giorgos [Hosseini]'s number",
    "[Daan] van der [Berg]"): the rest is left readable, a partial leak. A span takes in the
    capitalised name words directly before and after it, with name particles ("van der",
    "bin") between them; days, months, greetings and the words that open a sentence before
    a name ("Ask", "Dear", "Re") are not name words, and a span grows by two words a side
    at most.
    """
    for _ in range(_MAX_NAME_GROWTH):  # rightwards: particles, then a capitalised word
        pos, joiners = end, 0
        while joiners < 3 and (nxt := _next_joiner(text, pos)) is not None:
            pos, joiners = nxt, joiners + 1
        m = _NEXT_WORD.match(text, pos)
        if not (m and _name_word(m.group(1))):
            break
        end = m.end()
    for _ in range(_MAX_NAME_GROWTH):  # leftwards: particles, then a capitalised word
        pos, joiners = start, 0
        while joiners < 3 and (prev := _prev_joiner(text, pos)) is not None:
            pos, joiners = prev, joiners + 1
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if not (m and _name_word(m.group(1))):
            break
        start = m.start()
    return start, end


_NEXT_INITIAL = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]\.(?=[ \t])")
_PREV_INITIAL = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ]\.[ \t]+$")


def _next_joiner(text: str, pos: int) -> int | None:
    """End of the particle ("van") or middle initial ("U.") right after ``pos``, if any."""
    m = _NEXT_WORD.match(text, pos)
    if m and m.group(1) in NAME_PARTICLES:
        return m.end()
    m = _NEXT_INITIAL.match(text, pos)
    return m.end() if m else None


def _prev_joiner(text: str, pos: int) -> int | None:
    """Start of the particle or middle initial right before ``pos``, if any."""
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    if m and m.group(1) in NAME_PARTICLES:
        return m.start()
    m = _PREV_INITIAL.search(text, max(0, pos - 8), pos)
    return m.start() if m else None


#: Names found with at least this score lend their words to ``propagate`` (the model's own
#: PERSON verdicts and labelled names; not the repaired label confusions, scored 0.5).
NAME_PARTS_MIN_SCORE = 0.8


def name_parts(finding: Finding, value: str) -> list[str]:
    """The words of a confidently found full name that identify on their own elsewhere in
    the same text (given name, surname), for ``redactkit.findings.propagate``."""
    if finding.entity_type != "PERSON" or finding.score < NAME_PARTS_MIN_SCORE:
        return []
    words = value.split()
    if not 2 <= len(words) <= 5 or not all(
        w in NAME_PARTICLES or _NAME_WORD.match(w) for w in words
    ):
        return []  # "83612 Mar" (a model's noise) lends no "Mar" to every line of a listing
    return [w for w in words if len(w) >= 3 and _name_word(w) and w not in NAME_PARTICLES]


def _looks_like_name(span: str) -> bool:
    words = span.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(w) for w in words)
        and not any(w.lower().strip(".,") in _ORG_WORDS for w in words)
    )


class FunctionRecognizer(LocalRecognizer):
    """A Presidio recognizer around a plain function from text to findings.

    The credential catalogue and the labelled-value rules are tables behind one pass each
    (one keyword prefilter, one loop); wrapping each as a single recognizer keeps them that way,
    instead of a Presidio recognizer per format rescanning the text.
    """

    def __init__(
        self, name: str, entities: Iterable[str], find: Callable[[str], Iterable[Finding]]
    ) -> None:
        super().__init__(supported_entities=sorted(entities), name=name, supported_language="en")
        self.find = find

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None
    ) -> list[RecognizerResult]:
        wanted = set(entities)
        return [
            make_result(self, f.entity_type, f.start, f.end, f.score, f.detector)
            for f in self.find(text)
            if f.entity_type in wanted
        ]


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


class MemoRegistry(RecognizerRegistry):
    """A registry that answers "which recognizers serve this request" once per request shape.

    Presidio filters every recognizer against every requested entity on every call: 10% of
    the time of analysing a short text (a typed field, an OCR line), for an answer that only
    changes when the recognizers do. The key holds the identities of the registered and
    ad-hoc recognizers, and the cached answer keeps them alive, so an identity is never
    reused while its entry exists.
    """

    _MAX = 64

    def get_recognizers(
        self,
        language: str,
        entities: list[str] | None = None,
        all_fields: bool = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
    ) -> list[EntityRecognizer]:
        key = (
            language,
            tuple(entities) if entities is not None else None,
            all_fields,
            tuple(map(id, ad_hoc_recognizers or ())),
            tuple(map(id, self.recognizers)),
        )
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(key)
        if found is None:
            found = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
            if len(memo) >= self._MAX:
                memo.clear()
            memo[key] = (found, list(self.recognizers), list(ad_hoc_recognizers or ()))
            return list(found)
        return list(found[0])


def build_registry(nlp_engine: NlpEngine) -> RecognizerRegistry:
    """Presidio's English recognizers with the repairs above and the labelled-value rules (the
    credential catalogue is added per call: ``credential_recognizers``)."""
    registry = MemoRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.recognizers = [r for r in registry.recognizers if not isinstance(r, _REPLACED)]
    registry.add_recognizer(card_recognizer())
    registry.add_recognizer(TrimmingIbanRecognizer())
    registry.add_recognizer(PublicIpRecognizer())
    registry.add_recognizer(FileAwareUrlRecognizer())
    registry.add_recognizer(licence_recognizer())
    registry.add_recognizer(OfflineEmailRecognizer())
    registry.add_recognizer(FastPhoneRecognizer())
    registry.add_recognizer(scoped_date_recognizer())
    registry.add_recognizer(ScopedSpacyRecognizer())
    registry.add_recognizer(
        FunctionRecognizer("LabelledValueRecognizer", labelled.ENTITY_TYPES, labelled.find_labelled)
    )
    registry.add_recognizer(FunctionRecognizer("AddressRecognizer", {"LOCATION"}, find_addresses))
    registry.add_recognizer(FunctionRecognizer("NameLexiconRecognizer", {"PERSON"}, find_names))

    return registry
