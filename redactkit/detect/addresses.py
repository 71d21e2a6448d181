"""Postal addresses found by their structure, in the world's common orders, masked whole.

An address is a street line (a house number and a street word, in either order: "2560 Cedar
Street", "Lincolnstraße 76", "43 rue de la Gare", "ul. Północna 73", "Οδός Αιόλου 12",
"建国路88号"), a post-office or military line ("PO Box 41", "Postfach 1203", "PSC 0067, Box
9218", "Unit 1234 Box 5678", "USNS Broberg") and the lines that follow it: unit ("Apt. 4",
"Suite 262", "Flat 3"), town, postcode + town in the usual national shapes, state code,
country. The parts are tables of words and shapes, not a list of countries; a block is the
anchor and every following part, on one line after commas or on the next lines (real line
breaks and the two-character ``\\n`` of escaped text alike), reported as one span so that no
line of it stays readable.

A name and a number alone ("Kooli 11", "Windows 10") is no address; it counts only beside
another part of one (a unit or postcode line after it) or after words that introduce an address
("lives at", "sent to", "address is").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from redactkit.detect.words import COUNTRIES, NOT_NAME_WORDS
from redactkit.findings import Finding

# -- words ------------------------------------------------------------------------------------

#: Street words written after the name, number first ("2560 Cedar Street", "Emily Via").
_TYPES_AFTER = (
    "Street St Avenue Ave Av Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Way Place Pl "
    "Terrace Ter Parkway Pkwy Highway Hwy Square Sq Close Crescent Cres Row Walk Gardens Grove "
    "Circle Cir Trail Trl Loop Alley Plaza Mews Overpass Crossing Path Pike Expressway Freeway "
    "Turnpike Causeway Viaduct Junction Hollow Heights Ridge Point Park Hill Green Wharf Quay "
    "Esplanade Broadway Via Salai Marg Nagar Chowk "
    # the rest of the USPS street suffixes (Publication 28, appendix C1)
    "Annex Arcade Bayou Beach Bend Bluff Bluffs Bottom Branch Bridge Brook Brooks Burg Bypass "
    "Camp Canyon Cape Cliff Cliffs Common Corner Corners Course Cove Creek Crest Curve Dale Dam "
    "Divide Estate Estates Extension Falls Ferry Field Fields Flat Flats Ford Forest Forge Fork "
    "Forks Fort Garden Gateway Glen Harbor Harbour Haven Highlands Hills Inlet Island Islands "
    "Isle Keys Knoll Knolls Lake Lakes Landing Light Lights Lock Locks Lodge Manor Meadow "
    "Meadows Mill Mills Mission Motorway Mount Mountain Neck Orchard Oval Pass Passage Pine "
    "Pines Plain Plains Port Ports Prairie Ranch Rapids Rest River Run Shoal Shore Shores "
    "Skyway Spring Springs Spur Stravenue Stream Summit Throughway Trace Track Trafficway "
    "Tunnel Underpass Valley Valleys Vista Wells Ville Village"
).split()
#: Street words of languages that write them lower-case after the name ("Nyár utca 75",
#: "Piroska u. 76.", "Gosposka ulica 53", "Atatürk caddesi 5").
_TYPES_AFTER_LOWER = (
    "utca u. út útja körút tér rkp. köz sor ulica ulice cesta trg caddesi cad. sokak sok. sk. "
    "bulvarı yolu street road avenue"
).split()
#: Street words written before the name ("rue de la Gare 12", "Via Roma 12", "ul. Północna
#: 73", "Calle Mayor 5"): Romance, Slavic, Greek, Cyrillic, with their abbreviations.
_TYPES_BEFORE = (
    "rue avenue av. ave. boulevard bd bd. chemin impasse allée place quai route cours passage "
    "via viale corso piazza piazzale largo vicolo strada contrada "
    "calle c/ avenida avda. av. carrer carretera camino paseo plaza ronda travesía "
    "rúa rua r. praça travessa estrada alameda largo "
    "ul. ulica al. aleja os. osiedle pl. plac ul ulitsa prospekt "
    "odos οδός οδος λ. λεωφ. λεωφόρος πλ. πλατεία "
    "улица ул. проспект пр-т пр. переулок пер. бульвар б-р шоссе площадь пл. вулиця вул."
).split()
#: Endings of one-word street names ("Lincolnstraße", "Idrettsveien", "Höfðastígur",
#: "Keskiortentie", "Kungsgatan", "Prinsengracht").
_SUFFIXES = (
    "straße strasse str. weg gasse platz allee damm ufer chaussee steig pfad gässli "
    "gatan gata vägen väg gränd torget stigen vej gade stræde allé "
    "veien vegen vei gate stígur braut vegur "
    "tie katu kuja polku väylä "
    "straat gracht laan plein kade singel dreef steeg "
    "utca út körút ulica cesta iela gatvė tänav"
).split()
#: Unit words ("Apt. 4", "Suite 262", "Flat 3", "Piso 2", "Wohnung 5", "Lgh 1101").
_UNITS = (
    "Apt Apartment Apto Appt Suite Ste Unit Flat Floor Fl Room Rm Bldg Building Block Blk "
    "Dept Depto Piso Planta Puerta Étage Etage Wohnung Whg Lgh Lok Bus Box"
).split()
#: Post-office box words ("PO Box 41", "Postfach 1203", "Apartado 17", "Caixa Postal 88").
_PO = (
    r"P\.?[ ]?O\.?[ ]?Box|Post[ ]?Office[ ]?Box|Postfach|Apartado(?:[ ]de[ ]correos)?|"
    r"Caixa[ ]Postal|Casilla(?:[ ]de[ ]correo)?|Bo[îi]te[ ]postale|B\.?P\.?|Postboks|Box|"
    r"Postbus|Skrytka[ ]pocztowa|Casella[ ]postale|Apdo\.?|"
    r"P\.?[ ]?O\.?[ ]?Bag|Private[ ]Bag|Locked[ ]Bag"
)
#: Words that introduce an address in prose: a name and a number after them is a street line.
_CUES = (
    r"lives?[ ]at|living[ ]at|live[ ]on|lives[ ]on|located[ ]at|located[ ]on|is[ ]at|are[ ]at|"
    r"is[ ]on|(?:sent|send[ ]it|ship(?:ped)?|deliver(?:ed)?|mail(?:ed)?|return(?:ed)?|forward(?:ed)?|"
    r"moved|moving)[ ]to|address(?:[ ]is)?:?|addresses(?:[ ]are)?:?|it[ ]is|it's[ ]in|"
    r"meet(?:ing)?[ ]at|office[ ]is[ ]at|side[ ]of|corner[ ]of|refers[ ]to|drops?[ ]you[ ]off[ ]at|"
    r"same:|following\?|with|corner[ ]of[ ]\p{Lu}[\p{L}\-]*(?:[ ]\p{Lu}[\p{L}\-]*)?[ ]and"
)


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# -- shapes -----------------------------------------------------------------------------------

#: A word of a street's name: capitalised in any script, or a number word ("42nd", "5th").
_NW = r"(?:\p{Lu}[\p{L}'’\-]*\.?|\d{1,3}(?:st|nd|rd|th)|[\p{Han}\p{Hangul}]+)"
#: Lower-case words inside a street's name ("rue de la Gare", "Unter den Linden").
_JOIN = r"(?:de|del|della|dei|degli|da|do|dos|das|di|du|des|la|le|les|los|las|der|den|von|van|y|e|i|of|the|and)"
_NAME = rf"{_NW}(?:[ ]+(?:{_JOIN}[ ]+){{0,2}}{_NW}){{0,4}}"
_NUM = r"\d{1,4}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?(?:[ ](?:St|Ave|Rd)\b\.?)?"
# "7421 Höfðastígur 86" (a second number before is kept), "24 bis, rue des Tanneurs"
_HOUSE = r"(?:\d{1,6}[ ]+)?\d{1,6}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?(?:[ ](?:bis|ter|quater)\b)?"

_TYPED = rf"(?i:{_alt(_TYPES_BEFORE)})(?<=\.|\b)[ ]*(?:{_JOIN}[ ]+){{0,2}}{_NAME}"
_STREET_LINES = (
    # number first, street word last: "2560 Cedar Street", "W 42nd St", "1077 Wetzel Lane"
    rf"{_HOUSE},?[ ]+(?:[NSEW]{{1,2}}\.?[ ]+)?{_NAME}[ ]+(?-i:{_alt(_TYPES_AFTER)})s?\b\.?"
    rf"(?:[ ]+(?:[NSEW]{{1,2}}|NE|NW|SE|SW)\b)?",
    # name, lower-case street word, number: "Nyár utca 75.", "Gosposka ulica 53"
    rf"(?:{_HOUSE}[ ]+)?{_NAME}[ ]+(?-i:{_alt(_TYPES_AFTER_LOWER)})(?<=\.|\b)(?:[ ]+{_NUM}\.?)?",
    # street word first, number last or first: "rue de la Gare 12", "43 rue de la Gare",
    # "ul. Północna 73", "Λ. Αλκυονίδων 183", "Via Raffaele Conforti 74"
    # (a number on one side at least: "via DOB" and "rue de la Paix" alone are no address)
    rf"{_HOUSE},?[ ]+{_TYPED}(?:,?[ ]+(?:n[º°o]\.?[ ]*)?{_NUM})?|{_TYPED},?[ ]+(?:n[º°o]\.?[ ]*)?{_NUM}",
    # one-word street names by their ending: "Lincolnstraße 76", "Idrettsveien 37"
    rf"(?:{_HOUSE}[ ]+)?(?:{_NW}[ ]+){{0,2}}\p{{Lu}}[\p{{L}}\-]*(?i:{_alt(_SUFFIXES)})(?<=\.|\b)"
    rf"(?:[ ]+{_NUM})?",
    # East Asian: "建国路88号", "千代田1-1", "세종대로 110"
    r"[\p{Han}]{2,}(?:路|街|道|巷|弄|大街)[ ]?\d{1,5}(?:号|號)?|"
    r"[\p{Han}\p{Hiragana}\p{Katakana}]{2,}\d{1,4}(?:丁目|-)\d{1,4}(?:番地?|-)\d{1,4}号?|"
    r"[\p{Hangul}]{1,10}(?:로|길)[ ]?\d{1,5}(?:-\d{1,4})?",
)
_PO_LINES = (
    rf"(?:\d{{1,6}}[ ]+)?(?i:{_PO})[ ]*(?:No\.?[ ]*)?\d{{1,7}}(?:[ ]\d{{2}}){{0,3}}(?!\d)",
    r"(?:PSC|CMR|Unit)[ ]+\d{3,5},?[ ]+Box[ ]+\d{1,5}",
    r"(?:USNS|USNV|USS|USCGC|USAV)[ ]+\p{Lu}[\p{L}\-]+",
)
#: A name and a number, the street line of many countries with no street word ("Kooli 11",
#: "Vana-Viru 25", "9791 Käbbatorp Locketorp 9"): only beside another part or after a cue.
_BARE_STREET = rf"(?:{_HOUSE}[ ]+)?(?:{_NAME})[ ]+{_NUM}\b|{_HOUSE}[ ]+{_NAME}"

#: Parts that may follow a street line.
_COUNTRY = _alt(sorted(COUNTRIES))
# the unit's number: digits in it, or one letter ("Flat B"); not "Suites" read as "Suite s"
_UNIT = (
    rf"(?:(?-i:{_alt(_UNITS)})\.?|\#|n[º°]|No\.)[ ]*\#?[ ]*"
    r"(?:(?=[\w\-/]{0,5}\d)[\w\-/]{1,7}|\p{Lu}(?![\p{L}\d]))"
)
_POSTCODE = (
    r"\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|"
    r"\d{3}[ ]\d{2}|\d{2}-\d{3}|\d{4}[ ]?[A-Z]{2}|\d{4,6}|[A-Z]{1,2}-\d{4,5}"
)
# A town's word; a full stop only after an abbreviation ("St. Albans"), never after a whole
# word: "Nantes. Check-in Jan 14" ends at "Nantes".
_TW = r"(?:\p{Lu}[\p{L}'’\-]{0,2}\.(?=[ ])|\p{Lu}[\p{L}'’\-]*(?!\p{L}))"
_TOWN = (
    rf"{_TW}(?:[ ](?:{_TW}|de|del|la|le|los|am|an|der|di|sur|en|im|upon|on|u|pri|kraj|nad|pod))"
    r"{0,3}"
)
_STATE = r"\p{Lu}{2,3}|\d{2}|nan"
_MILITARY = r"(?:APO|FPO|DPO)[ ]+(?:AA|AE|AP)[ ]+\d{5}"
_ENDS = r"[ \t]*(?:$|\r?\n|\\n|[,.;:!?)\"'])"
_PARTS = {
    "unit": _UNIT,
    "postcode-town": rf"(?:{_POSTCODE})[ ]+{_TOWN}|{_TOWN},?[ ]+(?:{_STATE}[ ]+)?(?:{_POSTCODE})",
    "military": _MILITARY,
    "country": rf"(?i:{_COUNTRY})(?:[ ]\(\p{{L}}+\))?(?:[ ]+(?:{_POSTCODE}))?",
    "postcode": _POSTCODE,
    # the second street of a corner: "the corner of Kooli 79 and Azevedo Inlet"
    "cross": rf"and[ ]+(?:{_HOUSE}[ ]+)?{_NAME}[ ]+(?-i:{_alt(_TYPES_AFTER)})s?\b\.?",
    # a town or state ends a phrase or a line: "..., Boston and then" is prose
    "state": rf"(?:{_STATE})(?={_ENDS})",
    "town": rf"{_TOWN}(?={_ENDS})",
}
_STRONG = {"unit", "postcode-town", "military", "country", "postcode"}
#: What makes a name and a number a street line: a unit, a postcode with its town, a country.
_STRONG_BESIDE = _STRONG - {"postcode"}

# A separator between parts: a comma on the line, or a line break (real or escaped) with the
# next line's indent and list marks; "\n, TA" (a comma opening the next line) included.
_NL = r"(?:\r?\n|\\n)"
# possessive runs: a run of blanks is never re-split between two of them (linear on long runs)
_BREAK = rf"(?:[ \t]*+,?[ \t]*+{_NL}[ \t]*+(?:\}}\}}|\?\?\?|[>|])?[ \t]*+,?[ \t]*+)"
_PART_RX = {
    k: regex.compile(rf"(?:{_BREAK}|[ \t]*+,[ \t]*+|[ ])(?P<p>{v})(?![\p{{L}}\d])")
    for k, v in _PARTS.items()
}

# A part starts after a non-word, or right after an escaped "\n" or "\t" ("\\nUSNS Broberg").
_START = r"(?:(?<=\\[nt])|(?<![\p{L}\d]))"
_ANCHOR = regex.compile(
    rf"{_START}(?P<a>{'|'.join(f'(?:{p})' for p in (*_STREET_LINES, *_PO_LINES))})"
    r"(?![\p{L}\d])",
)
_BARE = regex.compile(rf"{_START}(?P<a>{_BARE_STREET})(?![\p{{L}}\d])")
_CUE = regex.compile(rf"(?i:\b(?:{_CUES}))[ \t]*(?:\\n|\n|[ \t])*$")
_LEADING_UNIT = regex.compile(rf"(?:{_UNIT}),?[ \t]+$")
_MAX_PARTS = 7
_JOINED = regex.compile(r",|\n|\\n")


def _extend(text: str, end: int) -> tuple[int, set[str]]:
    """End of the parts that follow an anchor ending at ``end``, and their kinds."""
    kinds: set[str] = set()
    last = ""
    for _ in range(_MAX_PARTS):
        for kind, rx in _PART_RX.items():
            m = rx.match(text, end)
            if not m:
                continue
            stop = m.end("p")
            gap = text[end : m.start("p")]
            if (
                kind in ("town", "state")
                and last not in ("postcode", "unit")
                and not _JOINED.search(gap)
            ):
                continue  # a town joins after a comma, on its own line or after a postcode
            end, kinds, last = stop, kinds | {kind}, kind
            break
        else:
            break
    return end, kinds


#: Every anchor line holds a street word, a street-name ending, a box or military word or a
#: CJK character: the anchor patterns run only on the lines where one occurs (same results, a
#: fraction of the time on text without addresses). Words are split with ``re`` and looked up
#: in sets, far cheaper than a pattern of alternatives tried at every position.
_WORDS = re.compile(r"[^\W\d_]+\.?|[/]")
_GATE_CASED = frozenset(_TYPES_AFTER) | {
    "PSC",
    "CMR",
    "Unit",
    "USNS",
    "USNV",
    "USS",
    "USCGC",
    "USAV",
}
_GATE_WORDS = frozenset(
    w.casefold()
    for w in _TYPES_BEFORE
    + _TYPES_AFTER_LOWER
    + "po p box bag postfach apartado apdo caixa casilla boîte boite bp postboks postbus "
    "skrytka casella post private locked".split()
)
_GATE_SUFFIXES = tuple(sorted({w.casefold() for w in _SUFFIXES}))
_CJK = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


def _gate(word: str) -> bool:
    """``word`` may belong to an anchor line (a street, suffix, box or military word)."""
    bare = word.rstrip(".")
    low = word.casefold()
    return (
        bare in _GATE_CASED
        or low in _GATE_WORDS
        or low.rstrip(".") in _GATE_WORDS
        or low.endswith(_GATE_SUFFIXES)
        or low.rstrip(".").endswith(_GATE_SUFFIXES)
    )


def _gated_lines(text: str) -> list[tuple[int, int]]:
    """Whole lines (merged when adjacent) holding a gate word or a CJK character. A window
    ends at a line end, so the anchor's look-aheads see what they would in the whole text."""
    out: list[tuple[int, int]] = []
    pos = 0
    hits = [m.start() for m in _WORDS.finditer(text) if _gate(m.group())]
    if _CJK.search(text):
        hits += [m.start() for m in _CJK.finditer(text)]
        hits.sort()
    for at in hits:
        if at < pos:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        pos = end + 1
    return out


def _anchors(text: str) -> Iterator[regex.Match[str]]:
    for lo, hi in _gated_lines(text):
        yield from _ANCHOR.finditer(text, lo, hi)


def find_addresses(text: str) -> list[Finding]:
    """Street, PO and military address blocks in ``text``, one LOCATION finding per block."""
    out: list[Finding] = []
    for found, weak in ((_anchors(text), False), (_BARE.finditer(text), True)):
        for m in found:
            start, end = m.span("a")
            if weak and any(f.start <= start < f.end for f in out):
                continue
            stop, kinds = _extend(text, end)
            if (
                weak
                and not (kinds & _STRONG_BESIDE)
                and not _CUE.search(text, max(0, start - 40), start)
            ):
                continue
            if weak and any(w.casefold() in NOT_NAME_WORDS for w in m.group("a").split()):
                continue  # "Jan 12", "Monday 3": a date, not a street
            if weak and m.group("a").strip().isdigit():
                continue
            lead = _LEADING_UNIT.search(text, max(0, start - 20), start)
            if lead:
                start = lead.start()
            out.append(Finding("LOCATION", start, stop, 0.6, "address-block"))
    return out
