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

from redactkit.detect import labels
from redactkit.detect.fields_text import text_fields
from redactkit.detect.labels import NAME_PARTICLES
from redactkit.detect.words import COUNTRIES, NOT_NAME_WORDS
from redactkit.findings import Finding

# A capitalised name word in any script with case ("Jürgen", "O'Connor", "Jae-won").
_W = r"\p{Lu}[\p{L}'’\-]{0,40}\p{Ll}"  # bounded: a word cannot make matching quadratic
#: A word of a place's name: capitalised, or in capitals (forms, tickets, headings: "OSLO",
#: "ΠΑΦΟΣ") from four letters (not "HR", "IT", "NYC": departments and codes).
_PLACE_W = rf"(?:{_W}|\p{{Lu}}[\p{{Lu}}'’\-]{{2,40}}\p{{Lu}}(?!\p{{Ll}}))"
#: A place in capitals of two or three words, short ones too ("SAN SEBASTIÁN", "LA PAZ").
_PLACE_CAPS = r"\p{Lu}{2,12}(?:[ \t]+\p{Lu}[\p{Lu}'’\-]{0,40}\p{Lu}){1,2}(?![\p{L}])"
_PARTICLE = "(?:" + "|".join(map(regex.escape, sorted(NAME_PARTICLES, key=len, reverse=True))) + ")"
_INITIAL = r"\p{Lu}\."
# A ticket's passenger name: "ZHAO/HAOYU", "GARCIA LOPEZ/MARIA JOSE MRS"
_AIRLINE_NAME = (
    r"\p{Lu}[\p{Lu}'\-]+(?:[ ]\p{Lu}[\p{Lu}'\-]+)?/\p{Lu}[\p{Lu}'\-]+(?:[ ]\p{Lu}[\p{Lu}'\-]+)?"
)
_NAME = rf"{_W}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_W}|{_INITIAL})){{0,3}}(?<!\.)"
_PERSON_LABEL = (
    r"(?:full[ _-]?name|first[ _-]?name|last[ _-]?name|given[ _-]?name|family[ _-]?name|surname|"
    r"display[ _-]?name|customer(?:[ _-]?name)?|client(?:[ _-]?name)?|contact(?:[ _-]?name)?|"
    r"owner|author|assignee|reporter|recipient|sender|attendee|patient|employee|admin|"
    r"account[ _-]?holder|holder|manager|signed[ _-]?by|name|from|to|cc|bcc|beneficiary|payee|"
    r"passenger|guest|applicant|candidate|tenant|driver|member|speaker|host|organi[sz]er|"
    r"approver|requester|requestor|traveller|traveler|insured|policyholder|landlord|buyer|seller)"
)

