"""TextRedactor: text → findings → masked text.

The detection engine is shared by the process; a redactor holds only its policy (resolved once)
and its session, so making many redactors is cheap and one redactor can serve many threads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from presidio_analyzer import PatternRecognizer

from redactkit import operators
from redactkit.detect.engine import Engine, Query, get_engine
from redactkit.findings import Finding
from redactkit.policy import DENY_LIST, Policy
from redactkit.session import Session


@dataclass(frozen=True)
class TextResult:
    text: str
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "findings": [f.to_dict() for f in self.findings]}


@functools.cache
def credential_types() -> frozenset[str]:
    """Every credential entity type (imported on first use: ``import redactkit`` stays cheap)."""
    from redactkit.detect.credentials import CREDENTIAL_TYPES

    return CREDENTIAL_TYPES


class TextRedactor:
    """Detects and masks personal data and credentials in text.

    >>> TextRedactor().redact("mail jane@acme.io").text
    'mail <EMAIL_ADDRESS>'
    """

    def __init__(
        self,
        policy: Policy | None = None,
        session: Session | None = None,
        *,
        keep_values: bool = False,
    ) -> None:
        self.policy = policy or Policy()
        self.session = session if session is not None else Session()
        self.keep_values = keep_values
        self._query: Query | None = None
        self._allow_re: re.Pattern[str] | None = _allow_regex(self.policy)

    # -- detection --------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        return get_engine()

    @property
    def query(self) -> Query:
        if self._query is None:
            engine = self.engine
            creds = credential_types()
            entities = self.policy.resolve_entities(engine.supported_entities | creds, creds)
            deny: tuple[PatternRecognizer, ...] = ()
            if self.policy.deny:
                deny = (
                    PatternRecognizer(
                        supported_entity=DENY_LIST,
                        deny_list=list(self.policy.deny),
                        name="DenyList",
                        global_regex_flags=re.IGNORECASE,
                    ),
                )
            self._query = Query(entities, self.policy.threshold, deny, self.policy.url)
        return self._query

    def analyze(
        self, text: str, *, ocr: bool = False, skip: frozenset[str] = frozenset()
    ) -> list[Finding]:
        """Findings in ``text``: merged (no two overlap), allow-list applied, values omitted
        unless the redactor was made with ``keep_values=True``. ``skip``: entity types not
        looked for (a screen's glued text keeps no names: found there, a name running into a
        key would absorb the key when overlapping findings merge, and be dropped with it)."""
        query = self.query
        if skip:
            query = replace(query, entities=tuple(e for e in query.entities if e not in skip))
        return self._finish(text, self.engine.analyze(text, query, ocr=ocr))

    def analyze_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        batches = self.engine.analyze_many(list(texts), self.query)
        return [self._finish(t, fs) for t, fs in zip(texts, batches)]

    def _finish(self, text: str, findings: list[Finding]) -> list[Finding]:
        if self._allow_re is not None:
            findings = _drop_allowed(text, findings, self._allow_re)
        if self.keep_values:
            findings = [replace(f, value=text[f.start : f.end]) for f in findings]
        return findings

    # -- masking ----------------------------------------------------------------------------
    def replacement(self, entity_type: str, value: str) -> str:
        spec = self.policy.operator_for(entity_type, credential_types())
        return operators.apply(spec, entity_type, value, policy=self.policy, session=self.session)

    def apply(self, text: str, findings: Iterable[Finding]) -> str:
        """Splice replacements for non-overlapping ``findings`` into ``text``."""
        parts: list[str] = []
        last = 0
        for f in sorted(findings, key=lambda f: f.start):
            parts.append(text[last : f.start])
            parts.append(self.replacement(f.entity_type, text[f.start : f.end]))
            last = f.end
        parts.append(text[last:])
        return "".join(parts)

    def redact(self, text: str) -> TextResult:
        findings = self.analyze(text)
        return TextResult(self.apply(text, findings), findings)

    def redact_many(self, texts: Sequence[str]) -> list[TextResult]:
        """Like ``redact`` for each text, with the NLP work batched (spaCy ``pipe``)."""
        return [TextResult(self.apply(t, fs), fs) for t, fs in zip(texts, self.analyze_many(texts))]


def _allow_regex(policy: Policy) -> re.Pattern[str] | None:
    alts = [re.escape(v) for v in sorted(policy.allow, key=len, reverse=True) if v]
    alts += [f"(?:{p.removeprefix('^').removesuffix('$')})" for p in policy.allow_patterns]
    return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def _drop_allowed(text: str, findings: list[Finding], allow: re.Pattern[str]) -> list[Finding]:
    """Drop findings that lie inside an occurrence of an allow-listed value.

    Inside, not equal: an allowed ``support@acme.io`` must also keep the URL detector's
    ``acme.io`` inside it.
    """
    spans = [m.span() for m in allow.finditer(text) if m.end() > m.start()]
    if not spans:
        return findings
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]
