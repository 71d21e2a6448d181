"""Look-alikes and ordinary benign strings, in the styles of code hosting and operations: issue
and review comments, CI logs, Dockerfiles and compose files, Kubernetes manifests, changelogs,
READMEs, Terraform, git log and HTTP access logs. None of ``corpora.text`` or
``corpora.heldout``'s templates or word lists are used.

Most labels are decoys (``DECOY_*``: what a redactor should leave readable); a few real values
(a commit author's name and e-mail, a token in a URL's query, a GitHub token, a public IP
address) keep recall in view. ``benchmarks.lookalike_text`` scores it beside plain Presidio.
"""

from corpora.lookalike.docs import KINDS, generate

__all__ = ["KINDS", "generate"]
