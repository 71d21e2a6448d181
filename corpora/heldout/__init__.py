"""A second, independent text-corpus generator, held out from detection tuning.

Detection rules were partly tuned on the leaks of ``corpora.text``; ``benchmarks.heldout_text``
scores this corpus to measure how well that tuning generalises. The generator was written
separately, from scratch, with its own sentence templates, document kinds (meeting notes, support
tickets, HR/onboarding mail, travel itineraries, Slack-style chat, forwarded e-mail threads, CRM
tables, JSON payloads, shell history, logs and stack traces), its own name, place, street and
company lists and its own value formats. From the rest of ``corpora`` it takes only the ``Doc``
and ``Label`` classes (so ``benchmarks.scoring`` scores it the same way) and the IBAN checksum.

Labels follow redactkit's and Presidio's entity names; API keys and tokens of every kind are
labelled ``SECRET`` (masked under any entity type counts). Only dates of birth are ``DATE_TIME``;
meeting and travel dates are decoys (``DECOY_DATE``), like log timestamps, versions, ticket and
order ids, hashes, product and company names, sizes and durations. A Slack handle or a login
made from a person's name (``@priya.s``, ``scp f priya@host``) is ``PERSON``. Of a title or a
possessive only the name is labelled (``Dr. «Okafor»``, ``«Priya»'s``).

The modules, in the order a document is made: ``words`` (vocabulary), ``people`` (a cast
member's name, e-mail and handle), ``values`` and ``decoys`` (slot makers), ``builder`` (fills
templates, records spans), ``templates`` (per kind), ``kinds`` (layouts and ``generate``).
"""

from corpora.heldout.kinds import KINDS, generate
from corpora.heldout.templates import n_templates

__all__ = ["KINDS", "generate", "n_templates"]
