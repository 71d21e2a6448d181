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
    "Tunnel Underpass Valley Valleys Vista Wells Ville Village Route Center Centre"
).split()
#: Street words of languages that write them lower-case after the name ("Nyár utca 75",
#: "Piroska u. 76.", "Gosposka ulica 53", "Atatürk caddesi 5").
_TYPES_AFTER_LOWER = (
    "utca u. út útja körút krt. tér rkp. rakpart fasor sétány köz sor lépcső liget kapu dűlő "
    "ulica ulice cesta trg caddesi cad. sokak sok. sk. bulvarı yolu "
    "põik puiestee maantee tänav iela prospekts gatvė prospektas alėja "
    "gate gata gatan vei veien vegen vej gade vägen väg allé tee str str. "
    "street road avenue"
).split()
#: Street words written before the name ("rue de la Gare 12", "Via Roma 12", "ul. Północna
#: 73", "Calle Mayor 5"): Romance, Slavic, Greek, Cyrillic, with their abbreviations.
_TYPES_BEFORE = (
    "rue avenue av. ave. boulevard bd bd. chemin impasse allée place quai route cours passage "
    "via viale corso piazza piazzale piazzetta largo vicolo vico strada contrada borgo "
    "lungomare salita traversa "
    "calle c/ avenida avda. av. carrer carretera ctra. camino paseo plaza ronda travesía "
    "rúa rua r. praça travessa estrada alameda largo "
    "ul. ulica al. aleja os. osiedle pl. plac ul ulitsa prospekt trg "
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
    r"Post[ ]?box|Mail[ ]?box|P\.?[ ]?O\.?[ ]?B\.?|"
    r"Postbus|Skrytka[ ]pocztowa|Casella[ ]postale|Apdo\.?|"
    r"P\.?[ ]?O\.?[ ]?Bag|Private[ ]Bag|Locked[ ]Bag"
)
#: Words that introduce an address in prose: a name and a number after them is a street line.
_CUES = (
    r"lives?[ ]at|living[ ]at|live[ ]on|lives[ ]on|located[ ]at|located[ ]on|is[ ]at|are[ ]at|"
    r"is[ ]on|(?:sent|send[ ]it|ship(?:ped)?|deliver(?:ed)?|mail(?:ed)?|return(?:ed)?|forward(?:ed)?|"
    r"moved|moving)[ ]to|address(?:[ ](?:is|to|as|at))?:?|addresses(?:[ ]are)?:?|it[ ]is|it's[ ]in|"
    r"meet(?:ing)?[ ]at|office[ ]is[ ]at|side[ ]of|corner[ ]of|refers[ ]to|drops?[ ]you[ ]off[ ]at|"
    r"same:|following\?|with|corner[ ]of[ ]\p{Lu}[\p{L}\-]{0,47}(?:[ ]\p{Lu}[\p{L}\-]{0,47})?[ ]and"
)


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# -- shapes -----------------------------------------------------------------------------------

#: A word of a street's name: capitalised in any script, or a number word ("42nd", "5th").
#: At most 48 letters: every capital after an apostrophe or hyphen may start a word, and an
#: unbounded word rescanned the rest of a long run from each of them (quadratic on "O'O'O'...").
_NW = r"(?:(?:[dl]['’])?\p{Lu}[\p{L}'’\-]{0,47}\.?|\d{1,3}(?:st|nd|rd|th)|[\p{Han}\p{Hangul}]+)"
#: After a street word written first and a joining word, a name's words may be lower-case
#: ("rue des six frères Ruellan", "Rue de bayrout", "Trg revolucije"): the street word and the
#: house number the pattern also wants carry the evidence.
_NWL = rf"(?:{_NW}|\p{{Ll}}[\p{{L}}'’\-]{{2,47}})"
#: Lower-case words inside a street's name ("rue de la Gare", "Unter den Linden").
_JOIN = (
    r"(?:de|del|della|delle|dello|dei|degli|dal|dalla|da|do|dos|das|di|du|des|la|le|les|los|las|"
    r"der|den|von|van|y|e|i|of|the|and)"
)
_NAME = rf"{_NW}(?:[ ]+(?:{_JOIN}[ ]+){{0,2}}{_NW}){{0,4}}"
_NAME_LOOSE = rf"{_NWL}(?:[ ]+(?:{_JOIN}[ ]+){{0,2}}{_NWL}){{0,4}}"
_NUM = r"\d{1,4}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?(?:[ ](?:St|Ave|Rd)\b\.?)?"
# "7421 Höfðastígur 86" (a second number before is kept), "24 bis, rue des Tanneurs"
_HOUSE = r"(?:\d{1,6}[ ]+)?\d{1,6}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?(?:[ ](?:bis|ter|quater)\b)?"

