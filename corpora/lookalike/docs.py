"""Documents of the look-alike corpus, one template list per kind; ``[[slot]]`` draws a value
from ``values.SLOTS`` and records its exact span."""

from __future__ import annotations

import random
import re

from corpora.lookalike.values import SLOTS
from corpora.text.document import Doc, Label

_SLOT = re.compile(r"\[\[([a-z_]+?)\d*\]\]")

TEMPLATES: dict[str, list[str]] = {
    "issue": [
        "Repro is in [[repo_url]] — the [[product]] sidecar crashes on boot. Same as [[ticket]].",
        "Bumped to [[semver]] per [[registry_url]]; see [[doc_url]] for the retry semantics.",
        "@[[person]] can you take [[ticket]]? The failing request was [[random_id]] (trace [[trace_id]]).",
        "Closing as duplicate of [[repo_url]]. Workaround: pin [[image]] until [[semver]] ships.",
        "The docs at [[doc_url]] say to set the key to [[placeholder]], which is what we do.",
        "Example from the vendor page: `[[example_key]]` — obviously not ours.",
        "It only happens when [[product]] talks to [[host_port]] over TLS; [[product2]] is fine.",
    ],
    "ci": [
        "#[[n]] [build] pulling [[image]]",
        "Step 4/11 : RUN pip install --no-cache-dir -r requirements.txt  # from [[registry_url]]",
        "[[ts]] INFO  waiting for [[host_port]] ... ok (took [[n]]ms)",
        "[[ts]] WARN  retrying [[conn_url]] (attempt [[n]]/5)",
        "[[ts]] INFO  job [[random_id]] finished, artifact digest [[digest]]",
        "[[ts]] ERROR upload failed, see [[doc_url]] (request [[trace_id]])",
        "[[ts]] INFO  checkout [[digest]] of [[repo_url]]",
        "[[ts]] INFO  pod [[pod]] Ready; image [[image]]",
        "[[ts]] DEBUG cloning https://x-access-token:[[gh_token]]@github.com/fernhill/infra.git",
    ],
    "compose": [
        "services:\n  app:\n    image: [[image]]\n    environment:\n      DATABASE_URL: [[conn_url]]\n"
        "      API_KEY: [[placeholder]]\n    depends_on: [db]\n  db:\n    image: [[image2]]\n",
        "FROM [[image]]\nLABEL org.opencontainers.image.source=[[repo_url]]\n"
        "ENV CACHE_URL=[[conn_url]] TOKEN=[[placeholder]]\nEXPOSE 8080\n",
    ],
    "k8s": [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [[pod]]\n  annotations:\n"
        "    docs: [[doc_url]]\n    ticket: [[ticket]]\nspec:\n  template:\n    spec:\n"
        "      containers:\n        - image: [[image]]\n          env:\n            - name: UPSTREAM\n"
        "              value: [[host_port]]\n            - name: AWS_ACCESS_KEY_ID\n"
        "              value: [[example_key]]\n",
    ],
    "changelog": [
        "## [[semver]] - 2024-0[[d]]-1[[d2]]\n- Fix reconnect to [[host_port]] ([[ticket]], [[repo_url]])\n"
        "- Upgrade [[product]] to [[semver2]]\n- Thanks to [[person]] for the report\n",
        "### Security\n- [[ticket]]: tokens were logged at debug level; see [[doc_url]].\n",
    ],
    "readme": [
        "Install with `pip install x` ([[registry_url]]). Set `TOKEN=[[placeholder]]` and run "
        "against [[conn_url]].\n",
        "Questions go to [[repo_url]]. The example key `[[example_key]]` in the docs is not valid.\n",
        "Use [[product]] [[semver]] or later; older releases break on [[host_port]].\n",
    ],
    "terraform": [
        'module "queue" {\n  source  = "[[repo_url]]"\n  version = "[[semver]]"\n'
        '  endpoint = "[[host_port]]"\n  api_key  = var.api_key # [[placeholder]]\n}\n',
    ],
    "gitlog": [
        "commit [[digest]]\nAuthor: [[person]] <[[email]]>\nDate:   Tue Mar 5 14:0[[d]]:11 2024 +0100\n\n"
        "    Fix [[ticket]]: retry on [[host_port]]\n\n    Refs: [[repo_url]]\n",
    ],
    "access": [
        '[[ip]] - - [05/Mar/2024:14:0[[d]]:11 +0000] "GET /v1/hooks?token=[[qtoken]] HTTP/1.1" 200 512 '
        '"-" "[[product]]/[[semver]]" req=[[random_id]]',
        '10.0.0.[[d]] - - [05/Mar/2024:14:1[[d]]:02 +0000] "GET /healthz HTTP/1.1" 200 2 "-" '
        '"kube-probe/1.29" trace=[[trace_id]]',
    ],
}
KINDS = tuple(TEMPLATES)

_PLAIN = {
    "n": lambda r: str(r.randint(2, 9999)),
    "d": lambda r: str(r.randint(1, 9)),
    "ts": lambda r: f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)}T0{r.randint(0, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)}Z",
}  # fmt: skip


def _fill(r: random.Random, template: str, parts: list[str], pos: int, labels: list[Label], decoys: list[Label]) -> int:  # fmt: skip
    at = 0
    for m in _SLOT.finditer(template):
        parts.append(template[at : m.start()])
        pos += m.start() - at
        slot = m.group(1)
        if slot in _PLAIN:
            value, label = _PLAIN[slot](r), None
        else:
            label, make = SLOTS[slot]
            value = make(r)
            (decoys if label.startswith("DECOY_") else labels).append(
                Label(pos, pos + len(value), label)
            )
        parts.append(value)
        pos += len(value)
        at = m.end()
    parts.append(template[at:])
    return pos + len(template) - at


def generate(seed: int, n: int) -> list[Doc]:
    """``n`` documents, kinds in turn, each a few filled templates of its kind."""
    r = random.Random(seed)
    docs = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        parts: list[str] = []
        labels: list[Label] = []
        decoys: list[Label] = []
        pos = 0
        for _ in range(r.randint(2, 6)):
            pos = _fill(r, r.choice(TEMPLATES[kind]), parts, pos, labels, decoys)
            parts.append("\n")
            pos += 1
        docs.append(Doc("".join(parts), kind, labels, decoys))
    return docs
