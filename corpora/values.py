"""Random sensitive values and look-alike decoys, valid where a real one would be.

Detectors validate checksums (Luhn, IBAN mod 97, base58check, bech32, DEA, GitHub CRC32) and
libphonenumber's numbering plans, so a test value that fails them measures nothing: every maker
here produces values that pass, in the formats people actually write (spaced, dashed, national,
international). Every maker takes a seeded ``random.Random`` so corpora are reproducible by seed
and different on every new seed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import unicodedata
import uuid
import zlib
from collections.abc import Callable

import phonenumbers

# Names from many cultures, so that detection is not tuned to English names only.
_FIRST = """James Olivia Emily Michael Sarah Alejandro Lucía Mateo Valentina Wei Jing Xiaoming Haoran
Priya Arjun Ananya Rahul Sanjay Lakshmi Omar Fatima Youssef Layla Chinedu Ngozi Oluwaseun Adaeze
Jürgen Lukas Anja Camille Théo Amélie Dmitri Anastasia Sergei Haruto Yui Takeshi Minji Jae-won Linh
Minh Katarzyna Piotr Emre Elif Wanjiru Otieno Siobhán Cian Sanne Daan João Giorgos Eleni Aroha
Mohammed Zainab Kwame Abena Ingrid Björn Nasrin Farhad Thandiwe Sipho Mei Hiroshi""".split()
_LAST = """Smith Johnson Walker Thompson García Hernández Rodríguez López Wang Zhang Liu Chen Sharma
Patel Iyer Reddy Banerjee Haddad Al-Farsi Mansour Okafor Adeyemi Okonkwo Müller Schmidt Schneider
Dubois Lefèvre Moreau Ivanov Smirnova Volkov Sato Tanaka Nakamura Kim Park Choi Nguyen Tran Kowalski
Wiśniewska Yılmaz Demir Kamau Mwangi O'Connor Jansen Souza Papadopoulos Ngata Rahman Mensah Lindqvist
Hosseini Dlamini Zhou Takahashi Novák Horvath""".split()
_LAST_MULTI = ["van der Berg", "da Silva", "de la Cruz", "Ben Ali", "Nic Aodha"]
_CITIES = """London Berlin Paris Madrid Lagos Nairobi Mumbai Pune Bengaluru Shanghai Shenzhen Tokyo Osaka
Seoul Hanoi Warsaw Istanbul Cairo Dubai Toronto Chicago Houston Seattle Boston Denver Atlanta Lima
Bogotá Santiago Accra Johannesburg Sydney Auckland Stockholm Oslo Dublin Lisbon Athens Kraków
Manchester Hamburg Munich Lyon Marseille Rotterdam Chennai Karachi Jakarta Manila""".split()
_CITIES += ["São Paulo", "Mexico City", "Buenos Aires", "San Francisco", "New York", "Cape Town"]
_STREETS = """Oak Maple Cedar Pine Elm Washington Lincoln Park Lake Hill Church Mill Station Highland""".split()
_DOMAINS = """gmail.com outlook.com yahoo.co.uk web.de orange.fr protonmail.com rediffmail.com qq.com
northwind.io acme-corp.com contoso.de fabrikam.co.in globex.fr initech.com""".split()
_PRODUCTS = [
    "PostgreSQL",
    "Visual Studio Code",
    "Kubernetes",
    "Grafana",
    "Slack",
    "Jira",
    "MacBook Pro",
    "Excel",
    "Terraform",
    "Redis",
    "Salesforce",
    "Zoom",
    "Figma",
    "ThinkPad X1",
    "Confluence",
]
_WORDS = """Monday Tuesday Friday Q3 Retro Standup Roadmap Backlog Onboarding Security Platform
Finance Marketing Design Release Quarterly Compliance Analytics""".split()
_PATHS = [
    "/var/log/nginx/access.log",
    "/etc/ssl/certs",
    "src/components/Button.tsx",
    "~/projects/api/main.py",
    "/srv/app/billing/tasks.py",
    "C:\\Program Files\\Tool\\config.ini",
    "/tmp/build-cache",
    "docs/index.md",
    "/opt/data/exports/2023-q4.parquet",
]
_PUBLIC_URLS = [
    "https://docs.python.org/3/library/json.html",
    "https://github.com/psf/requests/issues/6432",
    "https://www.postgresql.org/docs/16/index.html",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP",
    "https://pypi.org/project/numpy/",
]
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_DIGITS = "0123456789"


def _pattern(rng: random.Random, pattern: str) -> str:
    """Expand ``#`` (any digit), ``%`` (2-9), ``^`` (capital letter); other characters stay."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(_DIGITS))
        elif ch == "%":
            out.append(str(rng.randint(2, 9)))
        elif ch == "^":
            out.append(chr(rng.randint(65, 90)))
        else:
            out.append(ch)
    return "".join(out)


