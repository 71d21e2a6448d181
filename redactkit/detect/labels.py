"""The label lexicon: what a field's label or a column's header says its value is.

A date alone is not personal data, nor is "Lee" or "12 Park Row" without a street word the
address rules know; under a "Date of birth" header, beside a "Surname" label, typed into a
field whose accessibility name is "Street address", they are. One table, several languages,
shared by every channel: text tables and ``Label: value`` lines (``detect/fields_text.py``),
screen tables and forms (``screens/fields.py``), keystroke fields (``keys/fieldhints.py``) and
record keys (``records.py``).

Labels that name something benign (a meeting date, a product, a ticket, a price) are listed
too, as ``BENIGN``: recognising them tells a table header row from a row of values and a form's
label column from its value column, and is the evidence that keeps a decoy column unmasked.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

#: The entity type of a value that a benign label names (kept, but known to be a label).
BENIGN = "BENIGN"

#: Words inside names that are not capitalised ("Daan van der Berg", "Ahmad bin Yusuf",
#: "Seán Ó Briain"): one list for the labelled rules, field values and for widening names found in part.
NAME_PARTICLES = frozenset(
    "de da di del della der den van von bin binti ibn al el la le du dos das do nic ni mac "
    "ten ter zu af av y ó o'".split()
)

#: entity type: label phrases, from ``redactkit/data/labels.toml`` (data, one place).
_DATA = tomllib.loads(resources.files("redactkit").joinpath("data/labels.toml").read_text("utf-8"))
LEXICON: dict[str, tuple[str, ...]] = {
    etype: tuple(section["labels"]) for etype, section in _DATA.items()
}

_SPLIT = re.compile(r"[\s_\-./'’()\[\]#*:|]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise(label: str) -> str:
    """``"Date_of-Birth (DD/MM/YYYY):"`` → ``"date of birth"``: camelCase split, accents,
    case, punctuation and a parenthetical hint dropped, words joined by single spaces."""
    text = _PAREN.sub(" ", _CAMEL.sub(" ", label))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ß", "ss").replace("nº", "no").replace("n°", "no")
    return " ".join(w for w in _SPLIT.split(text) if w)


_TABLE: dict[str, str] = {}
for _etype, _phrases in LEXICON.items():
    for _p in _phrases:
        _TABLE.setdefault(normalise(_p), _etype)
_LONGEST = max(len(k.split()) for k in _TABLE)
#: Words that, before a person label, make it someone else's thing ("company name",
#: "product name", "file name"): the label then names no person.
_NOT_PERSON_HEAD = frozenset(
    "company product file host server domain project team group app application device "
    "brand business street organisation organization event meeting item plan field column "
    "table database db bucket branch repo repository package service store shop site page "
    "nom du produit".split()
)
#: Words that, before an address or place label, make it a machine's ("IP address", "server
#: location", "memory address", "wallet address"): the label then names no home.
_NOT_PLACE_HEAD = frozenset(
    "ip ipv4 ipv6 mac server host hostname memory web url wallet contract bitcoin btc eth "
    "ethereum crypto return base network broadcast gateway proxy remote local bind listen "
    "physical virtual hex pointer bus device node peer socket endpoint storage file "
    "deployment data center datacenter cluster region zone bucket mail smtp relay".split()
)
#: Verbs of headings and buttons ("Edit contact", "New customer", "Search users").
_ACTION_HEAD = frozenset(
    "edit add new view delete remove search find select create update invite save show all "
    "my our manage list export import bearbeiten neuer neue ajouter modifier nuevo editar "
    "aggiungi modifica novo toevoegen bewerken".split()
)
#: Words a label may add around its core without changing what it names ("Your first name",
#: "Customer e-mail *", "Date of birth (required)").
_FILLER = frozenset(
    "your the his her their primary main current enter please required "
    "optional no nr num number".split()
)


@lru_cache(maxsize=4096)
def label_type(label: str) -> str | None:
    """The entity type a label names, ``BENIGN`` for a known benign label, or None when the
    text is no label this lexicon knows.

    The whole label must be a lexicon phrase, possibly with filler words ("your", "number")
    or a qualifier in front ("billing address", "customer first name"): the LAST words decide
    what is named, so "name of the product" stays unknown and "product name" is benign.
    """
    words = normalise(label).split()
    if not words or len(words) > 7:
        return None
    core = [w for w in words if w not in _FILLER] or words
    for whole in (" ".join(words), " ".join(core)):
        if whole in _TABLE:
            return _TABLE[whole]
    if any(ch.isdigit() for ch in "".join(core)):
        return None  # "73 Birch Close", "Harbour View 12": a value, whatever its last word
    # the longest lexicon phrase that ends the label ("billing street address", "contact
    # email"), with what comes before it as a qualifier
    for n in range(min(_LONGEST, len(core) - 1), 0, -1):
        tail = " ".join(core[-n:])
        etype = _TABLE.get(tail)
        if etype is None:
            continue
        head = set(core[:-n])
        if head & _ACTION_HEAD:
            return None  # "Edit contact", "Add customer": a heading or a button, not a label
        if etype == "PERSON" and head & _NOT_PERSON_HEAD:
            return BENIGN
        if etype == "LOCATION" and head & _NOT_PLACE_HEAD:
            return BENIGN
        if len(core) - n > (3 if etype != BENIGN else 2):
            return None
        return etype
    return None


_OCR_SWAPS = str.maketrans({"1": "l", "i": "l", "|": "l", "!": "l", "0": "o", "6": "o", "5": "s"})


def ocr_key(text: str) -> str:
    """A label as OCR may misread it, folded: "Sumame" and "Surname", "Direcci6n" and
    "Dirección", "Emai1" and "Email" share a key (rn/m, i/l/1, o/0/6, s/5)."""
    return normalise(text).replace("rn", "m").translate(_OCR_SWAPS)


#: Labels as OCR may read them, by folded key, and (for keys of 7 characters or more) by every
#: key with one character deleted: two keys within one edit share an entry ("direccien" and
#: "direccion" both give "direccon"), looked up in a handful of probes, not a scan.
_OCR_TABLE: dict[str, str] = {}
_ONE_OFF: dict[str, str] = {}
for _k, _v in _TABLE.items():
    _key = ocr_key(_k)
    _OCR_TABLE.setdefault(_key, _v)
    if len(_key) >= 7:
        for _i in range(len(_key)):
            _ONE_OFF.setdefault(_key[:_i] + _key[_i + 1 :], _v)
        _ONE_OFF.setdefault(_key, _v)


def _ocr_lookup(text: str) -> str | None:
    """A whole lexicon phrase that OCR text reads as, confusions folded or one edit away."""
    if len(normalise(text)) < 4:
        return None
    key = ocr_key(text)
    etype = _OCR_TABLE.get(key)
    if etype is None and 7 <= len(key) <= 30:
        for probe in (key, *(key[:i] + key[i + 1 :] for i in range(len(key)))):
            if probe in _ONE_OFF:
                return _ONE_OFF[probe]
    return etype


@lru_cache(maxsize=4096)
def ocr_label_type(text: str) -> str | None:
    """:func:`label_type` for text read by OCR: the label as written, or else as a whole
    lexicon phrase with OCR's usual confusions folded, or one edit away from one when 7
    characters or longer ("Direccién"); not for qualified labels."""
    return label_type(text) or _ocr_lookup(text)


@lru_cache(maxsize=4096)
def is_ocr_label(text: str) -> bool:
    """:func:`is_label` for text read by OCR (a whole label, as :func:`ocr_label_type` reads
    misread ones)."""
    return is_label(text) or _ocr_lookup(text) is not None


#: Benign labels whose values are never personal data (``never_personal`` in the data file).
NEVER_PERSONAL = frozenset(normalise(p) for p in _DATA[BENIGN].get("never_personal", ()))


def never_personal(label: str) -> bool:
    """Whether a header names values that are never personal ("Product", "Price", "Due date")."""
    words = normalise(label).split()
    return " ".join(w for w in words if w not in _FILLER) in NEVER_PERSONAL


@lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    """Whether ``text`` is, as a whole, a label the lexicon lists (of a personal value or a
    benign one), filler words aside. Stricter than :func:`label_type`, which also reads
    qualified labels ("Billing address"): a value's last word may be a label word ("Birch
    Close", "Harbour View"), and a column or a form must not end there."""
    words = normalise(text).split()
    core = " ".join(w for w in words if w not in _FILLER)
    return " ".join(words) in _TABLE or core in _TABLE


def personal_type(label: str) -> str | None:
    """The entity type a label names, None for benign and unknown labels."""
    etype = label_type(label)
    return None if etype in (None, BENIGN) else etype


def entity_types() -> frozenset[str]:
    """Every entity type a label can name."""
    return frozenset(LEXICON) - {BENIGN}
