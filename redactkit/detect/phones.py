"""Phone numbers: python-phonenumbers over candidate windows only."""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from redactkit.detect.checksums import luhn_ok


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
