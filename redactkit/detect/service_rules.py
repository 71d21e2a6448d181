"""Catalogue rows for hosted services: SaaS, payments, messaging, observability, developer
platforms and LLM providers. Data only, in the conventions of ``credential_rules`` (which
joins these rows into ``RULES``).
"""

from __future__ import annotations

import re

from redactkit.detect import checksums as ck
from redactkit.detect.rule_parts import UUID, Rule, _atlassian, _discord, keyed, tok

_HEX = re.compile(r"[0-9a-f]+")


def _random_hex_parts(value: str) -> bool:
    """The hex parts of a dashed value are random hex (judged alone: the dashes and a tag
    such as mailchimp's `-us16` would skew an entropy measure)."""
    hexes = "".join(p for p in value.split("-") if _HEX.fullmatch(p))
    return ck.looks_random(hexes, min_len=12, min_norm_entropy=0.7)


_R = Rule
SERVICE_RULES: tuple[Rule, ...] = (
    # --- SaaS and payments ----------------------------------------------------------------
    _R("slack-bot-token", "SLACK_TOKEN", ("xoxb-",), tok(r"xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}"),
       prefixes=("xoxb-",)),
    _R("slack-user-token", "SLACK_TOKEN", ("xoxp-",),
       tok(r"xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}"), prefixes=("xoxp-",)),
    _R("slack-app-token", "SLACK_TOKEN", ("xapp-",), tok(r"xapp-\d-[A-Z0-9]{9,12}-\d{10,13}-[a-f0-9]{64}"),
       prefixes=("xapp-",)),
    _R("slack-legacy-token", "SLACK_TOKEN", ("xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe"),
       tok(r"xox(?:[aosr]|e(?:\.xox[bp])?)-[0-9]{1,13}-[A-Za-z0-9\-]{10,200}"), prefixes=("xoxa-", "xoxs-", "xoxe.")),
    _R("slack-token-family", "SLACK_TOKEN", ("xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxs-", "xoxr-", "xoxo-"),
       tok(r"xox[abeoprs]-(?:[0-9]{6,16}-){0,3}[A-Za-z0-9]{10,64}"), tier="context", random=True,
       prefixes=("xoxb-", "xoxp-")),
    _R("slack-webhook", "SLACK_WEBHOOK", ("hooks.slack.com",),
       r"(?P<s>https?://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[AB][A-Z0-9]{8,12}/[A-Za-z0-9]{20,32})",
       tier="structural", prefixes=("hooks.slack.com",)),
    _R("discord-bot-token", "DISCORD_TOKEN", (),
       tok(r"[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40}"), check="shape", validator=_discord),
    _R("discord-webhook", "DISCORD_WEBHOOK", ("discord",),
       r"(?P<s>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_\-]{60,68})",
       tier="structural"),
    _R("telegram-bot-token", "TELEGRAM_BOT_TOKEN", (":aa",), tok(r"\d{8,10}:AA[A-Za-z0-9_\-]{33}")),
    _R("stripe-secret-key", "STRIPE_KEY", ("sk_live_", "sk_test_"), tok(r"sk_(?:live|test)_[A-Za-z0-9]{24,99}"),
       prefixes=("sk_live_", "sk_test_")),
    _R("stripe-restricted-key", "STRIPE_KEY", ("rk_live_", "rk_test_"), tok(r"rk_(?:live|test)_[A-Za-z0-9]{24,99}"),
       prefixes=("rk_live_", "rk_test_")),
    _R("stripe-webhook-secret", "STRIPE_KEY", ("whsec_",), tok(r"whsec_[A-Za-z0-9+/=]{32,64}"), prefixes=("whsec_",)),
    _R("square-access-token", "SQUARE_TOKEN", ("sq0atp-", "eaaa"), tok(r"sq0atp-[A-Za-z0-9_\-]{22}|EAAA[A-Za-z0-9_\-]{60}"),
       prefixes=("sq0atp-", "EAAA"), random=True),
    _R("square-oauth-secret", "SQUARE_TOKEN", ("sq0csp-",), tok(r"sq0csp-[A-Za-z0-9_\-]{43}"), prefixes=("sq0csp-",)),
    _R("braintree-access-token", "PAYPAL_BRAINTREE_TOKEN", ("access_token$",),
       tok(r"access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}")),
    _R("paypal-client-secret", "PAYPAL_BRAINTREE_TOKEN", ("paypal", "braintree"),
       keyed(r"(?:paypal|braintree)[\w.\-]{0,20}?(?:secret|private[_\-]?key)", r"[A-Za-z0-9_\-]{32,80}"),
       tier="context", random=True),
    _R("shopify-token", "SHOPIFY_TOKEN", ("shpat_", "shpca_", "shppa_", "shpss_"),
       tok(r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"), prefixes=("shpat_", "shpca_", "shppa_", "shpss_")),
    # API key SIDs: `SK` + 32 lower-case hex (the Account SID `AC...` names an account: no secret)
    _R("twilio-api-key-sid", "TWILIO_KEY", ("sk",), tok(r"SK[0-9a-f]{32}"), prefixes=("SK",), random=True),
    _R("twilio-key", "TWILIO_KEY", ("twilio",),
       keyed(r"twilio[\w.\-]{0,20}?(?:token|secret|key)", r"(?:SK)?[a-f0-9]{32}"), tier="context", random=True),
    _R("sendgrid-key", "SENDGRID_KEY", ("sg.",), tok(r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}"), prefixes=("SG.",)),
    _R("mailgun-key", "MAILGUN_KEY", ("key-",), tok(r"key-[a-z0-9]{32}"), prefixes=("key-",), random=True),
    # a sending key (`<32 hex>-<8 hex>-<8 hex>`) where the text names mailgun
    _R("mailgun-sending-key", "MAILGUN_KEY", ("mailgun",), tok(r"[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}"),
       tier="context", validator=_random_hex_parts, check="shape"),
    _R("mailgun-key-keyed", "MAILGUN_KEY", ("mailgun",),
       keyed(r"mailgun[\w.\-]{0,20}?(?:key|secret)", r"[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}"), tier="context"),
    _R("mailchimp-key", "MAILCHIMP_KEY", ("-us",), tok(r"[a-f0-9]{32}-us[0-9]{1,2}"),
       validator=_random_hex_parts, check="shape"),
    _R("datadog-key", "DATADOG_KEY", ("datadog", "dd_api", "dd_app", "dd-api", "dd-app", "dd_client"),
       keyed(r"(?:datadog|dd)[_\-.]?(?:api|app|client)?[_\-.]?(?:key|token)", r"[a-f0-9]{40}|[a-f0-9]{32}"),
       tier="context", random=True),
    _R("newrelic-key", "NEW_RELIC_KEY", ("nrak-", "nrra-", "nriq-", "nrii-", "nrjs-"),
       tok(r"NR(?:AK|RA|IQ)-[A-Z0-9]{27}|NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19}"),
       prefixes=("NRAK-", "NRRA-", "NRIQ-", "NRII-", "NRJS-")),
    _R("newrelic-license-key", "NEW_RELIC_KEY", ("nral",), tok(r"[a-fA-F0-9]{36}NRAL")),
    _R("newrelic-mobile-token", "NEW_RELIC_KEY", ("-nrma",), tok(r"(?:AA[a-f0-9]{40}|eu01xx[a-f0-9]{36})-NRMA")),
    _R("sentry-org-token", "SENTRY_TOKEN", ("sntrys_",), tok(r"sntrys_eyJ[A-Za-z0-9+/=_\-]{60,400}"), prefixes=("sntrys_eyJ",)),
    _R("sentry-user-token", "SENTRY_TOKEN", ("sntryu_",), tok(r"sntryu_[a-f0-9]{64}"), prefixes=("sntryu_",)),
    _R("sentry-dsn", "SENTRY_DSN", ("sentry",),
       r"https?://(?P<s>[a-f0-9]{32})(?::[a-f0-9]{32})?@[a-z0-9.\-]{0,80}sentry[a-z0-9.\-]{0,40}/\d{1,12}",
       tier="structural"),
    _R("atlassian-api-token", "ATLASSIAN_TOKEN", ("atatt3", "atctt3"), tok(r"AT[AC]TT3[A-Za-z0-9_=\-]{186}"),
       "checksum", _atlassian, prefixes=("ATATT3", "ATCTT3")),
    _R("atlassian-legacy-token", "ATLASSIAN_TOKEN", ("atlassian", "jira", "confluence"),
       keyed(r"(?:atlassian|jira|confluence)[\w.\-]{0,20}?(?:token|key|secret)", r"[A-Za-z0-9]{24}"),
       tier="context", random=True),
    _R("notion-token", "NOTION_TOKEN", ("ntn_", "secret_"), tok(r"ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}"),
       prefixes=("ntn_", "secret_"), random=True),
    _R("linear-key", "LINEAR_KEY", ("lin_api_", "lin_oauth_"), tok(r"lin_(?:api|oauth)_[A-Za-z0-9]{40}"),
       prefixes=("lin_api_", "lin_oauth_")),
    _R("postman-key", "POSTMAN_KEY", ("pmak-",), tok(r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"), prefixes=("PMAK-",)),
    # --- LLM providers -------------------------------------------------------------------------
    _R("openai-api-key", "OPENAI_API_KEY", ("t3blbkfj",),
       tok(r"sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,200}T3[B8][l1I]bkFJ[A-Za-z0-9_\-]{20,200}"),
       prefixes=("sk-proj-", "sk-")),
    _R("openai-legacy-key", "OPENAI_API_KEY", ("sk-",), tok(r"sk-(?:proj-)?[A-Za-z0-9]{48}"), random=True),
    # Prefix families with a body of another shape than the documented one (older or newer
    # formats, a cut or a typo): the prefix alone says what they are.
    _R("openai-key-family", "OPENAI_API_KEY", ("sk-proj-", "sk-svcacct-", "sk-admin-"),
       tok(r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20,200}"), tier="context", random=True,
       prefixes=("sk-proj-",)),
    _R("anthropic-api-key", "ANTHROPIC_API_KEY", ("sk-ant-",),
       tok(r"sk-ant-(?:api|admin|oat|ort|sid)\d\d-[A-Za-z0-9_\-]{80,110}"), prefixes=("sk-ant-",)),
    _R("openrouter-key", "OPENROUTER_API_KEY", ("sk-or-",), tok(r"sk-or-v1-[a-f0-9]{64}"), prefixes=("sk-or-v1-",)),
    _R("groq-key", "GROQ_API_KEY", ("gsk_",), tok(r"gsk_[A-Za-z0-9]{52}"), prefixes=("gsk_",)),
    _R("perplexity-key", "PERPLEXITY_API_KEY", ("pplx-",), tok(r"pplx-[A-Za-z0-9]{48}"), prefixes=("pplx-",)),
    _R("xai-key", "XAI_API_KEY", ("xai-",), tok(r"xai-[A-Za-z0-9]{80}"), prefixes=("xai-",)),
    _R("replicate-token", "REPLICATE_TOKEN", ("r8_",), tok(r"r8_[A-Za-z0-9]{37}"), prefixes=("r8_",)),
    _R("cohere-key", "COHERE_API_KEY", ("cohere", "co_api"),
       keyed(r"(?:cohere|co_api)[\w.\-]{0,20}?(?:key|token)", r"[A-Za-z0-9]{40}"), tier="context", random=True),
    _R("mistral-key", "MISTRAL_API_KEY", ("mistral",),
       keyed(r"mistral[\w.\-]{0,20}?(?:key|token)", r"[A-Za-z0-9]{32}"), tier="context", random=True),
    # --- developer platforms, data and AI tooling ------------------------------------------
    _R("alchemy-token", "ALCHEMY_TOKEN", ("alcht_",), tok(r"alcht_[A-Za-z0-9]{30}"), prefixes=("alcht_",)),
    _R("apify-token", "APIFY_TOKEN", ("apify_api_",), tok(r"apify_api_[A-Za-z0-9\-]{36}"), prefixes=("apify_api_",)),
    _R("langfuse-secret-key", "LANGFUSE_KEY", ("sk-lf-",), tok(r"sk-lf-" + UUID), prefixes=("sk-lf-",)),
    _R("langsmith-key", "LANGSMITH_KEY", ("lsv2_",), tok(r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}"),
       prefixes=("lsv2_pt_", "lsv2_sk_")),
    # a version-4 UUID's shape after `api-`/`sdk-` (the mobile key `mob-` is public)
    _R("launchdarkly-key", "LAUNCHDARKLY_KEY", ("api-", "sdk-"),
       tok(r"(?:api|sdk)-[a-z0-9]{8}-[a-z0-9]{4}-4[a-z0-9]{3}-[a-z0-9]{4}-[a-z0-9]{12}"), tier="context"),
    _R("pganalyze-key", "PGANALYZE_KEY", ("pgar_",), tok(r"pgar_[A-Za-z0-9]{27}"), prefixes=("pgar_",)),
    _R("photoroom-key", "PHOTOROOM_KEY", ("sk_pr_",), tok(r"(?:sandbox_)?sk_pr_[A-Za-z0-9]{1,64}_[a-fA-F0-9]{40}"), prefixes=("sk_pr_",)),
    _R("pinecone-key", "PINECONE_KEY", ("pcsk_",), tok(r"pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}"), prefixes=("pcsk_",)),
    _R("rootly-key", "ROOTLY_KEY", ("rootly_",), tok(r"rootly_[a-f0-9]{64}"), prefixes=("rootly_",)),
    _R("spectralops-token", "SPECTRALOPS_TOKEN", ("spu-",), tok(r"spu-[a-z0-9]{32}"), prefixes=("spu-",)),
    _R("octopus-deploy-key", "OCTOPUS_DEPLOY_KEY", ("api-",), tok(r"API-[A-Z0-9]{29,34}"), prefixes=("API-",)),
    _R("cloudflare-origin-ca-key", "CLOUDFLARE_KEY", ("v1.0-",), tok(r"v1\.0-[A-Za-z0-9\-]{171}"),
       random=True, prefixes=("v1.0-",)),
    _R("airtable-oauth-token", "AIRTABLE_TOKEN", (".v1.",),
       tok(r"[A-Za-z0-9]{10,40}\.v1\.[A-Za-z0-9_\-]{20,2000}\.[a-f0-9]{32,128}"), tier="structural"),
)  # fmt: skip
