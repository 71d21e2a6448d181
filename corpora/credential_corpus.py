"""Text that must not produce credential findings: near-misses and ordinary technical text.

Secret scanners drown people in false positives from exactly these: documentation
placeholders, git SHAs, UUIDs, lockfile integrity hashes, version strings, base64 images,
identifiers named like secrets, the word "password" in a sentence. Everything here is random
per call (from the ``random.Random`` passed in) so a detector cannot be tuned to fixed strings.
"""

from __future__ import annotations

import base64
import random
import string
import uuid

from corpora.credential_parts import ALNUM, HEX, rand
from redactkit.detect import checksums as ck

_WORDS = """the a service request user config server deploy build release cache queue worker retry
timeout latency database index migration schema table column cluster node pod container image
registry branch commit merge review test suite coverage report metric alert dashboard incident
customer order invoice payment account profile settings team project roadmap sprint ticket issue
feature flag rollout region zone network proxy gateway route handler module package library
version upgrade dependency error warning info debug trace span log event stream topic partition
offset consumer producer batch job schedule window session token secret password key login
access permission role policy group owner admin reader writer backup restore snapshot volume""".split()


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + rng.choice([".", ".", "?", "!"])


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def bad_checksum_token(rng: random.Random) -> str:
    """A GitHub/npm-shaped token whose CRC32 suffix is wrong: a typo, a misread or a fake.
    Still masked (at a lower score): most of a real secret is still a secret."""
    body = rand(rng, ck.BASE62, 30)
    good = ck.github_checksum(body)
    bad = good[:-1] + ("A" if good[-1] != "A" else "B")
    return rng.choice(["ghp_", "gho_", "npm_"]) + body + bad


def near_misses(rng: random.Random) -> list[str]:
    """Strings that look like credentials or secret assignments but are not; fresh per call."""
    sha = rand(rng, HEX, 40)
    return [
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "API_KEY=your-api-key-here",
        f"api_key: {rng.choice(['<your-api-key>', '<token>', 'YOUR_API_KEY', 'xxxxxxxxxxxxxxxx'])}",
        "token: xxxxxxxxxxxxxxxxxxxxxxxx",
        f"password: {rng.choice(['<password>', '********', '••••••••', 'changeme', 'CHANGEME', 'null', 'none'])}",
        f"export GITHUB_TOKEN=${{{rng.choice(['GH_TOKEN', 'secrets.GITHUB_TOKEN', 'TOKEN'])}}}",
        "token: ${{ secrets.GITHUB_TOKEN }}",
        "secret: {{ .Values.auth.secret }}",
        f'password = "{{{{ {rng.choice(["db_password", "vault_pw"])} }}}}"',
        "PASSWORD=changeme",
        "DB_PASSWORD=$DB_PASSWORD",
        'api_key = os.environ["API_KEY"]',
        "password = get_password(user)",
        "const token = req.headers.authorization;",
        "self.secret_key = settings.SECRET_KEY",
        f"SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/{'X' * 24}",
        f"commit {sha}\nAuthor: dev <dev@example.org>",
        f"Merge pull request #{rng.randint(1, 9999)} from org/feature ({sha[:7]})",
        f"git checkout {rand(rng, HEX, 40)}",
        f"request_id={_uuid(rng)} status=200",
        f"trace {_uuid(rng)} span {rand(rng, HEX, 16)}",
        f'"integrity": "sha512-{base64.b64encode(rng.randbytes(64)).decode()}"',
        f'"integrity": "sha1-{base64.b64encode(rng.randbytes(20)).decode()}"',
        f'resolved "https://registry.npmjs.org/lodash/-/lodash-4.17.{rng.randint(1, 30)}.tgz#{rand(rng, HEX, 40)}"',
        f"sha256:{rand(rng, HEX, 64)}",
        f"image: ghcr.io/org/app@sha256:{rand(rng, HEX, 64)}",
        f"{rand(rng, HEX, 32)}  dist/app-{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}.tar.gz",
        f'ETag: "{rand(rng, HEX, 32)}"',
        f"version: {rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}-beta.{rng.randint(1, 9)}",
        f"Python {rng.randint(2, 3)}.{rng.randint(0, 13)}.{rng.randint(0, 9)}",
        f'<img src="data:image/png;base64,{base64.b64encode(rng.randbytes(300)).decode()}">',
        f"background: url(data:image/gif;base64,{base64.b64encode(rng.randbytes(120)).decode()});",
        "The password is stored in the vault.",
        "Enter your password:",
        "Forgot your password? Reset it from the login page.",
        f"The token expires in {rng.randint(60, 86400)} seconds.",
        "Use a secret manager for API keys, never commit them.",
        "password: stored in the team vault",
        "max_tokens: 4096",
        "token_type: bearer",
        "token_url: https://oauth2.googleapis.com/token",
        '"key": "ctrl+shift+down"',
        "keyboardLayout = 'qwerty'",
        "LibraryWebpageUploadUr1RowStatus",
        "public_key: ssh-ed25519 " + base64.b64encode(rng.randbytes(51)).decode(),
        "Authorization: Bearer <token>",
        "Authorization: Bearer $TOKEN",
        "curl -u user:$PASSWORD https://api.example.com",
        "postgres://user:${DB_PASS}@localhost:5432/app",
        "https://user:password@example.com/",
        "mongodb://localhost:27017/test",
        f"https://{rng.choice(['docs', 'www', 'api'])}.example.com/v1/{rand(rng, string.ascii_lowercase, 8)}?page=2",
        "AKIA1234",
        f"sk-{rand(rng, ALNUM, 10)}",
        f"user_{rng.randint(100, 999)}_profile_cache_key",
        "private_key: ~/.ssh/id_rsa",
        "ssl_key_file: /etc/ssl/private/server.key",
        "secret_name: prod/db/credentials",
        "password_min_length: 12",
        "-----BEGIN CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----",
        f"Bearer authentication uses a {rng.choice(['token', 'header'])}",
        "Basic usage: run the tool with --help",
    ]


