"""Slot makers of the look-alike corpus: ordinary strings that look like credentials or
personal data (links to repositories, documentation and registries, ``db:3306`` hosts, image
references, request and trace ids, ticket keys, digests, placeholders, documentation example
keys) and the few real values that sit among them so that recall is measured too.

Each maker returns ``(label or None, value)``; labels are ``DECOY_<kind>`` for look-alikes and
an entity type (``SECRET`` for keys and tokens) for real values. Word lists are this module's
own: products and companies here are chosen apart from ``redactkit/data/products.toml`` where
possible (CNCF and observability projects, fictional orgs), so the set does not grade the list
it would be tuned on.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

HEX = "0123456789abcdef"
B62 = string.ascii_letters + string.digits

ORGS = [
    "fernhill",
    "quokka-labs",
    "tidewater-io",
    "brassbell",
    "nordlicht",
    "octave-ai",
    "rivet-dev",
    "kelpie",
]
REPOS = [
    "ledgerd",
    "shipyard",
    "pgbouncer-exporter",
    "fluentd-config",
    "mobile-app",
    "infra",
    "auth-service",
    "docs-site",
]
PROJECTS = ["PROJ", "INFRA", "WEB", "SEC", "DATA", "MOB", "OPS", "API"]
PRODUCTS = [
    "Backstage",
    "Temporal",
    "Pulumi",
    "Crossplane",
    "Loki",
    "Tempo",
    "Mimir",
    "Vitess",
    "Cilium",
    "Linkerd",
    "Flux",
    "Harbor",
    "Falco",
    "Dapr",
    "KEDA",
    "Knative",
    "Tekton",
    "Buildkite",
    "Concourse",
    "Renovate",
    "Meilisearch",
    "Typesense",
    "Caddy",
    "Traefik",
    "Grafana Agent",
]
PACKAGES = [
    "requests",
    "pydantic",
    "left-pad",
    "express",
    "serde",
    "tokio",
    "lodash",
    "uvicorn",
    "zod",
    "chrono",
]
SERVICES = [
    "db",
    "redis",
    "postgres",
    "mysql",
    "kafka-0.kafka",
    "rabbitmq",
    "minio",
    "elasticsearch",
    "cache",
    "queue.internal",
]
PORTS = {
    "db": 3306,
    "mysql": 3306,
    "postgres": 5432,
    "redis": 6379,
    "cache": 6379,
    "kafka-0.kafka": 9092,
    "rabbitmq": 5672,
    "minio": 9000,
    "elasticsearch": 9200,
    "queue.internal": 5672,
}
SCHEMES = {
    "db": "mysql",
    "mysql": "mysql",
    "postgres": "postgres",
    "redis": "redis",
    "cache": "redis",
    "kafka-0.kafka": "kafka",
    "rabbitmq": "amqp",
    "minio": "http",
    "elasticsearch": "http",
    "queue.internal": "amqp",
}
PEOPLE = [
    "Dana Whitfield",
    "Oluwaseun Bakare",
    "Mirela Constantin",
    "Tomasz Wierzbicki",
    "Keiko Arakawa",
    "Rafael Quintero",
    "Ingrid Solberg",
    "Thabo Nkosi",
    "Farah Haddad",
    "Callum Fraser",
]
ID_PREFIXES = ["we_", "req_", "evt_", "job_", "run_", "bld_", "task_", "msg_", "wf_"]
# fmt: skip


def rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def semver(r: random.Random) -> str:
    v = f"{r.randint(0, 12)}.{r.randint(0, 40)}.{r.randint(0, 20)}"
    return (
        r.choice(["", "v"])
        + v
        + r.choice(
            [
                "",
                "",
                f"-rc.{r.randint(1, 5)}",
                f"-beta.{r.randint(1, 9)}",
                f"+build.{r.randint(1, 999)}",
            ]
        )
    )


def repo_url(r: random.Random) -> str:
    host = r.choice(["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"])
    base = f"https://{host}/{r.choice(ORGS)}/{r.choice(REPOS)}"
    return base + r.choice(
        [
            f"/pull/{r.randint(1, 9999)}",
            f"/issues/{r.randint(1, 9999)}",
            "/blob/main/README.md",
            f"/commit/{rand(r, HEX, 40)}",
            f"/releases/tag/{semver(r)}",
            "",
            f"/tree/main/src#L{r.randint(1, 400)}",
        ]
    )


def doc_url(r: random.Random) -> str:
    return r.choice([
        f"https://docs.{r.choice(['temporal.io', 'pulumi.com', 'cilium.io', 'dapr.io'])}/{r.choice(['concepts', 'reference', 'guides'])}/{r.choice(['workers', 'retries', 'networking', 'state'])}",
        f"https://{r.choice(REPOS)}.readthedocs.io/en/latest/{r.choice(['install', 'api', 'config'])}.html",
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429",
        f"https://learn.microsoft.com/en-us/azure/{r.choice(['aks', 'storage', 'key-vault'])}/overview",
        f"https://www.rfc-editor.org/rfc/rfc{r.choice([6749, 7519, 9110, 8446])}",
    ])  # fmt: skip


def registry_url(r: random.Random) -> str:
    p = r.choice(PACKAGES)
    return r.choice([
        f"https://pypi.org/project/{p}/{semver(r).lstrip('v').split('+')[0]}/",
        f"https://www.npmjs.com/package/{p}",
        f"https://crates.io/crates/{p}",
        f"https://hub.docker.com/r/{r.choice(ORGS)}/{r.choice(REPOS)}/tags",
        f"https://registry.npmjs.org/{p}/-/{p}-{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}.tgz",
    ])  # fmt: skip


def image_ref(r: random.Random) -> str:
    reg = r.choice(
        ["ghcr.io", "quay.io", "docker.io/library", "registry.gitlab.com", "public.ecr.aws"]
    )
    ref = f"{reg}/{r.choice(ORGS)}/{r.choice(REPOS)}:{semver(r).split('+')[0]}"
    return ref + (f"@sha256:{rand(r, HEX, 64)}" if r.random() < 0.3 else "")


def host_port(r: random.Random) -> str:
    s = r.choice(SERVICES)
    return f"{s}:{PORTS[s]}"


def conn_url(r: random.Random) -> str:
    """A connection URL without credentials."""
    s = r.choice(SERVICES)
    return f"{SCHEMES[s]}://{s}:{PORTS[s]}/{r.choice(['app', '0', 'prod', 'events', ''])}"


def random_id(r: random.Random) -> str:
    return r.choice(ID_PREFIXES) + rand(r, B62, r.choice([14, 16, 20, 24]))


def trace_id(r: random.Random) -> str:
    return r.choice([
        f"{rand(r, HEX, 8)}-{rand(r, HEX, 8)}-{rand(r, HEX, 16)}",
        f"00-{rand(r, HEX, 32)}-{rand(r, HEX, 16)}-01",
        f"1-{rand(r, HEX, 8)}-{rand(r, HEX, 24)}",
        rand(r, string.digits, 8) + "-" + rand(r, HEX, 8) + "-" + rand(r, HEX, 12),
    ])  # fmt: skip


def ticket(r: random.Random) -> str:
    return r.choice([f"{r.choice(PROJECTS)}-{r.randint(1, 9999)}", f"GH-{r.randint(100, 9999)}", f"CVE-20{r.randint(18, 25)}-{r.randint(1000, 49999)}"])  # fmt: skip


def digest(r: random.Random) -> str:
    return r.choice([f"sha256:{rand(r, HEX, 64)}", f"sha512-{rand(r, B62 + '+/', 86)}==", rand(r, HEX, 40), rand(r, HEX, 7)])  # fmt: skip


def pod_name(r: random.Random) -> str:
    return f"{r.choice(REPOS)}-{rand(r, HEX, r.choice([9, 10]))}-{rand(r, string.ascii_lowercase + string.digits, 5)}"


def placeholder(r: random.Random) -> str:
    return r.choice([
        "<your-api-key>", "${API_TOKEN}", "{{ .Values.db.password }}", "YOUR_TOKEN_HERE",
        "xxxxxxxxxxxxxxxxxxxx", "********", "<REDACTED>", "$GITHUB_TOKEN", "%(secret)s",
        "{{ secrets.DEPLOY_KEY }}", "os.environ['STRIPE_KEY']",
    ])  # fmt: skip


def example_key(r: random.Random) -> str:
    """Keys printed in vendors' documentation as examples (public, revoked by design)."""
    return r.choice([
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "xoxb-not-a-real-token-this-will-not-work",
    ])  # fmt: skip