#: Street words written first that are also English words or short abbreviations: "Place your
#: order 12 times" and "Via email 12" are no streets, so the lower-case name needs a join.
_ENGLISH_TYPES = frozenset(
    "avenue av. ave. boulevard bd bd. place route cours passage via largo r. pl. ul al. os. "
    "plaza camino ronda".split()
)
_TYPED = (
    # a capitalised street word, or a joining word after it, lets lower-case words follow
    rf"(?:(?-i:{_alt([w.capitalize() for w in _TYPES_BEFORE if w not in _ENGLISH_TYPES])})"
    rf"(?<=[./]|\b)[ ]*"
    rf"(?:{_JOIN}[ ]+){{0,2}}{_NAME_LOOSE}"
    rf"|(?i:{_alt(_TYPES_BEFORE)})(?<=[./]|\b)[ ]*(?:{_JOIN}[ ]+){{1,2}}{_NAME_LOOSE}"
    rf"|(?i:{_alt(_TYPES_BEFORE)})(?<=[./]|\b)[ ]*{_NAME})"
)
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
    rf"(?:{_HOUSE}[ ]+)?(?:{_NW}[ ]+){{0,2}}\p{{Lu}}[\p{{L}}\-]{{0,47}}(?i:{_alt(_SUFFIXES)})(?<=\.|\b)"
    rf"(?:[ ]+{_NUM})?",
    # an intersection of two named streets: "Oakridge Lane and Pemberton Avenue"
    rf"{_NAME}[ ]+(?-i:{_alt(_TYPES_AFTER)})s?\b\.?[ ]+(?:and|&)[ ]+{_NAME}[ ]+"
    rf"(?-i:{_alt(_TYPES_AFTER)})s?\b\.?",
    # a street word after the house number: "Ånhult 25 St.", "Coste 26 Rd"
    rf"{_NAME}[ ]+\d{{1,4}}[A-Za-z]?[ ](?-i:St|Ave|Rd|Blvd|Dr|Ln)\b\.?",
    # Japanese block numbers in Latin letters: "2-24-5 Chuo-ku", "1-1 Marunouchi, Chiyoda-ku"
    rf"\d{{1,4}}(?:-\d{{1,4}}){{1,2}},?[ ]+(?:{_NW}[ ]+)?\p{{Lu}}\p{{L}}{{1,47}}-(?:ku|shi|cho|chō|machi|gun|mura)\b",
    # East Asian: "建国路88号", "千代田1-1", "세종대로 110"
    r"[\p{Han}]{2,}(?:路|街|道|巷|弄|大街)[ ]?\d{1,5}(?:号|號)?|"
    r"[\p{Han}\p{Hiragana}\p{Katakana}]{2,}\d{1,4}(?:丁目|-)\d{1,4}(?:番地?|-)\d{1,4}号?|"
    r"[\p{Hangul}]{1,10}(?:로|길)[ ]?\d{1,5}(?:-\d{1,4})?",
)
_PO_LINES = (
    rf"(?:\d{{1,6}}[ ]+)?(?i:{_PO})[ ]*(?:No\.?[ ]*)?\d{{1,7}}(?:[ ]\d{{2}}){{0,3}}(?!\d)",
    r"(?:PSC|CMR|Unit)[ ]+\d{3,5},?[ ]+Box[ ]+\d{1,5}",
    r"(?:USNS|USNV|USS|USCGC|USAV)[ ]+\p{Lu}[\p{L}\-]{1,47}",
)
#: A name and a number, the street line of many countries with no street word ("Kooli 11",
#: "Vana-Viru 25", "9791 Käbbatorp Locketorp 9"): only beside another part or after a cue.
_NAME_BARE = rf"{_NW}(?:[ ]+(?:{_JOIN}[ ]+){{0,2}}{_NWL}){{0,4}}"
_BARE_STREET = rf"(?:{_HOUSE}[ ]+)?(?:{_NAME_BARE})[ ]+{_NUM}\b|{_HOUSE}[ ]+{_NAME}"

