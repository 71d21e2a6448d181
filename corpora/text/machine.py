"""Documents machines and developers write: logs, env files, YAML, JSON records, INI, Python
and JavaScript source, CSV exports, shell history and pasted private keys."""

from __future__ import annotations

from corpora.text.document import Builder, lines
from corpora.values import email_for, pem_body, person_parts

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


def _log(b: Builder) -> None:
    lines(b, _LOG, b.rng.randint(10, 40))


def _env(b: Builder) -> None:
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


def _yaml(b: Builder) -> None:
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


def _json(b: Builder) -> None:
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


def _ini(b: Builder) -> None:
    b.fill(
        "; settings for [[product]] [[version]]\n[server]\nhost = [[loopback]]\nport = [[port]]\n"
    )
    b.fill("\n[database]\nhost = [[ip]]\nuser = report\npassword = [[password]]\n")
    b.fill("\n[mail]\nsender = [[email]]\nadmin = [[person]]\nphone = [[phone]]\n")
    b.fill("\n[payments]\nwallet = [[btc]]\nsettlement_iban = [[iban]]\n")
    b.fill("\n[paths]\nlog = [[path]]\n")


def _python(b: Builder) -> None:
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


def _js(b: Builder) -> None:
    rng = b.rng
    b.fill("// Author: [[person]] ([[email]])\n// Colour palette: [[color]], [[color2]]\n")
    b.fill("const GITHUB_TOKEN = '[[ghp]]';\nconst API = 'http://[[localhost]]:[[port]]/v1';\n\n")
    for _ in range(rng.randint(1, 3)):
        b.fill("export const demoUser = {\n  name: '[[person]]',\n  email: '[[email]]',\n")
        b.fill("  phone: '[[phone]]',\n  city: '[[city]]',\n  ip: '[[ip]]',\n};\n\n")
    b.fill("// fixed in [[version]] ([[ticket]]); retries after [[duration]]\n")
    b.fill("fetch(`${API}/orders/[[order]]`).then((r) => r.status === [[status]]);\n")


def _csv(b: Builder) -> None:
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


def _shell(b: Builder) -> None:
    rng = b.rng
    lines(b, _SHELL, rng.randint(5, 18))
    if rng.random() < 0.35:
        _private_key(b, f"cat ~/.ssh/{rng.choice(['id_rsa', 'deploy_key', 'id_ed25519'])}\n")
    lines(b, _SHELL, rng.randint(5, 17))


def _private_key(b: Builder, intro: str) -> None:
    """A pasted private key. Only the base64 body is labelled: the BEGIN/END lines say what it
    is but reveal nothing, and a redactor that keeps them keeps useful context."""
    begin, body, end = pem_body(b.rng)
    b.add(f"{intro}{begin}\n")
    b.put("PRIVATE_KEY", body)
    b.add(f"\n{end}\n")
