"""Personal names the small NER model misses, told by a name lexicon together with their place.

The lexicon (``redactkit.detect.lexicon``: ~466k given names and surnames of 105 countries)
says a word is borne by people; it does not say this occurrence is one ("Will", "May", "Grant",
"Page", "Paris", "Kafka" all are). A word is reported only when the lexicon and its
surroundings agree:

* a **list** of two or more capitalised items ("Tenchi, Charles, Colleen and Donald"): when two
  of its items are uncommon names and three quarters are names, all of them are ("Red, Green
  and Blue" is not: common words);
* a **possessive** ("Eva's kid", "Djevad Mitnjek's killers");
* a **person cue** before it: a title ("ms. Mirsade", "Dr Okafor"), a relation ("my friend
  Eva"), a naming phrase ("my name is", "called", "named"); after these a lower-case name is
  taken too ("my name is eva");
* a **person verb** after it ("Časlav shouted", "Szonja lives on", "Gersten began writing");
* a **full name**: a well-attested given name, an optional initial, then a surname or a
  capitalised word no dictionary knows ("Ilya Bodrov", "Alma J Kristoffersen");
* a **vocative** opening a sentence ("Mathias, can I...") or a **speaker** opening a line
  ("Zarita: \"Who are you?\"", also after an escaped ``\\n``).

A word that is also a common English word needs a stronger cue (a title, a naming phrase, a
full name with a non-common part); interface and calendar words never count.
"""

from __future__ import annotations

import regex

from redactkit.detect.lexicon import given
from redactkit.detect.name_frames import (
    PLURAL_AFTER as _PLURAL_AFTER,
)
from redactkit.detect.name_frames import (
    frame_matches,
    framed_spans,
    initialled,
    subject_pair,
)
from redactkit.detect.name_judge import (
    ANY,
    CAP,
    COUNTRY_WORDS,
    ITEM,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    Judge,
    in_country,
    words,
)
from redactkit.detect.words import GIVEN_NAME_WORDS, NOT_NAME_WORDS
from redactkit.findings import Finding

_ORG_WORDS, _NOT_NAMES, _COUNTRY_WORDS = ORG_WORDS, NOT_NAMES, COUNTRY_WORDS
_CAP, _ANY, _ITEM = CAP, ANY, ITEM

#: Titles and relations before a name ("ms. Mirsade", "my wife Eva", "uncle Bob").
_TITLES = r"mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|herr|frau|señor|señora|sr|sra|dear"
_RELATIONS = (
    r"friend|wife|husband|partner|boyfriend|girlfriend|fiancée?|brother|sister|son|daughter|"
    r"mother|father|mom|mum|dad|uncle|aunt|cousin|nephew|niece|grandma|grandpa|grandmother|"
    r"grandfather|colleague|coworker|co-worker|boss|manager|neighbou?r|roommate|kid|child|"
    r"baby|landlord|tenant|doctor|nurse|lawyer|client|patient|student|teacher|tutor|"
    r"grandson|granddaughter|stepson|stepdaughter|mate|buddy|pal|classmate|teammate"
)
#: Phrases after which a capitalised word is a name whatever the lexicon says.
_SURE = (
    r"(?:my|his|her|their|your|our)[ ](?:first[ ]|last[ ]|full[ ]|maiden[ ]|middle[ ]|given[ ]|"
    r"family[ ]|nick)?name[ ](?:is|was)|(?:last|first|full|maiden)[ ]name\??|"
    r"(?:the|a)[ ](?:man|woman|guy|girl|boy|lady|person)[ ]named|"
    r"(?:people|they|everyone|friends|you|we)[ ](?:call|called)[ ](?:me|him|her)|"
    r"(?:call|calls)[ ](?:me|him|her)|goes[ ]by|known[ ]as|"
    r"directed[ ]by|starring|co-starring|narrated[ ]by|written[ ]by|composed[ ]by"
)
#: Greetings and chat verbs addressed to a person ("thx seo-yeon", "loop in wanjiru").
_GREETINGS = (
    r"hi|hey|hello|heya|yo|thx|thanks|thank[ ]you|ty|cheers|bye|ping|cc|loop[ ]in|ask|tell|"
    r"congrats|welcome"
)
#: Phrases after which a lexicon name is a name even when it is also a common word.
_NAMING = r"named|called|i'?m|i[ ]am|this[ ]is|it'?s|signed"
#: Verbs whose subject is a person ("Časlav shouted", "Gersten began writing").
_PERSON_VERBS = (
    r"said|says|told|tells|asked|asks|wrote|writes|replied|shouted|yelled|whispered|called|"
    r"texted|emailed|phoned|lives|lived|was[ ]born|is[ ]from|was[ ]from|began[ ]writing|"
    r"married|visited|thinks|thought|believes|likes|loves|hates|is[ ]my|was[ ]my|studied|"
    r"died|smiled|laughed|cried|agreed|insisted|explained|admitted|argued|shrugged|nodded"
)