#: Parts that may follow a street line.
_COUNTRY = _alt(sorted(COUNTRIES))
# the unit's number: digits in it, or one letter ("Flat B"); not "Suites" read as "Suite s"
_UNIT = (
    rf"(?:(?-i:{_alt(_UNITS)})\.?|\#|n[º°]|No\.)[ ]*\#?[ ]*"
    r"(?:(?=[\w\-/]{0,5}\d)[\w\-/]{1,7}|\p{Lu}(?![\p{L}\d]))"
)
_POSTCODE = (
    r"\d{5}(?:-\d{4})?|\d{3}-\d{4}|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|"
    r"\d{3}[ ]\d{2}|\d{2}-\d{3}|\d{4}[ ]?[A-Z]{2}|\d{4,6}|[A-Z]{1,2}-\d{4,5}"
)
# A town's word; a full stop only after an abbreviation ("St. Albans"), never after a whole
# word: "Nantes. Check-in Jan 14" ends at "Nantes".
_TW = r"(?:\p{Lu}[\p{L}'’\-]{0,2}\.(?=[ ])|\p{Lu}[\p{L}\p{M}\p{Sm}'’\-]*(?![\p{L}\p{M}]))"
_TOWN = (
    rf"{_TW}(?:[ ](?:{_TW}|de|del|la|le|los|am|an|der|di|sur|en|im|upon|on|u|pri|kraj|nad|pod))"
    r"{0,3}"
)
_STATE = r"\p{Lu}{2,3}|\d{2}|nan"
#: A state written in letters: only these follow a town without a comma or a line end
#: ("Farfa Sabina RI"); a number after a word ("Nov 20, 2025") is a date's day.
_STATE_ALPHA = r"\p{Lu}{2,3}|nan"
_MILITARY = r"(?:APO|FPO|DPO)[ ]+(?:AA|AE|AP)[ ]+\d{5}"
_ENDS = r"[ \t]*(?:$|\r?\n|\\n|[,.;:!?)\"'])"
_PARTS = {
    "unit": _UNIT,
    "postcode-town": rf"(?:{_POSTCODE})[ ]+{_TOWN}|{_TOWN},?[ ]+(?:{_STATE}[ ]+)?(?:{_POSTCODE})(?![-/.]\d)",
    "military": _MILITARY,
    "country": rf"(?i:{_COUNTRY})(?:[ ]\(\p{{L}}+\))?(?:[ ]+(?:{_POSTCODE}))?",
    # not the year of a date on the next line of a table ("2025-02-17", "2025/02/17")
    "postcode": rf"(?:{_POSTCODE})(?![-/.]\d)",
    # the second street of a corner: "the corner of Kooli 79 and Azevedo Inlet"
    "cross": rf"and[ ]+(?:(?:{_HOUSE}[ ]+)?{_NAME}[ ]+(?-i:{_alt(_TYPES_AFTER)})s?\b\.?"
    rf"|(?:{_HOUSE},?[ ]+)?{_TYPED}(?:,?[ ]+{_NUM})?|{_NAME}[ ]+{_NUM})",
    # a town or state ends a phrase or a line: "..., Boston and then" is prose
    "state": rf"(?:{_STATE})(?![\p{{L}}\d])",
    # ... or stands before the country or postcode that closes the block ("Anholt Denmark")
    "town": rf"{_TOWN}(?={_ENDS}|[ ]+(?:(?i:{_COUNTRY})|{_POSTCODE}|{_STATE_ALPHA})(?![\p{{L}}\d]))"
    # ... or, written in capitals as postal addresses write it, before the prose resumes
    rf"|\p{{Lu}}{{3,}}(?:[ ]\p{{Lu}}[\p{{L}}\-]+){{0,2}}(?=[ ]+\p{{Ll}})",
}
_STRONG = {"unit", "postcode-town", "military", "country", "postcode"}
#: What makes a name and a number a street line: a unit, a postcode with its town, a country.
_STRONG_BESIDE = _STRONG - {"postcode"}

