"""Held-out text benchmark: a second, independent corpus generator, scored for redactkit and Presidio.

    python -m benchmarks.heldout_text --seed 11 --docs 300
    python -m benchmarks.heldout_text --seed 11 --docs 300 --out docs/quality.md

Detection rules were partly tuned on the leaks of ``corpora.text``. This module measures
how well that tuning generalises: its generator was written separately, from scratch, with its
own sentence templates, document kinds (meeting notes, support tickets, HR/onboarding mail,
travel itineraries, Slack-style chat, forwarded e-mail threads, CRM tables, JSON payloads, shell
history, logs and stack traces), its own name, place, street and company lists and its own value
formats. Nothing is imported from ``corpora`` except the ``Doc`` and ``Label`` classes,
so that ``benchmarks.scoring`` scores it the same way.

Labels follow redactkit's and Presidio's entity names; API keys and tokens of every kind are
labelled ``SECRET`` (masked under any entity type counts). Only dates of birth are ``DATE_TIME``;
meeting and travel dates are decoys (``DECOY_DATE``), like log timestamps, versions, ticket and
order ids, hashes, product and company names, sizes and durations. A Slack handle or a login
made from a person's name (``@priya.s``, ``scp f priya@host``) is ``PERSON``. Of a title or a
possessive only the name is labelled (``Dr. «Okafor»``, ``«Priya»'s``).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import LabelOutcome, Quality, replace_section, score_corpus
from corpora.text import Doc, Label
from corpora.values import iban_check
from redactkit.detect.checksums import luhn_digit

BEGIN, END = "<!-- quality:heldout:begin -->", "<!-- quality:heldout:end -->"
OURS, THEIRS = "redactkit", "presidio"

# -- word lists (written for this generator; none is shared with corpora) -------------

#: culture -> (given names, family names, order): "west" writes given first, "east" family
#: first, "mixed" either way (East Asian names in Western offices), "viet" family middle given.
_NAMES: dict[str, tuple[list[str], list[str], str]] = {
    "anglo": (
        "Siobhan Declan Brianna Tucker Maeve Rhys Callum Imogen Harriet Ezekiel Garrett Wren "
        "Dolores Cormac Tabitha Lachlan".split(),
        "O'Neill McAllister Fitzgerald Whitaker Ashworth Pemberton Hargreaves Blackwood "
        "Featherstone Donnelly MacLeod O'Sullivan Quigley Thistlethwaite".split(),
        "west",
    ),
    "hispanic": (
        [
            "María José",
            "Juan Pablo",
            "Ximena",
            "Itzel",
            "Rodrigo",
            "Guadalupe",
            "Ana Sofía",
            "Joaquín",
            "Maite",
            "Esteban",
            "Catalina",
            "Nicolás",
            "Marisol",
            "Teodoro",
        ],  # fmt: skip
        [
            "García-López",
            "Fernández de la Vega",
            "Quispe",
            "Mamani",
            "Ibarra Zapata",
            "Villalobos",
            "Echeverría",
            "Olmedo",
            "Cienfuegos",
            "Arriaga",
            "Sandoval",
            "Montoya Ruiz",
            "Bustamante",
            "Del Castillo",
        ],  # fmt: skip
        "west",
    ),
    "lusophone": (
        ["João Vitor", "Thaís", "Gonçalo", "Luana", "Caio", "Beatriz"],
        ["dos Santos", "Figueiredo", "Nascimento", "Magalhães", "Brandão", "Cavalcanti"],
        "west",
    ),
    "french": (
        "Élodie Benoît Océane Thibault Margaux Anaïs".split(),
        ["Lefèvre", "Dubois-Martin", "Chevalier", "Rousseau", "Fontaine", "Delacroix"],
        "west",
    ),
    "italian": (
        "Giulia Tommaso Chiara Alessandro Federica Ludovica".split(),
        ["Esposito", "Bianchi-Russo", "De Luca", "Marchetti", "Santoro", "Lombardi"],
        "west",
    ),
    "germanic": (
        "Jörg Annika Maximilian Friederike Sanne Joost".split(),
        ["Schäfer", "von Bredow", "Hoffmann", "van der Meer", "de Vries", "Brinkmann"],
        "west",
    ),
    "nordic": (
        "Åsa Sigrid Eero Magnus Freja Linnea".split(),
        "Lindqvist Søndergaard Virtanen Haugen Bergström Halvorsen".split(),
        "west",
    ),
    "slavic": (
        "Katarzyna Dmitri Zuzana Bogdan Milena Oleksandr".split(),
        "Wiśniewska Volkov Dvořák Kovalenko Petrović Nowicki".split(),
        "west",
    ),
    "magyar_ro": (
        "Zsófia Bence Ioana Radu".split(),
        "Szabó Nagy Popescu Ionescu".split(),
        "west",
    ),
    "greek_turkish": (
        "Eleni Yiannis Ayşe Emre Zeynep Stavros".split(),
        "Papadopoulou Karagiannis Yılmaz Öztürk Demir Christodoulou".split(),
        "west",
    ),
    "arabic_persian": (
        "Yousef Layla Omar Noor Dariush Shirin Khalid Rania".split(),
        ["Al-Mansour", "Haddad", "El-Amin", "Khoury", "Tehrani", "Rostami", "Nasser", "Farouk"],
        "west",
    ),
    "hebrew": (
        "Yael Noam Avital Eitan".split(),
        ["Ben-David", "Shapiro", "Mizrahi", "Katz"],
        "west",
    ),
    "south_asian": (
        "Priyanka Venkatesh Anjali Harpreet Arjun Nandini Farhan Tahmina Ishaan Lakshmi Rohit "
        "Deepika Sandeep Meenakshi".split(),
        "Subramanian Chatterjee Deshpande Iyer Sandhu Qureshi Rahman Bhattacharya Kulkarni "
        "Menon Gill Siddiqui Venkataraman Banerjee".split(),
        "west",
    ),
    "chinese": (
        "Xiuying Jianhua Yuxuan Zihan Haoyu Meiling".split(),
        "Huang Zhao Xu Guo Lin Tang".split(),
        "mixed",
    ),
    "japanese": (
        "Haruki Yui Sota Aoi Ren Sakura".split(),
        "Takeda Nakamura Yamaguchi Matsumoto Inoue Fujita".split(),
        "mixed",
    ),
    "korean": (
        "Min-jun Seo-yeon Ji-hoon Ha-eun Do-yoon Su-bin".split(),
        "Park Choi Jung Kang Yoon Lim".split(),
        "east",
    ),
    "vietnamese": (
        "An Linh Minh Thao Quang Huong".split(),
        "Nguyen Tran Le Pham Hoang Vu".split(),
        "viet",
    ),
    "se_asian": (
        "Maricel Jericho Dewi Budi Somchai Siriporn".split(),
        ["Dela Cruz", "Bautista", "Santoso", "Wijaya", "Jaidee", "Srisuk"],
        "west",
    ),
    "african": (
        "Chiamaka Oluwaseun Kofi Ama Tendai Nomvula Amadou Fatoumata Wanjiru Abebe Tigist "
        "Chidi Thandeka Kwabena Zawadi Yaw".split(),
        "Okonkwo Adeyemi Mensah Boateng Moyo Ndlovu Diallo Traoré Kamau Otieno Bekele Haile "
        "Oyelaran Asante Mwangi Nkemelu".split(),
        "west",
    ),
    "pacific": (
        "Aroha Tane Mele Sione".split(),
        "Ngata Parata Tuilagi Fonoti".split(),
        "west",
    ),
}
_VIET_MIDDLE = ["Van", "Thi", "Duc", "Ngoc", "Minh", "Thanh"]

_CITIES = [
    "Tromsø", "Cluj-Napoca", "Porto Alegre", "Chiang Mai", "Wrocław", "Kraków", "Gothenburg",
    "Bilbao", "Thessaloniki", "Izmir", "Kumasi", "Mombasa", "Arusha", "Durban", "Gqeberha",
    "Ibadan", "Kano", "Abidjan", "Dakar", "Casablanca", "Fez", "Alexandria", "Haifa", "Tabriz",
    "Shiraz", "Lahore", "Faisalabad", "Chittagong", "Kathmandu", "Coimbatore", "Kochi",
    "Indore", "Surat", "Nagpur", "Colombo", "Kandy", "Cebu", "Davao", "Surabaya", "Medan",
    "Da Nang", "Hai Phong", "Chengdu", "Wuhan", "Xi'an", "Kunming", "Harbin", "Busan", "Daegu",
    "Sapporo", "Fukuoka", "Sendai", "Kaohsiung", "Taichung", "Perth", "Adelaide", "Hobart",
    "Christchurch", "Dunedin", "Winnipeg", "Halifax", "Québec City", "Calgary", "Boise",
    "Tucson", "Albuquerque", "Omaha", "Savannah", "Duluth", "Anchorage", "Honolulu",
    "Guadalajara", "Monterrey", "Oaxaca", "Medellín", "Cali", "Arequipa", "Cusco", "Valparaíso",
    "Córdoba", "Rosario", "Montevideo", "Curitiba", "Recife", "Belo Horizonte", "Manaus",
    "Bergen", "Aarhus", "Tampere", "Uppsala", "Malmö", "Graz", "Linz", "Basel", "Lausanne",
    "Ghent", "Antwerp", "Utrecht", "Eindhoven", "Leeds", "Glasgow", "Cork", "Galway", "Cardiff",
    "Bristol", "Nantes", "Bordeaux", "Toulouse", "Lille", "Turin", "Bologna", "Palermo",
    "Seville", "Valencia", "Zaragoza", "Braga", "Brno", "Ostrava", "Debrecen", "Timișoara",
    "Plovdiv", "Novi Sad", "Split", "Ljubljana", "Tartu", "Kaunas", "Lviv", "Tbilisi",
    "Yerevan", "Almaty", "Tashkent", "Samarkand", "Novosibirsk", "Kazan",
]  # fmt: skip
_REGIONS = [
    "Bavaria", "Catalonia", "Andalusia", "Tuscany", "Brittany", "the Scottish Highlands",
    "Kerala", "Punjab", "Gujarat", "Sichuan", "Hokkaido", "Queensland", "Patagonia", "Ontario",
    "British Columbia", "Alberta", "Yucatán", "Flanders", "Lapland", "Transylvania",
    "Cappadocia", "KwaZulu-Natal", "Minas Gerais", "Texas", "Nova Scotia", "Tasmania",
]  # fmt: skip
_COUNTRIES = [
    "Norway", "Ghana", "Vietnam", "Peru", "New Zealand", "Kazakhstan", "Uruguay", "Sri Lanka",
    "Morocco", "Estonia", "Portugal", "the Philippines", "Kenya", "Chile", "Slovenia",
    "Bangladesh", "Jordan", "Tunisia", "Ecuador", "Mongolia", "Iceland", "Senegal",
]  # fmt: skip
_REGION_VALUES = [r.removeprefix("the ") for r in _REGIONS]
_COUNTRY_VALUES = [c.removeprefix("the ") for c in _COUNTRIES]

_COMPANIES = [
    "Kestrel Analytics", "Bluefin Logistics GmbH", "Tamarind Health", "Orrery Labs",
    "Copperleaf Insurance", "Halcyon Freight Ltd", "Marlowe & Finch LLP", "Saltmarsh Foods",
    "Vantablue Systems", "Pinewick Outdoor", "Lumen Ridge Capital", "Ostara Biotech",
]  # fmt: skip
_PRODUCTS = [
    "Quartzline Pro", "Nimbus Sync", "Helios Dashboard", "Atlas CRM", "Madison Suite",
    "Juniper Gateway", "Sierra Ledger", "Aurora Mobile", "Tessellate", "Beacon Reports",
    "Harbor Vault", "Florence Scheduler", "Jasper Inbox", "Everest Backup",
]  # fmt: skip
_WORDS = [
    "Monday", "Thursday", "Roadmap", "Kickoff", "Procurement", "Legal", "Retro", "OKR",
    "Engineering", "Finance", "Quarterly", "Hiring", "Offsite", "Compliance", "Security",
    "Onboarding", "Q3", "Q4", "North Star", "Platform",
]  # fmt: skip
_TEAMS = ["Payments", "Growth", "Platform", "Customer Care", "Data", "Mobile", "Risk", "People Ops"]
_JOBS = [
    "Senior Account Manager", "Head of Partnerships", "Staff Engineer", "Regional Sales Lead",
    "Customer Success Manager", "Procurement Specialist", "VP Operations", "Paralegal",
]  # fmt: skip
_HOTELS = ["Hotel Aurelia", "The Linden House", "Casa Marisma", "Harbourview Suites", "Ryokan Sora"]
_RELATIONS = ["spouse", "mother", "brother", "partner", "sister", "father"]
_DOMAINS = [
    "posteo.de", "fastmail.com", "hey.com", "mail.ru", "naver.com", "yandex.ru", "icloud.com",
    "gmx.net", "libero.it", "uol.com.br", "163.com", "hotmail.fr", "bigpond.com", "telus.net",
    "kestrel-analytics.com", "bluefin-logistics.de", "tamarindhealth.org", "orrerylabs.io",
    "copperleaf.co.uk", "halcyonfreight.com.au", "vantablue.in", "saltmarsh.co.nz",
]  # fmt: skip
_STREETS_EN = ["Juniper Hollow", "Wellington", "Ashgrove", "Kingfisher", "Beacon Hill", "Tanner"]
_STREET_KINDS_US = ["Ln", "Ave", "Blvd", "Dr", "Ct", "Street"]
_STREET_KINDS_UK = ["Crescent", "Road", "Gardens", "Terrace", "Mews", "Lane"]
_UK_TOWNS = ["Harrogate HG1 2PX", "Bath BA1 5LR", "Norwich NR2 4DF", "Truro TR1 3JQ"]
_US_TOWNS = ["Boise, ID 83702", "Tucson, AZ 85719", "Omaha, NE 68102", "Duluth, MN 55802"]
_DE_STREETS = ["Kastanienallee", "Lindenstraße", "Am Mühlbach", "Schillerweg", "Hafenstraße"]
_DE_TOWNS = ["10435 Berlin", "50667 Köln", "04109 Leipzig", "79098 Freiburg im Breisgau"]
_FR_STREETS = ["avenue Jean-Jaurès", "rue des Tanneurs", "boulevard Gambetta", "impasse du Lavoir"]
_FR_TOWNS = ["69007 Lyon", "31000 Toulouse", "44000 Nantes", "33800 Bordeaux"]
_NL_STREETS = ["Prinsengracht", "Oudegracht", "Witte de Withstraat", "Bloemstraat"]
_NL_TOWNS = ["1016 GV Amsterdam", "3511 AL Utrecht", "3012 BM Rotterdam"]
_JP_AREAS = ["Nishi-Shinjuku, Shinjuku-ku, Tokyo", "Chuo-ku, Sapporo", "Hakata-ku, Fukuoka"]
_IN_AREAS = ["Indiranagar, Bengaluru", "Koregaon Park, Pune", "Salt Lake, Kolkata"]
_BR_STREETS = ["Rua Augusta", "Avenida Paulista", "Rua das Flores", "Rua XV de Novembro"]
_AU_STREETS = ["Bourke St, Surry Hills NSW 2010", "Flinders Ln, Melbourne VIC 3000"]
_IT_STREETS = ["Via dei Mille", "Corso Vittorio Emanuele II", "Via Garibaldi"]
_ES_STREETS = ["Calle de Alcalá", "Carrer de Mallorca", "Calle Sierpes"]
_PL_STREETS = ["ul. Floriańska", "ul. Piotrkowska", "al. Grunwaldzka"]

_PUBLIC_URLS = [
    "https://docs.python.org/3/library/json.html",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429",
    "https://kubernetes.io/docs/concepts/workloads/pods/",
    "https://en.wikipedia.org/wiki/Luhn_algorithm",
    "https://www.rfc-editor.org/rfc/rfc7519",
    "https://semver.org/",
]
_PATHS = [
    "/var/log/nginx/access.log", "src/billing/invoice.py", "/etc/app/settings.toml",
    "~/Downloads/report_final_v3.xlsx", "C:\\Users\\Public\\export.csv", "/srv/data/cache.db",
]  # fmt: skip
_ENV_NAMES = [
    "GH_TOKEN", "STRIPE_SECRET_KEY", "OPENAI_API_KEY", "SLACK_BOT_TOKEN", "SENDGRID_API_KEY",
    "NPM_TOKEN", "DATADOG_API_KEY", "MAPBOX_ACCESS_TOKEN", "TWILIO_AUTH_TOKEN", "X_API_TOKEN",
]  # fmt: skip
_IATA = ["LHR", "FRA", "NRT", "GRU", "JNB", "SIN", "YYZ", "CDG", "IST", "DXB", "BOG", "AKL"]
_AIRLINES = ["LH", "BA", "NH", "LA", "QR", "TK", "SQ", "AC", "KL", "EK"]

_B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_HEX = "0123456789abcdef"
_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()


def _rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _fold(s: str) -> str:
    """ASCII letters and digits only, lower case (for e-mail local parts and handles)."""
    s = unicodedata.normalize("NFKD", s.replace("ø", "o").replace("ı", "i").replace("ł", "l"))
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())


# -- people -----------------------------------------------------------------------------------


@dataclass
class Person:
    given: str  # what colleagues call them
    family: str
    full: str  # as written in that culture
    email: str
    handle: str  # without the @


def new_person(rng: random.Random) -> Person:
    culture = rng.choice(list(_NAMES))
    givens, families, order = _NAMES[culture]
    given, family = rng.choice(givens), rng.choice(families)
    if order == "viet":
        family_part = f"{family} {rng.choice(_VIET_MIDDLE)}"
        full = f"{family_part} {given}"
        family = family_part.split()[0]
    elif order == "east" or (order == "mixed" and rng.random() < 0.5):
        full = f"{family} {given}"
    elif rng.random() < 0.12:  # a middle initial
        full = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {family}"
    else:
        full = f"{given} {family}"
    g, f = _fold(given), _fold(family)
    local = rng.choice(
        [f"{g}.{f}", f"{g[0]}{f}", f"{g}{f[0]}", f"{g}_{f}", f"{f}.{g}", f"{g}{rng.randint(1, 99)}"]
    )
    handle = rng.choice([f"{g}.{f[:1]}", f"{g[0]}{f}", f"{g}_{f}", g + str(rng.randint(7, 95))])
    return Person(given, family, full, f"{local}@{rng.choice(_DOMAINS)}", handle)


# -- values -----------------------------------------------------------------------------------


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "discover"])
    prefix, length = {
        "visa": ("4", 16),
        "mc": (str(rng.randint(51, 55)), 16),
        "mc2": (str(rng.randint(2221, 2720)), 16),
        "amex": (rng.choice(["34", "37"]), 15),
        "discover": ("6011", 16),
    }[kind]
    payload = prefix + _rand(rng, "0123456789", length - len(prefix) - 1)
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
    bban = "".join(_rand(rng, _CLASSES[cls], n) for n, cls in _IBAN_SPECS[country])
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
            national_number=int(nsn[:keep] + _rand(rng, "0123456789", len(nsn) - keep)),
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
        return "AKIA" + _rand(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    if kind == 1:
        return "ghp_" + _rand(rng, _B62, 36)
    if kind == 2:
        return "github_pat_" + _rand(rng, _B62, 22) + "_" + _rand(rng, _B62, 59)
    if kind == 3:
        return f"xoxb-{rng.randint(10**10, 10**12)}-{rng.randint(10**10, 10**12)}-" + _rand(
            rng, _B62, 24
        )
    if kind == 4:
        return rng.choice(["sk_live_", "rk_live_"]) + _rand(rng, _B62, rng.choice([24, 34, 99]))
    if kind == 5:
        return "sk-proj-" + _rand(rng, _B62 + "-_", 48)
    if kind == 6:
        return "AIza" + _rand(rng, _B62 + "-_", 35)
    if kind == 7:
        return "SG." + _rand(rng, _B62 + "-_", 22) + "." + _rand(rng, _B62 + "-_", 43)
    if kind == 8:
        return "npm_" + _rand(rng, _B62, 36)
    if kind == 9:
        return "SK" + _rand(rng, _HEX, 32)
    if kind == 10:
        head = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        return f"{head}.eyJ{_rand(rng, _B62, 60)}.{_rand(rng, _B62 + '-_', 43)}"
    return _rand(rng, rng.choice([_HEX, _B62]), rng.choice([32, 40, 48]))


def aws_secret(rng: random.Random) -> str:
    return _rand(rng, _B62 + "+/", 40)


def password(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return _rand(rng, _B62 + "!#%&*+-?@^_", rng.randint(10, 18))
    if kind == 1:
        season = rng.choice(["Summer", "Winter", "Autumn", "Spring", "Monsoon"])
        return f"{season}{rng.randint(2019, 2026)}{rng.choice('!#$?')}"
    if kind == 2:
        words = rng.sample(["tangerine", "river", "cobalt", "lantern", "falcon", "quartz", "mango",
                            "harbor", "violet", "ember", "thistle", "walrus"], 3)  # fmt: skip
        return rng.choice(["-", ".", "_"]).join(words) + str(rng.randint(1, 99))
    if kind == 3:
        return rng.choice(["P@ssw0rd", "Welc0me", "Adm1n", "Qwerty", "Letme1n"]) + _rand(
            rng, "0123456789!", 3
        )
    if kind == 4:
        return (
            _rand(rng, "abcdefghijkmnopqrstuvwxyz", 4).capitalize()
            + _rand(rng, "0123456789", 4)
            + rng.choice("!$%&")
        )
    return _rand(rng, _B62, rng.randint(12, 24))


def url(rng: random.Random) -> str:
    tok = _rand(rng, _B62, rng.randint(22, 40))
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
        return f"https://onedrive.live.com/redir?resid={_rand(rng, _HEX, 16).upper()}%21{rng.randint(100, 999)}&authkey=!{tok}"
    if kind == 4:
        sig = _rand(rng, _HEX, 64)
        return f"https://kestrel-exports.s3.eu-west-1.amazonaws.com/payroll/2024-05.csv?X-Amz-Expires=3600&X-Amz-Signature={sig}"
    if kind == 5:
        return f"https://api.telegram.org/bot{rng.randint(10**8, 10**10)}:{tok}/sendMessage"
    if kind == 6:
        return f"https://calendar.tamarindhealth.org/ical/{_rand(rng, _HEX, 24)}/private-{tok}.ics"
    return f"https://portal.halcyonfreight.com.au/reset?email_token={tok}&uid={rng.randint(100, 99999)}"


def dob(rng: random.Random) -> str:
    y, m, d = rng.randint(1948, 2006), rng.randint(1, 12), rng.randint(1, 28)
    name = _MONTH_NAMES[m - 1]
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
        street = f"{rng.choice(_STREETS_EN)} {rng.choice(_STREET_KINDS_US)}"
        return f"{n} {street}{apt}, {rng.choice(_US_TOWNS)}"
    if kind == 1:
        street = f"{rng.choice(_STREETS_EN)} {rng.choice(_STREET_KINDS_UK)}"
        return f"{rng.randint(1, 120)} {street}, {rng.choice(_UK_TOWNS)}"
    if kind == 2:
        return f"{rng.choice(_DE_STREETS)} {rng.randint(1, 140)}, {rng.choice(_DE_TOWNS)}"
    if kind == 3:
        bis = rng.choice(["", " bis", " ter"])
        return f"{rng.randint(1, 90)}{bis}, {rng.choice(_FR_STREETS)}, {rng.choice(_FR_TOWNS)}"
    if kind == 4:
        return f"{rng.choice(_NL_STREETS)} {rng.randint(1, 400)}-{rng.randint(1, 3)}, {rng.choice(_NL_TOWNS)}"
    if kind == 5:
        block = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        return f"{block} {rng.choice(_JP_AREAS)} {rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    if kind == 6:
        return (
            f"Flat {rng.randint(101, 905)}, Sai Residency, {rng.randint(4, 20)}th Cross, "
            f"{rng.choice(_IN_AREAS)} {rng.randint(400001, 700099)}"
        )
    if kind == 7:
        return (
            f"{rng.choice(_BR_STREETS)}, {n} - Centro, São Paulo - SP, "
            f"{rng.randint(10000, 99999)}-{rng.randint(0, 999):03d}"
        )
    if kind == 8:
        return f"Unit {rng.randint(1, 40)}/{rng.randint(1, 200)} {rng.choice(_AU_STREETS)}"
    if kind == 9:
        return f"{rng.choice(_IT_STREETS)} {rng.randint(1, 120)}, {rng.randint(10100, 40141)} Bologna BO"
    if kind == 10:
        return (
            f"{rng.choice(_ES_STREETS)} {rng.randint(1, 300)}, {rng.randint(1, 8)}º B, 28009 Madrid"
        )
    if kind == 11:
        return f"{rng.choice(_PL_STREETS)} {rng.randint(1, 90)}/{rng.randint(1, 20)}, 31-019 Kraków"
    return f"{rng.randint(100, 9999)} Rue Sainte-Catherine O, Montréal, QC H3B 1K9"


def street(rng: random.Random) -> str:
    """A street line alone (for JSON fields next to a city)."""
    return rng.choice(
        [
            f"{rng.randint(1, 4999)} {rng.choice(_STREETS_EN)} {rng.choice(_STREET_KINDS_US)}",
            f"{rng.choice(_DE_STREETS)} {rng.randint(1, 140)}",
            f"{rng.randint(1, 90)} {rng.choice(_FR_STREETS)}",
            f"{rng.choice(_IT_STREETS)} {rng.randint(1, 120)}",
            f"{rng.choice(_PL_STREETS)} {rng.randint(1, 90)}/{rng.randint(1, 20)}",
        ]
    )


# -- decoys -----------------------------------------------------------------------------------


def _ts(rng: random.Random) -> str:
    y, mo, d = 2024, rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s, ms = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)
    return rng.choice(
        [
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{ms:03d}",
            f"{_MONTH_NAMES[mo - 1][:3]} {d:2d} {h:02d}:{mi:02d}:{s:02d}",
        ]
    )


def _date(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    day = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])
    return rng.choice(
        [
            f"{day} {d} {_MONTH_NAMES[m - 1]}",
            f"2024-{m:02d}-{d:02d}",
            f"{_MONTH_NAMES[m - 1][:3]} {d}",
        ]
    )


def _clock(rng: random.Random) -> str:
    h, m = rng.randint(7, 19), rng.choice([0, 15, 30, 45])
    return rng.choice([f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}"])


def _pick(items: Sequence[str]) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(items)


_DECOY_MAKERS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "version": ("DECOY_VERSION", lambda r: r.choice(["v", "", ""]) + f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}" + r.choice(["", "", "-rc.2", "-beta"])),
    "ticket": ("DECOY_TICKET", lambda r: r.choice(["SUP-", "CASE-00", "ZD-", "#", "OPS-"]) + str(r.randint(1000, 99999))),
    "order": ("DECOY_ORDER_NUMBER", lambda r: r.choice(["PO-2024-0", "A-", "ORD#", "BK"]) + str(r.randint(10000, 999999))),
    "ts": ("DECOY_TIMESTAMP", _ts),
    "clock": ("DECOY_TIMESTAMP", _clock),
    "date": ("DECOY_DATE", _date),
    "sha": ("DECOY_HASH", lambda r: _rand(r, _HEX, r.choice([7, 8, 12, 40]))),
    "sha256": ("DECOY_HASH", lambda r: "sha256:" + _rand(r, _HEX, 64)),
    "uuid": ("DECOY_UUID", lambda r: "-".join(_rand(r, _HEX, n) for n in (8, 4, 4, 4, 12))),
    "product": ("DECOY_PRODUCT", _pick(_PRODUCTS)),
    "word": ("DECOY_WORD", _pick(_WORDS)),
    "company": ("DECOY_COMPANY", _pick(_COMPANIES)),
    "size": ("DECOY_SIZE", lambda r: r.choice([f"{r.randint(2, 999)} MB", f"{r.randint(1, 64)}.{r.randint(0, 9)} GB", f"{r.choice([64, 128, 512])}KiB", f"{r.randint(1, 8)} TB"])),
    "duration": ("DECOY_DURATION", lambda r: r.choice([f"{r.randint(2, 900)}ms", f"{r.randint(5, 55)} min", f"{r.randint(1, 9)}h {r.randint(1, 59)}m", f"{r.randint(2, 14)} days", f"00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"])),
    "price": ("DECOY_PRICE", lambda r: r.choice([f"€{r.randint(10, 9999):,}.00", f"${r.randint(5, 499)}/month", f"£{r.randint(1, 999)}.{r.randint(0, 99):02d}", f"CHF {r.randint(100, 9000)}"])),
    "local": ("DECOY_LOCAL_IP", _pick(["127.0.0.1", "0.0.0.0", "localhost"])),
    "port": ("DECOY_PORT", _pick(["8080", "5432", "6443", "9200", "3306", "8000"])),
    "puburl": ("DECOY_PUBLIC_URL", _pick(_PUBLIC_URLS)),
    "flight": ("DECOY_FLIGHT", lambda r: f"{r.choice(_AIRLINES)} {r.randint(10, 2999)}"),
    "path": ("DECOY_FILE_PATH", _pick(_PATHS)),
    "status": ("DECOY_HTTP_STATUS", _pick(["200", "201", "302", "401", "403", "404", "429", "500", "503"])),
}  # fmt: skip

_SENSITIVE_MAKERS: dict[str, tuple[str | None, Callable[[random.Random], str]]] = {
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
    "city": ("LOCATION", _pick(_CITIES)),
    "lcity": ("LOCATION", lambda r: r.choice(_CITIES).lower()),
    "region": ("LOCATION", _pick(_REGION_VALUES)),
    "country": ("LOCATION", _pick(_COUNTRY_VALUES)),
    "place": ("LOCATION", lambda r: r.choice(r.choice([_CITIES, _REGION_VALUES, _COUNTRY_VALUES]))),
    # unlabelled filler
    "team": (None, _pick(_TEAMS)),
    "job": (None, _pick(_JOBS)),
    "hotel": (None, _pick(_HOTELS)),
    "relation": (None, _pick(_RELATIONS)),
    "iata": (None, _pick(_IATA)),
    "env": (None, _pick(_ENV_NAMES)),
    "n": (None, lambda r: str(r.randint(2, 480))),
    "prio": (None, _pick(["High", "Normal", "Urgent", "Low"])),
    "stage": (None, _pick(["Lead", "Qualified", "Proposal", "Won", "Lost", "Nurture"])),
}
_MAKERS = {**_SENSITIVE_MAKERS, **_DECOY_MAKERS}

# -- builder ----------------------------------------------------------------------------------

#: ``{slot}``, ``{slot2}`` (a second value of a kind), ``{p1}`` / ``{p1.first}`` (the doc's cast).
_SLOT = re.compile(r"\{([a-z][a-z0-9]*)(?:\.([a-z]+))?\}")
_PERSON_ATTRS = ("full", "first", "last", "lfirst", "handle", "login", "email", "rev", "upper", "initial")  # fmt: skip


@dataclass
class Builder:
    """Appends text, recording the exact span of every inserted value and decoy."""

    rng: random.Random
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    labels: list[Label] = field(default_factory=list)
    decoys: list[Label] = field(default_factory=list)
    cast: list[Person] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def put(self, entity_type: str | None, value: str) -> None:
        if entity_type and value:
            target = self.decoys if entity_type.startswith("DECOY_") else self.labels
            target.append(Label(self.pos, self.pos + len(value), entity_type))
        self.add(value)

    def person(self, i: int) -> Person:
        while len(self.cast) < i:
            p = new_person(self.rng)
            if all(p.given != q.given and p.family != q.family for q in self.cast):
                self.cast.append(p)
        return self.cast[i - 1]

    def put_person(self, p: Person, attr: str) -> None:
        if attr == "email":
            self.put("EMAIL_ADDRESS", p.email)
            return
        if attr == "handle":
            self.put("PERSON", "@" + p.handle)
            return
        value = {
            "full": p.full,
            "first": p.given,
            "last": p.family,
            "lfirst": p.given.lower(),
            "login": _fold(p.given),
            "rev": f"{p.family}, {p.given}",
            "upper": f"{_fold(p.family).upper()}/{_fold(p.given).upper()}",
            "initial": f"{p.given[0]}. {p.family}",
        }[attr]
        self.put("PERSON", value)

    def fill(self, template: str) -> None:
        at = 0
        for m in _SLOT.finditer(template):
            self.add(template[at : m.start()])
            name, attr = m.group(1), m.group(2)
            if re.fullmatch(r"p\d", name):
                if (attr or "full") not in _PERSON_ATTRS:
                    raise KeyError(f"{m.group(0)} in {template!r}")
                self.put_person(self.person(int(name[1])), attr or "full")
            else:
                key = name if name in _MAKERS else name.rstrip("0123456789")
                entity_type, make = _MAKERS[key]
                self.put(entity_type, make(self.rng))
            at = m.end()
        self.add(template[at:])

    def lines(self, templates: Sequence[str], n: int, sep: str = "\n", prefix: str = "") -> None:
        for t in self.rng.sample(list(templates), min(n, len(templates))):
            self.fill(prefix)
            self.fill(t)
            self.add(sep)

    def json(self, obj: object, indent: int = 0, step: int = 2) -> None:
        """Write ``obj`` as JSON; leaves given as ``(slot,)`` tuples are drawn and labelled."""
        pad = " " * (indent + step)
        if isinstance(obj, dict):
            self.add("{\n")
            for i, (k, v) in enumerate(obj.items()):
                self.add(f'{pad}"{k}": ')
                self.json(v, indent + step, step)
                self.add(",\n" if i < len(obj) - 1 else "\n")
            self.add(" " * indent + "}")
        elif isinstance(obj, list):
            self.add("[")
            for i, v in enumerate(obj):
                self.json(v, indent, step)
                if i < len(obj) - 1:
                    self.add(", ")
            self.add("]")
        elif isinstance(obj, tuple):  # a template for a string value
            self.add('"')
            self.fill(obj[0])
            self.add('"')
        elif isinstance(obj, bool) or obj is None:
            self.add({True: "true", False: "false", None: "null"}[obj])
        elif isinstance(obj, int | float):
            self.add(str(obj))
        else:
            self.add(f'"{obj}"')

    def doc(self, kind: str) -> Doc:
        return Doc("".join(self.parts), kind, self.labels, self.decoys)


# -- templates --------------------------------------------------------------------------------

MEETING_HEADERS = [
    "# {word} sync, {date}\n\nAttendees: {p1}, {p2} and {p3}\nApologies: {p4.first}\nScribe: {p2.initial}\n\n",
    "Meeting notes ({date}, {clock})\nPresent: {p1.first}, {p2.first}, {p3.first}, Dr. {p4.last}\n\n",
    "**{company} x {company2}: partnership call**\nWho: {p3} (them), {p1} and {p2} (us)\nWhen: {date} {clock}\n\n",
]
MEETING_LINES = [
    "- {p1.first} walked us through the {product} numbers; churn is flat at {duration} median session.",
    "- Action: {p2.first} to ask {p3.first}'s team about the {city} warehouse lease.",
    "- Dr. {p4.last} joined late from {city} and raised the {ticket} outage.",
    "- Budget for {word} approved ({price}), owner {p3.last}.",
    "- We will move the offsite to {place}; {p1.first} is checking hotels.",
    "- Decision: ship {product} {version} after {p2.last} signs off.",
    "- {p3}'s laptop was stolen in {city}; IT wiped it remotely (see {ticket}).",
    "- New hire starts {date}, reports to Ms. {p2.last}; desk next to {p1.first}.",
    "- Customer escalation: {name} (phone {phone}) wants a callback before {clock}.",
    "- Nobody objected to the {duration} timebox.",
    "- {p1.first}, {p2.first} and {p4.first} will pair on the {word} migration.",
    "- Follow-up with the vendor in {country} about the {size} storage tier.",
    "- Open question from {p2.last}: do we keep the {region} pilot?",
    "- Reminder: the shared folder {url} must not leave the team.",
    "- Postmortem for {ticket} is owned by {p4}.",
    "- Thanks to {p3.first} for covering on-call while {p1.first} was in {city}.",
    "- Prof. {p4.last} agreed to review the {word} paper by {date}.",
    "- Mr. {p1.last} from {company} confirmed the invoice {order}.",
    "- Per {p2}, the {region} office closes for {duration} in August.",
    "- TODO ({p3.initial}): send the signed NDA to {email}.",
]
TICKET_HEADERS = [
    "Ticket {ticket} | Priority: {prio} | Channel: web\nRequester: {p1} <{p1.email}>\nAssignee: {p2.first} ({team})\nCreated: {ts}\n\n",
    "[{ticket}] {product} — billing issue\nFrom: {p1.email}\nCustomer name: {p1.rev}\nStatus: open · SLA {duration}\n\n",
]
TICKET_CUSTOMER = [
    "Hello, I ordered {product} (order {order}) and it still hasn't arrived at {address}.",
    "My card {card} was charged twice, please refund one of them.",
    "You can reach me on {phone} between {clock} and {clock2}.",
    "The account is under my wife's name, {p3}, date of birth {dob}.",
    "I already tried resetting; the password I set was {password} and it still says invalid.",
    "Please send the invoice to {email} instead of my work address.",
    "I moved from {city} to {city2} last month so the billing address is wrong.",
    "Refund to my bank please: {iban}.",
    "The page showed error {status} after {duration} of loading.",
    "My SSN is {ssn} if you need it for verification.",
    "I'm writing on behalf of my father, {name}, who can't use the app.",
    "New delivery address: {address} (ring twice).",
    "Born {dob}, in case you need to find my profile.",
]
TICKET_AGENT = [
    "Hi {p1.first}, thanks for your patience.",
    "I've escalated this to our billing team in {city}; reference {ticket}.",
    "For security please never share your full card number or password in a ticket.",
    "{p2.first} from {team} here: I've issued the refund of {price}.",
    "Could you confirm the last login? We see {ip} from {country}.",
    "Internal note: customer verified via DOB ({dob}) and phone {phone}.",
    "Merged with {ticket}; {p4} handles chargebacks for {region}.",
    "Sorry for the trouble, {p1.first}; the fix ships in {version}.",
]
HR_LINES = [
    "We're thrilled you're joining the {team} team in {city}.",
    "Your first day is {date}; please ask for {p2} at reception ({address}).",
    "Your buddy for the first month is {p3.first} {p3.last}.",
    "Payroll needs your SSN ({ssn}) and the IBAN for your salary: {iban}.",
    "We have your date of birth as {dob}; let us know if that's wrong.",
    "Temporary password for the portal: {password} (you'll be asked to change it).",
    "Emergency contact on file: {name} ({relation}), {phone}.",
    "Ms. {p2.last} will walk you through the {product} training ({duration}).",
    "Please reply to {p2.email} with a scan of your passport.",
    "Relocation: the apartment at {address} is booked until {date}.",
    "Benefits enrolment closes in {duration}; questions go to {p4}.",
    "Welcome lunch with {p2.first}, {p3.first} and {p4.first} at {clock}.",
    "Your corporate card {card} arrives by post within {duration}.",
    "{p3.first}'s old desk in the {city} office is yours now.",
]
TRAVEL_LINES = [
    "Hotel: {hotel}, {address}. Check-in {date}.",
    "Local contact in {city}: {name}, {phone}.",
    "Visa letter addressed to {p1} was sent to {p1.email}.",
    "Car pick-up by {name} at {address}.",
    "Note from {p2.first}: the {city} office is a short walk from the hotel.",
    "Booking paid with card {card}; receipt {order}.",
    "Day 2: workshop in {city}, {country}; dinner with {p3} and {p4}.",
    "Return via {city} with a {duration} layover.",
    "Emergency number of the traveller's {relation}, {name}: {phone}.",
    "Weekend trip to {region} is at the traveller's own cost ({price}).",
]
CHAT_LINES = [
    "hey {p2.handle} did you get {p3.lfirst}'s email",
    "yeah its {email}",
    "lol ok",
    "brb coffee",
    "can someone ping {p3.lfirst}? shes in {lcity} this week",
    "deployed {version} to staging, {duration} downtime",
    "fyi the staging db pw is {password}",
    "heres the token dont paste it anywhere: {secret}",
    "{p4.lfirst} and {p2.lfirst} are out today",
    "call me {phone}",
    "my new addy is {address} if u want to send the thing",
    "who broke {ticket} lmao",
    "anyone know {p3.first}'s number",
    "thx {p1.lfirst}!!",
    "pushed {sha} to main",
    "the client ip was {ip}, blocked it",
    "ugh {product} is down again",
    "meeting moved to {clock}",
    "{p2.handle} can u approve pls",
    "ok ill loop in {p4.lfirst} from the {lcity} team",
    "link (dont share): {url}",
    "+1 to what {p1.handle} said",
    "back from {country}, jetlagged af",
]
EMAIL_BODY = [
    "Hi {p2.first}, see below from {p1.first}; can you handle?",
    "Looping in {p4}, who owns the {region} accounts.",
    "{p3.first}, can you confirm the new bank details ({iban}) by phone before we pay?",
    "Adding {p4.first} in cc. Please don't reply-all with the card number again.",
    "The contract sits at {url}; the link expires in {duration}.",
    "FYI {p1.last} is on leave until {date}.",
]
EMAIL_QUOTED = [
    "> {p2.first}, the signed copy is in the shared folder now.",
    "> Our accountant {name} needs the IBAN again: {iban}.",
    "> I'll be in {city} next week, call my mobile {phone}.",
    "> Attaching the {product} quote ({price}), valid for {duration}.",
    "> Please update the address on file to {address}.",
    "> Thanks {p2.first}! Regards to {p4.first}.",
    "> The card on the account is {card}, holder {p1}.",
]
EMAIL_SIGNATURES = [
    "--\n{p1}\n{job} | {company}\n{address}\nT {phone} | M {phone2}\n{p1.email}\n",
    "Best,\n{p1.first}\n\n{p1} · {job}\n{company} · {city}, {country}\nDirect: {phone}\n",
    "Kind regards / Mit freundlichen Grüßen\n\n{p1.initial}\n{company}\nMobile {phone}\n",
]
CRM_TABLES = [
    ("| Contact | Company | Email | Phone | City | Owner | Stage |",
     "| {name} | {company} | {email} | {phone} | {city} | {p1.first} | {stage} |"),
    ("| Name | DOB | SSN | Home address | Notes |",
     "| {name} | {dob} | {ssn} | {address} | follow up {date} |"),
    ("| # | Customer | Card | Amount | Status | Ref |",
     "| {n} | {name} | {card} | {price} | settled | {order} |"),
    ("| Account holder | IBAN | Country | Last login IP |",
     "| {name} | {iban} | {country} | {ip} |"),
]  # fmt: skip
SHELL_LINES = [
    "export {env}={secret}",
    "curl -s -H 'Authorization: Bearer {secret}' https://api.orrerylabs.io/v1/users",
    "curl -u admin:{password} https://{ip4}:{port}/api/health",
    "mysql -h {ip4} -u root -p'{password}' billing",
    "ssh -i ~/.ssh/id_ed25519 deploy@{ip}",
    "git clone https://oauth2:{secret}@gitlab.com/kestrel/infra.git",
    "docker run -e POSTGRES_PASSWORD={password} -p {port}:5432 postgres:{version}",
    "psql postgresql://app:{password}@{ip4}:5432/prod",
    "kubectl create secret generic stripe --from-literal=api-key={secret}",
    "ping -c 3 {ip}",
    "git checkout {sha}",
    "tail -f {path}",
    "du -sh /srv/data  # {size}",
    "aws configure set aws_secret_access_key {awssecret}",
    "python manage.py createsuperuser --email {email}",
    "scp invoice.pdf {p1.login}@{ip4}:~/",
    "pip install requests=={version}",
    "sudo systemctl restart nginx",
    "redis-cli -h {local} -p 6379 -a '{password}' ping",
    "echo '{p2}' >> ~/oncall.txt",
    "curl {puburl}",
    "htop",
]
LOG_LINES = [
    "{ts} INFO  [auth] login succeeded user={email} src={ip} in {duration}",
    "{ts} WARN  [billing] retry {n}/3 for order {order} (card={card})",
    "{ts} ERROR [kyc] mismatch name='{name}' dob={dob} ssn={ssn}",
    "{ts} DEBUG [http] GET {url} {status}",
    "{ts} INFO  [mailer] sent welcome mail to {p1} <{p1.email}>",
    "{ts} INFO  [geo] resolved {ip} -> {city}, {country}",
    "{ts} DEBUG [cfg] loaded {path} ({size})",
    "{ts} INFO  [worker] job {uuid} finished in {duration}",
    "{ts} WARN  [db] slow query {duration} on {local}:{port}",
    'level=error ts={ts} msg="webhook failed" url={url} attempt={n}',
    "{ts} INFO  [sftp] upload by {p1.login} from {ip}: {path}",
    '{ts} INFO  [payout] iban={iban} amount={price} beneficiary="{name}"',
    "{ts} DEBUG [release] {product} {version} build {sha256}",
]
TRACE_MESSAGES = [
    "ValueError: could not charge card {card} for customer {name}",
    "KeyError: '{email}'",
    'psycopg2.OperationalError: connection to server at "{ip4}", port 5432 failed: FATAL: password authentication failed for user "app"',
    "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: {url}",
    "app.errors.DuplicateCustomer: {name} ({dob}) already exists in {city}",
    "stripe.error.AuthenticationError: Invalid API Key provided: {secret}",
]
JAVA_MESSAGES = [
    "com.kestrel.crm.ContactNotFoundException: No contact for {email}",
    "java.lang.IllegalStateException: phone {phone} already bound to user {p1}",
    "javax.security.auth.login.LoginException: bad credentials for {p1.login} from {ip}",
]


def _n_templates() -> int:
    tables = len(CRM_TABLES) * 2
    lists = (
        MEETING_HEADERS, MEETING_LINES, TICKET_HEADERS, TICKET_CUSTOMER, TICKET_AGENT, HR_LINES,
        TRAVEL_LINES, CHAT_LINES, EMAIL_BODY, EMAIL_QUOTED, EMAIL_SIGNATURES, SHELL_LINES,
        LOG_LINES, TRACE_MESSAGES, JAVA_MESSAGES,
    )  # fmt: skip
    return sum(map(len, lists)) + tables + len(JSON_SHAPES) + 4  # + hr/travel/chat/email frames


# -- document kinds ---------------------------------------------------------------------------


def _meeting(b: Builder) -> None:
    b.fill(b.rng.choice(MEETING_HEADERS))
    b.lines(MEETING_LINES, b.rng.randint(5, 10))


def _ticket(b: Builder) -> None:
    rng = b.rng
    b.fill(rng.choice(TICKET_HEADERS))
    b.lines(TICKET_CUSTOMER, rng.randint(2, 5), sep=" ")
    b.fill("\n\n---\nReply from {p2.first} ({ts}):\n")
    b.lines(TICKET_AGENT, rng.randint(2, 4), sep=" ")
    b.add("\n")


def _hr(b: Builder) -> None:
    rng = b.rng
    b.fill(rng.choice(["Subject: Welcome to {company}, {p1.first}!\n\n", "Subject: Onboarding checklist for {p1}\n\n"]))  # fmt: skip
    b.fill(rng.choice(["Hi {p1.first},\n\n", "Dear {p1},\n\n", "Welcome aboard {p1.first}!\n\n"]))
    b.lines(HR_LINES, rng.randint(4, 8), sep=" ")
    b.fill("\n\nSee you soon,\n{p2.first}\nPeople Ops, {company}\n")


def _travel(b: Builder) -> None:
    rng = b.rng
    b.fill("TRAVEL ITINERARY, {company} travel desk\nPassenger: {p1.upper}  DOB: {dob}\n")
    b.fill("Booking ref: {order}\nMobile: {phone}\n\n")
    for _ in range(rng.randint(2, 4)):
        a, c = rng.sample(_IATA, 2)
        b.fill(
            "{date}  {flight}  "
            + f"{a} -> {c}"
            + "  dep {clock} arr {clock2}"
            + f"  ({rng.randint(1, 13)}h {rng.randint(0, 59):02d}m)\n"
        )
    b.add("\n")
    b.lines(TRAVEL_LINES, rng.randint(3, 6))


def _chat(b: Builder) -> None:
    rng = b.rng
    for _ in range(rng.randint(8, 18)):
        who = rng.randint(1, 4)
        head = rng.choice(
            [
                "[{clock}] {p%d.handle}: ",
                "{p%d.lfirst}  {clock}\n",
                "<{p%d.handle}> ",
                "{p%d}  {clock}\n",
            ]
        )
        b.fill(head % who)
        b.fill(rng.choice(CHAT_LINES))
        b.add("\n")


def _email(b: Builder) -> None:
    rng = b.rng
    b.fill(
        "---------- Forwarded message ---------\nFrom: {p1} <{p1.email}>\nDate: {date}, {clock}\n"
    )
    b.fill("Subject: Fwd: {word} contract\nTo: {p2} <{p2.email}>\nCc: {p3.email}, {p4.email}\n\n")
    b.lines(EMAIL_BODY, rng.randint(1, 3), sep=" ")
    b.fill("\n\nOn {date} at {clock}, {p3} <{p3.email}> wrote:\n")
    b.lines(EMAIL_QUOTED, rng.randint(2, 5))
    b.add("\n")
    b.fill(rng.choice(EMAIL_SIGNATURES))


def _crm(b: Builder) -> None:
    rng = b.rng
    head, row = rng.choice(CRM_TABLES)
    b.fill("### Pipeline export ({date}), owner {p1}\n\n" if rng.random() < 0.5 else "")
    b.add(head + "\n")
    b.add("|" + "---|" * (head.count("|") - 1) + "\n")
    for _ in range(rng.randint(3, 8)):
        b.fill(row)
        b.add("\n")


JSON_SHAPES: list[dict] = [
    {
        "event": "user.created",
        "id": ("{uuid}",),
        "ts": ("{ts}",),
        "user": {
            "first_name": ("{p1.first}",),
            "last_name": ("{p1.last}",),
            "email": ("{p1.email}",),
            "phone": ("{phone}",),
            "date_of_birth": ("{dob}",),
            "address": {"street": ("{street}",), "city": ("{city}",), "country": ("{country}",)},
        },
        "client": {"ip": ("{ip}",), "app_version": ("{version}",), "retries": 0},
    },
    {
        "payment_id": ("{order}",),
        "amount": ("{price}",),
        "card": {"number": ("{card}",), "holder": ("{name}",), "exp": "09/28"},
        "billing_iban": ("{iban}",),
        "customer_email": ("{email}",),
        "captured": True,
    },
    {
        "service": ("{product}",),
        "version": ("{version}",),
        "credentials": {
            "api_key": ("{secret}",),
            "password": ("{password}",),
            "webhook": ("{url}",),
        },
        "db_host": ("{ip4}",),
        "docs": ("{puburl}",),
        "checksum": ("{sha256}",),
    },
    {
        "ticket": ("{ticket}",),
        "reporter": ("{p1}",),
        "assignees": [("{p2.handle}",), ("{p3.handle}",)],
        "notes": ("call back on {phone}, ssn {ssn} verified",),
        "attachments_size": ("{size}",),
    },
]


def _json(b: Builder) -> None:
    if b.rng.random() < 0.4:
        b.fill("POST /v2/{word}/events HTTP/1.1\nHost: api.orrerylabs.io\nAuthorization: Bearer {secret}\n\n")  # fmt: skip
    b.json(b.rng.choice(JSON_SHAPES))
    b.add("\n")


def _shell(b: Builder) -> None:
    rng = b.rng
    start = rng.randint(100, 1900)
    for i, t in enumerate(rng.sample(SHELL_LINES, rng.randint(7, 14))):
        b.add(rng.choice([f"{start + i:5d}  ", "$ ", "❯ "]))
        b.fill(t)
        b.add("\n")


def _logs(b: Builder) -> None:
    rng = b.rng
    b.lines(LOG_LINES, rng.randint(3, 7))
    if rng.random() < 0.5:
        b.add("Traceback (most recent call last):\n")
        for mod, fn in rng.sample([("billing/charge", "charge"), ("api/views", "post"), ("crm/sync", "run"), ("kyc/check", "verify")], 2):  # fmt: skip
            b.add(f'  File "/srv/app/{mod}.py", ')
            b.put("DECOY_LINE_NUMBER", f"line {rng.randint(10, 900)}")
            b.add(f", in {fn}\n    result = {fn}(payload)\n")
        b.fill(rng.choice(TRACE_MESSAGES))
    else:
        b.add('Exception in thread "main" ')
        b.fill(rng.choice(JAVA_MESSAGES))
        for cls in rng.sample(["ContactService", "SyncJob", "Gateway", "LoginFlow"], 3):
            b.add(f"\n\tat com.kestrel.crm.{cls}.run({cls}.java:{rng.randint(20, 400)})")
    b.add("\n")
    b.lines(LOG_LINES, rng.randint(1, 3))


KINDS: dict[str, Callable[[Builder], None]] = {
    "meeting": _meeting,
    "ticket": _ticket,
    "hr": _hr,
    "travel": _travel,
    "chat": _chat,
    "email": _email,
    "crm": _crm,
    "json": _json,
    "shell": _shell,
    "log": _logs,
}


def generate(seed: int, n_docs: int) -> list[Doc]:
    """``n_docs`` documents, the kinds in turn, every value drawn from ``Random(seed)``."""
    rng = random.Random(seed)
    names = list(KINDS)
    docs = []
    for i in range(n_docs):
        kind = names[i % len(names)]
        b = Builder(rng)
        KINDS[kind](b)
        docs.append(b.doc(kind))
    return docs


# -- scoring and report -----------------------------------------------------------------------


def run_path(path: str, docs: Sequence[Doc], warm: Sequence[str]) -> tuple[Quality, float, int]:
    """(quality, seconds, documents withheld on error) of one path over ``docs``."""
    from benchmarks.bench_text import make_runner

    run = make_runner(path)
    run(warm)
    t = time.perf_counter()
    spans, outputs, errors = run([d.text for d in docs])
    return score_corpus(docs, spans, outputs), time.perf_counter() - t, len(errors)


def examples(
    docs: Sequence[Doc], q: Quality, per_type: int, width: int = 40
) -> dict[str, list[str]]:
    """A few leaks per type, spread over document kinds and values (fully recoverable first)."""
    from benchmarks.bench_text import _context

    out: dict[str, list[str]] = {}
    groups: dict[str, list[LabelOutcome]] = {}
    for o in q.leaks():
        groups.setdefault(o.label.entity_type, []).append(o)
    for k, leaks in groups.items():
        leaks.sort(key=lambda o: (not o.recoverable, o.doc_index))
        picked: list[LabelOutcome] = []
        kinds: set[str] = set()
        for o in leaks:  # one per document kind first
            kind = docs[o.doc_index].kind
            if kind not in kinds and len(picked) < per_type:
                picked.append(o)
                kinds.add(kind)
        for o in leaks:
            if len(picked) >= per_type:
                break
            if o not in picked:
                picked.append(o)
        out[k] = [_context(docs[o.doc_index], o.label, width, q.spans[o.doc_index]) for o in picked]
    return out


PERSON_FORMS = (
    "full name (2+ words)",
    "one name alone",
    "SURNAME/GIVEN (airline)",
    "lower-case name or login",
    "@handle",
)
#: forms redactkit documents as out of reach (docs/entities.md: lower-case names) or that no
#: detector looks for (chat handles); the overall leak rate is also given without them.
_UNCASED = frozenset(PERSON_FORMS[3:])


def person_form(value: str) -> str:
    """How a PERSON value is written (exact for this generator's values)."""
    if value.startswith("@"):
        return PERSON_FORMS[4]
    if value.islower():
        return PERSON_FORMS[3]
    if "/" in value:
        return PERSON_FORMS[2]
    return PERSON_FORMS[0] if " " in value else PERSON_FORMS[1]


def _is_uncased(docs: Sequence[Doc], o: LabelOutcome) -> bool:
    value = docs[o.doc_index].text[o.label.start : o.label.end]
    return o.label.entity_type == "PERSON" and person_form(value) in _UNCASED


def cased_leak_rate(docs: Sequence[Doc], q: Quality) -> float:
    """Leak rate over all values except @handles and lower-case names."""
    kept = [o for o in q.outcomes if not _is_uncased(docs, o)]
    return sum(o.leaked for o in kept) / len(kept) if kept else 0.0


def person_rows(docs: Sequence[Doc], ours: Quality, theirs: Quality) -> list[list[str]]:
    counts = {f: [0, 0, 0] for f in PERSON_FORMS}  # n, leaked by ours, leaked by theirs
    for a, b in zip(ours.outcomes, theirs.outcomes, strict=True):
        if a.label.entity_type == "PERSON":
            c = counts[person_form(docs[a.doc_index].text[a.label.start : a.label.end])]
            c[0] += 1
            c[1] += a.leaked
            c[2] += b.leaked
    return [
        [f, str(n), f"{_pct(x / n)} ({x})", f"{_pct(y / n)} ({y})"]
        for f, (n, x, y) in counts.items()
        if n
    ]


PERSON_HEAD = ["PERSON written as", "n", "redactkit leak", "Presidio leak"]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def overall_rows(docs: Sequence[Doc], ours: Quality, theirs: Quality) -> list[list[str]]:
    o, t = ours.overall, theirs.overall
    return [
        ["leak rate", _pct(o.leak_rate), _pct(t.leak_rate)],
        ["leak rate without @handles and lower-case names", _pct(cased_leak_rate(docs, ours)), _pct(cased_leak_rate(docs, theirs))],
        ["fully recoverable", _pct(o.recoverable_rate), _pct(t.recoverable_rate)],
        ["sensitive characters left", _pct(o.char_leak_rate), _pct(t.char_leak_rate)],
        ["decoys damaged", _pct(ours.decoy_overall.damaged_rate), _pct(theirs.decoy_overall.damaged_rate)],
        ["decoy characters masked", _pct(ours.decoy_overall.masked_rate), _pct(theirs.decoy_overall.masked_rate)],
        ["other text masked", _pct(ours.other_masked_rate), _pct(theirs.other_masked_rate)],
    ]  # fmt: skip


def type_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    rows = []
    for k in sorted(ours.by_type, key=lambda k: (-ours.by_type[k].leak_rate, k)):
        a, b = ours.by_type[k], theirs.by_type[k]
        rows.append([k, str(a.total), f"{_pct(a.leak_rate)} ({a.leaked})", _pct(a.recoverable_rate),
                     f"{_pct(b.leak_rate)} ({b.leaked})", _pct(b.recoverable_rate)])  # fmt: skip
    return rows


def decoy_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    return [
        [k.removeprefix("DECOY_").lower(), str(ours.decoys[k].total),
         _pct(ours.decoys[k].damaged_rate), _pct(theirs.decoys[k].damaged_rate)]
        for k in sorted(ours.decoys, key=lambda k: (-ours.decoys[k].damaged_rate, k))
    ]  # fmt: skip


def kind_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    return [
        [k, str(ours.by_kind[k].total), _pct(ours.by_kind[k].leak_rate), _pct(theirs.by_kind[k].leak_rate)]
        for k in KINDS
        if k in ours.by_kind
    ]  # fmt: skip


TYPE_HEAD = ["entity type", "n", "redactkit leak", "recoverable", "Presidio leak", "recoverable"]
DECOY_HEAD = ["decoy", "n", "redactkit damaged", "Presidio damaged"]
KIND_HEAD = ["kind", "labelled values", "redactkit leak", "Presidio leak"]


def print_report(docs: Sequence[Doc], ours: Quality, theirs: Quality, per_type: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 160)

    def table(title: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        t = Table(title=title)
        for i, h in enumerate(head):
            t.add_column(h, justify="left" if i == 0 else "right")
        for r in rows:
            t.add_row(*r)
        console.print(t)

    chars = sum(len(d.text) for d in docs)
    table(f"Held-out text: {len(docs)} documents, {chars:,} characters", ["", "redactkit", "Presidio"], overall_rows(docs, ours, theirs))  # fmt: skip
    table("Leak rate per entity type (count)", TYPE_HEAD, type_rows(ours, theirs))
    table("PERSON by how it is written", PERSON_HEAD, person_rows(docs, ours, theirs))
    table("Decoys damaged", DECOY_HEAD, decoy_rows(ours, theirs))
    table("Leak rate per document kind", KIND_HEAD, kind_rows(ours, theirs))
    console.print("[bold]Leaked by redactkit (examples; █ = masked)[/bold]")
    for k, items in examples(docs, ours, per_type).items():
        for s in items:
            console.print(f"  {k}: {s}", markup=False, highlight=False, soft_wrap=True)


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return out + ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]


def section(command: str, seed: int, docs: Sequence[Doc], ours: Quality, theirs: Quality) -> str:
    chars = sum(len(d.text) for d in docs)
    lines = [
        BEGIN,
        "## Held-out text (a second generator)",
        "",
        f"Generated by `{command}` on {time.strftime('%Y-%m-%d')}; do not edit by hand.",
        "",
        "The text section above scores a corpus from `corpora.text`, on whose leaks "
        "detection rules were partly tuned, so its figures flatter detection. This corpus comes from "
        "`benchmarks/heldout_text.py`, a generator written separately and from scratch: other "
        "document kinds, other sentence templates, its own names (many cultures, multi-part and "
        "family-first), places, street-address, phone and date formats. It measures how far "
        "detection generalises to text it was not tuned on; a rule added because of a leak here "
        "stops this corpus from being held out, so fix the cause, not the example.",
        "",
        "Since it was written, detection was changed for causes its seed-11 leak list showed "
        "(context words glued to values, `dob=`/`ssn=`; Markdown table columns; passwords in "
        "`mysql -p'...'`, `redis-cli -a`, `aws configure set` and in sentences; attendee "
        "lists; person labels such as `beneficiary=`): seed 11 is no longer held out. Other "
        "seeds draw other values from the same templates, so they are only partly held out "
        "too; on seed 23, measured before and after those changes: leak rate 25.7% -> 21.1%, "
        "15.0% -> 9.8% without @handles and lower-case names (Presidio 32.0% / 23.6%). A second "
        "round (street and country labels, names after particles and in airline form, more "
        "sign-offs, 'moved from X to Y', 'Town, Country' with a list of countries, numbers named "
        "a phone in any national format), on seed 29: 19.8% -> 17.6%, 9.1% -> 6.7% (Presidio "
        "31.5% / 23.3%); then chat @mentions as people (not decorators, doc tags or at-rules): "
        "17.6% -> 11.3%. A generator with new templates is the next honest measure.",
        "",
        f"Corpus: {len(docs)} documents ({', '.join(KINDS)}), {chars:,} characters, seed {seed}, "
        f"{ours.overall.total:,} labelled values, {ours.decoy_overall.total:,} decoys, "
        f"{_n_templates()} templates. redactkit is `TextRedactor().redact` with its default "
        "policy; Presidio is `AnalyzerEngine` with its default English recognizers on the same "
        "spaCy model. Keys and tokens are labelled `SECRET` (masked under any type counts); "
        "only dates of birth are `DATE_TIME`. Leak, recoverable and decoy damage are defined as "
        "in the text section above.",
        "",
        "### Overall",
        "",
        *_md_table(["", "redactkit", "Presidio"], overall_rows(docs, ours, theirs)),
        "",
        "### Per entity type (leak rate, leaked count in brackets)",
        "",
        *_md_table(TYPE_HEAD, type_rows(ours, theirs)),
        "",
        "### PERSON by how it is written",
        "",
        *_md_table(PERSON_HEAD, person_rows(docs, ours, theirs)),
        "",
        "Chat handles (`@priya.s`) and lower-case names (`ask priya`, `scp f priya@host`) are "
        "labelled `PERSON` here; lower-case names are a documented limitation "
        "(docs/entities.md), so the overall table also gives the leak rate without them.",
        "",
        "### Decoys (over-redaction)",
        "",
        *_md_table(DECOY_HEAD, decoy_rows(ours, theirs)),
        "",
        "### Per document kind",
        "",
        *_md_table(KIND_HEAD, kind_rows(ours, theirs)),
        "",
        "### What redactkit leaks here",
        "",
    ]
    ex = examples(docs, ours, per_type=3, width=32)
    leaking = [k for k, _ in sorted(ours.by_type.items(), key=lambda kv: -kv[1].leak_rate) if ours.by_type[k].leaked]  # fmt: skip
    if not leaking:
        lines.append("No labelled value leaked on this corpus.")
    for k in leaking:
        t = ours.by_type[k]
        lines.append(f"- **{k}**: {t.leaked} of {t.total} leaked ({_pct(t.leak_rate)}), e.g.")
        lines += [f"  - `{s.replace('`', chr(39))}`" for s in ex.get(k, [])]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=11, help="corpus seed (default 11)")
    ap.add_argument("--docs", type=int, default=300, help="number of documents (default 300)")
    ap.add_argument("--examples", type=int, default=4, help="leak examples per type to print")
    ap.add_argument("--out", type=Path, default=None, help="also write the section to this file")
    args = ap.parse_args(argv)
    command = f"python -m benchmarks.heldout_text --seed {args.seed} --docs {args.docs}"
    if args.out:
        command += f" --out {args.out}"
    docs = generate(args.seed, args.docs)
    warm = [d.text for d in generate(args.seed ^ 0x5EED, 10)]
    chars = sum(len(d.text) for d in docs)
    print(
        f"{len(docs)} documents, {chars:,} characters, {_n_templates()} templates", file=sys.stderr
    )
    ours, t_ours, e_ours = run_path(OURS, docs, warm)
    theirs, t_theirs, e_theirs = run_path(THEIRS, docs, warm)
    print(f"redactkit {t_ours:.1f}s ({e_ours} withheld), presidio {t_theirs:.1f}s ({e_theirs} withheld)", file=sys.stderr)  # fmt: skip
    print_report(docs, ours, theirs, args.examples)
    if args.out:
        replace_section(args.out, BEGIN, END, section(command, args.seed, docs, ours, theirs))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