def person_parts(rng: random.Random) -> tuple[str, str]:
    last = rng.choice(_LAST_MULTI) if rng.random() < 0.08 else rng.choice(_LAST)
    return rng.choice(_FIRST), last


def person(rng: random.Random) -> str:
    first, last = person_parts(rng)
    if rng.random() < 0.1:
        return f"{first} {chr(rng.randint(65, 90))}. {last}"
    return f"{first} {last}"


def _ascii(s: str) -> str:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower().replace("ı", "i"))


def email_for(rng: random.Random, name: str) -> str:
    """An address derived from a name, as real addresses mostly are."""
    parts = [_ascii(p) for p in name.replace(".", " ").split() if _ascii(p)] or ["user"]
    first, last = parts[0], parts[-1]
    local = rng.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}{rng.randint(1, 99)}", first]
    )
    return f"{local}@{rng.choice(_DOMAINS)}"


def email(rng: random.Random) -> str:
    return email_for(rng, person(rng))


# (region for validation, pattern); national formats are validated in their region.
_PHONE_FORMATS = [
    ("US", "(%##) %##-####"),
    ("US", "%##-%##-####"),
    ("US", "+1 %## %## ####"),
    ("US", "%##.%##.####"),
    ("GB", "+44 20 7### ####"),
    ("GB", "020 7### ####"),
    ("GB", "07### ######"),
    ("GB", "+44 7### ######"),
    ("DE", "+49 30 #######"),
    ("DE", "030 ########"),
    ("DE", "+49 151 ########"),
    ("DE", "0171 #######"),
    ("FR", "+33 1 ## ## ## ##"),
    ("FR", "06 ## ## ## ##"),
    ("FR", "+33 6 ## ## ## ##"),
    ("IN", "+91 9#### #####"),
    ("IN", "+91-98########"),
    ("IN", "098### #####"),
    ("JP", "+81 3-####-####"),
    ("AU", "+61 2 #### ####"),
    ("BR", "+55 11 9####-####"),
    ("NG", "+234 803 ### ####"),
    ("CN", "+86 138 #### ####"),
]


def phone(rng: random.Random) -> str:
    """A number that libphonenumber accepts as valid for its region (resampled until it does),
    in the way people write them: national, international, spaced, dashed."""
    region, fmt = rng.choice(_PHONE_FORMATS)
    for _ in range(100):
        number = _pattern(rng, fmt)
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(number, region)):
                return number
        except phonenumbers.NumberParseException:
            pass
    return number