def _log_line(rng: random.Random) -> str:
    ts = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
    level = rng.choice(["INFO", "DEBUG", "WARN", "ERROR"])
    ip = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    return rng.choice([
        f"{ts} {level} http GET /api/v1/orders/{rng.randint(1, 99999)} 200 {rng.randint(1, 900)}ms ip={ip} req={_uuid(rng)}",
        f"{ts} {level} worker-{rng.randint(1, 9)} job {rand(rng, HEX, 24)} finished in {rng.random() * 9:.2f}s",
        f"{ts} {level} session refreshed for user {rng.randint(1000, 99999)} (token rotated)",
        f"{ts} {level} cache miss key=user:{rng.randint(1, 9999)}:profile",
        f"{ts} {level} deployed {rand(rng, HEX, 7)} to production ({rng.randint(2, 40)} pods)",
        f"{ip} - - [{ts}] \"POST /login HTTP/1.1\" 302 {rng.randint(100, 9000)} \"-\" \"Mozilla/5.0\"",
    ])  # fmt: skip


def _code(rng: random.Random) -> str:
    name = rng.choice(["token", "password", "secret", "api_key", "session"])
    return rng.choice([
        f"def refresh_{name}(client, {name}=None):\n    if {name} is None:\n        {name} = client.load_{name}()\n    return client.exchange({name})\n",
        f"const {name} = await vault.read('{name}');\nif (!{name}) throw new Error('missing {name}');\n",
        f"    {name}_hash = hashlib.sha256({name}.encode()).hexdigest()\n",
        f"for i, tok in enumerate(tokens):\n    counts[tok] = counts.get(tok, 0) + {rng.randint(1, 9)}\n",
        f"// TODO({rng.choice(['ana', 'li', 'sam'])}): rotate the {name} every {rng.randint(7, 90)} days\n",
        f"assert len(key) == {rng.choice([16, 24, 32])}, 'bad key length'\n",
    ])  # fmt: skip


def _config(rng: random.Random) -> str:
    return rng.choice([
        f"image: registry.example.com/app:{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}\nreplicas: {rng.randint(1, 9)}\n",
        f'{{"id": "{_uuid(rng)}", "version": "{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}", "enabled": true}}\n',
        "[database]\nhost = db.internal\nport = 5432\npassword_file = /run/secrets/db\n",
        f"checksum: sha256:{rand(rng, HEX, 64)}\n",
        f'"node_modules/left-pad": {{"version": "1.3.0", "integrity": "sha512-{base64.b64encode(rng.randbytes(64)).decode()}"}}\n',
        f"commit {rand(rng, HEX, 40)}\nDate: Mon May {rng.randint(1, 28)} 10:00:00 2024\n",
        "auth:\n  type: oauth2\n  token_url: https://id.example.com/oauth/token\n  scopes: [read, write]\n",
        f"AWS_REGION=eu-west-{rng.randint(1, 3)}\nLOG_LEVEL=info\nSECRET_NAME=prod/app\n",
    ])  # fmt: skip


def ordinary_text(rng: random.Random, n_chars: int) -> str:
    """A mix of prose, logs, code and configs with hashes, ids and versions but no secrets."""
    parts: list[str] = []
    size = 0
    makers = (
        lambda: _sentence(rng, rng.randint(6, 25)) + "\n",
        lambda: _log_line(rng) + "\n",
        lambda: _code(rng),
        lambda: _config(rng),
    )
    while size < n_chars:
        piece = rng.choice(makers)()
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:n_chars]
