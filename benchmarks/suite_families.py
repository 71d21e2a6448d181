"""Which trufflehog detectors our catalogue covers (the *formats in our catalogue* rows of
``benchmarks.scanner_suites``) and why the wants still left are left, as the section says.
"""

from __future__ import annotations

import re

from redactkit.detect.credential_rules import RULES

#: trufflehog detector names (normalised: lower case, no separators) our catalogue has a row
#: for, beyond the first word of a rule id: the generic structural rows cover these formats.
ALIASES = {
    "uri": "uri-credentials", "jdbc": "uri-credentials", "ftp": "uri-credentials",
    "ldap": "uri-credentials", "redis": "uri-credentials", "mongodb": "uri-credentials",
    "postgres": "uri-credentials", "sqlserver": "uri-credentials", "privatekey": "private-key",
    "jwt": "jwt", "githubapp": "github-pat", "githuboauth2": "github-oauth",
    "gitlabv2": "gitlab-pat", "slackwebhook": "slack-webhook", "discordwebhook": "discord-webhook",
    "discordbottoken": "discord-bot-token", "telegrambottoken": "telegram-bot-token",
    "sentrytoken": "sentry-user-token", "sentryorgtoken": "sentry-org-token",
    "azurestorage": "azure-storage-account-key", "azuresastoken": "azure-sas-token",
    "azureentra": "azure-ad-client-secret", "googleoauth2": "google-oauth-access-token",
    "gcp": "gcp-private-key-id", "huggingface": "huggingface-token", "twilioapikey": "twilio-key",
    "newrelicpersonalapikey": "newrelic-key", "mailgun": "mailgun-key", "openai": "openai-api-key",
    "anthropic": "anthropic-api-key", "dockerhub": "dockerhub-token", "npmtoken": "npm-token",
    "npmtokenv2": "npm-token", "pypi": "pypi-token", "rubygems": "rubygems-token",
    "planetscale": "planetscale-token", "planetscaledb": "planetscale-token",
    "flyio": "flyio-token", "doppler": "doppler-token", "pulumi": "pulumi-token",
    "terraformcloudpersonaltoken": "terraform-cloud-token", "hashicorpvaultauth": "vault-token",
    "digitaloceantoken": "digitalocean-token", "digitaloceanv2": "digitalocean-token",
    "herokuv2": "heroku-api-key-v2", "shopify": "shopify-token", "sendgrid": "sendgrid-key",
    "mailchimp": "mailchimp-key", "stripe": "stripe-secret-key", "square": "square-access-token",
    "squareapp": "square-oauth-secret", "paypaloauth": "paypal-client-secret",
    "grafanaserviceaccount": "grafana-service-account", "grafana": "grafana-cloud-token",
    "databrickstoken": "databricks-token", "supabasetoken": "supabase-token",
    "sourcegraph": "sourcegraph-token", "contentfulpersonalaccesstoken": "contentful-token",
    "figmapersonalaccesstoken": "figma-token", "mapbox": "mapbox-secret-token",
    "dynatrace": "dynatrace-token", "airtablepersonalaccesstoken": "airtable-pat",
    "dropbox": "dropbox-token", "typeform": "typeform-token", "shippo": "shippo-token",
    "flutterwave": "flutterwave-secret-key", "easypost": "easypost-key", "prefect": "prefect-token",
    "readme": "readme-key", "adafruitio": "adafruit-key", "duffel": "duffel-token",
    "scalingo": "scalingo-token", "frameio": "frameio-token", "notion": "notion-token",
    "linearapi": "linear-key", "postman": "postman-key", "groq": "groq-key",
    "perplexity": "perplexity-key", "xai": "xai-key", "replicate": "replicate-token",
    "openrouter": "openrouter-key", "age": "age-secret-key", "nugetapikey": "nuget-key",
    "bitbucketapppassword": "bitbucket-app-password", "circleci": "circleci-token",
    "travisci": "travis-token", "alibaba": "alibaba-access-key-id", "ibmclouduserkey": "ibm-cloud-api-key",
    "onepassword": "onepassword-service-token", "atlassianv2": "atlassian-api-token",
    "linearv2": "linear-key", "awssessionkey": "aws-session-token",
}  # fmt: skip


#: Why the wants still left are left, by kind (read from the families table below).
GAPS = (
    "Known gaps, by kind: trufflehog's `jdbc` detector wants every JDBC URL, with or without a"
    " password (it verifies by connecting); a URL without a password, or with a placeholder one"
    " (`//user:pass@host`, `password=MY-PASSWORD`), holds no secret and stays (its password,"
    " when there is one, and any `password=`/`pwd=` parameter are masked): the rows *wants that"
    " hold a secret* leave those out (`suite_scoring.holds_no_secret`); generic keyword values"
    " with a filler body (`braintrust_key=sk-AAAA...`: a 3-character prefix is no registered"
    " one) stay placeholders; hex or sequential keys after a provider's name"
    " (`cloudflare: abcdef1234...`, `github <40 hex>` is a commit id as often) and keys in"
    " tables (`apiKey |<hex>`), in escaped notebook JSON, or after a bare detector name that no"
    " list of ours knows (`kanbantool '<12 chars>'`, `redhat <key>`) are left."
)


def catalogue_families() -> set[str]:
    """Normalised trufflehog detector names our catalogue has a row for."""
    ids = {r.id for r in RULES}
    out = {k for k, v in ALIASES.items() if v in ids or v.startswith("private-key")}
    out |= {r.id.split("-")[0] for r in RULES}
    return out


def norm(family: str) -> str:
    return re.sub(r"[^a-z0-9]", "", family.lower())