# A separator between parts: a comma on the line, or a line break (real or escaped) with the
# next line's indent and list marks; "\n, TA" (a comma opening the next line) included.
_NL = r"(?:\r?\n|\\n)"
# possessive runs: a run of blanks is never re-split between two of them (linear on long runs)
_BREAK = (
    rf"(?:[ \t]*+,?[ \t]*+{_NL}(?:[ \t]*+{_NL})?[ \t]*+(?:\}}\}}|\?\?\?|[>|])?[ \t]*+,?[ \t]*+)"
)
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
#: A cue anywhere earlier on the line, for a street line that also has its town after it
#: ("We'll meet Sunday at Acme Ltd., 740 Χλόης 69, ΛΕΜΕΣΟΣ").
_CUE_NEAR = regex.compile(
    rf"(?i:\b(?:{_CUES}|meet|meeting|met|visit|visiting|located|office|store|shop|restaurant|"
    rf"hotel|venue|deliver|delivery|shipping|pick[ ]up|drop[ ]off)\b)"
)
_LEADING_UNIT = regex.compile(rf"(?:{_UNIT}),?[ \t]+$")
_MAX_PARTS = 7
_JOINED = regex.compile(r",|\n|\\n")


_STATE_END = regex.compile(_ENDS)
_ENDS_NUMBERED = regex.compile(r"\d[A-Za-z]?\.?$")


def _extend(text: str, end: int) -> tuple[int, set[str]]:
    """End of the parts that follow an anchor ending at ``end``, and their kinds."""
    kinds: set[str] = set()
    # a street line that ends with its number (or a unit's) is followed by its town directly:
    # "Gammelhavn 36 Suite 507 Anholt Denmark", "rue Petite Fusterie Suite 966 BREST Bretagne"
    last = "unit" if _ENDS_NUMBERED.search(text, max(0, end - 8), end) else ""
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
                and not (kind == "state" and last == "town" and not m.group("p").isdigit())
                and not _JOINED.search(gap)
            ):
                continue  # a town joins after a comma, on its own line or after a postcode
            if kind == "town" and m.group("p").split()[0].casefold().rstrip(".") in NOT_NAME_WORDS:
                continue  # "Nov 20, 2025" on the next line of a table is a date, not a town
            if (
                kind == "state"
                and (last != "town" or m.group("p").isdigit())
                and not (_STATE_END.match(text, stop))
            ):
                continue  # a state code after its town, or ending the phrase
            end, kinds, last = stop, kinds | {kind}, kind
            break
        else:
            break
    return end, kinds


#: Every anchor line holds a street word, a street-name ending, a box or military word or a
#: CJK character: the anchor patterns run only on the lines where one occurs (same results, a
#: fraction of the time on text without addresses). Words are split with ``re`` and looked up
#: in sets, far cheaper than a pattern of alternatives tried at every position.
_WORDS = re.compile(r"[^\W\d_]+[./]?|[/]")
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
    "postbox mailbox pob ku shi cho chō machi "
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
        or (bare[-1:] == "s" and bare[:-1] in _GATE_CASED)
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


