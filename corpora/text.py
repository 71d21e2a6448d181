"""A labelled corpus of the text a knowledge worker produces, for benchmarks and tests.

Detection is judged on documents it has never seen, so every run draws new values and new
layouts from a seeded ``random.Random``: prose, chat, e-mail, logs, config files, code, CRM rows
and shell history. Each sensitive value is inserted with its exact character span and entity type.
Look-alikes that must survive (versions, log timestamps, UUIDs, SHAs, prices, ...) are recorded
as decoys, so that over-redaction can be measured as precisely as leaks.

Decisions on what counts as personal: loopback and unspecified addresses (``127.0.0.1``,
``0.0.0.0``, ``::1``, ``localhost``) are decoys, they identify no machine or person; every other
IP address, private (RFC 1918) ones included, is ``IP_ADDRESS``, since an internal address maps
a network and a device. A URL is sensitive (``URL``) when it carries a token or a private document
id; links to public documentation are decoys. Log timestamps and meeting times are decoys; dates
of birth are ``DATE_TIME``. Of a pasted private key only the base64 body is labelled: the
BEGIN/END lines name the format and reveal nothing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpora.values import SLOTS, email_for, pem_body, person, person_parts

KINDS: tuple[str, ...] = (
    "prose",
    "chat",
    "email",
    "log",
    "env",
    "yaml",
    "json",
    "ini",
    "python",
    "js",
    "csv",
    "shell",
)


@dataclass
class Label:
    """A span of a generated document; the value is ``text[start:end]``."""

    start: int
    end: int
    entity_type: str


@dataclass
class Doc:
    """One generated document: sensitive ``labels`` and look-alike ``decoys`` (``DECOY_<what>``)."""

    text: str
    kind: str
    labels: list[Label]
    decoys: list[Label]


_SLOT = re.compile(r"\[\[(\w+)\]\]")


@dataclass
class _Builder:
    """Appends text and records the span of every inserted value, so labels are exact by
    construction rather than found again afterwards."""

    rng: random.Random
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    labels: list[Label] = field(default_factory=list)
    decoys: list[Label] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def put(self, entity_type: str | None, value: str) -> None:
        if value and entity_type:
            spans = self.decoys if entity_type.startswith("DECOY_") else self.labels
            spans.append(Label(self.pos, self.pos + len(value), entity_type))
        self.add(value)

    def fill(self, template: str, **fixed: str) -> None:
        """Write ``template``, drawing a fresh value for each ``[[slot]]`` unless it is fixed.

        Slot names end in digits to tell apart two values of one kind (``[[person2]]``).
        """
        at = 0
        for m in _SLOT.finditer(template):
            self.add(template[at : m.start()])
            key = m.group(1)
            entity_type, make = SLOTS[key if key in SLOTS else key.rstrip("0123456789")]
            self.put(entity_type, fixed[key] if key in fixed else make(self.rng))
            at = m.end()
        self.add(template[at:])

    def doc(self, kind: str) -> Doc:
        return Doc("".join(self.parts), kind, self.labels, self.decoys)


def _lines(b: _Builder, templates: list[str], n: int, end: str = "\n", **fixed: str) -> None:
    for _ in range(n):
        b.fill(b.rng.choice(templates), **fixed)
        b.add(end)


_FILLER = [
    "The [[product]] migration is on track for the next sprint.",
    "We agreed to revisit the roadmap after the [[word]] review.",
    "Build [[version]] fixed the flaky upload test ([[ticket]]).",
    "Latency dropped to [[duration]] after the cache change.",
    "The dashboard colour is now [[color]] to match the brand guide.",
    "Order [[order]] was shipped and invoiced at [[price]].",
    "See [[pub_url]] for the background.",
    "The nightly job writes to [[path]] and takes about [[duration]].",
    "Commit [[sha]] reverted the config change.",
    "Storage use grew to [[size]] this quarter.",
    "Please keep the meeting at [[clock]] on [[word]].",
    "Nothing else changed in the release notes.",
    "Two reviewers approved the pull request, so it can go out today.",
    "The vendor quoted [[price]] per seat for [[product]].",
]

_SENSITIVE = [
    "[[person]] asked to be reached at [[email]] or [[phone]].",
    "Please call [[person]] on [[phone]] about the renewal.",
    "[[person]] moved to [[city]] last month.",
    "Her new address is [[address]].",
    "The refund goes to card [[card]], holder [[person]].",
    "Wire the deposit to IBAN [[iban]] (account holder: [[person]]).",
    "[[person]]'s SSN is [[ssn]] according to the HR form.",
    "Date of birth: [[dob]], as on the passport of [[person]].",
    "[[person]] was born on [[dob]] in [[city]].",
    "His US passport number is [[passport]].",
    "The checking account number is [[bank]] at the credit union.",
    "Driver's license [[dl]] was scanned at the front desk.",
    "Dr. [[person]] (DEA certificate [[dea]]) signed the prescription.",
    "Send the payment to my bitcoin wallet [[btc]].",
    "The shared folder is [[url]] (do not forward).",
    "The login came from [[ip]], not from the office.",
    "I reset the password to [[password]] for now.",
    "Per [[person]], the contract renews in [[city]] next year.",
    "Looping in [[person]] and [[person2]] from the [[city]] office.",
    "You can text me at [[phone]] after [[clock]].",
    "Billing contact: [[person]], [[email]].",
    "Ship it to [[person]], [[address]].",
    "Card on file: [[card]] (expires 09/27).",
    "For the background check we need SSN [[ssn]] and DOB [[dob]].",
    "Her date of birth is [[dob]] and she lives at [[address]].",
    "Passport no. [[passport]], issued to [[person]].",
    "Routing is fine but the account number [[bank]] bounced.",
    "DL number [[dl]] on the rental form.",
    "BTC: [[btc]]",
    "Temporary credentials: user admin, password [[password]]",
    "The VPN gateway is [[ip]] and my laptop was [[ip2]].",
    "Grab the recording here: [[url]]",
    "Payout IBAN: [[iban]].",
    "ask [[first]] about it, she has the numbers.",
]


def _prose(b: _Builder) -> None:
    """Paragraphs mixing ordinary sentences with sensitive ones (at least one a paragraph)."""
    rng = b.rng
    for p in range(rng.randint(2, 5)):
        if p:
            b.add("\n\n")
        n = rng.randint(3, 7)
        surely = rng.randrange(n)
        for s in range(n):
            if s:
                b.add(" ")
            pool = _SENSITIVE if s == surely or rng.random() < 0.35 else _FILLER
            b.fill(rng.choice(pool))


_CHAT = [
    "can you send me [[person2]]'s number?",
    "sure, it's [[phone]]",
    "my email is [[email]]",
    "thanks [[first]]!",
    "deploy of [[version]] is done, [[status]] on all health checks",
    "the wifi password is [[password]]",
    "who owns [[ticket]]?",
    "lunch at [[clock]]?",
    "I'm in [[city]] this week",
    "card ends up being [[card]] if you need it for the booking",
    "here's the doc: [[url]]",
    "build took [[duration]], not bad",
    "ok",
    "on it",
    "my ssn for the payroll form is [[ssn]]",
    "use this token for now: [[ghp]]",
    "pw is [[password]] btw",
    "new number: [[phone]]",
    "meet you at [[address]]",
    "flying to [[city]] on [[word]]",
    "cc [[person2]] ([[email]])",
    "jwt for staging: [[jwt]]",
    "iban for the refund: [[iban]]",
]


def _chat(b: _Builder) -> None:
    rng = b.rng
    people = [person(rng) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(8, 25)):
        b.add("[")
        b.fill("[[clock]]")
        b.add("] ")
        b.put("PERSON", rng.choice(people))
        b.add(": ")
        b.fill(rng.choice(_CHAT))
        b.add("\n")


def _email(b: _Builder) -> None:
    rng = b.rng
    me, you = person(rng), person(rng)
    b.add("From: ")
    b.put("PERSON", me)
    b.add(" <")
    b.put("EMAIL_ADDRESS", email_for(rng, me))
    b.add(">\nTo: ")
    b.put("PERSON", you)
    b.add(" <")
    b.put("EMAIL_ADDRESS", email_for(rng, you))
    b.add(">\n")
    if rng.random() < 0.5:
        b.fill("Cc: [[email]]\n")
    b.fill(
        "Date: [[ts]]\nSubject: Re: [[ticket]] [[word]] follow-up\nMessage-ID: <[[uuid]]@mail>\n\n"
    )
    b.add(rng.choice(["Hi ", "Hello ", "Dear ", "Hey "]))
    b.put("PERSON", you.split()[0])
    b.add(",\n\n")
    _prose_lines = _SENSITIVE + _FILLER
    for _ in range(rng.randint(2, 4)):
        _lines(b, _prose_lines, rng.randint(1, 3), end=" ")
        b.add("\n\n")
    b.add(rng.choice(["Best regards,\n", "Thanks,\n", "Cheers,\n", "Kind regards,\n"]))
    b.put("PERSON", me)
    b.fill("\nSenior [[word]] Manager, Northwind Traders\nTel: [[phone]]\nMobile: [[phone2]]\n")
    if rng.random() < 0.6:
        b.fill("[[address]]\n")


_LOG = [
    '[[ip]] - - [[[ts]]] "GET /api/v2/orders/[[order]] HTTP/1.1" [[status]] 512 [[duration]]',
    "[[ts]] INFO  login ok user=[[email]] ip=[[ip]] request_id=[[uuid]]",
    "[[ts]] WARN  slow query took [[duration]] on [[localhost]]:[[port]]",
    "[[ts]] ERROR payment declined card=[[card]] order=[[order]]",
    "[[ts]] DEBUG service [[product]] [[version]] started on [[localhost]]:[[port]]",
    "[[ts]] INFO  GET [[url]] -> [[status]] in [[duration]]",
    "[[ts]] INFO  build [[sha]] deployed by [[person]]",
    "[[ts]] DEBUG auth header: Authorization: token [[ghp]]",
    "[[ts]] INFO  heap [[size]], gc [[duration]], [[path]]",
    "[[ts]] WARN  retrying [[ticket]] (attempt 3 of 5)",
    "[[ts]] INFO  connection from [[ipv6]] closed",
    "[[ts]] DEBUG request headers: Authorization: Bearer [[jwt]]",
]


def _log(b: _Builder) -> None:
    _lines(b, _LOG, b.rng.randint(10, 40))


def _env(b: _Builder) -> None:
    rng = b.rng
    rows = [
        "APP_NAME=billing\n",
        "APP_VERSION=[[version]]\n",
        "PORT=[[port]]\n",
        "BIND_ADDRESS=[[loopback]]\n",
        "DATABASE_URL=postgres://app:[[upassword]]@[[ipv4]]:5432/billing\n",
        "AWS_ACCESS_KEY_ID=[[akia]]\nAWS_SECRET_ACCESS_KEY=[[awssecret]]\n",
        "GITHUB_TOKEN=[[ghp]]\n",
        "ADMIN_EMAIL=[[email]]\n",
        "SUPPORT_PHONE=[[phone]]\n",
        "SMTP_PASSWORD=[[password]]\n",
        "LOG_LEVEL=debug\n",
        "# rotated by [[person]] ([[ticket]])\n",
        "THEME_COLOR=[[color]]\n",
        "REQUEST_TIMEOUT=[[duration]]\n",
    ]
    rng.shuffle(rows)
    for row in rows[: rng.randint(6, len(rows))]:
        b.fill(row)


def _yaml(b: _Builder) -> None:
    rng = b.rng
    b.fill("# deployment config, owner [[person]] <[[email]]>\nservice:\n  name: billing-api\n")
    b.fill('  version: "[[version]]"\n  image: registry.local/billing@sha256:[[sha]]\n')
    b.fill("  listen: [[localhost]]:[[port]]\ndatabase:\n  host: [[ip]]\n  user: billing\n")
    b.fill('  password: "[[password]]"\naws:\n  access_key_id: [[akia]]\n')
    b.fill("  secret_access_key: [[awssecret]]\n")
    if rng.random() < 0.3:
        begin, body, end = pem_body(rng)
        b.add(f"tls:\n  key: |\n    {begin}\n    ")
        b.put("PRIVATE_KEY", body.replace("\n", "\n    "))
        b.add(f"\n    {end}\n")
    b.add("contacts:\n")
    for _ in range(rng.randint(1, 4)):
        b.fill("  - name: [[person]]\n    phone: '[[phone]]'\n    city: [[city]]\n")
    b.fill("ui:\n  accent: '[[color]]'\n  timeout: [[duration]]\n")


_RECORD_FIELDS = [
    '"email": "[[email]]"',
    '"phone": "[[phone]]"',
    '"address": "[[address]]"',
    '"date_of_birth": "[[dob]]"',
    '"ssn": "[[ssn]]"',
    '"iban": "[[iban]]"',
    '"passport_number": "[[passport]]"',
    '"drivers_license": "[[dl]]"',
    '"bank_account_number": "[[bank]]"',
    '"dea_number": "[[dea]]"',
    '"btc_wallet": "[[btc]]"',
    '"last_order": "[[order]]"',
    '"total": "[[price]]"',
    '"updated": "[[ts]]"',
    '"plan": "[[product]]"',
]


def _json(b: _Builder) -> None:
    """An API response with customer records; each record holds a random subset of fields, so
    identifiers appear both with their telling key and among unrelated ones."""
    rng = b.rng
    b.fill('{\n  "id": "[[uuid]]",\n  "status": [[status]],\n  "customers": [\n')
    for i in range(rng.randint(1, 4)):
        b.add(",\n" if i else "")
        b.fill('    {"name": "[[person]]"')
        for f in rng.sample(_RECORD_FIELDS, rng.randint(3, 8)):
            b.add(",\n     ")
            b.fill(f)
        b.add("}")
    b.fill('\n  ],\n  "client_ip": "[[ip]]",\n  "api_key": "[[akia]]",\n')
    b.fill('  "generated_at": "[[ts]]",\n  "build": "[[sha]]"\n}\n')


def _ini(b: _Builder) -> None:
    b.fill(
        "; settings for [[product]] [[version]]\n[server]\nhost = [[loopback]]\nport = [[port]]\n"
    )
    b.fill("\n[database]\nhost = [[ip]]\nuser = report\npassword = [[password]]\n")
    b.fill("\n[mail]\nsender = [[email]]\nadmin = [[person]]\nphone = [[phone]]\n")
    b.fill("\n[payments]\nwallet = [[btc]]\nsettlement_iban = [[iban]]\n")
    b.fill("\n[paths]\nlog = [[path]]\n")


def _python(b: _Builder) -> None:
    rng = b.rng
    b.fill('"""Billing helpers. Maintainer: [[person]] <[[email]]>."""\n\nimport os\n\n')
    b.fill('API_KEY = "[[akia]]"  # TODO([[first]]): move to the vault, see [[ticket]]\n')
    b.fill('DB_PASSWORD = "[[password]]"\nTIMEOUT = 30  # seconds\nVERSION = "[[version]]"\n\n\n')
    for _ in range(rng.randint(1, 3)):
        b.fill("def test_invoice_total():\n    # regression for [[ticket]], see [[sha]]\n")
        b.fill('    customer = {"name": "[[person]]", "card": "[[card]]", "phone": "[[phone]]"}\n')
        b.fill(
            '    assert total(customer) == 1299  # [[price]]\n    log.info("done in [[duration]]")\n\n\n'
        )
    b.fill(
        'def connect():\n    return psycopg.connect(host="[[ip]]", password=os.environ["PGPASS"])\n'
    )
    b.fill('# Traceback: File "[[path]]", [[lineno]], in connect\n')


def _js(b: _Builder) -> None:
    rng = b.rng
    b.fill("// Author: [[person]] ([[email]])\n// Colour palette: [[color]], [[color2]]\n")
    b.fill("const GITHUB_TOKEN = '[[ghp]]';\nconst API = 'http://[[localhost]]:[[port]]/v1';\n\n")
    for _ in range(rng.randint(1, 3)):
        b.fill("export const demoUser = {\n  name: '[[person]]',\n  email: '[[email]]',\n")
        b.fill("  phone: '[[phone]]',\n  city: '[[city]]',\n  ip: '[[ip]]',\n};\n\n")
    b.fill("// fixed in [[version]] ([[ticket]]); retries after [[duration]]\n")
    b.fill("fetch(`${API}/orders/[[order]]`).then((r) => r.status === [[status]]);\n")


def _csv(b: _Builder) -> None:
    rng = b.rng
    b.add("id,first_name,last_name,email,phone,city,card,order,amount,created_at\n")
    for _ in range(rng.randint(5, 30)):
        first, last = person_parts(rng)
        b.fill("[[uuid]],")
        b.put("PERSON", first)
        b.add(",")
        b.put("PERSON", last)
        b.add(",")
        b.put("EMAIL_ADDRESS", email_for(rng, f"{first} {last}"))
        b.fill(',"[[phone]]",[[city]],[[card]],[[order]],"[[price]]",[[ts]]\n')


_SHELL = [
    "cd [[path]]",
    "ls -la",
    "git log --oneline | head",
    "git show [[sha]]",
    "export AWS_ACCESS_KEY_ID=[[akia]]",
    "export AWS_SECRET_ACCESS_KEY=[[awssecret]]",
    "curl -H 'Authorization: token [[ghp]]' https://api.github.com/user",
    "mysql -h [[ip]] -u admin --password=[[password]]",
    "ssh deploy@[[ip]]",
    "ping -c 3 [[loopback]]",
    "docker run -p [[port]]:80 nginx:[[version]]",
    "git commit -m 'fix [[ticket]]' --author='[[person]] <[[email]]>'",
    "echo '[[person]],[[phone]]' >> contacts.csv",
    "pip install requests==[[version]]",
    "curl -s '[[url]]' -o report.pdf",
    "du -sh /var/lib/docker  # [[size]]",
]


def _shell(b: _Builder) -> None:
    rng = b.rng
    _lines(b, _SHELL, rng.randint(5, 18))
    if rng.random() < 0.35:
        _private_key(b, f"cat ~/.ssh/{rng.choice(['id_rsa', 'deploy_key', 'id_ed25519'])}\n")
    _lines(b, _SHELL, rng.randint(5, 17))


def _private_key(b: _Builder, intro: str) -> None:
    """A pasted private key. Only the base64 body is labelled: the BEGIN/END lines say what it
    is but reveal nothing, and a redactor that keeps them keeps useful context."""
    begin, body, end = pem_body(b.rng)
    b.add(f"{intro}{begin}\n")
    b.put("PRIVATE_KEY", body)
    b.add(f"\n{end}\n")


_KIND_FNS: dict[str, Callable[[_Builder], None]] = {
    "prose": _prose,
    "chat": _chat,
    "email": _email,
    "log": _log,
    "env": _env,
    "yaml": _yaml,
    "json": _json,
    "ini": _ini,
    "python": _python,
    "js": _js,
    "csv": _csv,
    "shell": _shell,
}


def generate_doc(rng: random.Random, kind: str | None = None) -> Doc:
    """One document of ``kind`` (any of ``KINDS``; a random one when None)."""
    if kind is None:
        kind = rng.choice(KINDS)
    if kind not in _KIND_FNS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    b = _Builder(rng)
    _KIND_FNS[kind](b)
    return b.doc(kind)


def generate_corpus(rng: random.Random, n_docs: int = 200) -> list[Doc]:
    """``n_docs`` documents, the kinds in turn so every kind is present in any corpus of at
    least ``len(KINDS)`` documents."""
    return [generate_doc(rng, KINDS[i % len(KINDS)]) for i in range(n_docs)]
