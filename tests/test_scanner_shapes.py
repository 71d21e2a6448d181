"""Mechanisms added for the secret scanners' suites (issue 17): random literals under any name,
camel-case key names, Jenkins brace values, docker config auths, filler bodies after a known
prefix, documented examples, and records that judge a value with its key. Values are made
here with a seeded generator, never copied from the suites."""

from __future__ import annotations

import base64
import random
import string

import pytest

from redactkit import TextRedactor
from redactkit.detect.credentials import find_credentials
from redactkit.records import RecordRedactor

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def rand(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    while True:
        v = "".join(rng.choice(alphabet) for _ in range(n))
        if alphabet != ALNUM or (
            any(c.isupper() for c in v)
            and any(c.islower() for c in v)
            and any(c.isdigit() for c in v)
        ):
            return v


def covered(text: str, value: str) -> bool:
    s = text.index(value)
    return any(f.start <= s and s + len(value) <= f.end for f in find_credentials(text))


@pytest.mark.parametrize(
    "template",
    [
        'func token() string {{ return "{v}" }}',
        "client = Client('{v}')",
        "provider '{v}'",
        'if (key != "{v}") {{',
        "vendor consumer - '{v}'",
    ],
)
def test_random_literal_is_a_secret_under_any_name_or_none(template: str) -> None:
    rng = random.Random(template)
    for _ in range(5):
        v = rand(rng, rng.choice([24, 32, 40]))
        text = template.format(v=v)
        assert covered(text, v), text


@pytest.mark.parametrize(
    "template",
    [
        'boundary = "{v}"',
        "request_id: '{v}'",
        'nonce="{v}"',
        'sha256 = "{v}"',
    ],
)
def test_random_literal_under_a_benign_name_is_kept(template: str) -> None:
    rng = random.Random(template)
    v = rand(rng, 32)
    assert find_credentials(template.format(v=v)) == []


def test_literals_that_are_no_key_material_are_kept() -> None:
    for text in (
        'name = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"',  # an alphabet
        'path = "src/redactkit/detect/credentials.py"',
        'label = "HelloWorldExampleTitle"',
        "soabi = 'cpython-311-x86_64-linux-gnu'",
        'tag = "v10.4.1-beta2"',
    ):
        assert find_credentials(text) == [], text


def test_camel_case_key_names_hold_hex_keys() -> None:
    rng = random.Random(1)
    v = rand(rng, 64, HEX)
    assert covered(f'    partnerKey := "{v}"', v)
    assert find_credentials(f'monkey = "{v}"') == []
    assert find_credentials(f'cacheKey = "{v}"') == []


def test_jenkins_brace_values_holding_key_material() -> None:
    rng = random.Random(2)
    v = rand(rng, 36)
    text = (
        "<com.cloudbees.plugins.credentials.impl.StringCredentialsImpl>\n"
        "  <id>deploy-token</id>\n"
        f"  <secret>{{AQAAABAAAA{v}}}</secret>\n"
        "  <description>{release bot}</description>\n"
    )
    found = find_credentials(text)
    assert covered(text, v)
    assert not any(text[f.start : f.end] in ("release bot", "deploy-token") for f in found)


def test_docker_config_auth_is_checked_as_user_password() -> None:
    rng = random.Random(3)
    creds = base64.b64encode(f"ci:{rand(rng, 20)}".encode()).decode()
    text = '{"auths": {"registry.example.io": {"auth": "' + creds + '"}}}'
    assert covered(text, creds)
    escaped = text.replace('"', '\\"')
    assert covered(escaped, creds)
    not_creds = base64.b64encode(b"just some words").decode()
    found = find_credentials('{"auth": "' + not_creds + '"}')
    assert not any(f.detector == "docker-config-auth" for f in found)


@pytest.mark.parametrize(
    "token",
    [
        "sntryu_" + "a" * 64,
        "da2-abcdefghijklmnopqrstuvwxyz",
        "API-" + "A" * 30,
        "pgar_" + "b" * 27,
        "spu-" + "7" * 32,
        "sk-lf-" + "-".join("0" * n for n in (8, 4, 4, 4, 12)),
        "BBDC-" + "2" * 44,
    ],
)
def test_a_registered_prefix_is_evidence_whatever_the_body(token: str) -> None:
    """A distinctive prefix names the issuer: a filler body (one character repeated, a run)
    is still that issuer's token, masked whole."""
    assert covered(f"token: {token}", token)
    assert covered(f"x {token} y", token)


@pytest.mark.parametrize(
    "token",
    [
        "glptt-helloWorld380_testing",
        "xoxe.xoxp-1-AppConfigurationAccessTokenHere",
        "API-" + "X" * 30,
        "SK" + "0" * 32,
    ],
)
def test_words_a_written_placeholder_or_a_short_prefix_with_filler_stay(token: str) -> None:
    assert find_credentials(f"token: {token}") == [] or not covered(f"x {token} y", token)


def test_a_known_prefix_with_random_body_is_still_found() -> None:
    rng = random.Random(4)
    for _ in range(20):
        for token in (
            "da2-" + rand(rng, 26, string.ascii_lowercase + string.digits),
            "API-" + rand(rng, 30, string.ascii_uppercase + string.digits),
            "AKIA" + rand(rng, 16, string.ascii_uppercase + "234567"),
        ):
            assert covered(f"key {token} here", token), token


def test_documented_examples_and_shell_parameters_are_not_secrets() -> None:
    for text in (
        '// secret is "a-string-secret-at-least-256-bits-long"',
        'curl -sL --user "$1:$2" "$3"',
        "curl -u <user:password> https://test.example/endpoint",
        'const fastlyHeaderToken string = "Fastly-Key"',
        "secret = 'abc123.tenant.example.com'",
    ):
        assert find_credentials(text) == [], text


def test_record_value_judged_with_its_key() -> None:
    rng = random.Random(5)
    v = rand(rng, 40)
    red = RecordRedactor()
    out = red.redact({"x_blob": v, "request_id": v, "items": [v], "title": "Inbox"})
    assert out["x_blob"] == "<SECRET>"
    assert out["items"] == ["<SECRET>"]
    assert out["request_id"] == v  # a random id is no secret, in records as in text
    assert out["title"] == "Inbox"


def test_record_random_value_follows_the_policy() -> None:
    from redactkit.policy import Policy

    rng = random.Random(6)
    v = rand(rng, 40)
    red = RecordRedactor(policy=Policy(entities=("EMAIL_ADDRESS",)))
    assert red.redact({"x_blob": v}) == {"x_blob": v}


def test_escaped_json_secrets_are_masked_and_escapes_kept() -> None:
    from redactkit import TextRedactor

    rng = random.Random(7)
    pw = rand(rng, 14) + "@!"
    auth = base64.b64encode(f"ci:{pw}".encode()).decode()
    text = '{\\n\\"auths\\": {\\n\\"registry.example.io\\": {\\n\\"password\\": \\"%PW%\\",\\n\\"auth\\": \\"%AUTH%\\"\\n}}}'
    text = text.replace("%PW%", pw).replace("%AUTH%", auth)
    out = TextRedactor().redact(text).text
    assert pw not in out and auth not in out
    assert '\\"password\\": \\"' in out and out.count('\\"') == text.count('\\"')


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("docker run -e MYSQL_PASSWORD=heron.quill.basalt72 mysql", "heron.quill.basalt72"),
        ("password = vbWqLpZtRr.KdMx8", "vbWqLpZtRr.KdMx8"),
        ("the router password is $Tq9vLm2ZxR4w", "$Tq9vLm2ZxR4w"),
    ],
)
def test_passwords_shaped_like_references_are_passwords(text: str, secret: str) -> None:
    """A passphrase of dotted words, a dotted part no attribute is named, a "$" before mixed
    case and digits: none is a reference to where the secret lives."""
    assert secret not in TextRedactor().redact(text).text


@pytest.mark.parametrize(
    "text",
    ["db_password = settings.db_password", "PASSWORD=$DB_PASSWORD", "password=$db_pass1"],
)
def test_references_after_password_names_stay(text: str) -> None:
    assert TextRedactor().redact(text).text == text
