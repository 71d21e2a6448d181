"""Phone numbers, three ways in:

* **digit runs read by phonenumbers** (``FastPhoneRecognizer``): the stock matcher over candidate
  windows only, not eight passes of the whole text; national numbers are tried first in the
  regions the text names (a country's name anywhere in the text: "Paris, France" reads
  ``01 42 68 53 00`` as French), then in Presidio's default regions;
* **numbers a label names** (``find_labelled_phones``): after "Phone", "Tel", "Mobile", "Fax",
  "WhatsApp" and their equivalents in the main European languages, any run of six or more digits
  is a phone number in whatever national format, with its extension ("x625", "ext. 12");
* **numbers with a trailing label**: "51-63-88-43-Office", "642 553 625 (mobile)".

A run with a benign shape (a date, a dotted quad, a card grouping, the number of an identifier)
is dropped before the matcher by ``decision.veto``, with its reason counted.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from redactkit.detect.decision import DROPS, veto
from redactkit.findings import Finding

#: Region code -> English name (phonenumbers' geocoder, read once at build time: at run time
#: it would cost about 190 MB of resident memory; scripts/build_region_names.py).
REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.toml"


@functools.cache
def region_names() -> dict[str, str]:
    """Region code -> English name, for every region phonenumbers supports."""
    with REGIONS_FILE.open("rb") as f:
        return dict(tomllib.load(f)["regions"])


@functools.cache
def _country_names() -> dict[str, list[tuple[str, str]]]:
    """First word of every region's English name (lower case) -> [(whole name, region)],
    longest first."""
    names: dict[str, str] = {}
    for region, name in sorted(region_names().items()):
        if region in phonenumbers.SUPPORTED_REGIONS and len(name) >= 4:
            names[name.lower()] = region
    names.update({"uk": "GB", "england": "GB", "scotland": "GB", "usa": "US", "holland": "NL"})
    by_first: dict[str, list[tuple[str, str]]] = {}
    for name, region in sorted(names.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(name.split()[0], []).append((name, region))
    return by_first


#: Capitalised words: where a country's name can start (one C-speed pass over the text).
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+")


def region_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, region) of every country the text names, in order: by its English name, or by
    its ISO code right before a phone word ("my CN number")."""
    by_first = _country_names()
    found = []
    for m in _CAPITALISED.finditer(text):
        for name, region in by_first.get(m.group().lower(), ()):
            after = m.start() + len(name)
            if text[m.start() : after].lower() == name and not text[after : after + 1].isalnum():
                found.append((m.start(), region))
                break
    found += [
        (m.start(), m.group(1))
        for m in _CODE_BEFORE_PHONE.finditer(text)
        if m.group(1) in phonenumbers.SUPPORTED_REGIONS
    ]
    return sorted(found)


