"""The credential catalogue as data: one row per token format.

A rule is a regex plus the keywords that must occur for it to be worth running, a tier that
sets its score, and an optional offline validator. Adding a format means adding a row, never a
class (the gitleaks rule table is the model). Patterns are bounded (every repeat has a maximum)
so that the stdlib ``re`` cannot backtrack catastrophically.

Pattern conventions: the named group ``s`` is the secret (the span that gets masked); without
it the whole match is the secret. Keywords are lower-case literals checked against the
lower-cased text; the literal token prefixes in ``prefixes`` are what OCR mode repairs.
"""

from __future__ import annotations

from redactkit.detect import checksums as ck
from redactkit.detect.rule_parts import (  # noqa: F401 - re-exported: the catalogue's vocabulary
    AWS_PREFIXES,
    GH,
    OCR_FAILED_SCORE,
    R64,
    SCORES,
    SEP,
    UUID,
    VERIFIED_SCORE,
    L,
    R,
    Rule,
    _age,
    _atlassian,
    _aws_id,
    _basic,
    _discord,
    _gitlab,
    _holds_key_material,
    _jwt,
    _spells_nothing,
    keyed,
    tok,
)
from redactkit.detect.service_rules import SERVICE_RULES

_R = Rule
RULES: tuple[Rule, ...] = (
    # --- cloud ------------------------------------------------------------------------------
    _R("aws-access-key-id", "AWS_ACCESS_KEY", tuple(p.lower() for p in AWS_PREFIXES) + ("a3t",),
       tok(r"(?:A3T[A-Z0-9]|" + "|".join(AWS_PREFIXES) + r")[A-Z2-7]{16}"),
       validator=_aws_id, check="shape", prefixes=AWS_PREFIXES),
    # Key ids are base32; a digit 0, 1, 8 or 9 in the body is a misread, a typo or a fake, and
    # the prefix still says what it is.
    _R("aws-access-key-id-family", "AWS_ACCESS_KEY", tuple(p.lower() for p in AWS_PREFIXES),
       tok("(?:" + "|".join(AWS_PREFIXES) + r")[A-Z0-9]{16}"), tier="context", random=True,
       validator=_aws_id, check="shape", prefixes=AWS_PREFIXES),
    _R("aws-secret-access-key", "AWS_SECRET_KEY", ("aws", "secret_access", "secretaccesskey"),
       keyed(r"aws[\w.\-]{0,20}?(?:secret|sk)|secret[_\-. ]?access[_\-. ]?key", r"[A-Za-z0-9/+]{40}"),
       tier="context", random=True),
    _R("aws-configure-secret", "AWS_SECRET_KEY", ("configure",),
       r"\baws\s+configure\s+set\s+(?:[\w\-]+\.)?aws_secret_access_key\s+['\"]?(?P<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
       tier="context"),
    _R("aws-secret-key-pair", "AWS_SECRET_KEY", tuple(p.lower() for p in AWS_PREFIXES),
       r"(?:" + "|".join(AWS_PREFIXES) + r")[A-Z2-7]{16}[\s,;:|\"'=]{1,6}(?P<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
       tier="context", random=True),
    _R("aws-session-token", "AWS_SESSION_TOKEN", ("iqojb3jpz2lux2vj", "fwogzxivyxdz"),
       tok(r"(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)[A-Za-z0-9/+=]{80,1400}"),
       prefixes=("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz")),
    _R("aws-session-token-keyed", "AWS_SESSION_TOKEN", ("session_token", "security-token", "securitytoken"),
       keyed(r"aws_session_token|x-amz-security-token|securitytoken", r"[A-Za-z0-9/+=]{100,1400}"),
       tier="context", random=True),
    _R("google-api-key", "GOOGLE_API_KEY", ("aiza",), tok(r"AIza[0-9A-Za-z_\-]{35}"), prefixes=("AIza",)),
    _R("google-oauth-client-secret", "GOOGLE_OAUTH_SECRET", ("gocspx-",),
       tok(r"GOCSPX-[A-Za-z0-9_\-]{28}"), prefixes=("GOCSPX-",)),
    _R("google-oauth-access-token", "GOOGLE_OAUTH_TOKEN", ("ya29.",),
       tok(r"ya29\.[0-9A-Za-z_\-]{30,500}"), prefixes=("ya29.",)),
    _R("gcp-private-key-id", "GCP_SERVICE_ACCOUNT_KEY", ("private_key_id",),
       r"""(?i:private_key_id)\\?["']?\s{0,3}:\s{0,3}\\?["'](?P<s>[a-f0-9]{40})(?![a-f0-9])""",
       tier="structural"),
    _R("azure-storage-account-key", "AZURE_STORAGE_KEY", ("accountkey",),
       r"(?i:AccountKey)\s{0,2}=\s{0,2}(?P<s>[A-Za-z0-9+/]{86}==)", tier="structural"),
    _R("azure-storage-key-keyed", "AZURE_STORAGE_KEY", ("azure", "storage"),
       keyed(r"(?:azure|storage)[\w.\-]{0,20}?(?:key|secret)", r"[A-Za-z0-9+/]{86}=="),
       tier="context", random=True),
    # A storage (or Cosmos DB) account key is 64 random bytes: 86 base64 characters and `==`.
    # Where the text speaks of accounts, storage or Azure, that shape is the key under any name.
    _R("azure-storage-key-nearby", "AZURE_STORAGE_KEY",
       ("accountkey", "account_key", "storagekey", "storage_key", "azurite", "cosmos", "azure", "storageaccount"),
       r"(?<![A-Za-z0-9+/=])(?P<s>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])", tier="context", random=True),
    # Entra ID (Azure AD) refresh tokens: `0.A` or `1.A`, a client part, then `.Ag` and the body
    _R("azure-entra-refresh-token", "AZURE_REFRESH_TOKEN", (".ag",),
       tok(r"[01]\.A[A-Za-z0-9_\-]{50,200}(?:\.\d)?\.Ag[A-Za-z0-9_\-]{250,8000}(?:\.A[A-Za-z0-9_\-]{200,4000})?"),
       tier="structural"),
    _R("aws-appsync-key", "AWS_APPSYNC_KEY", ("da2-",), tok(r"da2-[a-z0-9]{26}"), prefixes=("da2-",)),
    _R("azure-shared-access-key", "AZURE_CONNECTION_STRING", ("sharedaccesskey=",),
       r"(?i:SharedAccessKey)\s{0,2}=\s{0,2}(?P<s>[A-Za-z0-9+/]{42,43}=)", tier="structural"),
    _R("azure-sas-token", "AZURE_SAS_TOKEN", ("sig=",),
       r"(?:[?&]sv=\d{4}-\d\d-\d\d&[^\s\"'<>]{0,300}?)sig=(?P<s>[A-Za-z0-9%+/]{40,80}(?:=|%3D){0,2})",
       tier="structural"),
    _R("azure-ad-client-secret", "AZURE_CLIENT_SECRET", ("q~",),
       r"(?<![A-Za-z0-9_~.\-])(?P<s>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-])"),
    _R("digitalocean-token", "DIGITALOCEAN_TOKEN", ("dop_v1_", "doo_v1_", "dor_v1_"),
       tok(r"do[por]_v1_[a-f0-9]{64}"), prefixes=("dop_v1_", "doo_v1_", "dor_v1_")),
    _R("heroku-api-key-v2", "HEROKU_API_KEY", ("hrku-",), tok(r"HRKU-AA[0-9A-Za-z_\-]{58}"), prefixes=("HRKU-AA",)),
    _R("heroku-api-key", "HEROKU_API_KEY", ("heroku",),
       keyed(r"heroku[\w.\-]{0,20}?(?:key|token|secret)", UUID), tier="context"),
    _R("alibaba-access-key-id", "ALIBABA_ACCESS_KEY", ("ltai",), tok(r"LTAI[A-Za-z0-9]{12,20}"),
       prefixes=("LTAI",), random=True),
    _R("alibaba-secret-key", "ALIBABA_SECRET_KEY", ("alibaba", "aliyun", "accesskeysecret", "access_key_secret"),
       keyed(r"(?:alibaba|aliyun|ali)[\w.\-]{0,20}?secret|access_?key_?secret", r"[A-Za-z0-9]{30}"),
       tier="context", random=True),
    _R("ibm-cloud-api-key", "IBM_CLOUD_API_KEY", ("ibm", "iam_api", "iamapi"),
       keyed(r"(?:ibm|iam)[\w.\-]{0,20}?api[_\-]?key", r"[A-Za-z0-9_\-]{44}"), tier="context", random=True),
    # --- code and CI ----------------------------------------------------------------------------
    _R("github-pat", "GITHUB_TOKEN", ("ghp_",), tok(r"ghp_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("ghp_",)),
    _R("github-oauth", "GITHUB_TOKEN", ("gho_",), tok(r"gho_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("gho_",)),
    _R("github-user-to-server", "GITHUB_TOKEN", ("ghu_",), tok(r"ghu_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("ghu_",)),
    _R("github-server-to-server", "GITHUB_TOKEN", ("ghs_",), tok(r"ghs_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("ghs_",)),
    _R("github-refresh", "GITHUB_TOKEN", ("ghr_",), tok(r"ghr_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("ghr_",)),
    # A GitHub prefix with a body of the wrong length: typed with an extra or a missing character,
    # cut by a line end, or two characters merged by OCR. Still most of a token.
    _R("github-token-malformed", "GITHUB_TOKEN", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
       tok(r"gh[pousr]_(?:[A-Za-z0-9]{28,35}|[A-Za-z0-9]{37,48})"), tier="context", random=True,
       prefixes=("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
    _R("github-fine-grained-pat", "GITHUB_TOKEN", ("github_pat_",),
       tok(r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"), prefixes=("github_pat_",)),
    _R("gitlab-pat", "GITLAB_TOKEN", ("glpat-",),
       tok(r"glpat-(?:[A-Za-z0-9_\-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{9}|[A-Za-z0-9_\-]{20})"),
       "checksum", _gitlab, prefixes=("glpat-",)),
    _R("gitlab-token", "GITLAB_TOKEN",
       ("gldt-", "glrt-", "glptt-", "glcbt-", "gloas-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-"),
       tok(r"gl(?:dt|rt|ptt|cbt|oas|ft|imt|agent|soat|ffct)-[A-Za-z0-9_\-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{9})?"),
       "checksum", _gitlab, prefixes=("gldt-", "glrt-", "glptt-", "glcbt-", "gloas-", "glft-")),
    _R("gitlab-runner-registration", "GITLAB_TOKEN", ("gr1348941",), tok(r"GR1348941[A-Za-z0-9_\-]{20,60}"),
       prefixes=("GR1348941",)),
    _R("bitbucket-app-password", "BITBUCKET_TOKEN", ("atbb",), tok(r"ATBB[A-Za-z0-9_=.\-]{32}"), prefixes=("ATBB",)),
    # the prefix with a body of another length (older passwords, a cut, a typo)
    _R("bitbucket-app-password-family", "BITBUCKET_TOKEN", ("atbb",), tok(r"ATBB[A-Za-z0-9_=.\-]{20,60}"),
       tier="context", random=True, prefixes=("ATBB",)),
    _R("bitbucket-datacenter-token", "BITBUCKET_TOKEN", ("bbdc-",), tok(r"BBDC-[A-Za-z0-9+/@_\-]{40,50}"),
       prefixes=("BBDC-",)),
    _R("npm-token", "NPM_TOKEN", ("npm_",), tok(r"npm_[A-Za-z0-9]{36}"), "checksum", GH, prefixes=("npm_",)),
    # pypi.org and test.pypi.org (`AgENdGVzdC5weXBpLm9yZw` is its macaroon's location)
    _R("pypi-token", "PYPI_TOKEN", ("pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"),
       tok(r"pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,300}"),
       prefixes=("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw")),
    _R("dockerhub-token", "DOCKERHUB_TOKEN", ("dckr_",), tok(r"dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,32}"),
       prefixes=("dckr_pat_", "dckr_oat_")),
    _R("huggingface-token", "HUGGINGFACE_TOKEN", ("hf_", "api_org_"), tok(r"(?:hf|api_org)_[A-Za-z]{34}"),
       prefixes=("hf_", "api_org_"), random=True),
    _R("circleci-token", "CIRCLECI_TOKEN", ("ccipat_", "ccipat"), tok(r"CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}"),
       prefixes=("CCIPAT_",)),
    _R("circleci-token-keyed", "CIRCLECI_TOKEN", ("circle",),
       keyed(r"circle[\w.\-]{0,20}?(?:token|key)", r"[a-f0-9]{40}"), tier="context", random=True),
    _R("travis-token", "TRAVIS_TOKEN", ("travis",),
       keyed(r"travis[\w.\-]{0,20}?(?:token|key)", r"[A-Za-z0-9_\-]{22}"), tier="context", random=True),
    _R("terraform-cloud-token", "TERRAFORM_TOKEN", ("atlasv1",),
       tok(r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70}"), prefixes=("atlasv1",)),
    _R("vault-token", "VAULT_TOKEN", ("hvs.", "hvb.", "hvr."), tok(r"hv[sbr]\.[A-Za-z0-9_\-]{24,300}"),
       prefixes=("hvs.", "hvb.", "hvr.")),
    _R("vault-token-legacy", "VAULT_TOKEN", ("vault",),
       keyed(r"vault[\w.\-]{0,20}?token", r"s\.[A-Za-z0-9]{24}"), tier="context"),
    _R("pulumi-token", "PULUMI_TOKEN", ("pul-",), tok(r"pul-[a-f0-9]{40}"), prefixes=("pul-",)),
    _R("doppler-token", "DOPPLER_TOKEN", ("dp.pt.", "dp.st.", "dp.sa."), tok(r"dp\.(?:pt|st|sa|ct)\.[A-Za-z0-9]{40,44}"),
       prefixes=("dp.pt.", "dp.st.")),
    _R("databricks-token", "DATABRICKS_TOKEN", ("dapi",), tok(r"dapi[a-f0-9]{32}(?:-\d)?"), prefixes=("dapi",)),
    _R("supabase-token", "SUPABASE_TOKEN", ("sbp_",), tok(r"sbp_[a-f0-9]{40}"), prefixes=("sbp_",)),
    _R("rubygems-token", "RUBYGEMS_TOKEN", ("rubygems_",), tok(r"rubygems_[a-f0-9]{48}"), prefixes=("rubygems_",)),
    _R("nuget-key", "NUGET_KEY", ("oy2",), tok(r"oy2[a-z0-9]{43}"), prefixes=("oy2",), random=True),
    _R("age-secret-key", "AGE_SECRET_KEY", ("age-secret-key-1",),
       tok(r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"), "checksum", _age,
       prefixes=("AGE-SECRET-KEY-1",)),
    _R("sourcegraph-token", "SOURCEGRAPH_TOKEN", ("sgp_",), tok(r"sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}"), prefixes=("sgp_",)),
    _R("planetscale-token", "PLANETSCALE_TOKEN", ("pscale_",), tok(r"pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.\-]{32,64}"),
       prefixes=("pscale_tkn_", "pscale_pw_")),
    _R("flyio-token", "FLYIO_TOKEN", ("fo1_",), tok(r"fo1_[A-Za-z0-9_\-]{43}"), prefixes=("fo1_",)),
    # macaroon tokens (`FlyV1 fm2_...`, `fm1r_...`): long base64
    _R("flyio-macaroon", "FLYIO_TOKEN", ("fm1", "fm2"), tok(r"(?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/_=,\-]{60,4000}"),
       prefixes=("fm2_",)),
    _R("onepassword-service-token", "ONEPASSWORD_TOKEN", ("ops_eyj",), tok(r"ops_eyJ[A-Za-z0-9+/=_\-]{100,1000}"),
       prefixes=("ops_eyJ",)),
    _R("contentful-token", "CONTENTFUL_TOKEN", ("cfpat-",), tok(r"CFPAT-[A-Za-z0-9_\-]{43}"), prefixes=("CFPAT-",)),
    _R("figma-token", "FIGMA_TOKEN", ("figd_",), tok(r"figd_[A-Za-z0-9_\-]{40}"), prefixes=("figd_",)),
    _R("mapbox-secret-token", "MAPBOX_TOKEN", ("sk.eyj",), tok(r"sk\.eyJ[A-Za-z0-9_\-]{20,300}\.[A-Za-z0-9_\-]{20,100}"),
       prefixes=("sk.eyJ",)),
    _R("dynatrace-token", "DYNATRACE_TOKEN", ("dt0c01.",), tok(r"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}"), prefixes=("dt0c01.",)),
    _R("airtable-pat", "AIRTABLE_TOKEN", ("pat",), tok(r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}")),
    _R("dropbox-token", "DROPBOX_TOKEN", ("sl.",), tok(r"sl\.(?:u\.)?[A-Za-z0-9_\-]{130,1400}"), prefixes=("sl.",)),
    _R("firebase-fcm-key", "FIREBASE_KEY", (":apa91b",), tok(r"AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134}")),
    _R("grafana-service-account", "GRAFANA_TOKEN", ("glsa_",), tok(r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"),
       "checksum", ck.grafana_sa_ok, prefixes=("glsa_",)),
    _R("grafana-cloud-token", "GRAFANA_TOKEN", ("glc_eyj",), tok(r"glc_eyJ[A-Za-z0-9+/=_\-]{60,400}"), prefixes=("glc_eyJ",)),
    _R("typeform-token", "TYPEFORM_TOKEN", ("tfp_",), tok(r"tfp_[A-Za-z0-9_.=\-]{59}"), prefixes=("tfp_",)),
    _R("shippo-token", "SHIPPO_TOKEN", ("shippo_",), tok(r"shippo_(?:live|test)_[a-f0-9]{40}"), prefixes=("shippo_live_", "shippo_test_")),
    _R("flutterwave-secret-key", "FLUTTERWAVE_KEY", ("flwseck",), tok(r"FLWSECK(?:_TEST)?-[a-f0-9]{32}-X"), prefixes=("FLWSECK",)),
    _R("easypost-key", "EASYPOST_KEY", ("ezak", "eztk"), tok(r"EZ[AT]K[A-Za-z0-9]{54}"), prefixes=("EZAK", "EZTK")),
    _R("prefect-token", "PREFECT_TOKEN", ("pnu_",), tok(r"pnu_[A-Za-z0-9]{36}"), prefixes=("pnu_",)),
    _R("readme-key", "README_KEY", ("rdme_",), tok(r"rdme_[a-z0-9]{70}"), prefixes=("rdme_",)),
    _R("adafruit-key", "ADAFRUIT_KEY", ("aio_",), tok(r"aio_[A-Za-z0-9]{28}"), prefixes=("aio_",), random=True),
    _R("duffel-token", "DUFFEL_TOKEN", ("duffel_",), tok(r"duffel_(?:test|live)_[A-Za-z0-9_=\-]{43}"), prefixes=("duffel_",)),
    _R("scalingo-token", "SCALINGO_TOKEN", ("tk-us-",), tok(r"tk-us-[A-Za-z0-9_\-]{48}"), prefixes=("tk-us-",)),
    _R("frameio-token", "FRAMEIO_TOKEN", ("fio-u-",), tok(r"fio-u-[A-Za-z0-9_=\-]{64}"), prefixes=("fio-u-",)),
    *SERVICE_RULES,
    # --- structural -----------------------------------------------------------------------------
    _R("jwt", "JWT", ("eyj",), r"(?<![A-Za-z0-9_\-])(?P<s>eyJ[A-Za-z0-9_\-]{5,2000}\.[A-Za-z0-9_\-]{2,4000}\.[A-Za-z0-9_\-]{0,1000})",
       tier="structural", validator=_jwt, check="shape", prefixes=("eyJ",)),
    # Jenkins credential stores (`com.cloudbees.plugins.credentials`) keep secrets in braces,
    # `<secret>{AQAAABAAAA...}</secret>`: a brace value that holds key material is one
    _R("jenkins-credential", "SECRET", ("cloudbees",),
       r"<(?P<t>[A-Za-z][\w.\-]{0,40})>\s{0,3}\{(?P<s>[^{}<>\n]{16,4000})\}\s{0,3}</(?P=t)>",
       tier="context", validator=_holds_key_material, check="shape"),
    # a docker config's `auths` entry: `"auth": "<base64 of user:password>"`, JSON-escaped or
    # not (the engine's escaped view reads `\"auth\"` as ` "auth "`)
    _R("docker-config-auth", "BASIC_AUTH", ('"auth',),
       r'"auth[\\ ]{0,4}"\s{0,3}:[\s\\]{0,6}"(?P<s>[A-Za-z0-9+/]{8,2000}={0,2})[\\ ]{0,4}"',
       tier="structural", validator=_basic, check="shape"),
    _R("uri-credentials", "URI_CREDENTIALS", ("://",),
       r"://(?P<u>[^\s:/?#@'\"<>()\[\]]{0,128}):(?P<s>[^\s/'\"<>@]{1,256})@(?=[A-Za-z0-9\[])", tier="structural"),
    # Oracle's thin driver writes `user/password@host` after the scheme, with no `//`
    _R("jdbc-oracle-thin", "URI_CREDENTIALS", ("jdbc:oracle",),
       r"(?i:jdbc:oracle:(?:thin|oci8?)):(?P<u>[\w.$#\-]{1,64})/(?P<s>[^\s/'\"<>@]{1,128})@", tier="structural"),
    _R("authorization-header", "BEARER_TOKEN", ("authorization",),
       r"(?i:authorization[\"']?\s{0,3}[:=]?\s{0,3}[\"']?(?:token|bearer|bot))\s{1,3}(?P<s>[^\s\"'<>]{8,4000})",
       tier="structural"),
    _R("bearer-token", "BEARER_TOKEN", ("bearer",), r"(?i:\bbearer)\s{1,3}(?P<s>[A-Za-z0-9._~+/\-]{16,4000}=*)",
       tier="structural", random=True),
    _R("authorization-basic", "BASIC_AUTH", ("basic",), r"(?i:\bbasic)\s{1,3}(?P<s>[A-Za-z0-9+/]{4,1000}={0,2})(?![A-Za-z0-9+/=])",
       tier="structural", validator=_basic, check="shape"),
    _R("curl-user-password", "PASSWORD", ("-u", "--user"),
       r"(?:\s-u\s{0,3}|\s--user[\s=]{1,3})[\"']?(?!<)[^\s:'\"]{1,64}:(?P<s>[^\s'\"]{1,128})", tier="structural"),
    _R("session-cookie", "SESSION_COOKIE", ("cookie",),
       r"(?i:cookie)\s{0,3}[:=][^\n]{0,400}?(?<![\w.\-])(?i:[\w.\-]{0,30}(?:sess(?:ion)?(?:[_\-]?id)?|sid|remember[\w\-]{0,10}|auth[\w\-]{0,10}|jwt|token))=(?P<s>[^;\s,\"'<>]{16,4096})",
       tier="structural", random=True),
    _R("session-id", "SESSION_COOKIE", ("sessid", "sessionid", "session_id", "connect.sid", "_session="),
       r"(?<![\w.\-])(?:PHPSESSID|JSESSIONID|ASP\.NET_SessionId|connect\.sid|(?i:session_?id)|[\w\-]{1,20}_session)=(?P<s>[^;\s,\"'<>&]{16,4096})",
       tier="structural", random=True),
    # --- screens ------------------------------------------------------------------------------
    # A screen shows keys without their names (a settings page, a chat), and OCR cuts or
    # misreads the prefixes the rows above rely on. On OCR text, a long machine-looking token is
    # a secret by its looks alone. Not hex-only (commit and content hashes, UUIDs), not lockfile
    # integrity hashes or inline base64 data, and not in plain text, where the rows above and
    # their keywords decide.
    _R("ocr-random-token", "SECRET", (),
       r"(?<![A-Za-z0-9_+/=.\-])(?<!base64,)(?!sha(?:1|256|384|512)-)(?P<s>"
       r"(?=[A-Za-z0-9+/_\-]{0,200}[G-Zg-z])(?=[A-Za-z0-9+/_\-]{0,200}[0-9])[A-Za-z0-9+/_\-]{24,200}={0,2}"
       r")(?![A-Za-z0-9_+/=\-])",
       tier="generic", random=True, ocr_only=True),
    # A password or key shown alone on its line (a settings field, a reveal button's result):
    # upper case, lower case and digits in one short run that spells nothing (OCR may put one
    # space into it). Not paths, file names, addresses, times or assignments (no . / @ : =).
    _R("ocr-lone-password", "PASSWORD", (),
       r"(?m)^[ \t]*+(?P<s>(?=[^\n]*[A-Z])(?=[^\n]*[a-z])(?=[^\n]*[0-9])(?=\S+(?: \S+)?[ \t]*$)[^\s\"'<>.,/@:;=()\[\]{}](?:[^\s\"'<>.,/@:;=()\[\]{}]| (?! )){9,64})[ \t]*$",
       tier="generic", random=True, ocr_only=True, validator=_spells_nothing, check="shape"),
)  # fmt: skip

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