#: What only a person has: after "X's", an unknown word is a name ("Mashuu's address").
_OWNED = (
    r"address|phone|number|email|e-mail|wife|husband|partner|kid|kids|son|daughter|mother|"
    r"father|mom|dad|birthday|car|house|flat|apartment|account|boss|friend|brother|sister|"
    r"family|children|baby|parents"
)
_POSSESSIVE = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<v>{_CAP}(?:[ ]{_CAP}){{0,2}})['’]s\b(?P<of>[ ]+(?i:{_OWNED})\b)?"
)
_CUED = regex.compile(
    rf"(?i:\b(?:(?P<t>{_TITLES})\.?|(?P<s>{_SURE}):?|(?P<r>(?:my|his|her|their|your|our)[ ]"
    rf"(?:{_RELATIONS})),?|(?P<n>{_NAMING}):?|(?P<g>{_GREETINGS}),?))[ ]+"
    rf"(?P<v>{_ANY}(?:[ ]{_ANY})?)"
)
#: Verbs only people do: their subject is a name even when no lexicon knows it ("Zeeb began
#: writing"); "Acme said" and "Reuters reported" are why "said" is not among them.
_BODILY_VERBS = (
    r"was[ ]born|were[ ]born|began[ ]writing|grew[ ]up|married|died|smiled|laughed|cried|"
    r"shrugged|nodded|whispered|yelled|shouted|frowned|sighed|blushed|giggled|winked|"
    r"is[ ]a[ ]\d{1,3}[ -]year[ -]old|was[ ]a[ ]\d{1,3}[ -]year[ -]old"
)
#: A person as the object: spoken or given to ("said Stanko to Brandi", "had given Felicity
#: his address", "thanked Iolanda for").
_OBJECT = regex.compile(
    rf"(?i:\b(?:(?:said|says|replied|wrote|whispered|shouted|yelled|explained|waved|"
    rf"talked|spoke|listened|belongs|belonged|went|goes|sent[ ]it|gave[ ]it|handed[ ]it)"
    rf"(?-i:[ ](?P<s>{_CAP}(?:[ ]{_CAP})?))?[ ]to|"
    rf"(?:gave|given|give|gives|told|tell|tells|asked|thanked|thank|hugged|kissed|married|"
    rf"emailed|texted|phoned|paid|owe|owes|owed|promised|showed|shown|sent|handed|offered|"
    rf"(?:shouted|yelled|smiled|winked|stared|glared|laughed|waved)[ ]at)))"
    rf"[ ]+(?P<v>{_CAP}(?:[ ]{_CAP})?)(?P<w>[ ]+(?i:his|her|their|the|a|an|about|that|for|to|"
    rf"some|my|your|our)\b|[.!?,;:]|$)"
)
_SUBJECT = regex.compile(
    rf"(?<![\p{{L}}'’\-])(?P<v>{_CAP}(?:[ ]{_CAP})?)[ ]+(?P<verb>{_PERSON_VERBS})\b"
)
#: Of those, the verbs after which a name that is also a common word is still one ("Grace
#: lives on", "Will said"): "Here is my", "Nothing thinks" are why not all of them.
_SURE_SUBJECT_VERBS = frozenset(
    "said says told tells asked asks wrote replied shouted yelled whispered lives lived "
    "married died smiled laughed cried".split()
)
_BODILY = regex.compile(
    rf"(?<![\p{{L}}'’\-])(?<!(?i:\b(?:the|a|an)[ ]))(?P<v>{_CAP}(?:[ ]{_CAP})?)[ ]+(?:{_BODILY_VERBS})\b"
)
_LIST = regex.compile(
    rf"(?<![\p{{L}}'’\-])(?P<v>{_ITEM}(?:,[ ]{_ITEM}){{1,12}},?[ ](?:and|&|or)[ ]{_ITEM}"
    rf"|{_ITEM}[ ](?:and|&)[ ]{_ITEM})(?![\p{{L}}'’\-])"
)
#: A full name, a middle initial or particles inside ("Alma J Kristoffersen", "Ries A van den
#: Nieuwenhuizen").
_FULL = regex.compile(
    rf"(?<![\p{{L}}'’\-])(?P<v>{_CAP}"
    rf"(?P<mid>[ ]\p{{Lu}}\.?(?:[ ](?:{PARTICLES})){{0,2}}|(?:[ ](?:{PARTICLES})){{1,2}})?"
    rf"[ ]{_CAP})(?![\p{{L}}'’\-])"
)
#: A speaker at the start of a line, real or escaped ("Zarita: \"Who are you?\"").
#: A chat header copied from a client: a name, two spaces, a time ("ioana  7:45am").
_HEADER = regex.compile(
    r"(?m)^(?P<v>\p{L}[\p{L}'’\-]*\p{L}(?:[ ]\p{L}[\p{L}'’\-]*\p{L})?)[ ]{2,}"
    r"\d{1,2}:\d{2}(?:[ ]?[ap]m)?[ \t]*$"
)
_SPEAKER = regex.compile(rf"(?m)(?:^|(?<=\\n))[ \t]*(?P<v>{_CAP}):(?:[ ]+\S|[\"“])")
_VOCATIVE = regex.compile(
    rf"(?m)(?:^|(?<=[.!?][ ]))(?P<v>{_CAP}),[ ]+\p{{Ll}}"
    # ... or closing one: "Don't go to town, Willie!"
    rf"|(?<=[\p{{L}}\d],[ ])(?P<v>{_CAP})(?=[!?.](?:[ ]|$))"
)
#: A capitalised word standing alone: not after an article (brands: "the Alexa app"), not
#: before another capitalised word, a digit, or a dot or slash glued to it (paths, versions).
_LONE = regex.compile(
    rf"(?<![\p{{L}}\d'’\-_./@#])(?<!(?i:\b(?:the|a|an|this|that|our|your|their)[ ]))(?P<v>{_CAP})"
    rf"(?![\p{{L}}\d'’\-_@]|[./:][\w]|[ ]+(?:\p{{Lu}}|\d))"
)
#: A sentence opened by a word and a verb ("Nayla is very reliable", "Kristen was late"): a
#: well-attested given name (not a common word) there is the sentence's subject, a person.
_OPENING = regex.compile(
    rf"(?m)(?:^|(?<=[.!?][ ]))(?P<v>{_CAP})[ ]+(?:is|was|has|had|will|would|can|could|does|"
    rf"did|spent|began|became|went|grew|seems|seemed|looks|looked)\b"
)
_CAP_WORD = regex.compile(_CAP)
_NEXT_CAPITAL = regex.compile(r"[ ]\p{Lu}")
#: Followed by an organisation word, capitalised words name a company ("Essel Propack Ltd").
_ORG_AFTER = regex.compile(
    rf"[ ]*+(?:&[ ]*+)?(?i:{'|'.join(sorted(_ORG_WORDS, key=len, reverse=True))})\b\.?"
)