def luhn_digit(digits: str) -> str:
    """The check digit that makes ``digits + check`` pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    prefix, length = rng.choice(
        [
            ("4", 16),
            ("5" + str(rng.randint(1, 5)), 16),
            ("34", 15),
            ("37", 15),
            ("6011", 16),
            ("35" + str(rng.randint(28, 89)), 16),
        ]
    )
    body = prefix + "".join(rng.choice(_DIGITS) for _ in range(length - len(prefix) - 1))
    number = body + luhn_digit(body)
    sep = rng.choice(["", " ", "-", " "])
    groups = [4, 6, 5] if length == 15 else [4, 4, 4, 4]
    out, at = [], 0
    for g in groups:
        out.append(number[at : at + g])
        at += g
    return sep.join(out)


# country: BBAN pattern (# digit, A capital letter); check digits are computed.
_IBAN = {
    "DE": "##################",
    "GB": "^^^^##############",
    "FR": "#######################",
    "ES": "####################",
    "NL": "^^^^##########",
    "IT": "^######################",
    "CH": "#################",
    "BE": "############",
    "PL": "########################",
}


def iban_check(country: str, bban: str) -> str:
    """ISO 13616 check digits: 98 minus the mod-97 of BBAN + country + "00", letters as 10..35."""
    rearranged = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in rearranged))
    return f"{98 - number % 97:02d}"


def iban(rng: random.Random) -> str:
    country = rng.choice(list(_IBAN))
    bban = _pattern(rng, _IBAN[country])
    code = country + iban_check(country, bban) + bban
    if rng.random() < 0.6:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def ssn(rng: random.Random) -> str:
    """An SSN in the issued ranges: area 001-899 except 666, group and serial never zero."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = "-" if rng.random() < 0.8 else " "
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def ipv4(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(["10.{}.{}.{}", "192.168.{}.{}", "172.16.{}.{}"]).format(
            *(rng.randint(1, 254) for _ in range(3))
        )
    first = rng.choice(
        [a for a in range(1, 224) if a not in (10, 100, 127, 169, 172, 192, 198, 203)]
    )
    return ".".join(
        str(x) for x in (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    )


def ipv6(rng: random.Random) -> str:
    groups = [rng.choice(["2a02", "2001", "2600", "2a01", "2c0f"])]
    groups += [f"{rng.getrandbits(16):x}" for _ in range(7)]
    if rng.random() < 0.4:
        return ":".join(groups[:4]) + "::" + groups[7]
    return ":".join(groups)


def ip(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.15 else ipv4(rng)


def address(rng: random.Random) -> str:
    n = rng.randint(1, 2999)
    return rng.choice(
        [
            f"{n} {rng.choice(_STREETS)} Street, {rng.choice(['Springfield, IL 62704', 'Austin, TX 78701', 'Portland, OR 97205'])}",
            f"{rng.choice(_STREETS)}straße {rng.randint(1, 120)}, {rng.randint(10115, 99999)} {rng.choice(['Berlin', 'Köln', 'Leipzig'])}",
            f"{rng.randint(1, 80)} rue de la {rng.choice(['Paix', 'Gare', 'République'])}, 750{rng.randint(10, 20)} Paris",
            f"Flat {rng.randint(1, 40)}, {n} {rng.choice(_STREETS)} Road, London {_pattern(rng, 'NW# #^^')}",
            f"{rng.randint(1, 400)}, {rng.choice(['MG Road', 'Linking Road', 'Anna Salai'])}, {rng.choice(['Bengaluru 560001', 'Mumbai 400050', 'Chennai 600002'])}",
        ]
    )


def url(rng: random.Random) -> str:
    tok = "".join(rng.choice(_B62) for _ in range(rng.randint(20, 40)))
    return rng.choice(
        [
            f"https://files.northwind.io/share/{tok[:12]}?token={tok}",
            f"https://app.acme-corp.com/reset-password?uid={rng.randint(1000, 99999)}&token={tok}",
            f"https://docs.google.com/document/d/{tok}/edit?usp=sharing",
            f"https://hooks.slack.com/services/T{tok[:8].upper()}/B{tok[8:16].upper()}/{tok}",
            f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}?pwd={tok}",
        ]
    )


def dob(rng: random.Random) -> str:
    y, m, d = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
    month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][m - 1]
    return rng.choice(
        [
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{month} {d}, {y}",
            f"{d} {month} {y}",
        ]
    )


def _base58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def _bech32_polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def btc(rng: random.Random) -> str:
    """A checksum-valid Bitcoin address: P2PKH (1...), P2SH (3...) or bech32 P2WPKH (bc1q...)."""
    payload = rng.randbytes(20)
    if rng.random() < 0.35:
        data = [0] + [
            int(f"{int.from_bytes(payload, 'big'):0160b}"[i : i + 5], 2) for i in range(0, 160, 5)
        ]
        hrp = [ord(x) >> 5 for x in "bc"] + [0] + [ord(x) & 31 for x in "bc"]
        poly = _bech32_polymod(hrp + data + [0] * 6) ^ 1
        data += [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
        return "bc1" + "".join(_BECH32[d] for d in data)
    raw = (b"\x00" if rng.random() < 0.6 else b"\x05") + payload
    return _base58(raw + hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4])


def dea(rng: random.Random) -> str:
    """A DEA registration number: two letters, six digits and the DEA check digit."""
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return rng.choice("ABFGMPR") + chr(rng.randint(65, 90)) + "".join(map(str, d)) + str(check)


def password(rng: random.Random, url_safe: bool = False) -> str:
    alphabet = _B62 + ("-_." if url_safe else "!$%&*+-_.?@^~")
    if rng.random() < 0.3 and not url_safe:
        return (
            rng.choice(["Summer", "Winter", "Dragon", "Monkey", "Sunshine"])
            + str(rng.randint(1970, 2025))
            + rng.choice("!$#?")
        )
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(10, 20)))


