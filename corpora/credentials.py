"""Fresh fake credentials, one generator per catalogue format, and the text they live in.

Every value is random on every call (from the ``random.Random`` passed in) and built the way the
issuer builds it: checksums computed (GitHub/npm CRC32, GitLab routable CRC, Grafana, Atlassian,
age bech32), JWT headers that decode, Basic credentials that decode to ``user:pass``. Tests,
benchmarks and the quality evaluation share this module so they measure the same thing.

``FORMATS`` maps a rule id to a :class:`Format`; ``embed`` places an instance in a surrounding
(prose, .env, JSON, YAML, shell history, URL, code, log) and returns where the secret ended up.
"""

from __future__ import annotations

import base64
import json
import random
import string
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from corpora.credential_parts import (
    ALNUM,
    B64,
    B64URL,
    HEX,
    UPPER_ALNUM,
    Instance,
    auth_header,
    b64,
    b64json,
    basic_header,
    cli_password_line,
    cookie_header,
    curl_line,
    discord_token,
    inside,
    jwt,
    password,
    pem_block,
    pem_head,
    pem_tail,
    putty_file,
    rand,
    uri_with_password,
    whole,
)
from redactkit.detect import checksums as ck
from redactkit.detect.credential_rules import AWS_PREFIXES

SURROUNDINGS = ("prose", "env", "json", "yaml", "shell", "url", "code", "log")
LINE_SURROUNDINGS = ("prose", "shell", "log", "code")
URL_SAFE = frozenset(ALNUM + "-_.~")


@dataclass(frozen=True)
class Format:
    """How to make one format. ``key`` names the assignment key for context-keyed formats."""

    rule_id: str
    entity: str
    make: Callable[[random.Random], Instance]
    keys: tuple[str, ...] = ()
    surroundings: tuple[str, ...] = SURROUNDINGS


def _tok(*parts: tuple[str, int] | str) -> Callable[[random.Random], Instance]:
    """A token of literal parts and ``(alphabet, length)`` random parts."""

    def make(rng: random.Random) -> Instance:
        return whole("".join(p if isinstance(p, str) else rand(rng, *p) for p in parts))

    return make


def _github(prefix: str) -> Callable[[random.Random], Instance]:
    def make(rng: random.Random) -> Instance:
        body = rand(rng, ck.BASE62, 30)
        return whole(prefix + body + ck.github_checksum(body))

    return make


def _gitlab_routable(rng: random.Random) -> Instance:
    if rng.random() < 0.3:
        return whole("glpat-" + rand(rng, B64URL, 20))
    payload = rand(rng, B64URL, rng.randint(27, 40))
    before = "glpat-" + payload + ".01." + ck.encode_base(len(payload), ck.BASE36, 2)
    return whole(before + ck.gitlab_routable_checksum(before))


def _grafana(rng: random.Random) -> Instance:
    head = "glsa_" + rand(rng, ALNUM, 32)
    return whole(head + "_" + ck.grafana_checksum(head))


def _atlassian(rng: random.Random) -> Instance:
    head = "ATATT3xFfGF0" + rand(rng, B64URL, 171) + "="
    return whole(head + ck.atlassian_checksum(head))


def _age(rng: random.Random) -> Instance:
    data = rand(rng, ck.BECH32, 52)
    return whole(("AGE-SECRET-KEY-1" + data + ck.bech32_checksum("age-secret-key-", data)).upper())


def _kv(value: Callable[[random.Random], str]) -> Callable[[random.Random], Instance]:
    return lambda rng: whole(value(rng))


LOWER_ALNUM = string.ascii_lowercase + string.digits


def b64basic(rng: random.Random) -> str:
    """Base64 of ``user:password``, as a docker config's ``auth`` holds it."""
    creds = f"{rand(rng, string.ascii_lowercase, 6)}:{rand(rng, ALNUM, 16)}"
    return base64.b64encode(creds.encode()).decode()


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _secret_value(rng: random.Random) -> str:
    return rng.choice(
        [lambda: rand(rng, ALNUM, 32), lambda: rand(rng, HEX, 40), lambda: b64(rng, 30)]
    )()