#: An intersection names two streets: "the corner of Kooli 79 and Azevedo Inlet", "Ernest and
#: 1323 Grim Avenue". The words before the street line belong to the address.
_CORNER = regex.compile(r"(?:(?<=\\[nt])|\b)(?i:(?:the[ ]+)?corner[ ]+of)[ ]+$")
_AND_BEFORE = regex.compile(rf"(?:(?<=\\[nt])|(?<![\p{{L}}\d'’]))(?:{_NAME})[ ]+and[ ]+$")
#: A block that starts a line continues the line before it: its street line ("Funkevænget 19
#: Ohara Ways\n Suite 284\n Frederiksberg C"), whatever form that line has.
_LINE_START = regex.compile(r"(?:\r?\n|\\n)[ \t]*+(?:\}\}|\?\?\?|[>|])?[ \t]*+$")
_TOKEN = regex.compile(r"\S+")
_STREET_LOWER = frozenset(w.casefold() for w in _TYPES_AFTER_LOWER + _TYPES_BEFORE)
_JOIN_WORDS = frozenset(_JOIN.strip("(?:)").split("|"))


def _line_start(text: str, pos: int) -> int:
    """Start of the line ``pos`` is on (real or escaped line breaks), at most 160 back."""
    lo = max(0, pos - 160)
    return max(lo, text.rfind("\n", lo, pos) + 1, text.rfind("\\n", lo, pos) + 2)


def _line_before(text: str, start: int) -> int:
    """Start of the street line on the line before a block that starts at ``start``, or
    ``start``: the tail of that line made of capitalised words, numbers, joining and street
    words (an unknown lower-case word only just before a number), with a digit in it."""
    lb = _LINE_START.search(text, max(0, start - 12), start)
    if not lb:
        return start
    line_start = _line_start(text, lb.start())
    tokens = list(_TOKEN.finditer(text, line_start, lb.start()))
    at, digits, caps, taken = start, False, False, 0
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 9), -1):
        word = tokens[i].group().rstrip(",")
        bare = word.rstrip(".")
        after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if not bare or word[-1:] in ":?!" or word.startswith(("}}", "???")):
            break
        if bare[0].isdigit() and len(bare) <= 8:
            digits = True
        elif bare[0].isupper():
            caps = True
        elif not (
            bare.casefold() in _JOIN_WORDS
            or word.casefold() in _STREET_LOWER
            or (after[:1].isdigit() and bare.isalpha())
        ):
            break
        at, taken = tokens[i].start(), taken + 1
    return at if (digits and caps and taken) else start


def find_addresses(text: str) -> list[Finding]:
    """Street, PO and military address blocks in ``text``, one LOCATION finding per block."""
    out: list[Finding] = []
    for found, weak in ((_anchors(text), False), (_BARE.finditer(text), True)):
        for m in found:
            start, end = m.span("a")
            if weak and any(f.start <= start < f.end for f in out):
                continue
            stop, kinds = _extend(text, end)
            joined = _AND_BEFORE.search(text, max(0, start - 60), start)
            cue_at = joined.start() if joined else start
            if (
                weak
                and not (kinds & _STRONG_BESIDE)
                and not {"town", "postcode"} <= kinds
                and not _CUE.search(text, max(0, cue_at - 40), cue_at)
                and not (
                    "town" in kinds and _CUE_NEAR.search(text, _line_start(text, start), start)
                )
            ):
                continue
            if weak and any(
                w.casefold() in NOT_NAME_WORDS and w.casefold() not in _JOIN_WORDS
                for w in m.group("a").split()
            ):
                continue  # "Jan 12", "Monday 3": a date, not a street
            if weak and m.group("a").strip().isdigit():
                continue
            lead = _LEADING_UNIT.search(text, max(0, start - 20), start)
            if lead:
                start = lead.start()
            for _ in range(3 if kinds & _STRONG else 0):  # a unit line, then the street line
                if (above := _line_before(text, start)) == start:
                    break
                start = above
            for rx in (_AND_BEFORE, _CORNER):
                if lead := rx.search(text, max(0, start - 60), start):
                    start = lead.start()
            out.append(Finding("LOCATION", start, stop, 0.6, "address-block"))
    return out