def ghp(rng: random.Random) -> str:
    """A GitHub classic token: ``ghp_``, 30 base62 characters, then their CRC32 in base62."""
    body = "".join(rng.choice(_B62) for _ in range(30))
    crc, check = zlib.crc32(body.encode()), ""
    for _ in range(6):
        crc, r = divmod(crc, 62)
        check = _B62[r] + check
    return "ghp_" + body + check


def pem_body(rng: random.Random) -> tuple[str, str, str]:
    """(BEGIN line, base64 body with its inner newlines, END line) of a private key.

    The body decodes: OpenSSH keys start with the ``openssh-key-v1`` magic (70-character lines),
    PKCS#1 RSA keys with a DER sequence header (64-character lines).
    """
    if rng.random() < 0.5:
        kind, raw, width = "OPENSSH", b"openssh-key-v1\0" + rng.randbytes(rng.randint(300, 400)), 70
    else:
        kind, raw, width = (
            "RSA",
            b"\x30\x82\x04\xa4\x02\x01\x00" + rng.randbytes(rng.randint(600, 900)),
            64,
        )
    b64 = base64.b64encode(raw).decode()
    body = "\n".join(b64[i : i + width] for i in range(0, len(b64), width))
    return f"-----BEGIN {kind} PRIVATE KEY-----", body, f"-----END {kind} PRIVATE KEY-----"


def jwt(rng: random.Random) -> str:
    """A signed JWT: base64url JSON header naming ``alg``, JSON claims, random signature."""

    def seg(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    header = json.dumps({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}).encode()
    claims = {
        "sub": str(rng.randint(10**5, 10**9)),
        "iat": rng.randint(1_600_000_000, 1_800_000_000),
    }
    return ".".join([seg(header), seg(json.dumps(claims).encode()), seg(rng.randbytes(32))])


def _random(alphabet: str, n: int) -> Callable[[random.Random], str]:
    return lambda rng: "".join(rng.choice(alphabet) for _ in range(n))


def _pick(items: list[str]) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(items)


def _fmt(*patterns: str) -> Callable[[random.Random], str]:
    return lambda rng: _pattern(rng, rng.choice(patterns))


def _timestamp(rng: random.Random) -> str:
    y, mo, d, h, mi, s = (
        rng.randint(2019, 2026),
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.randint(0, 59),
        rng.randint(0, 59),
    )
    return rng.choice(
        [
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rng.randint(0, 999):03d}Z",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"{d:02d}/{['Jan', 'Mar', 'Jun', 'Sep', 'Nov'][mo % 5]}/{y}:{h:02d}:{mi:02d}:{s:02d} +0000",
        ]
    )


_HEX = "0123456789abcdef"
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B64 = _B62 + "+/"