def _aws_pair(rng: random.Random) -> Instance:
    """An access key id and its secret side by side, as in the console's CSV download."""
    key_id = rng.choice(AWS_PREFIXES) + rand(rng, string.ascii_uppercase + "234567", 16)
    return inside(key_id + rng.choice([",", "\t", " ", ":"]), rand(rng, ALNUM + "/+", 40))


F = Format
_FORMATS: list[Format] = [
    F("aws-access-key-id", "AWS_ACCESS_KEY", lambda rng: whole(rng.choice(AWS_PREFIXES) + rand(rng, string.ascii_uppercase + "234567", 16))),
    F("aws-secret-access-key", "AWS_SECRET_KEY", _kv(lambda rng: rand(rng, ALNUM + "/+", 40)),
      ("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "aws_secret_key")),
    F("aws-secret-key-pair", "AWS_SECRET_KEY", lambda rng: _aws_pair(rng), surroundings=LINE_SURROUNDINGS),
    F("aws-configure-prompt", "AWS_SECRET_KEY", lambda rng: inside("AWS Secret Access Key [None]: ", rand(rng, ALNUM + "/+", 40)), surroundings=("shell", "prose")),
    F("aws-session-token", "AWS_SESSION_TOKEN", lambda rng: whole(rng.choice(["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz"]) + rand(rng, B64, rng.randint(200, 400)))),
    F("aws-session-token-keyed", "AWS_SESSION_TOKEN", _kv(lambda rng: rand(rng, B64, rng.randint(150, 300))),
      ("aws_session_token", "AWS_SESSION_TOKEN")),
    F("google-api-key", "GOOGLE_API_KEY", _tok("AIza", (B64URL, 35))),
    F("google-oauth-client-secret", "GOOGLE_OAUTH_SECRET", _tok("GOCSPX-", (B64URL, 28))),
    F("google-oauth-access-token", "GOOGLE_OAUTH_TOKEN", _tok("ya29.", (B64URL, 120))),
    F("gcp-private-key-id", "GCP_SERVICE_ACCOUNT_KEY", lambda rng: inside('"private_key_id": "', rand(rng, HEX, 40), '"'), surroundings=("json", "prose")),
    F("azure-storage-account-key", "AZURE_STORAGE_KEY",
      lambda rng: inside("DefaultEndpointsProtocol=https;AccountName=acct" + rand(rng, HEX, 6) + ";AccountKey=", b64(rng, 64), ";EndpointSuffix=core.windows.net"),
      surroundings=LINE_SURROUNDINGS + ("env", "json")),
    F("azure-storage-key-keyed", "AZURE_STORAGE_KEY", _kv(lambda rng: b64(rng, 64)), ("AZURE_STORAGE_KEY", "storage_account_key")),
    F("azure-shared-access-key", "AZURE_CONNECTION_STRING",
      lambda rng: inside("Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=", b64(rng, 32)),
      surroundings=LINE_SURROUNDINGS + ("env", "json")),
    F("azure-sas-token", "AZURE_SAS_TOKEN",
      lambda rng: inside("https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-01-01T00:00:00Z&spr=https&sig=",
                          b64(rng, 32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")),
      surroundings=LINE_SURROUNDINGS),
    F("azure-ad-client-secret", "AZURE_CLIENT_SECRET", _tok((ALNUM, 3), ("0123456789", 1), "Q~", (ALNUM + "_~.-", 33), (ALNUM, 1))),
    F("digitalocean-token", "DIGITALOCEAN_TOKEN", lambda rng: whole(rng.choice(["dop", "doo", "dor"]) + "_v1_" + rand(rng, HEX, 64))),
    F("heroku-api-key-v2", "HEROKU_API_KEY", _tok("HRKU-AA", (B64URL, 58))),
    F("heroku-api-key", "HEROKU_API_KEY", _kv(_uuid), ("HEROKU_API_KEY", "heroku_api_token")),
    F("alibaba-access-key-id", "ALIBABA_ACCESS_KEY", _tok("LTAI", (ALNUM, 20))),
    F("alibaba-secret-key", "ALIBABA_SECRET_KEY", _kv(lambda rng: rand(rng, ALNUM, 30)), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "aliyun_secret")),
    F("ibm-cloud-api-key", "IBM_CLOUD_API_KEY", _kv(lambda rng: rand(rng, B64URL, 44)), ("IBM_CLOUD_API_KEY", "ibmcloud_apikey", "IAM_API_KEY")),
    F("github-pat", "GITHUB_TOKEN", _github("ghp_")),
    F("github-oauth", "GITHUB_TOKEN", _github("gho_")),
    F("github-user-to-server", "GITHUB_TOKEN", _github("ghu_")),
    F("github-server-to-server", "GITHUB_TOKEN", _github("ghs_")),
    F("github-refresh", "GITHUB_TOKEN", _github("ghr_")),
    F("github-fine-grained-pat", "GITHUB_TOKEN", _tok("github_pat_", (ALNUM, 22), "_", (ALNUM, 59))),
    F("gitlab-pat", "GITLAB_TOKEN", _gitlab_routable),
    F("gitlab-token", "GITLAB_TOKEN", lambda rng: whole(rng.choice(["gldt-", "glrt-", "glptt-", "glcbt-", "gloas-"]) + rand(rng, B64URL, 20))),
    F("gitlab-runner-registration", "GITLAB_TOKEN", _tok("GR1348941", (B64URL, 20))),
    F("bitbucket-app-password", "BITBUCKET_TOKEN", _tok("ATBB", (ALNUM, 32))),
    F("npm-token", "NPM_TOKEN", _github("npm_")),
    F("pypi-token", "PYPI_TOKEN", lambda rng: whole("pypi-AgEIcHlwaS5vcmc" + rand(rng, B64URL, rng.randint(60, 150)))),
    F("dockerhub-token", "DOCKERHUB_TOKEN", _tok("dckr_pat_", (B64URL, 27))),
    F("huggingface-token", "HUGGINGFACE_TOKEN", _tok("hf_", (string.ascii_letters, 34))),
    F("circleci-token", "CIRCLECI_TOKEN", _tok("CCIPAT_", (ALNUM, 22), "_", (HEX, 40))),
    F("circleci-token-keyed", "CIRCLECI_TOKEN", _kv(lambda rng: rand(rng, HEX, 40)), ("CIRCLECI_TOKEN", "circle_api_key")),
    F("travis-token", "TRAVIS_TOKEN", _kv(lambda rng: rand(rng, ALNUM, 22)), ("TRAVIS_API_TOKEN", "travis_token")),
    F("terraform-cloud-token", "TERRAFORM_TOKEN", _tok((ALNUM, 14), ".atlasv1.", (B64URL, 67))),
    F("vault-token", "VAULT_TOKEN", lambda rng: whole(rng.choice(["hvs.", "hvb."]) + rand(rng, B64URL, rng.randint(90, 110)))),
    F("vault-token-legacy", "VAULT_TOKEN", _kv(lambda rng: "s." + rand(rng, ALNUM, 24)), ("VAULT_TOKEN", "vault_token")),
    F("pulumi-token", "PULUMI_TOKEN", _tok("pul-", (HEX, 40))),
    F("doppler-token", "DOPPLER_TOKEN", _tok("dp.pt.", (ALNUM, 43))),
    F("databricks-token", "DATABRICKS_TOKEN", _tok("dapi", (HEX, 32))),
    F("supabase-token", "SUPABASE_TOKEN", _tok("sbp_", (HEX, 40))),
    F("rubygems-token", "RUBYGEMS_TOKEN", _tok("rubygems_", (HEX, 48))),
    F("nuget-key", "NUGET_KEY", _tok("oy2", (string.ascii_lowercase + string.digits, 43))),
    F("age-secret-key", "AGE_SECRET_KEY", _age),
    F("sourcegraph-token", "SOURCEGRAPH_TOKEN", _tok("sgp_", (HEX, 16), "_", (HEX, 40))),
    F("planetscale-token", "PLANETSCALE_TOKEN", _tok("pscale_tkn_", (B64URL, 43))),
    F("flyio-token", "FLYIO_TOKEN", _tok("fo1_", (B64URL, 43))),
    F("onepassword-service-token", "ONEPASSWORD_TOKEN", lambda rng: whole("ops_" + b64json({"signInAddress": "my.1password.com", "email": rand(rng, ALNUM, 12)}) + rand(rng, ALNUM, 120))),
    F("contentful-token", "CONTENTFUL_TOKEN", _tok("CFPAT-", (B64URL, 43))),
    F("figma-token", "FIGMA_TOKEN", _tok("figd_", (B64URL, 40))),
    F("mapbox-secret-token", "MAPBOX_TOKEN", lambda rng: whole("sk." + b64json({"u": rand(rng, ALNUM, 8), "a": rand(rng, ALNUM, 24)}) + "." + rand(rng, B64URL, 22))),
    F("dynatrace-token", "DYNATRACE_TOKEN", _tok("dt0c01.", (UPPER_ALNUM, 24), ".", (UPPER_ALNUM, 64))),
    F("airtable-pat", "AIRTABLE_TOKEN", _tok("pat", (ALNUM, 14), ".", (HEX, 64))),
    F("dropbox-token", "DROPBOX_TOKEN", _tok("sl.", (B64URL, 140))),
    F("firebase-fcm-key", "FIREBASE_KEY", _tok("AAAA", (B64URL, 7), ":APA91b", (B64URL, 134))),
    F("grafana-service-account", "GRAFANA_TOKEN", _grafana),
    F("grafana-cloud-token", "GRAFANA_TOKEN", lambda rng: whole("glc_" + b64json({"o": str(rng.randint(1, 10**6)), "n": "stack-" + rand(rng, ALNUM, 8), "k": rand(rng, ALNUM, 24)}))),
    F("typeform-token", "TYPEFORM_TOKEN", _tok("tfp_", (ALNUM, 59))),
    F("shippo-token", "SHIPPO_TOKEN", _tok("shippo_live_", (HEX, 40))),
    F("flutterwave-secret-key", "FLUTTERWAVE_KEY", _tok("FLWSECK_TEST-", (HEX, 32), "-X")),
    F("easypost-key", "EASYPOST_KEY", _tok("EZAK", (ALNUM, 54))),
    F("prefect-token", "PREFECT_TOKEN", _tok("pnu_", (ALNUM, 36))),
    F("readme-key", "README_KEY", _tok("rdme_", (string.ascii_lowercase + string.digits, 70))),
    F("adafruit-key", "ADAFRUIT_KEY", _tok("aio_", (ALNUM, 28))),
    F("duffel-token", "DUFFEL_TOKEN", _tok("duffel_test_", (B64URL, 43))),
    F("scalingo-token", "SCALINGO_TOKEN", _tok("tk-us-", (B64URL, 48))),
    F("frameio-token", "FRAMEIO_TOKEN", _tok("fio-u-", (B64URL, 64))),
    F("slack-bot-token", "SLACK_TOKEN", lambda rng: whole(f"xoxb-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 13)}-{rand(rng, ALNUM, 24)}")),
    F("slack-user-token", "SLACK_TOKEN", lambda rng: whole(f"xoxp-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 13)}-{rand(rng, HEX, 32)}")),
    F("slack-app-token", "SLACK_TOKEN", lambda rng: whole(f"xapp-1-A{rand(rng, UPPER_ALNUM, 10)}-{rand(rng, string.digits, 13)}-{rand(rng, HEX, 64)}")),
    F("slack-legacy-token", "SLACK_TOKEN", lambda rng: whole(f"xoxe.xoxp-1-{rand(rng, ALNUM, 150)}")),
    F("slack-webhook", "SLACK_WEBHOOK", lambda rng: whole(f"https://hooks.slack.com/services/T{rand(rng, UPPER_ALNUM, 9)}/B{rand(rng, UPPER_ALNUM, 9)}/{rand(rng, ALNUM, 24)}")),
    F("discord-bot-token", "DISCORD_TOKEN", discord_token),
    F("discord-webhook", "DISCORD_WEBHOOK", lambda rng: whole(f"https://discord.com/api/webhooks/{rand(rng, string.digits, 18)}/{rand(rng, B64URL, 68)}")),
    F("telegram-bot-token", "TELEGRAM_BOT_TOKEN", lambda rng: whole(f"{rng.randint(10**8, 10**10 - 1)}:AA{rand(rng, B64URL, 33)}")),
    F("stripe-secret-key", "STRIPE_KEY", lambda rng: whole(rng.choice(["sk_live_", "sk_test_"]) + rand(rng, ALNUM, rng.choice([24, 99])))),
    F("stripe-restricted-key", "STRIPE_KEY", lambda rng: whole(rng.choice(["rk_live_", "rk_test_"]) + rand(rng, ALNUM, rng.choice([24, 99])))),
    F("stripe-webhook-secret", "STRIPE_KEY", _tok("whsec_", (ALNUM, 32))),
    F("square-access-token", "SQUARE_TOKEN", lambda rng: whole(rng.choice(["sq0atp-" + rand(rng, B64URL, 22), "EAAA" + rand(rng, B64URL, 60)]))),
    F("square-oauth-secret", "SQUARE_TOKEN", _tok("sq0csp-", (B64URL, 43))),
    F("braintree-access-token", "PAYPAL_BRAINTREE_TOKEN", _tok("access_token$production$", (string.ascii_lowercase + string.digits, 16), "$", (HEX, 32))),
    F("paypal-client-secret", "PAYPAL_BRAINTREE_TOKEN", _kv(lambda rng: rand(rng, B64URL, 80)), ("PAYPAL_CLIENT_SECRET", "braintree_private_key")),
    F("shopify-token", "SHOPIFY_TOKEN", lambda rng: whole(rng.choice(["shpat_", "shpca_", "shppa_", "shpss_"]) + rand(rng, HEX, 32))),
    F("twilio-key", "TWILIO_KEY", _kv(lambda rng: rand(rng, HEX, 32)), ("TWILIO_AUTH_TOKEN", "twilio_api_secret")),
    F("sendgrid-key", "SENDGRID_KEY", _tok("SG.", (B64URL, 22), ".", (B64URL, 43))),
    F("mailgun-key", "MAILGUN_KEY", _tok("key-", (HEX, 32))),
    F("mailgun-key-keyed", "MAILGUN_KEY", _kv(lambda rng: f"{rand(rng, HEX, 32)}-{rand(rng, HEX, 8)}-{rand(rng, HEX, 8)}"), ("MAILGUN_API_KEY", "mailgun_key")),
    F("mailchimp-key", "MAILCHIMP_KEY", lambda rng: whole(rand(rng, HEX, 32) + "-us" + str(rng.randint(1, 21)))),
    F("datadog-key", "DATADOG_KEY", _kv(lambda rng: rand(rng, HEX, rng.choice([32, 40]))), ("DD_API_KEY", "datadog_app_key", "DD_APP_KEY")),
    F("newrelic-key", "NEW_RELIC_KEY", _tok("NRAK-", (UPPER_ALNUM, 27))),
    F("newrelic-license-key", "NEW_RELIC_KEY", _tok((HEX, 36), "NRAL")),
    F("sentry-org-token", "SENTRY_TOKEN", lambda rng: whole("sntrys_" + b64json({"iat": rng.randint(1_600_000_000, 1_800_000_000), "url": "https://sentry.io", "org": rand(rng, ALNUM, 8)}) + "_" + rand(rng, ALNUM, 43))),
    F("sentry-user-token", "SENTRY_TOKEN", _tok("sntryu_", (HEX, 64))),
    F("sentry-dsn", "SENTRY_DSN", lambda rng: inside("https://", rand(rng, HEX, 32), f"@o{rng.randint(10**5, 10**6)}.ingest.sentry.io/{rng.randint(10**6, 10**7)}")),
    F("atlassian-api-token", "ATLASSIAN_TOKEN", _atlassian),
    F("atlassian-legacy-token", "ATLASSIAN_TOKEN", _kv(lambda rng: rand(rng, ALNUM, 24)), ("JIRA_API_TOKEN", "confluence_token", "ATLASSIAN_API_KEY")),
    F("notion-token", "NOTION_TOKEN", lambda rng: whole(rng.choice(["ntn_" + rand(rng, string.digits, 11) + rand(rng, ALNUM, 35), "secret_" + rand(rng, ALNUM, 43)]))),
    F("linear-key", "LINEAR_KEY", _tok("lin_api_", (ALNUM, 40))),
    F("postman-key", "POSTMAN_KEY", _tok("PMAK-", (HEX, 24), "-", (HEX, 34))),
    F("openai-api-key", "OPENAI_API_KEY", lambda rng: whole(rng.choice(["sk-proj-", "sk-svcacct-", "sk-"]) + rand(rng, B64URL, rng.randint(20, 74)) + "T3BlbkFJ" + rand(rng, B64URL, rng.randint(20, 74)))),
    F("openai-legacy-key", "OPENAI_API_KEY", _tok("sk-", (ALNUM, 48))),
    F("anthropic-api-key", "ANTHROPIC_API_KEY", _tok("sk-ant-api03-", (B64URL, 93), "AA")),
    F("openrouter-key", "OPENROUTER_API_KEY", _tok("sk-or-v1-", (HEX, 64))),
    F("groq-key", "GROQ_API_KEY", _tok("gsk_", (ALNUM, 52))),
    F("perplexity-key", "PERPLEXITY_API_KEY", _tok("pplx-", (ALNUM, 48))),
    F("xai-key", "XAI_API_KEY", _tok("xai-", (ALNUM, 80))),
    F("replicate-token", "REPLICATE_TOKEN", _tok("r8_", (ALNUM, 37))),
    F("cohere-key", "COHERE_API_KEY", _kv(lambda rng: rand(rng, ALNUM, 40)), ("COHERE_API_KEY", "cohere_key")),
    F("mistral-key", "MISTRAL_API_KEY", _kv(lambda rng: rand(rng, ALNUM, 32)), ("MISTRAL_API_KEY", "mistral_token")),
    # rows added for formats the secret scanners' suites cover (values made here, not theirs)
    F("aws-appsync-key", "AWS_APPSYNC_KEY", _tok("da2-", (LOWER_ALNUM, 26))),
    F("azure-storage-key-nearby", "AZURE_STORAGE_KEY", lambda rng: inside(rng.choice(['{ "AccountKey", "', "AzuriteAccountKey{ \"", "cosmos key: "]), b64(rng, 64), '"'),
      surroundings=LINE_SURROUNDINGS),
    F("azure-entra-refresh-token", "AZURE_REFRESH_TOKEN", lambda rng: whole(rng.choice("01") + ".A" + rand(rng, B64URL, rng.randint(55, 90)) + ".AgAB" + rand(rng, B64URL, rng.randint(300, 900)))),
    F("bitbucket-app-password-family", "BITBUCKET_TOKEN", lambda rng: whole("ATBB" + rand(rng, ALNUM, rng.choice([24, 27, 30, 40])))),
    F("bitbucket-datacenter-token", "BITBUCKET_TOKEN", _tok("BBDC-", (ALNUM, 44))),
    F("flyio-macaroon", "FLYIO_TOKEN", lambda rng: whole("FlyV1 fm2_" + b64(rng, rng.randint(120, 400)))),
    F("docker-config-auth", "BASIC_AUTH", lambda rng: inside('{"auths": {"registry.example.io": {"auth": "', b64basic(rng), '"}}}'),
      surroundings=LINE_SURROUNDINGS + ("json",)),
    F("mailgun-sending-key", "MAILGUN_KEY", lambda rng: inside("Mailgun sending key ", f"{rand(rng, HEX, 32)}-{rand(rng, HEX, 8)}-{rand(rng, HEX, 8)}"),
      surroundings=LINE_SURROUNDINGS),
    F("newrelic-mobile-token", "NEW_RELIC_KEY", _tok("AA", (HEX, 40), "-NRMA")),
    F("alchemy-token", "ALCHEMY_TOKEN", _tok("alcht_", (ALNUM, 30))),
    F("apify-token", "APIFY_TOKEN", _tok("apify_api_", (ALNUM, 36))),
    F("langfuse-secret-key", "LANGFUSE_KEY", lambda rng: whole("sk-lf-" + _uuid(rng))),
    F("langsmith-key", "LANGSMITH_KEY", lambda rng: whole(rng.choice(["lsv2_pt_", "lsv2_sk_"]) + rand(rng, HEX, 32) + "_" + rand(rng, HEX, 10))),
    F("launchdarkly-key", "LAUNCHDARKLY_KEY", lambda rng: whole(rng.choice(["api-", "sdk-"]) + _uuid(rng))),
    F("pganalyze-key", "PGANALYZE_KEY", _tok("pgar_", (ALNUM, 27))),
    F("photoroom-key", "PHOTOROOM_KEY", _tok("sk_pr_", (ALNUM, 10), "_", (HEX, 40))),
    F("pinecone-key", "PINECONE_KEY", _tok("pcsk_", (ALNUM, 5), "_", (ALNUM, 63))),
    F("rootly-key", "ROOTLY_KEY", _tok("rootly_", (HEX, 64))),
    F("spectralops-token", "SPECTRALOPS_TOKEN", _tok("spu-", (HEX, 32))),
    F("octopus-deploy-key", "OCTOPUS_DEPLOY_KEY", _tok("API-", (UPPER_ALNUM, 30))),
    F("cloudflare-origin-ca-key", "CLOUDFLARE_KEY", _tok("v1.0-", (HEX, 24), "-", (HEX, 146))),
    F("airtable-oauth-token", "AIRTABLE_TOKEN", lambda rng: whole(rand(rng, ALNUM, 17) + ".v1." + b64json({"userId": "usr" + rand(rng, ALNUM, 14), "secret": rand(rng, HEX, 64)}) + "." + rand(rng, HEX, 64))),
    F("jwt", "JWT", jwt),
    F("uri-credentials", "URI_CREDENTIALS", uri_with_password, surroundings=LINE_SURROUNDINGS + ("env", "json", "yaml")),
    F("authorization-header", "BEARER_TOKEN", auth_header, surroundings=LINE_SURROUNDINGS),
    F("authorization-basic", "BASIC_AUTH", basic_header, surroundings=LINE_SURROUNDINGS),
    F("curl-user-password", "PASSWORD", curl_line, surroundings=("shell", "prose", "log")),
    F("session-cookie", "SESSION_COOKIE", cookie_header, surroundings=LINE_SURROUNDINGS),
    F("private-key", "PRIVATE_KEY", pem_block, surroundings=("prose", "code", "shell", "json")),
    F("private-key-partial", "PRIVATE_KEY", pem_head, surroundings=("prose", "shell")),
    F("private-key-tail", "PRIVATE_KEY", pem_tail, surroundings=("prose", "shell")),
    F("putty-private-key", "PRIVATE_KEY", putty_file, surroundings=("prose", "shell")),
    F("generic-password", "PASSWORD", _kv(password), ("password", "DB_PASSWORD", "db_pass", "PGPASSWORD", "passwd", "smtp_password", "admin_pwd")),
    F("generic-secret", "SECRET", _kv(_secret_value), ("SECRET_KEY", "client_secret", "api_token", "AUTH_TOKEN", "access_token", "app_secret", "webhook_secret", "ApiKey")),
    F("cli-password", "PASSWORD", cli_password_line, surroundings=("shell", "prose", "log")),
]  # fmt: skip

FORMATS: dict[str, Format] = {f.rule_id: f for f in _FORMATS}

_NAMES = (
    "SERVICE_CREDENTIAL",
    "API_TOKEN",
    "UPSTREAM_KEY",
    "CI_VALUE",
    "DEPLOY_AUTH",
    "PROVIDER_TOKEN",
)
_PROSE_LEAD = (
    "I rotated it yesterday, the new one is",
    "Please use",
    "FYI:",
    "Here it is ->",
    "can you try",
    "Oops, I pasted",
)
_PROSE_TAIL = (
    "for the deploy.",
    "and let me know",
    "(do not share)",
    "thanks!",
    "in staging",
    "- it expires Friday",
)


def _json_escaped(text: str, start: int, end: int) -> tuple[str, int, int]:
    """``text`` escaped as a JSON string body, with the span mapped through the escaping."""
    esc = json.dumps(text)[1:-1]
    s = len(json.dumps(text[:start])[1:-1])
    return esc, s, s + len(json.dumps(text[start:end])[1:-1])


def embed(
    fmt: Format, inst: Instance, surrounding: str, rng: random.Random
) -> tuple[str, int, int]:
    """Place ``inst`` of ``fmt`` in a surrounding; returns ``(text, start, end)`` of the secret.

    Context-keyed formats (``fmt.keys``) are written as an assignment in the surrounding's
    syntax; the others appear as a value, a header, a URL parameter or a line of output.
    """
    if surrounding == "url" and not set(inst.text) <= URL_SAFE:
        surrounding = "prose"
    if fmt.keys:
        return _embed_keyed(rng.choice(fmt.keys), inst, surrounding, rng)
    multiline = "\n" in inst.text
    name = rng.choice(_NAMES)
    if surrounding == "json":
        esc, s, e = _json_escaped(inst.text, inst.start, inst.end)
        before = '{"id": 42, "' + ("private_key" if multiline else name.lower()) + '": "'
        return before + esc + '", "enabled": true}', len(before) + s, len(before) + e
    templates = {
        "prose": (f"{rng.choice(_PROSE_LEAD)} ", f" {rng.choice(_PROSE_TAIL)}"),
        "env": (f"DEBUG=false\n{name}=", "\nPORT=8080\n"),
        "yaml": ("auth:\n  provider: internal\n  credential: ", "\n  retries: 3\n"),
        "shell": (
            ("$ cat creds.txt\n", "\n$ ls -la\n")
            if multiline
            else rng.choice(
                [
                    ("$ deploy --credential ", " --region eu-west-1\n"),
                    ("$ echo '", "' | tool login\n"),
                ]
            )
        ),
        "url": ("GET https://api.example.com/v1/items?access=", "&page=2 HTTP/1.1"),
        "code": ('KEY = """', '"""\n')
        if multiline
        else ('client = Client(credential="', '", timeout=30)'),
        "log": ("2024-05-01T10:00:00.123Z INFO worker-3 using ", " for upstream sync"),
    }
    before, after = templates[surrounding]
    return before + inst.text + after, len(before) + inst.start, len(before) + inst.end


def _embed_keyed(
    key: str, inst: Instance, surrounding: str, rng: random.Random
) -> tuple[str, int, int]:
    v = inst.text
    upper = key.upper()
    templates = {
        "prose": (f"For the record, {key}: ", " (rotate after use)"),
        "env": (f"NODE_ENV=production\n{upper}=", "\nLOG_LEVEL=info\n"),
        "json": (f'{{"name": "svc", "{key}": "', '", "port": 8080}'),
        "yaml": (f"service:\n  name: api\n  {key}: ", "\n  port: 8080\n"),
        "shell": rng.choice(
            [(f"$ export {upper}=", "\n$ ./run.sh\n"), (f'$ export {upper}="', '"\n$ ./run.sh\n')]
        ),
        "url": (f"https://api.example.com/callback?{key}=", "&state=xyz"),
        "code": rng.choice(
            [(f'{key} = "', '"\n'), (f'config["{key}"] = "', '"\n'), (f"{key}: '", "',\n")]
        ),
        "log": (f"2024-05-01T10:00:00Z DEBUG loaded {key}=", " from environment"),
    }
    before, after = templates[surrounding]
    return before + v + after, len(before) + inst.start, len(before) + inst.end
