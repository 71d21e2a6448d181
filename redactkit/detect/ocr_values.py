"""Values read from screens whose OCR broke their validation: IBANs with a misread character,
e-mail addresses with a dropped or spaced dot. For OCR text only; plain text keeps strict
validation."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from redactkit.detect.ocr import IBAN_COUNTRIES
from redactkit.detect.results import FunctionRecognizer
from redactkit.detect.tld import OFFLINE_TLD as _OFFLINE_TLD
from redactkit.findings import Finding

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