# slot name -> (entity type, or DECOY_<what>, or None for plain text; value maker)
SLOTS: dict[str, tuple[str | None, Callable[[random.Random], str]]] = {
    "person": ("PERSON", person),
    "first": ("PERSON", lambda rng: rng.choice(_FIRST)),
    "email": ("EMAIL_ADDRESS", email),
    "phone": ("PHONE_NUMBER", phone),
    "card": ("CREDIT_CARD", card),
    "iban": ("IBAN_CODE", iban),
    "ssn": ("US_SSN", ssn),
    "ip": ("IP_ADDRESS", ip),
    "ipv6": ("IP_ADDRESS", ipv6),
    "ipv4": ("IP_ADDRESS", ipv4),  # where a bare IPv6 would be invalid (URL hosts)
    "city": ("LOCATION", _pick(_CITIES)),
    "address": ("LOCATION", address),
    "url": ("URL", url),
    "dob": ("DATE_TIME", dob),
    "btc": ("CRYPTO", btc),
    "passport": ("US_PASSPORT", _fmt("#########", "^########")),
    "bank": ("US_BANK_NUMBER", lambda rng: _pattern(rng, "#" * rng.randint(8, 17))),
    "dl": ("US_DRIVER_LICENSE", _fmt("^#######", "^############", "%########", "%#######")),
    "dea": ("MEDICAL_LICENSE", dea),
    "akia": ("AWS_ACCESS_KEY", lambda rng: "AKIA" + _random(_BASE32, 16)(rng)),
    "awssecret": ("AWS_SECRET_KEY", _random(_B64, 40)),
    "ghp": ("GITHUB_TOKEN", ghp),
    "password": ("PASSWORD", password),
    "jwt": ("JWT", jwt),
    "upassword": ("PASSWORD", lambda rng: password(rng, url_safe=True)),
    "version": ("DECOY_VERSION", _fmt("#.##.#", "v#.#.##", "#.#.###", "v%.#")),
    "ts": ("DECOY_TIMESTAMP", _timestamp),
    "clock": ("DECOY_TIMESTAMP", lambda rng: f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}"),
    "order": (
        "DECOY_ORDER_NUMBER",
        _fmt("ORD-######", "#########", "SO-####-#####", "INV-2024-#####"),
    ),
    "ticket": ("DECOY_TICKET", _fmt("JIRA-####", "INC00#####", "PROJ-###", "#####")),
    "uuid": ("DECOY_UUID", lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4))),
    "sha": ("DECOY_GIT_SHA", lambda rng: _random(_HEX, rng.choice([7, 12, 40]))(rng)),
    "color": ("DECOY_HEX_COLOUR", lambda rng: "#" + _random(_HEX, 6)(rng)),
    "duration": ("DECOY_DURATION", _fmt("##ms", "#.#s", "#h ##m", "00:0#:##", "###ms")),
    "status": (
        "DECOY_HTTP_STATUS",
        _pick(["200", "201", "204", "301", "302", "400", "401", "403", "404", "500", "502", "503"]),
    ),
    "product": ("DECOY_PRODUCT", _pick(_PRODUCTS)),
    "word": ("DECOY_WORD", _pick(_WORDS)),
    "path": ("DECOY_FILE_PATH", _pick(_PATHS)),
    "lineno": ("DECOY_LINE_NUMBER", lambda rng: f"line {rng.randint(1, 2000)}"),
    "price": ("DECOY_PRICE", _fmt("$%,###.##", "€##.##", "£#.##", "USD #,###", "₹%#,###")),
    "loopback": ("DECOY_LOCAL_IP", _pick(["127.0.0.1", "0.0.0.0", "::1", "localhost"])),
    "localhost": ("DECOY_LOCAL_IP", _pick(["127.0.0.1", "0.0.0.0", "localhost"])),  # before a port
    "port": ("DECOY_PORT", _pick(["8080", "3000", "5432", "6379", "8443", "9090"])),
    "size": ("DECOY_SIZE", _fmt("### MB", "#.# GB", "##GiB", "###KB")),
    "pub_url": ("DECOY_PUBLIC_URL", _pick(_PUBLIC_URLS)),
}