def product(r: random.Random) -> str:
    return r.choice(PRODUCTS)


# -- real values -----------------------------------------------------------------------------


def person(r: random.Random) -> str:
    return r.choice(PEOPLE)


def email(r: random.Random) -> str:
    first, last = r.choice(PEOPLE).lower().split()
    return (
        f"{first}.{last}@{r.choice(['fernhill.dev', 'mailbox.org', 'tidewater.io', 'proton.me'])}"
    )


def github_token(r: random.Random) -> str:
    return "ghp_" + rand(r, B62, 36)


def query_token(r: random.Random) -> str:
    return rand(r, B62, 32)


def public_ip(r: random.Random) -> str:
    return f"{r.choice([34, 52, 81, 145, 185])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}"


#: slot -> (label, maker)
SLOTS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "repo_url": ("DECOY_REPO_URL", repo_url),
    "doc_url": ("DECOY_DOC_URL", doc_url),
    "registry_url": ("DECOY_REGISTRY_URL", registry_url),
    "image": ("DECOY_IMAGE_REF", image_ref),
    "host_port": ("DECOY_HOST_PORT", host_port),
    "conn_url": ("DECOY_CONN_URL", conn_url),
    "random_id": ("DECOY_RANDOM_ID", random_id),
    "trace_id": ("DECOY_TRACE_ID", trace_id),
    "ticket": ("DECOY_TICKET", ticket),
    "semver": ("DECOY_VERSION", semver),
    "digest": ("DECOY_DIGEST", digest),
    "pod": ("DECOY_POD_NAME", pod_name),
    "placeholder": ("DECOY_PLACEHOLDER", placeholder),
    "example_key": ("DECOY_EXAMPLE_KEY", example_key),
    "product": ("DECOY_PRODUCT", product),
    "person": ("PERSON", person),
    "email": ("EMAIL_ADDRESS", email),
    "gh_token": ("SECRET", github_token),
    "qtoken": ("SECRET", query_token),
    "ip": ("IP_ADDRESS", public_ip),
}