# Phone numbers as written in contact lists (not amounts or plain digit runs).
_PHONE_SHAPE = (
    r"\+\d[\d ()\-.]{6,}\d|\(\d{3}\)[ ]?\d{3}[ .\-]\d{4}|\d{3}[.\-]\d{3}[.\-]\d{4}"
    r"|0\d{2,4}[ \-]\d{3,4}[ \-]?\d{3,4}|0\d(?:[ .]\d{2}){4}|0\d{4,5}[ \-]\d{5,6}"
)
_COUNTRY = "|".join(regex.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
# After "@": words that are no user (channel-wide mentions, doc tags, at-rules, annotations).
_NOT_HANDLE = "|".join(
    sorted(
        set(
            "here channel everyone all param params returns return throws throw raises type "
            "types see since deprecated override media import keyframes font-face supports "
            "apply tailwind layer charset namespace page property container mixin include "
            "extend if else each for function use forward tag example link todo fixme note var "
            "typedef callback class module exports export async private public protected static "
            "abstract interface implements inheritdoc version license copyright file brief "
            "details code endcode dataclass staticmethod classmethod pytest app router test "
            "autowired component service bean entity column id inject input output injectable "
            "ngmodule suppresswarnings nullable notnull author yields yield arg args kwargs ivar "
            "cvar rtype raise requires ensures media-query tsconfig".split()
        ),
        key=lambda w: (-len(w), w),
    )
)
# Days, months and the like: "moved to Tuesday" is a meeting, not a move.
_NOT_PLACE = "|".join(sorted(NOT_NAME_WORDS, key=len, reverse=True))
# Words of team and column names that sit where a contact's name would ("Support Team, +1 ...").
_NOT_PEOPLE = (
    r"support|team|sales|service|services|office|desk|help|helpdesk|customer|billing|total|"
    r"amount|account|company|department|hotline|reception|main|head|front|emergency"
)


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
        rf"(?i:\b{_PERSON_LABEL})[\"']?[ \t]*(?::|=>?)[ \t]*[\"']?"
        rf"(?-i:(?P<v>(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME}|{_AIRLINE_NAME}))(?=[\"'\s,<(:;.!]|$)",
        0.6,
    ),
    Rule(
        "greeting",
        "PERSON",
        rf"(?i:\b(?:dear|hi|hello|hey|thanks|thank you|thx|cheers|congrats|welcome|ping|cc))[ \t,]+(?-i:(?P<v>{_NAME}))(?=[ \t]*[,!:.?\n)]|[ \t]*$)",
        0.6,
    ),
    # chat lines: "[09:42] Jane Doe: ...", "09:42 Jane Doe: ..."
    Rule(
        "chat-speaker",
        "PERSON",
        rf"(?m)^[ \t]*\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]+(?P<v>{_NAME}):[ \t]",
        0.6,
    ),
    # the display name of an address: "Jane Doe <jane@acme.io>" in headers, titles, lists
    Rule(
        "display-name",
        "PERSON",
        rf"(?P<v>{_NAME})[ \t]*<[^<>\s@]{{1,64}}@[^<>\s]{{1,255}}>",
        0.7,
    ),
    # who is called, asked, met: "Call Aroha Mansour on ...", "meet Daan García at 3"
    Rule(
        "contact-verb",
        "PERSON",
        rf"(?i:\b(?:call|ask|tell|e-?mail|ping|meet|message|text|ring|invite|remind|contact|phone|"
        rf"loop(?:ing)?[ \t]+in|cc(?:'?ing)?))[ \t]+"
        rf"(?-i:(?P<v>{_W}[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_W}(?:[ \t]+{_W})?))",
        0.6,
    ),
    # "Per Siobhán Thompson, the contract renews": who said so
    Rule(
        "per-name",
        "PERSON",
        rf"\b[Pp]er[ \t]+(?P<v>{_W}[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_W}(?:[ \t]+{_W})?),",
        0.6,
    ),
    # a contact record: a full name, then a delimiter and a phone number or an address
    # ("'Aroha Choi',+91 98167 47497", "Daan de Vries; daan@x.nl", CSV and vCard-like rows)
    Rule(
        "contact-record",
        "PERSON",
        rf"(?<![\p{{L}}\d])(?![^,;|\t\n]{{0,80}}\b(?i:{_NOT_PEOPLE})\b)"
        rf"(?P<v>{_W}[ \t]+(?:{_PARTICLE}[ \t]+)?{_W}(?:[ \t]+{_W})?)[\"']?"
        rf"[ \t]*[,;|\t][ \t]*[\"']?(?:{_PHONE_SHAPE}|[\w.+-]+@[\w-]+\.)",
        0.6,
    ),
    # chat apps show the author above the message: "Jane Doe  10:42 AM", "Jane Doe, yesterday"
    Rule(
        "chat-author",
        "PERSON",
        rf"(?m)^[ \t]*(?P<v>{_NAME})[ \t,]+(?:\d{{1,2}}:\d{{2}}(?:[ \t]?[AaPp][Mm])?|(?i:yesterday|today|now))[ \t]*$",
        0.6,
    ),
    # code conventions: "TODO(emre):", "FIXME(j.doe)", "@author Jane Doe"
    Rule(
        "code-owner",
        "PERSON",
        r"\b(?:TODO|FIXME|XXX|HACK|NOTE)\((?P<v>[\p{L}][\p{L}.\-_ ]{1,40})\)",
        0.6,
    ),
    Rule("author-tag", "PERSON", rf"@author[ \t]+(?P<v>{_NAME})", 0.6),
    # audit lines: "rotated by Elif Demir (INC0043444)", "deployed by Jae-won Okonkwo"
    Rule(
        "done-by",
        "PERSON",
        r"(?i:\b(?:rotated|deployed|approved|reviewed|signed|created|updated|edited|modified|"
        r"written|reported|assigned|merged|committed|authored|requested|submitted|closed|opened)"
        rf"[ \t]+by)[ \t]+(?-i:(?P<v>{_W}[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_W}(?:[ \t]+{_W})?))",
        0.6,
    ),
    # meeting notes: "Present: Thao, Caio, Brianna, Dr. Traoré", "Attendees: Ana Lima and Bo Chen"
    Rule(
        "attendee-list",
        "PERSON",
        r"(?m)(?<=^[ \t]*(?i:present|attendees|attending|participants|invitees|absent|apologies)"
        r"[ \t]*:(?:[^\n]{0,300}?(?:,|[ \t]and))?[ \t]+)(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?"
        rf"(?P<v>{_NAME})(?=[ \t]*(?:,|\band\b|\(|$))",
        0.6,
    ),
    # "Jing de la Cruz was born on 15.10.1996": who is born is a person
    Rule("born-name", "PERSON", rf"(?P<v>{_NAME})[ \t]+(?:was|is|were)[ \t]+born\b", 0.6),
    # sign-offs: "Best regards,\nJane Doe"
    Rule(
        "signature",
        "PERSON",
        rf"(?m)(?i:regards|thanks|thank you|cheers|sincerely|best|best wishes|see you soon|talk soon|"
        rf"speak soon|take care|all the best|warmly|yours),?[ \t]*\r?\n[ \t]*(?P<v>{_NAME})[ \t]*$",
        0.6,
    ),
    # "address: 137, Anna Salai, Bengaluru 560001", "city: Osaka", "\"city\": \"São Paulo\""
    Rule(
        "labelled-address",
        "LOCATION",
        r"(?i:\b(?:home[ _-]?|street[ _-]?|postal[ _-]?|billing[ _-]?|shipping[ _-]?|mailing[ _-]?)?"
        r"(?:address|addr)(?:[ _-]?line[ _-]?\d)?\b|\bstreet(?:[ _-]?(?:line[ _-]?\d|name))?\b)[\"']?[ \t]*[:=][ \t]*[\"']?"
        r"(?P<v>[^\n\"'<>{}]{4,120}?)(?=[\"']|[ \t]*$|[ \t]*\n)",
        0.6,
    ),
    # "moved to Bogotá last month", "grew up in São Paulo": where a person lives or goes
    Rule(
        "place-verb",
        "LOCATION",
        rf"(?i:\b(?:moved|moving|relocated|relocating|flew|flying|emigrated)"
        rf"(?:[ \t]+(?:here|there|back|over|home|out))?[ \t]+(?:to|from)|"
        rf"\b(?:came|coming|returned|returning)[ \t]+(?:here|there|back|over|home)[ \t]+from|"
        rf"\b(?:trip|travel(?:l?ing)?|journey|flight|drive|commute)[ \t]+(?:to|from)|"
        rf"\b(?:originally|hails?)[ \t]+from|"
        rf"\b(?:lives|living|grew[ \t]+up|was[ \t]+born|raised|i'?m|i[ \t]+am|we'?re|staying|"
        rf"based|located)[ \t]+in)[ \t]+"
        rf"(?!(?i:{_NOT_PLACE}|{_NOT_PEOPLE})\b)(?-i:(?P<v>{_PLACE_CAPS}|{_PLACE_W}(?:[ \t]+{_PLACE_W}){{0,2}}))",
        0.6,
    ),
    # the second place of "moved from Bologna to Boise", "flew from Lagos to Accra"
    Rule(
        "place-from-to",
        "LOCATION",
        rf"(?i:\b(?:moved|moving|relocated|flew|flying|travel(?:l?ed|l?ing)?|trip|drive|driving|commut\w*)"
        rf"[ \t]+from)[ \t]+{_W}(?:[ \t]+{_W}){{0,2}}[ \t]+to[ \t]+(?-i:(?P<v>{_W}(?:[ \t]+{_W}){{0,2}}))",
        0.6,
    ),
    # a chat @mention names a person ("@khalid42: deployed", "<@magnus18>"); not decorators,
    # annotations, doc tags or CSS at-rules, and not the channel-wide @here/@channel
    Rule(
        "mention",
        "PERSON",
        rf"(?m)(?<![\w.@/:+\-])@(?!(?i:{_NOT_HANDLE})\b)(?P<v>[A-Za-z][\w.\-]{{0,30}}[A-Za-z0-9])"
        r"(?![\w.\-]*\()(?![\w.\-@/])(?!(?<=^[ \t]*@[\w.\-]+)[ \t]*$)",
        0.6,
    ),
    # a number named a phone in any national format: "phone 810 56 26 60", "call me 40 69 73 03"
    Rule(
        "labelled-phone",
        "PHONE_NUMBER",
        r"(?i:\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|fax|whatsapp|direct|landline|"
        r"call[ \t]+(?:me|us|him|her|them)(?:[ \t]+(?:on|at))?)\b)[\"']?[ \t]*(?:[:=.#]|no\.?|number)?[ \t]*[\"']?"
        r"(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b)"  # not a date
        r"(?P<v>(?=(?:[^\d\n]{0,3}\d){7})\+?\(?\d[\d \-.()]{5,22}\d)(?![\d\-])",
        0.6,
    ),
    # "Palermo, Morocco", "Aarhus, Estonia": a town before a country's name, ending a phrase
    Rule(
        "city-country",
        "LOCATION",
        rf"(?<![\w\-])(?!(?i:{_NOT_PLACE})\b)(?P<v>{_W}(?:[ \t\-]+{_W}){{0,2}},[ \t]+(?:{_COUNTRY}))"
        r"(?=[ \t]*(?:$|\r?\n|[.,;:!?)\]\"'|·]))",
        0.6,
    ),
    # "from the Santiago office", "our Oslo branch"
    Rule(
        "office-place",
        "LOCATION",
        rf"(?i:\b(?:the|our|your|their))[ \t]+(?!(?i:{_NOT_PEOPLE})\b)(?-i:(?P<v>{_W}(?:[ \t]+{_W})?))"
        r"[ \t]+(?i:office|branch|campus|headquarters|HQ|site|plant|warehouse|factory)\b",
        0.6,
    ),
    Rule(
        "labelled-city",
        "LOCATION",
        rf"(?i:\b(?:city|town|hometown|birthplace|place[ _-]?of[ _-]?birth|location|lives[ _-]in|"
        rf"country|state|province|region|county|district)\b)[\"']?[ \t]*[:=][ \t]*[\"']?(?-i:(?P<v>{_NAME}))",
        0.6,
    ),
)