def implied_regions(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """Regions named within ``REGION_REACH`` characters of ``text[start:end]`` (the whole
    text by default), nearest first."""
    end = len(text) if end is None else end
    near = [
        (abs(pos - start), r)
        for pos, r in region_mentions(text)
        if start - REGION_REACH <= pos <= end + REGION_REACH or end - start >= len(text)
    ]
    return tuple(dict.fromkeys(r for _, r in sorted(near)))


#: How far from a number a country's name still tells its region (an address block, a line).
REGION_REACH = 160


#: A region's ISO code right before a phone word.
_CODE_BEFORE_PHONE = re.compile(r"\b([A-Z]{2})[ \t]+(?:phone|mobile|cell|number|tel)\b")


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

    _CANDIDATE = re.compile(r"(?:\+|\(|\b)\d[\d \t().\-/]{5,24}\d\b")
    _PHONE_SHAPED = re.compile(r"^(?:\+\d|\(\d{3}\)\s?\d{3}[\s.-]\d{4}$|\d{3}[.-]\d{3}[.-]\d{4}$)")
    _MARGIN = 3

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        mentions: list[tuple[int, str]] | None = None
        for cand in self._CANDIDATE.finditer(text):
            run = cand.group()
            if sum(ch.isdigit() for ch in run) < 7:
                continue
            reason = veto(text, cand.start(), cand.end(), "PHONE_NUMBER")
            if reason is not None:
                DROPS[reason] += 1
                continue
            lo = max(0, cand.start() - self._MARGIN)
            window = text[lo : cand.end() + self._MARGIN]
            # An international number parses the same in every region; a national one is
            # tried in the regions the text names, then region by region until one reads it.
            if run.startswith("+"):
                regions: tuple[str, ...] = tuple(self.supported_regions[:1])
            else:
                if mentions is None:
                    mentions = region_mentions(text)
                lo_pos, hi_pos = cand.start() - REGION_REACH, cand.end() + REGION_REACH
                near = sorted(
                    (abs(pos - cand.start()), r) for pos, r in mentions if lo_pos <= pos <= hi_pos
                )
                implied = (r for _, r in near)
                regions = tuple(dict.fromkeys((*implied, *self.supported_regions)))
            leniency = (
                phonenumbers.Leniency.POSSIBLE if self._PHONE_SHAPED.match(run) else self.leniency
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


#: Words that name a phone number on their own (English and the main European languages).
PHONE_LABELS = (
    "phone telephone tel tel. ph ph. mobile mob mob. cell cellphone cell phone fax whatsapp "
    "landline hotline sms "
    "telefon telefonnummer handy mobil mobiltelefon rufnummer durchwahl "  # de, nordic, pl, cz
    "téléphone telephone tél tél. portable télécopie "  # fr
    "teléfono telefono móvil movil celular "  # es, it, pt
    "cellulare telefone telemóvel telemovel "  # it, pt
    "telefoon mobiel "  # nl
    "komórka kom. puhelin matkapuhelin "  # pl, fi
    "τηλ τηλ. τηλέφωνο κινητό тел тел. телефон моб. мобильный"  # el, ru
).split()
#: Words that name a phone number only with a colon or a phone word after them
#: ("Office: ...", "Work phone ...", "Home #"): alone they are common nouns.
PLACE_LABELS = "office work home desk direct main business private privat bureau büro".split()

_NUMBER = (
    r"(?P<num>\+?\(?\d[\d \t().\-/]{4,22}\d\)?)"
    r"(?P<ext>[ \t]*(?:x|ext\.?|extension|#|poste|durchwahl|dw\.?)[ \t]*\d{1,6})?"
)
_LABEL_WORDS = "|".join(sorted((re.escape(w) for w in PHONE_LABELS), key=len, reverse=True))
_PLACE_WORDS = "|".join(PLACE_LABELS)
_AFTER_LABEL = re.compile(
    rf"(?<![\w])(?:(?:{_LABEL_WORDS})|(?:{_PLACE_WORDS})(?=[ \t]*(?:[:#]|(?:{_LABEL_WORDS})\b)))"
    r"(?:[ \t_]*(?:\b(?:number|no\.?|nr\.?|num|#)|\(\w{1,10}\)))?"
    r"[ \t]*[\"']?[ \t]*[:#=\-]?[ \t]*[\"']?[ \t]*" + _NUMBER,
    re.IGNORECASE,
)
#: "51-63-88-43-Office", "642 553 625 (mobile)", "9380 6377 office", "0612345678 mob."
_TRAILING = re.compile(
    r"(?<![\w+])" + _NUMBER + rf"(?=[ \t]*[-(/]?[ \t]*(?:{_LABEL_WORDS}|{_PLACE_WORDS})\b)",
    re.IGNORECASE,
)
#: Verbs and phrases that say the number after them is called or texted ("call me on",
#: "text us at", "messages to", "my registered 470 78 605", "reach me at").
PHONE_CUES = (
    "call calls called calling ring rings ringing text texts texting dial dialing dialling "
    "reach reached reaching contact contacted answer answers answered answering phone phoned "
    "phoning fax faxed whatsapp message messages sms registered"
).split()
_AFTER_CUE = re.compile(
    rf"(?<![\w])(?:{'|'.join(PHONE_CUES)})"
    r"(?:[ \t]+(?:me|us|him|her|them|back))?(?:[ \t]+(?:on|at|to|via|under))?"
    r"(?:[ \t]+(?:my|our|his|her|their|the|this|that))?(?:[ \t]+(?:number|no\.?|nr\.?))?"
    r"[ \t]*[:#]?[ \t]*" + _NUMBER,
    re.IGNORECASE,
)
LABELLED_PHONE_SCORE = 0.6


def find_labelled_phones(text: str) -> list[Finding]:
    """Numbers a phone label names, before or after them, or that a calling verb points at
    (six digits or more, any format; dates and times excepted)."""
    out = []
    rules = (
        (_AFTER_LABEL, "phone-label"),
        (_TRAILING, "phone-trailing-label"),
        (_AFTER_CUE, "phone-cue"),
    )
    for pattern, detector in rules:
        for m in pattern.finditer(text):
            start, end = m.start("num"), m.end("ext") if m.group("ext") else m.end("num")
            num = m.group("num")
            if sum(c.isdigit() for c in num) < 6 or num.count("(") != num.count(")"):
                if num.endswith(")") and num.count(")") > num.count("("):
                    end = m.end("num") - 1 if not m.group("ext") else end
                else:
                    continue
            if veto(text, m.start("num"), m.end("num"), "PHONE_NUMBER") in ("date or time",):
                continue
            if all((f.start, f.end) != (start, end) for f in out):
                out.append(Finding("PHONE_NUMBER", start, end, LABELLED_PHONE_SCORE, detector))
    return out
