"""Building blocks of generated credentials: alphabets, instances, structured secrets.

The structured generators here make what a real issuer or tool makes: JWTs whose header
decodes, Basic credentials that decode to ``user:pass``, URIs with a password in the userinfo,
PEM, OpenSSH and PuTTY key files (whole or cut), cookies and command lines carrying passwords.
"""

from __future__ import annotations

import base64
import json
import random
import string
from dataclasses import dataclass

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
UPPER_ALNUM = string.ascii_uppercase + string.digits


def rand(rng: random.Random, alphabet: str, n: int) -> str:
    """``n`` characters drawn from ``alphabet``: the body of most API tokens."""
    return "".join(rng.choice(alphabet) for _ in range(n))


@dataclass(frozen=True)
class Instance:
    """A generated credential: ``text`` with the secret at ``text[start:end]``."""

    text: str
    start: int
    end: int

    @property
    def secret(self) -> str:
        return self.text[self.start : self.end]


def whole(s: str) -> Instance:
    """An instance that is all secret (a bare token)."""
    return Instance(s, 0, len(s))


def inside(before: str, secret: str, after: str = "") -> Instance:
    """An instance whose secret sits inside syntax that belongs to the format."""
    return Instance(before + secret + after, len(before), len(before) + len(secret))


def b64(rng: random.Random, raw_len: int, url: bool = False) -> str:
    """Base64 of random bytes, as keys are made (padding kept unless URL-safe)."""
    raw = rng.randbytes(raw_len)
    return (base64.urlsafe_b64encode(raw).rstrip(b"=") if url else base64.b64encode(raw)).decode()


def b64json(obj: dict) -> str:
    """Unpadded base64url JSON: JWT segments and the tokens built like them."""
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def jwt(rng: random.Random) -> Instance:
    """A JWS with a decodable header naming its ``alg`` (HMAC and public-key kinds)."""
    alg = rng.choice(["HS256", "HS512", "RS256", "ES256", "PS256"])
    head = b64json({"alg": alg, "typ": "JWT"} if rng.random() < 0.7 else {"typ": "JWT", "alg": alg})
    body = b64json(
        {
            "sub": str(rng.randint(1, 10**9)),
            "iat": rng.randint(1_500_000_000, 1_800_000_000),
            "scope": "read",
        }
    )
    sig = b64(rng, 32 if alg.startswith("HS") else 256, url=True)
    return whole(f"{head}.{body}.{sig}")


def discord_token(rng: random.Random) -> Instance:
    snowflake = str(rng.randint(10**17, 10**19 - 1))
    first = base64.b64encode(snowflake.encode()).decode().rstrip("=")
    return whole(f"{first}.{rand(rng, B64URL, 6)}.{rand(rng, B64URL, 38)}")


def password(rng: random.Random) -> str:
    """A password as people choose them (word, digits, symbol) or as managers make them."""
    if rng.random() < 0.5:
        word = rng.choice(
            ["Summer", "Winter", "dragon", "Monkey", "sunshine", "Tr0ub4dor", "Falcon", "pa55word"]
        )
        return word + str(rng.randint(1, 9999)) + rng.choice("!@#$%&*?.")
    pool = ALNUM + "!#%&*+-=?@^_"
    while True:
        s = rand(rng, pool, rng.randint(10, 24))
        if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
            return s


def uri_with_password(rng: random.Random) -> Instance:
    scheme = rng.choice(
        [
            "postgres",
            "postgresql",
            "mysql",
            "mongodb+srv",
            "redis",
            "rediss",
            "amqp",
            "https",
            "ftp",
        ]
    )
    user = rng.choice(["admin", "app", "deploy", "svc_user", "root", "u"])
    pw = rand(rng, ALNUM + "-_.~!*", rng.randint(8, 24))
    host = rng.choice(
        ["db.internal", "cluster0.ab1cd.mongodb.net", "10.0.3.7", "cache.prod.local", "mq.acme.io"]
    )
    return inside(f"{scheme}://{user}:", pw, f"@{host}:{rng.randint(1000, 9999)}/app")


def basic_header(rng: random.Random) -> Instance:
    cred = base64.b64encode(
        f"{rng.choice(['admin', 'api', 'jane'])}:{password(rng)}".encode()
    ).decode()
    return inside("Authorization: Basic ", cred)


def auth_header(rng: random.Random) -> Instance:
    return inside(rng.choice(["Authorization: Bearer ", "authorization: bearer ", "Authorization: token "]),
                   rand(rng, B64URL, rng.randint(32, 64)))  # fmt: skip


def curl_line(rng: random.Random) -> Instance:
    return inside(
        f"curl -u {rng.choice(['admin', 'ci', 'bob'])}:",
        password(rng),
        " https://api.acme.io/v2/me",
    )


def cookie_header(rng: random.Random) -> Instance:
    name = rng.choice(
        [
            "sessionid",
            "PHPSESSID",
            "JSESSIONID",
            "connect.sid",
            "_shop_session",
            "remember_token",
            "auth_token",
        ]
    )
    before = rng.choice(["Cookie: theme=dark; ", "Set-Cookie: ", "cookie: lang=en; "]) + name + "="
    return inside(before, rand(rng, ALNUM, rng.randint(24, 48)), "; Path=/; HttpOnly")


def pem_lines(rng: random.Random, n_bytes: int, width: int) -> list[str]:
    body = base64.b64encode(rng.randbytes(n_bytes)).decode()
    return [body[i : i + width] for i in range(0, len(body), width)]


def pem_block(rng: random.Random) -> Instance:
    kind = rng.choice(["RSA ", "EC ", "OPENSSH ", "", "ENCRYPTED ", "DSA "])
    width = 70 if kind == "OPENSSH " else 64
    lines = pem_lines(rng, rng.randint(300, 1200), width)
    nl = "\\n" if rng.random() < 0.25 else "\n"
    block = (
        f"-----BEGIN {kind}PRIVATE KEY-----{nl}"
        + nl.join(lines)
        + f"{nl}-----END {kind}PRIVATE KEY-----"
    )
    return whole(block)


def pem_head(rng: random.Random) -> Instance:
    lines = pem_lines(rng, rng.randint(200, 900), 64)[: rng.randint(2, 8)]
    return whole("-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines))


def pem_tail(rng: random.Random) -> Instance:
    lines = pem_lines(rng, rng.randint(200, 900), 64)[-rng.randint(2, 6) :]
    return whole("\n".join(lines) + "\n-----END PRIVATE KEY-----")


def putty_file(rng: random.Random) -> Instance:
    pub = "\n".join(pem_lines(rng, 51, 64))
    priv = "\n".join(pem_lines(rng, 48, 64))
    return whole(
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-20240101\n"
        f"Public-Lines: 2\n{pub}\nPrivate-Lines: 1\n{priv}\nPrivate-MAC: {rand(rng, HEX, 64)}"
    )


def cli_password_line(rng: random.Random) -> Instance:
    pw = password(rng).replace("!", "x").replace("&", "x").replace("*", "x")
    if rng.random() < 0.6:
        return inside(
            f"mysql -u {rng.choice(['root', 'app'])} -p",
            pw,
            f" -h db.local {rng.choice(['shop', 'crm'])}",
        )
    return inside("sshpass -p ", pw, " ssh deploy@10.0.0.5")