_COMPILED = tuple((rule, regex.compile(rule.pattern)) for rule in RULES)


# "first.last@", "first_last42@", "noah58@" (OCR may put a space after the dot or around
# the @): the address spells the person's name.
_ADDRESS_NAME = regex.compile(
    r"(?<![\w.+-])(?P<a>\p{L}{2,})(?:[._-][ \t]?(?P<b>\p{L}{2,}))?\d{0,4}[ \t]?@[ \t]?"
    r"[\w-]+(?:\.[\w-]+)+"
)
#: Address parts that name a role or a system, not a person.
_ROLE_PARTS = frozenset(
    "no reply noreply do not support info admin sales team dev ops mail billing help contact "
    "service hr it the and jobs news hello office accounts security abuse postmaster "
    "webmaster marketing press legal finance alerts notifications build ci bot git test user "
    "first last name example my your our customer care desk tech root design careers events "
    "orders invoices payments privacy partners media community feedback hiring recruiting "
    "enquiries inquiries booking bookings reservations shop store online web app mobile".split()
)
#: A word as ``str.capitalize`` spells an address part, standing alone.
_CAPITALISED_WORD = regex.compile(r"(?<![\w@.])\p{Lu}\p{Ll}+(?![\w@])")
_NEXT_CAPITAL = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")
_NAME_PAIR = regex.compile(r"(?<![\w@.])(\p{Lu}\p{Ll}+)[ \t]+(\p{Lu}\p{Ll}+)(?![\w@])")


