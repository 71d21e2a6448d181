"""What each entity type is, which detector finds it, how it is validated, where it is weak.

The notes are data, read by ``scripts/gen_entities_doc.py`` together with the live recognizer
registry, so the generated ``docs/entities.md`` always matches the code.
"""

from __future__ import annotations

NOTES: dict[str, tuple[str, str]] = {
    # entity type: (what it finds, known weaknesses)
    "PERSON": (
        "Names: spaCy NER (small English model; names it tags ORG, WORK_OF_ART, ... are "
        "re-read as names when shaped like one), plus labelled fields, chat speakers, "
        "sign-offs and greetings; and names the model misses, told by a lexicon of ~466k "
        "given names and surnames of 105 countries (names-dataset) together with their place: "
        "lists, possessives, titles and relations, naming phrases, greetings, person verbs, "
        "given name + surname, speakers. A name found in part is widened to the capitalised "
        "name words and particles around it ('Daan van der Berg'), and a full name's given name "
        "and surname are masked wherever else they occur in the same text.",
        "Lower-case names without a cue ('wanjiru and eero are out'), rare names that are "
        "also common English words without a strong cue ('Will', 'Page'), names in scripts "
        "without case (CJK); companies named after people ('Johnson, Wallace and Santos') are "
        "masked as names.",
    ),
    "LOCATION": (
        "Places: spaCy GPE/LOC/FAC, labelled address/city fields, and postal addresses by "
        "structure: a street line in either order (street words of ~25 languages, Greek, "
        "Cyrillic, CJK), PO boxes and military forms, then unit, postcode + town, state and "
        "country parts, masked as one block across commas and (escaped) line breaks.",
        "Bare city names without context in tables; a street with no street word and no "
        "number-and-unit/postcode beside it ('Kooli 11' alone).",
    ),
    "NRP": ("Nationalities, religious and political groups (spaCy NORP).", "Noisy; small model."),
    "DATE_TIME": (
        "Dates next to birth words only (born, birth, DOB, date of birth): a log "
        "timestamp or 'Tuesday' is not personal data.",
        "Dates of other personal events (admission, hiring) are not masked by default.",
    ),
    "EMAIL_ADDRESS": (
        "E-mail addresses, top-level domain checked against tldextract's bundled list "
        "(no download).",
        "Obfuscated forms ('jane at acme dot io').",
    ),
    "PHONE_NUMBER": (
        "python-phonenumbers over candidate digit runs, first in the regions the text names "
        "(a country's name, 'my CN number'), then US, GB, DE, IL, IN, CA, BR; numbers written "
        "as phones (+CC, (212) 555-0187) accepted when possible, others when valid; any number "
        "of six digits or more after a phone label (Phone, Tel, Mobile, Fax, WhatsApp, Handy, "
        "Téléphone, Teléfono, ...) or before a trailing one ('-Office', '(mobile)'), with its "
        "extension.",
        "National formats of regions the text does not name, without a label.",
    ),
    "CREDIT_CARD": (
        "Card numbers of every issuer range and length 12-19 (Visa, Mastercard, Amex, "
        "Discover, Diners, JCB, UnionPay, Maestro, Mir, RuPay, Troy, Verve, UATP), "
        "Luhn-validated, bare, grouped or dashed; any Luhn-valid number after a card label.",
        "None known beyond OCR misreads (tolerated inside digit runs).",
    ),
    "IBAN_CODE": (
        "IBANs, mod-97 validated, with or without spaces.",
        "Country formats outside Presidio's table.",
    ),
    "IP_ADDRESS": (
        "IPv4 and IPv6 addresses; loopback and unspecified (127.0.0.1, 0.0.0.0, ::1) are kept "
        "(the decision's 'loopback or unspecified address').",
        "Private ranges (10.x, 192.168.x) are masked too: they map internal networks.",
    ),
    "UK_NINO": (
        "UK National Insurance numbers (two letters, six digits, A-D), Presidio's stock "
        "recognizer, which it ships but does not load for English by default.",
        "The prefixes HMRC never issues are left out by the pattern, not by a checksum (there "
        "is none).",
    ),
    "USERNAME": (
        "Logins: values of username/login labels and fields, and the user part of user@host "
        "targets in shells and logs (ssh, scp, rsync, prompts such as 'aiko@devbox:~$'), "
        "except service accounts (root, git, ubuntu, postgres, ...).",
        "A login in prose without a label or a target ('upload by linh'); packages pinned with "
        "@ are left ('left-pad@1.3.0').",
    ),
    "URL": (
        "URLs (Presidio's pattern); bare file names such as README.md or setup.py are not URLs.",
        "Masks public documentation links as well.",
    ),
    "CRYPTO": ("Bitcoin addresses (checksum validated).", "Other chains' addresses."),
    "US_SSN": ("US social security numbers (invalid ranges rejected).", ""),
    "US_ITIN": ("US individual taxpayer numbers.", ""),
    "US_PASSPORT": (
        "US passport numbers, only next to context words (passport, travel document; "
        "also inside keys like passport_number).",
        "Without context they are not found.",
    ),
    "US_BANK_NUMBER": (
        "US bank account numbers, only next to context words (account, bank, acct).",
        "Without context they are not found.",
    ),
    "US_DRIVER_LICENSE": (
        "US driver licence numbers, only next to context words (driver, license, "
        "licence keys). Presidio flags words like INTRODUCTORY without context.",
        "Without context they are not found.",
    ),
    "MEDICAL_LICENSE": ("US DEA registration numbers (checksum validated).", ""),
    "UK_NHS": ("UK NHS numbers (checksum validated).", ""),
    "MAC_ADDRESS": ("MAC addresses.", ""),
    "UUID": ("UUIDs. Off by default: record identifiers, not people's.", ""),
    "ORGANIZATION": ("Organisations (spaCy ORG). Off by default: many false positives.", ""),
    "DENY_LIST": ("Values listed in the policy's deny list.", ""),
}
