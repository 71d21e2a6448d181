"""Sensitive values of the held-out documents, each drawn in the many formats it takes in the
wild (cards of every network, IBANs of many countries, national and international phone numbers,
API keys of many providers, addresses of many countries), and the table of slot name ->
(entity type, maker) the templates use. Checksums come from the project so values are valid."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from corpora.heldout.people import new_person
from corpora.heldout.words import (
    AU_STREETS,
    B62,
    BR_STREETS,
    CITIES,
    COUNTRY_VALUES,
    DE_STREETS,
    DE_TOWNS,
    ENV_NAMES,
    ES_STREETS,
    FR_STREETS,
    FR_TOWNS,
    HEX,
    HOTELS,
    IATA,
    IN_AREAS,
    IT_STREETS,
    JOBS,
    JP_AREAS,
    MONTH_NAMES,
    NL_STREETS,
    NL_TOWNS,
    PL_STREETS,
    REGION_VALUES,
    RELATIONS,
    STREET_KINDS_UK,
    STREET_KINDS_US,
    STREETS_EN,
    TEAMS,
    UK_TOWNS,
    US_TOWNS,
)
from corpora.values import iban_check
from redactkit.detect.checksums import luhn_digit


def rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def pick(items: Sequence[str]) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(items)


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "discover"])
    prefix, length = {
        "visa": ("4", 16),
        "mc": (str(rng.randint(51, 55)), 16),
        "mc2": (str(rng.randint(2221, 2720)), 16),
        "amex": (rng.choice(["34", "37"]), 15),
        "discover": ("6011", 16),
    }[kind]
    payload = prefix + rand(rng, "0123456789", length - len(prefix) - 1)
    digits = payload + luhn_digit(payload)
    sep = rng.choice([" ", " ", "-", ""])
    if length == 15:
        return sep.join([digits[:4], digits[4:10], digits[10:]])
    return sep.join(digits[i : i + 4] for i in range(0, 16, 4))


#: BBAN structure per country: (count, class) with n = digit, a = upper letter, c = either.
_IBAN_SPECS: dict[str, list[tuple[int, str]]] = {
    "DE": [(18, "n")], "GB": [(4, "a"), (14, "n")], "FR": [(10, "n"), (11, "c"), (2, "n")],
    "ES": [(20, "n")], "NL": [(4, "a"), (10, "n")], "IT": [(1, "a"), (10, "n"), (12, "c")],
    "BE": [(12, "n")], "CH": [(5, "n"), (12, "c")], "PL": [(24, "n")], "SE": [(20, "n")],
    "NO": [(11, "n")], "DK": [(14, "n")], "AT": [(16, "n")], "IE": [(4, "a"), (14, "n")],
    "PT": [(21, "n")], "FI": [(14, "n")], "SA": [(2, "n"), (18, "c")], "AE": [(19, "n")],
    "TR": [(6, "n"), (16, "c")], "RO": [(4, "a"), (16, "c")], "GR": [(7, "n"), (16, "c")],
}  # fmt: skip
_CLASSES = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_CLASSES["c"] = _CLASSES["n"] + _CLASSES["a"]


def iban(rng: random.Random) -> str:
    country = rng.choice(list(_IBAN_SPECS))
    bban = "".join(rand(rng, _CLASSES[cls], n) for n, cls in _IBAN_SPECS[country])
    value = country + iban_check(country, bban) + bban
    if rng.random() < 0.6:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


_PHONE_REGIONS = [
    "US", "GB", "DE", "FR", "IN", "JP", "AU", "BR", "NG", "KE", "ZA", "MX", "ES", "IT", "NL",
    "SE", "PL", "SG", "PH", "VN", "CA", "IE", "AR", "EG", "TR", "NO", "NZ", "KR",
]  # fmt: skip


def phone(rng: random.Random) -> str:
    """A number libphonenumber accepts for its region, written one of several ways."""
    import phonenumbers as pn

    region = rng.choice(_PHONE_REGIONS)
    kind = rng.choice([pn.PhoneNumberType.MOBILE, pn.PhoneNumberType.FIXED_LINE])
    example = pn.example_number_for_type(region, kind) or pn.example_number(region)
    nsn = str(example.national_number)
    keep = min(3, max(1, len(nsn) - 5))
    num = example
    for _ in range(60):
        cand = pn.PhoneNumber(
            country_code=example.country_code,
            national_number=int(nsn[:keep] + rand(rng, "0123456789", len(nsn) - keep)),
        )
        if pn.is_valid_number(cand):
            num = cand
            break
    style = rng.random()
    intl = pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL)
    if style < 0.35:
        return intl
    if style < 0.65:
        return pn.format_number(num, pn.PhoneNumberFormat.NATIONAL)
    if style < 0.75:
        return pn.format_number(num, pn.PhoneNumberFormat.E164)
    if style < 0.85:
        return intl.replace(" ", rng.choice([".", "-"]))
    if style < 0.93 and region in ("GB", "DE", "NL", "IE", "IT", "CH"):
        cc, rest = intl.split(" ", 1)
        return f"{cc} (0){rest}"
    return "00" + intl[1:]


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(["-", "-", "-", " ", ""])
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def ipv4(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.2:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    if r < 0.3:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    first = rng.choice([5, 23, 31, 45, 62, 77, 81, 91, 103, 141, 151, 185, 195, 203, 212])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(["2001:db8", "2a00:1450", "2606:4700", "2c0f:fb50", "2400:cb00"])
    tail = [f"{rng.getrandbits(16):x}" for _ in range(rng.choice([2, 6]))]
    return head + (":" + ":".join(tail) if len(tail) == 6 else "::" + ":".join(tail))


def ip(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.15 else ipv4(rng)


def secret(rng: random.Random) -> str:
    """An API key or token of one of several well-known shapes (or a generic one)."""
    kind = rng.randrange(12)
    if kind == 0:
        return "AKIA" + rand(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    if kind == 1:
        return "ghp_" + rand(rng, B62, 36)
    if kind == 2:
        return "github_pat_" + rand(rng, B62, 22) + "_" + rand(rng, B62, 59)
    if kind == 3:
        return f"xoxb-{rng.randint(10**10, 10**12)}-{rng.randint(10**10, 10**12)}-" + rand(
            rng, B62, 24
        )
    if kind == 4:
        return rng.choice(["sk_live_", "rk_live_"]) + rand(rng, B62, rng.choice([24, 34, 99]))
    if kind == 5:
        return "sk-proj-" + rand(rng, B62 + "-_", 48)
    if kind == 6:
        return "AIza" + rand(rng, B62 + "-_", 35)
    if kind == 7:
        return "SG." + rand(rng, B62 + "-_", 22) + "." + rand(rng, B62 + "-_", 43)
    if kind == 8:
        return "npm_" + rand(rng, B62, 36)
    if kind == 9:
        return "SK" + rand(rng, HEX, 32)
    if kind == 10:
        head = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        return f"{head}.eyJ{rand(rng, B62, 60)}.{rand(rng, B62 + '-_', 43)}"
    return rand(rng, rng.choice([HEX, B62]), rng.choice([32, 40, 48]))


def aws_secret(rng: random.Random) -> str:
    return rand(rng, B62 + "+/", 40)


def password(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return rand(rng, B62 + "!#%&*+-?@^_", rng.randint(10, 18))
    if kind == 1:
        season = rng.choice(["Summer", "Winter", "Autumn", "Spring", "Monsoon"])
        return f"{season}{rng.randint(2019, 2026)}{rng.choice('!#$?')}"
    if kind == 2:
        words = rng.sample(["tangerine", "river", "cobalt", "lantern", "falcon", "quartz", "mango",
                            "harbor", "violet", "ember", "thistle", "walrus"], 3)  # fmt: skip
        return rng.choice(["-", ".", "_"]).join(words) + str(rng.randint(1, 99))
    if kind == 3:
        return rng.choice(["P@ssw0rd", "Welc0me", "Adm1n", "Qwerty", "Letme1n"]) + rand(
            rng, "0123456789!", 3
        )
    if kind == 4:
        return (
            rand(rng, "abcdefghijkmnopqrstuvwxyz", 4).capitalize()
            + rand(rng, "0123456789", 4)
            + rng.choice("!$%&")
        )
    return rand(rng, B62, rng.randint(12, 24))


def url(rng: random.Random) -> str:
    tok = rand(rng, B62, rng.randint(22, 40))
    kind = rng.randrange(8)
    if kind == 0:
        return f"https://share.orrerylabs.io/f/{tok[:10]}?sig={tok}"
    if kind == 1:
        return (
            f"https://pay.copperleaf.co.uk/invoice/{rng.randint(10**5, 10**7)}?access_token={tok}"
        )
    if kind == 2:
        return f"https://www.dropbox.com/s/{tok[:15].lower()}/passport_scan.pdf?dl=0"
    if kind == 3:
        return f"https://onedrive.live.com/redir?resid={rand(rng, HEX, 16).upper()}%21{rng.randint(100, 999)}&authkey=!{tok}"
    if kind == 4:
        sig = rand(rng, HEX, 64)
        return f"https://kestrel-exports.s3.eu-west-1.amazonaws.com/payroll/2024-05.csv?X-Amz-Expires=3600&X-Amz-Signature={sig}"
    if kind == 5:
        return f"https://api.telegram.org/bot{rng.randint(10**8, 10**10)}:{tok}/sendMessage"
    if kind == 6:
        return f"https://calendar.tamarindhealth.org/ical/{rand(rng, HEX, 24)}/private-{tok}.ics"
    return f"https://portal.halcyonfreight.com.au/reset?email_token={tok}&uid={rng.randint(100, 99999)}"


def dob(rng: random.Random) -> str:
    y, m, d = rng.randint(1948, 2006), rng.randint(1, 12), rng.randint(1, 28)
    name = MONTH_NAMES[m - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
    return rng.choice(
        [
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}/{m:02d}/{y}",
            f"{m}/{d}/{y}",
            f"{d} {name[:3]} {y}",
            f"{name} {d}{suffix}, {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d}-{name[:3]}-{y % 100:02d}",
            f"{y}/{m:02d}/{d:02d}",
            f"{d} {name} {y}",
        ]  # fmt: skip
    )


def address(rng: random.Random) -> str:
    n = rng.randint(1, 4999)
    kind = rng.randrange(13)
    if kind == 0:
        apt = f", Apt {rng.randint(1, 30)}{rng.choice('ABCD')}" if rng.random() < 0.4 else ""
        street = f"{rng.choice(STREETS_EN)} {rng.choice(STREET_KINDS_US)}"
        return f"{n} {street}{apt}, {rng.choice(US_TOWNS)}"
    if kind == 1:
        street = f"{rng.choice(STREETS_EN)} {rng.choice(STREET_KINDS_UK)}"
        return f"{rng.randint(1, 120)} {street}, {rng.choice(UK_TOWNS)}"
    if kind == 2:
        return f"{rng.choice(DE_STREETS)} {rng.randint(1, 140)}, {rng.choice(DE_TOWNS)}"
    if kind == 3:
        bis = rng.choice(["", " bis", " ter"])
        return f"{rng.randint(1, 90)}{bis}, {rng.choice(FR_STREETS)}, {rng.choice(FR_TOWNS)}"
    if kind == 4:
        return f"{rng.choice(NL_STREETS)} {rng.randint(1, 400)}-{rng.randint(1, 3)}, {rng.choice(NL_TOWNS)}"
    if kind == 5:
        block = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        return f"{block} {rng.choice(JP_AREAS)} {rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    if kind == 6:
        return (
            f"Flat {rng.randint(101, 905)}, Sai Residency, {rng.randint(4, 20)}th Cross, "
            f"{rng.choice(IN_AREAS)} {rng.randint(400001, 700099)}"
        )
    if kind == 7:
        return (
            f"{rng.choice(BR_STREETS)}, {n} - Centro, São Paulo - SP, "
            f"{rng.randint(10000, 99999)}-{rng.randint(0, 999):03d}"
        )
    if kind == 8:
        return f"Unit {rng.randint(1, 40)}/{rng.randint(1, 200)} {rng.choice(AU_STREETS)}"
    if kind == 9:
        return f"{rng.choice(IT_STREETS)} {rng.randint(1, 120)}, {rng.randint(10100, 40141)} Bologna BO"
    if kind == 10:
        return (
            f"{rng.choice(ES_STREETS)} {rng.randint(1, 300)}, {rng.randint(1, 8)}º B, 28009 Madrid"
        )
    if kind == 11:
        return f"{rng.choice(PL_STREETS)} {rng.randint(1, 90)}/{rng.randint(1, 20)}, 31-019 Kraków"
    return f"{rng.randint(100, 9999)} Rue Sainte-Catherine O, Montréal, QC H3B 1K9"


def street(rng: random.Random) -> str:
    """A street line alone (for JSON fields next to a city)."""
    return rng.choice(
        [
            f"{rng.randint(1, 4999)} {rng.choice(STREETS_EN)} {rng.choice(STREET_KINDS_US)}",
            f"{rng.choice(DE_STREETS)} {rng.randint(1, 140)}",
            f"{rng.randint(1, 90)} {rng.choice(FR_STREETS)}",
            f"{rng.choice(IT_STREETS)} {rng.randint(1, 120)}",
            f"{rng.choice(PL_STREETS)} {rng.randint(1, 90)}/{rng.randint(1, 20)}",
        ]
    )


SENSITIVE_MAKERS: dict[str, tuple[str | None, Callable[[random.Random], str]]] = {
    "name": ("PERSON", lambda r: new_person(r).full),
    "email": ("EMAIL_ADDRESS", lambda r: new_person(r).email),
    "phone": ("PHONE_NUMBER", phone),
    "card": ("CREDIT_CARD", card),
    "iban": ("IBAN_CODE", iban),
    "ssn": ("US_SSN", ssn),
    "ip": ("IP_ADDRESS", ip),
    "ip4": ("IP_ADDRESS", ipv4),
    "url": ("URL", url),
    "dob": ("DATE_TIME", dob),
    "password": ("PASSWORD", password),
    "secret": ("SECRET", secret),
    "awssecret": ("SECRET", aws_secret),
    "address": ("LOCATION", address),
    "street": ("LOCATION", street),
    "city": ("LOCATION", pick(CITIES)),
    "lcity": ("LOCATION", lambda r: r.choice(CITIES).lower()),
    "region": ("LOCATION", pick(REGION_VALUES)),
    "country": ("LOCATION", pick(COUNTRY_VALUES)),
    "place": ("LOCATION", lambda r: r.choice(r.choice([CITIES, REGION_VALUES, COUNTRY_VALUES]))),
    # unlabelled filler
    "team": (None, pick(TEAMS)),
    "job": (None, pick(JOBS)),
    "hotel": (None, pick(HOTELS)),
    "relation": (None, pick(RELATIONS)),
    "iata": (None, pick(IATA)),
    "env": (None, pick(ENV_NAMES)),
    "n": (None, lambda r: str(r.randint(2, 480))),
    "prio": (None, pick(["High", "Normal", "Urgent", "Low"])),
    "stage": (None, pick(["Lead", "Qualified", "Proposal", "Won", "Lost", "Nurture"])),
}