def names_from_addresses(text: str) -> list[Finding]:
    """Capitalised words that spell a part of an e-mail address in the same text.

    A CRM row, a mail header or a contact card shows "Ingrid Okafor" beside
    ``ingrid.okafor@initech.co``: the NER model, with no sentence around the name, often
    misses it, but the address says it is a name. Parts of ``first.last@`` addresses count
    wherever they stand capitalised; the single word of ``noah58@`` only where it opens a
    full name ("Noah Ali", widened to the whole name later). Role addresses
    (``support.team@``, ``info@``) do not count.
    """
    anywhere: set[str] = set()
    before_name: set[str] = set()
    for m in _ADDRESS_NAME.finditer(text):
        a, b = m.group("a").lower(), (m.group("b") or "").lower()
        if a in _ROLE_PARTS or b in _ROLE_PARTS:
            continue
        if b:
            anywhere.update(p.capitalize() for p in (a, b) if len(p) >= 3 or p == a)
        elif len(a) >= 3:
            before_name.add(a.capitalize())
    before_name -= anywhere
    if not anywhere and not before_name:
        return []
    found = [
        Finding("PERSON", m.start(), m.end(), 0.6, "address-name")
        for m in _CAPITALISED_WORD.finditer(text)
        if m.group() in anywhere
        or (m.group() in before_name and _NEXT_CAPITAL.match(text, m.end()))
    ]
    if before_name:
        # One-word addresses in the usual company formats: flast@, firstl@, firstlast@
        # ("ccosta@" beside "Chloe Costa", which a CRM shows in cells of their own).
        locals_ = {w.lower() for w in before_name}
        for m in _NAME_PAIR.finditer(text, overlapped=True):
            first, last = m.group(1).lower(), m.group(2).lower()
            if locals_ & {first[0] + last, first + last[0], first + last, last + first[0]}:
                found.append(Finding("PERSON", m.start(), m.end(), 0.6, "address-name"))
    return found


def find_labelled(text: str) -> list[Finding]:
    """Every rule's values and the fields (table cells, ``Label: value``) in ``text``, no
    entity filter: the caller has one."""
    out: list[Finding] = names_from_addresses(text)
    for rule, rx in _COMPILED:
        for m in rx.finditer(text):
            start, end = m.span("v")
            if end > start:
                out.append(Finding(rule.entity_type, start, end, rule.score, rule.name))
    return out + text_fields(text)


ENTITY_TYPES = frozenset({r.entity_type for r in RULES}) | labels.entity_types()
