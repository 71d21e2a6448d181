"""Credentials in two halves (an id and its secret) and `id:secret` tokens: the id is masked
beside its secret, never alone or under a name for records and requests. Values are drawn here
from a seeded generator, never copied from the scanners' suites."""

from __future__ import annotations

import random
import string
import uuid

import pytest

from redactkit.detect.credentials import find_credentials

ALNUM = string.ascii_letters + string.digits


def rand(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    while True:
        v = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v):
            return v


def masked(text: str, value: str) -> bool:
    return any(f.start <= text.index(value) and text.index(value) + len(value) <= f.end
               for f in find_credentials(text))  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_an_id_beside_its_secret_is_masked(seed: int) -> None:
    rng = random.Random(seed)
    stem = rng.choice(["zorbo", "acme_api", "widgetly", "client"])
    ident, secret = rand(rng, 24), rand(rng, 32)
    for text in (
        f'{stem}_id: "{ident}"\n{stem}_secret: "{secret}"\n',
        f"{stem.upper()}_SECRET={secret}\n{stem.upper()}_ID={ident}\n",
        f'{{"{stem}_id": "{ident}", "{stem}_secret": "{secret}"}}',
    ):
        assert masked(text, secret), text
        assert masked(text, ident), text


def test_vault_role_id_goes_with_secret_id() -> None:
    rng = random.Random(11)
    role = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    sec = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    text = f"role_id = '{role}'\nsecret_id = '{sec}'\n"
    assert masked(text, role) and masked(text, sec)


def test_an_id_without_its_secret_or_under_a_record_name_stays() -> None:
    rng = random.Random(5)
    ident, secret = rand(rng, 24), rand(rng, 32)
    req = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    # no secret beside it: a client id alone is an identifier
    assert find_credentials(f'widget_id: "{ident}"\nwidget_name: "blue"\n') == []
    # a request id beside a token is a log's, not the token's other half
    text = f"request_id={req} token={secret}"
    assert masked(text, secret) and not masked(text, req)
    # another stem: the id belongs to something else
    text = f'order_id: "{ident}"\nzorbo_secret: "{secret}"\n'
    assert not masked(text, ident)


def test_the_next_literal_of_a_credential_tuple() -> None:
    rng = random.Random(8)
    first = rand(rng, 20)
    second = "".join(rng.choice("0123456789abcdef") for _ in range(40))
    text = f"creds = ('{first}', '{second}')"
    assert masked(text, first) and masked(text, second)


@pytest.mark.parametrize("seed", range(5))
def test_an_id_secret_token_of_two_random_halves(seed: int) -> None:
    rng = random.Random(100 + seed)
    pair = rand(rng, 22) + "==:" + rand(rng, 32)
    text = f"pat build-token-{seed}\n{pair}\nurl=https://example.test"
    assert masked(text, pair)


def test_colon_joined_ordinary_tokens_stay() -> None:
    for text in (
        "sha256:" + "ab12" * 16,
        "ERROR:root:Connection refused by upstream_server_name",
        "2026-12-07T04:53:35.123456789:tracing_subscriber_default",
        "com.example.service.InvoiceWorker:processPendingInvoices",
    ):
        assert find_credentials(text) == [], text


# -- keys announced without an operator ---------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_key_after_a_provider_name_or_under_a_label_line(seed: int) -> None:
    rng = random.Random(200 + seed)
    key = rand(rng, 32)
    provider = rng.choice(["mixpanel", "stripe", "jira", "mailgun", "okta"])
    for text in (
        f"{provider} {key}",
        f"{provider} api key {key} (rotate monthly)",
        f"{provider.capitalize()} token: {key}",
        f"## {provider} access\nSave the secret key:\n\n    {key}\n\nthen restart.",
        f"# from your {provider} account\nLicenseKey {key}",
        f"rotated the token {key} yesterday",
    ):
        assert masked(text, key), text


def test_an_announcement_adds_no_looser_judgement_of_the_value() -> None:
    for text in (
        "stripe checkout_session_completed_handler",  # an identifier
        "jira PROJ-12345 is blocked by PROJ-12001",  # ticket keys
        "github 3f9a1c07be2d4a6e8c15f09d7b3e2a4c61d8f0b9",  # a commit id
        "API key:\n\n    see the team vault\n",
        "Password:\n\n    https://example.test/reset/form\n",
        "python setup_development_environment",
        "keyboard layout qwertz_de_nodeadkeys_variant2",
        "max_tokens 4096 and page_token next",
    ):
        assert find_credentials(text) == [], text


# -- JDBC URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_jdbc_passwords_and_credential_parameters_are_masked(seed: int) -> None:
    from redactkit import TextRedactor

    rng = random.Random(300 + seed)
    pw = rand(rng, 14)
    red = TextRedactor()
    for url in (
        f"jdbc:sqlserver://db{seed}.internal:1433;databaseName=ops;user=svc;password={pw};encrypt=false",
        f"jdbc:postgresql://db{seed}.internal:5432/ops?sslmode=require&user=svc&password={pw}",
        f"jdbc:mysql://svc:{pw}@db{seed}.internal:3306/ops",
        f"jdbc:oracle:thin:svc/{pw}@db{seed}.internal:1521:ORCL",
        f"jdbc:redshift://c{seed}.example.test:5439/dev?UID=svc&PWD={pw}",
    ):
        out = red.redact(url).text
        assert pw not in out, url
        assert out.startswith("jdbc:"), out  # the scheme is no name


def test_a_jdbc_url_without_a_password_names_a_database_and_stays() -> None:
    from redactkit import TextRedactor

    red = TextRedactor()
    for url in (
        "jdbc:postgresql://localhost:5432/inventory",
        "jdbc:oracle:thin:@host:1521:orders",
        "jdbc:sqlite:/data/cache.db",
    ):
        assert red.redact(url).text == url