_words = words


def find_names(text: str) -> list[Finding]:
    """PERSON findings where the lexicon and the context agree (see the module doc)."""
    matches = {
        "possessive": list(_POSSESSIVE.finditer(text)),
        "cued": list(_CUED.finditer(text, overlapped=True)),
        "subject": list(_SUBJECT.finditer(text)),
        "bodily": list(_BODILY.finditer(text)),
        "object": list(_OBJECT.finditer(text)),
        "list": list(_LIST.finditer(text)),
        "full": list(_FULL.finditer(text, overlapped=True)),
        "vocative": list(_VOCATIVE.finditer(text)),
        "speaker": list(_SPEAKER.finditer(text)),
        "header": list(_HEADER.finditer(text)),
        "lone": list(_LONE.finditer(text)),
        "opening": list(_OPENING.finditer(text)),
    }
    framed = frame_matches(text)
    if not framed and not any(matches.values()):
        return []
    judge = Judge(
        w
        for ms in (*matches.values(), [m for _, m in framed])
        for m in ms
        for w in _words(m.group("v"))
    )
    out: list[Finding] = []

    def add(start: int, end: int, why: str) -> None:
        if (
            not _ORG_AFTER.match(text, end)
            and not any(w.casefold() in _ORG_WORDS for w in _words(text[start:end]))
            and not in_country(text, start, end)
        ):
            out.append(Finding("PERSON", start, end, 0.6, f"name-{why}"))

    for start, end, frame in framed_spans(judge, framed):
        add(start, end, frame)
    for m in matches["possessive"]:
        words = _words(m.group("v"))
        owned = m.group("of") is not None and all(judge.surname_like(w) for w in words)
        if owned or judge.name(words[-1]) or (len(words) > 1 and judge.name(words[0])):
            add(*m.span("v"), "possessive")
    for m in matches["cued"]:
        words = _words(m.group("v"))
        first = words[0]
        lower = first.islower()
        sure = bool(m.group("t") or m.group("s"))
        if (
            first.casefold() in NOT_NAME_WORDS
            and not (sure and not lower and first.casefold() in GIVEN_NAME_WORDS)
        ) or not (lower or _CAP_WORD.fullmatch(first)):
            continue  # "the signed NDA": an acronym is no name; "Mr. May" is one
        if lower:  # "my name is eva", "thx wanjiru": a well-attested, uncommon name
            ok = judge.name(first, min_strength=2)
        elif m.group("g"):  # "Hi Will" is ambiguous: the name must be no common word
            ok = judge.name(first)
        elif m.group("r"):  # "my kid Khatu": after a relation, a word no lexicon knows too
            ok = judge.name(first, allow_common=True) or judge.surname_like(first)
        else:
            ok = sure or judge.name(first, allow_common=True)
        if not ok:
            continue
        start, end = m.start("v"), m.start("v") + len(first)
        second = words[1] if len(words) > 1 else ""
        if second[:1].isupper() == first[:1].isupper() and judge.surname_like(second):
            end = m.end("v")
        add(start, end, "cue")
    for m in matches["subject"]:
        words = _words(m.group("v"))
        if len(words) == 1:  # "Sari lives on", "Jan lives on", "Will said"
            sure = m.group("verb") in _SURE_SUBJECT_VERBS
            ok = words[0].casefold() in GIVEN_NAME_WORDS or judge.name(words[0], allow_common=sure)
        else:  # "Emeryk Czerwinski lives at": a name and a surname-like word
            ok = all(judge.name(w) or judge.surname_like(w) for w in words) and any(
                judge.name(w) for w in words
            )
        if ok:
            add(*m.span("v"), "subject")
    for m in matches["bodily"]:  # only people smile or begin writing: "Young began writing"
        words = _words(m.group("v"))
        if all(judge.surname_like(w) or judge.name(w, allow_common=True) for w in words):
            add(*m.span("v"), "bodily")
    for m in matches["object"]:
        words = _words(m.group("v"))
        possessive = m.group("w").strip().casefold() in ("his", "her", "their")
        if all(
            judge.name(w, allow_common=possessive) or (possessive and judge.surname_like(w))
            for w in words
        ):
            add(*m.span("v"), "object")
            speaker = _words(m.group("s") or "")  # "said Raina to Natalie": both are people
            if speaker and all(judge.name(w) or judge.surname_like(w) for w in speaker):
                add(*m.span("s"), "object")
    for m in matches["list"]:
        items = regex.split(r",[ ]|,?[ ](?:and|&|or)[ ]", m.group("v"))
        sure = sum(any(judge.name(w) for w in _words(it)) for it in items)
        named = sum(any(judge.name(w, allow_common=True) for w in _words(it)) for it in items)
        if (
            sure >= 2
            and named * 4 >= len(items) * 3
            and all(not any(w.casefold() in NOT_NAME_WORDS for w in _words(it)) for it in items)
        ):
            why = "list"
        elif _PLURAL_AFTER.match(text, m.end()) and subject_pair(judge, items):
            why = "pair"  # "Stil and Cooke were": names joined as one subject
        else:
            continue
        pos = m.start("v")
        for it in items:
            at = text.index(it, pos)
            add(at, at + len(it), why)
            pos = at + len(it)
    for m in matches["full"]:
        words = _words(m.group("v"))
        first, last = words[0], words[-1]
        mid = (m.group("mid") or "").strip()
        if mid[:1].islower():  # particles: "Ries A van den Nieuwenhuizen", "Rio de Janeiro"
            if initialled(judge, first, last, mid) and not _NEXT_CAPITAL.match(text, m.end()):
                add(*m.span("v"), "initialled")
        elif given(judge.code(first)) >= 2 and judge.name(first) and judge.surname_like(last):
            add(*m.span("v"), "full")
        elif mid and initialled(judge, first, last, mid):
            add(*m.span("v"), "initialled")  # "Tsuneto W Heida", "Ries A van den Nieuwenhuizen"
    for kind in ("vocative", "speaker"):
        for m in matches[kind]:
            if judge.name(m.group("v")):
                add(*m.span("v"), kind)
    for m in matches["header"]:
        if any(judge.name(w) for w in _words(m.group("v"))):
            add(*m.span("v"), "header")
    for m in matches["opening"]:
        if given(judge.code(m.group("v"))) >= 2 and judge.name(m.group("v")):
            add(*m.span("v"), "opening")
    for m in matches["lone"]:
        c = judge.code(m.group("v"))
        if given(c) >= 3 and judge.name(m.group("v")):
            add(*m.span("v"), "lone")
    return out
