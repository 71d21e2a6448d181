"""Random values drawn on synthetic screens: names, e-mail addresses, phone numbers, cards,
IBANs, addresses, credentials, passwords and decoys, and prose that mixes them with filler."""

from __future__ import annotations

import random
import string

from corpora.screens.canvas import Seg, _Canvas

_FIRST = (
    "James Maria Wei Aisha Olga Mateo Priya Kenji Fatima Liam Chloe Sven Amara Diego Yuki "
    "Noah Ingrid Tomasz Leila Rahul Sofia Kwame Hannah Jonas Mei Lucas Elena Omar Zara Pierre"
).split()
_LAST = (
    "Smith Garcia Zhang Okafor Petrova Rossi Patel Tanaka Haddad Murphy Dubois Lindqvist Mensah "
    "Fernandez Nakamura Schmidt Kowalski Rahman Sharma Silva Mwangi Becker Chen Costa Novak Ali"
).split()
_STREETS = "Maple Oak Harbor Mill Station Elm Church Lake Queen Kings Park Linden Bay".split()
_STREET_KINDS = "Street Avenue Road Lane Drive Way Boulevard".split()
_CITIES = "Springfield Boston Leeds Hamburg Lyon Austin Denver Bristol Porto Utrecht Graz".split()
_DOMAINS = "acme.io example.com globex.net initech.co mail.org contoso.com fastmail.fm".split()
_COMPANIES = "Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Tyrell".split()
_WORDS = (
    "the of and to in for is on that with as it at by from we be this are report meeting "
    "project update please review attached schedule budget team deadline next week thanks "
    "quarter plan draft client invoice status release build server issue fixed notes call "
    "tomorrow agenda design feedback data results customer order shipping account support "
    "approved pending summary question today afternoon morning office launch metrics"
).split()
_ALNUM = string.ascii_letters + string.digits


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _mail(rng: random.Random, name: str | None = None) -> str:
    first, last = (name or _name(rng)).lower().split()
    user = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}"])
    return f"{user}@{rng.choice(_DOMAINS)}"


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"({rng.randint(201, 989)}) {d(3)}-{d(4)}",
            f"+1 {rng.randint(201, 989)} {d(3)} {d(4)}",
            f"+44 20 {d(4)} {d(4)}",
            f"+49 30 {d(8)}",
            f"{rng.randint(201, 989)}-{d(3)}-{d(4)}",
        ]
    )


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def _card(rng: random.Random) -> str:
    # Issued ranges only: Visa, Mastercard 51-55 and its 2-series (2221-2720).
    prefix = rng.choice(["4", "51", "55", str(rng.randint(2221, 2720))])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    num = body + _luhn_digit(body)
    sep = rng.choice([" ", "-", ""])
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def _iban(rng: random.Random) -> str:
    country, n = rng.choice([("DE", 18), ("GB", 18), ("FR", 23), ("NL", 14), ("ES", 20)])
    if country in ("GB", "NL"):
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
        bban += "".join(rng.choice(string.digits) for _ in range(n - 4))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(n))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    iban = f"{country}{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _address(rng: random.Random) -> str:
    return f"{rng.randint(1, 999)} {rng.choice(_STREETS)} {rng.choice(_STREET_KINDS)}, {rng.choice(_CITIES)}"


def _rand(rng: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _credential(rng: random.Random) -> tuple[str, str, str]:
    """(env var name, value, entity type)."""
    up = string.ascii_uppercase + string.digits
    return rng.choice(
        [
            ("GITHUB_TOKEN", "ghp_" + _rand(rng, 36), "GITHUB_TOKEN"),
            ("AWS_ACCESS_KEY_ID", "AKIA" + _rand(rng, 16, up), "AWS_ACCESS_KEY"),
            ("AWS_SECRET_ACCESS_KEY", _rand(rng, 40, _ALNUM + "/+"), "AWS_SECRET_KEY"),
            ("OPENAI_API_KEY", "sk-" + _rand(rng, 48), "OPENAI_API_KEY"),
            ("OPENAI_API_KEY", "sk-proj-" + _rand(rng, 56, _ALNUM + "_-"), "OPENAI_API_KEY"),
            (
                "SLACK_BOT_TOKEN",
                f"xoxb-{_rand(rng, 12, string.digits)}-{_rand(rng, 24)}",
                "SLACK_TOKEN",
            ),
            ("STRIPE_SECRET_KEY", "sk_live_" + _rand(rng, 24), "STRIPE_KEY"),
            ("DB_PASSWORD", _password(rng), "PASSWORD"),
        ]
    )


def _password(rng: random.Random) -> str:
    return _rand(rng, rng.randint(10, 16), _ALNUM + "!#$%&*?@")


def _sentence(rng: random.Random, n: int | None = None) -> str:
    words = [rng.choice(_WORDS) for _ in range(n or rng.randint(4, 12))]
    return " ".join(words).capitalize() + rng.choice([".", ".", "!", "?"])


def _decoy(rng: random.Random) -> str:
    """Look-alikes that are not personal data: ids, hashes, versions, amounts, dates."""
    return rng.choice(
        [
            f"INV-{rng.randint(2019, 2026)}-{rng.randint(0, 99999):05d}",
            _rand(rng, 40, "0123456789abcdef")[: rng.choice([7, 12, 40])],
            f"v{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}",
            f"${rng.randint(1, 99999):,}.{rng.randint(0, 99):02d}",
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}",
            f"order #{rng.randint(100000, 999999)}",
            "sk-" + "x" * 8,
            "ghp_<your-token>",
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        ]
    )


def _pii(rng: random.Random) -> tuple[str, str]:
    """A random (value, entity type) for prose."""
    kind = rng.choice(
        ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "LOCATION"]
    )
    value = {
        "PERSON": _name,
        "EMAIL_ADDRESS": _mail,
        "PHONE_NUMBER": _phone,
        "CREDIT_CARD": _card,
        "IBAN_CODE": _iban,
        "LOCATION": _address,
    }[kind](rng)
    return value, kind


def _prose(c: _Canvas, rng: random.Random, p_secret: float = 0.5) -> list[Seg]:
    """A sentence or two, sometimes with a sensitive value or a decoy inside."""
    segs: list[Seg] = [(_sentence(rng) + " ", None, None)]
    r = rng.random()
    if r < p_secret:
        value, kind = _pii(rng)
        lead = {
            "PERSON": "Ask",
            "EMAIL_ADDRESS": "Write to",
            "PHONE_NUMBER": "Call me on",
            "CREDIT_CARD": "Card:",
            "IBAN_CODE": "IBAN",
            "LOCATION": "Ship to",
        }[kind]
        segs += [(lead + " ", None, None), (value, None, c.secret(value, kind)), (". ", None, None)]
    elif r < p_secret + 0.2:
        segs.append((f"Ref {_decoy(rng)}. ", None, None))
    if rng.random() < 0.5:
        segs.append((_sentence(rng), None, None))
    return segs
