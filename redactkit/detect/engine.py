"""The one detection engine every channel shares: Presidio's analyzer over the trimmed spaCy
pipeline and the repaired recognizer set.

Built once per process on first use (model loading costs about a second), then shared by every
redactor and thread. Presidio loads recognizers and compiles patterns lazily inside ``analyze``
without a lock, so the engine runs one warm-up analysis while it is being built, under the build
lock, before any caller sees it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from presidio_analyzer import PatternRecognizer, RecognizerResult
from presidio_analyzer import pattern_recognizer as _pattern_recognizer
from presidio_analyzer.predefined_recognizers.generic import iban_recognizer as _iban_recognizer

from redactkit.detect.blocks import block_names
from redactkit.detect.coordination import coordinated
from redactkit.detect.decision import judged, shape_kept
from redactkit.detect.escapes import escaped_view
from redactkit.detect.invisible import is_visible, map_span, strip_invisible
from redactkit.detect.ner import place_is_name
from redactkit.detect.ocr import normalize_confusions
from redactkit.detect.urls import shrink_urls
from redactkit.findings import Finding, merge_spans, propagate

log = logging.getLogger("redactkit.detect")


def _no_debug(record: logging.LogRecord) -> bool:
    return record.levelno > logging.DEBUG


# Presidio's DEBUG lines quote the text they work on ("Context list is: inbox jane.doe@...").
# Whatever level an application sets, those records never reach a handler.
for _name in ("presidio-analyzer", "presidio-anonymizer", "decision_process"):
    logging.getLogger(_name).addFilter(_no_debug)

# Presidio gives each pattern scan a wall-clock timeout (60 s, or $REGEX_TIMEOUT_SECONDS) and,
# when it expires, logs a warning and goes on without that pattern's findings: on a busy
# machine the same text would lose findings. Every pattern the engine runs, stock or ours, is
# linear on adversarial input (tests/test_patterns.py), so no clock decides a result here.
_pattern_recognizer.REGEX_TIMEOUT_SECONDS = None
_iban_recognizer.REGEX_TIMEOUT_SECONDS = None

#: Text longer than this is analysed in windows (spaCy's cost and memory grow with the doc).
CHUNK_CHARS = 100_000
#: Windows overlap by this much, so an entity on a border (a PEM block is ~3,300 characters)
#: is seen whole in one of them.
OVERLAP_CHARS = 4_096

#: Recognizers whose values a label named: the decision never drops what overlaps them.
LABELLED_RECOGNIZERS = frozenset({"LabelledValueRecognizer", "LabelledPhoneRecognizer"})

_WARMUP = (
    "Jane Doe (jane.doe@example.org, +1 212-555-0187) paid with 4111 1111 1111 1111 "
    "from IBAN DE89 3704 0044 0532 0130 00 at 10.0.0.1; born 03/04/1985. "
    "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa AKIAABCDEFGHIJKLMNOP password=hunter2"
)


@dataclass(frozen=True)
class Query:
    """What to look for: resolved entity types, score threshold and ad-hoc deny recognizers."""

    entities: tuple[str, ...]
    threshold: float
    deny: tuple[PatternRecognizer, ...] = ()
    url_mode: str = "sensitive-parts"


class Engine:
    def __init__(self) -> None:
        from redactkit.detect.anchor import anchor_recognizers, anchor_results
        from redactkit.detect.context import CompoundContextEnhancer, GroupedAnalyzerEngine
        from redactkit.detect.ner import name_parts, whole_name, whole_place
        from redactkit.detect.nlp import TrimmedSpacyEngine
        from redactkit.detect.ocr_values import ocr_recognizers
        from redactkit.detect.recognizers import build_registry, credential_recognizers

        nlp_engine = TrimmedSpacyEngine()
        nlp_engine.load()
        registry = build_registry(nlp_engine)
        self.analyzer = GroupedAnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=CompoundContextEnhancer(),
        )
        self.nlp_engine = nlp_engine
        self.anchors = anchor_recognizers()
        self.anchor_results = anchor_results
        self.labelled_ids = frozenset(
            r.id for r in registry.recognizers if r.name in LABELLED_RECOGNIZERS
        )
        self.name_parts = name_parts
        self.whole_name = whole_name
        self.whole_place = whole_place
        self.credentials = credential_recognizers()
        self.ocr_only = ocr_recognizers()
        self.registry_entities: frozenset[str] = frozenset(
            self.analyzer.get_supported_entities("en")
        )
        self.supported_entities: frozenset[str] = self.registry_entities | frozenset(
            e for r in self.anchors for e in r.supported_entities
        )
        self.analyzer.analyze(_WARMUP, language="en", ad_hoc_recognizers=[self.credentials[False]])

    # -- single texts ---------------------------------------------------------------------
    def analyze(self, text: str, query: Query, *, ocr: bool = False) -> list[Finding]:
        """Findings in ``text`` (offsets into ``text``), overlapping spans merged."""
        if not text.strip():
            return []
        view, back = strip_invisible(text)
        view = escaped_view(view)
        if ocr:
            view = normalize_confusions(view)
        found: list[Finding] = []
        for offset, window in _windows(view):
            results = self._analyze_window(window, query, ocr=ocr)
            found.extend(_placed(f, offset, back) for f in self._findings(window, results, query))
        return merge_spans(found)

    def _findings(self, text: str, results: list[RecognizerResult], query: Query) -> list[Finding]:
        """Results as merged findings. Names are widened to the whole name around them, from
        whichever detector; a value found once (or a confidently found name's given name or
        surname) is masked at its every occurrence in ``text``, and those occurrences are
        widened in turn ("Costa" found elsewhere, "Lucas Costa" here)."""
        results = shrink_urls(text, results, query.url_mode)
        found = self._names_widened(text, merge_spans(_to_finding(r, 0) for r in results))
        found = self._names_widened(text, propagate(text, found, parts=self.name_parts))
        return block_names(text, coordinated(text, found))

    def _names_widened(self, text: str, findings: list[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if f.entity_type == "LOCATION" and (name := place_is_name(text, f.start, f.end)):
                f = replace(f, entity_type="PERSON", start=name[0], end=name[1], value=None)
            widen = {"PERSON": self.whole_name, "LOCATION": self.whole_place}.get(f.entity_type)
            if widen is not None:
                start, end = widen(text, f.start, f.end)
                if (start, end) != (f.start, f.end):
                    f = replace(f, start=start, end=end, value=None)
            out.append(f)
        return merge_spans(out)

    def _analyze_window(
        self, window: str, query: Query, nlp_artifacts=None, *, ocr: bool = False
    ) -> list[RecognizerResult]:
        """Our recognizers, and the anchor's findings the decision keeps, on one NLP pass."""
        if nlp_artifacts is None:
            nlp_artifacts = self.nlp_engine.process_text(window, "en")
        results = [
            r for r in self._ours(window, query, nlp_artifacts, ocr=ocr) if shape_kept(window, r)
        ]
        labelled = [
            (r.start, r.end)
            for r in results
            if (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
            in self.labelled_ids
        ]
        results = [r for r in results if judged(window, r, labelled)]
        found = self.anchor_results(
            self.anchors, window, list(query.entities), nlp_artifacts, labelled
        )
        # Context only matters to findings below the threshold: lift them, keep the rest.
        low = [r for r in found if r.score < query.threshold]
        if low:
            low = self.analyzer.context_aware_enhancer.enhance_using_context(
                window, low, nlp_artifacts, self.anchors
            )
        results += [r for r in found if r.score >= query.threshold]
        results += [r for r in low if r.score >= query.threshold]
        return results

    def _ours(
        self, window: str, query: Query, nlp_artifacts, *, ocr: bool = False
    ) -> list[RecognizerResult]:
        ad_hoc = [*query.deny, self.credentials[ocr], *(self.ocr_only if ocr else ())]
        served = self.registry_entities.union(*(r.supported_entities for r in ad_hoc))
        # Types only the anchor finds (e-mail, IBAN, IP, phone) are not asked of the registry:
        # Presidio warns about, and will refuse, entities no recognizer of its serves.
        entities = [e for e in query.entities if e in served]
        if not entities:
            return []
        return self.analyzer.analyze(
            window,
            language="en",
            entities=entities,
            score_threshold=query.threshold,
            ad_hoc_recognizers=ad_hoc,
            nlp_artifacts=nlp_artifacts,
        )

    # -- batches ---------------------------------------------------------------------------
    def analyze_many(
        self, texts: Sequence[str], query: Query, *, batch_size: int = 32
    ) -> list[list[Finding]]:
        """Like ``analyze`` per text, with the spaCy work batched through ``nlp.pipe``."""
        out: list[list[Finding]] = [[] for _ in texts]
        views = [escaped_view(t) for t in texts]  # same lengths: offsets hold
        short = [
            i for i, t in enumerate(texts) if t.strip() and len(t) <= CHUNK_CHARS and is_visible(t)
        ]
        for start in range(0, len(short), batch_size):
            idx = short[start : start + batch_size]
            batch = self.nlp_engine.process_batch(
                [views[i] for i in idx], "en", batch_size=batch_size
            )
            for i, (_, artifacts) in zip(idx, batch):
                results = self._analyze_window(views[i], query, nlp_artifacts=artifacts)
                out[i] = self._findings(views[i], results, query)
        batched = set(short)
        for i, t in enumerate(texts):
            if i not in batched and t.strip():
                out[i] = self.analyze(t, query)
        return out


def _to_finding(r: RecognizerResult, offset: int) -> Finding:
    meta = r.recognition_metadata or {}
    detector = (
        meta.get("redactkit_detector") or meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) or "?"
    )
    return Finding(
        r.entity_type, r.start + offset, r.end + offset, round(float(r.score), 4), detector
    )


def _placed(f: Finding, offset: int, back: list[int] | None) -> Finding:
    """A window-local finding in the coordinates of the caller's text."""
    start, end = f.start + offset, f.end + offset
    if back is not None:
        start, end = map_span(start, end, back)
    return replace(f, start=start, end=end)


def _windows(text: str) -> Iterable[tuple[int, str]]:
    """Overlapping windows of at most CHUNK_CHARS, cut after a newline where there is one."""
    n = len(text)
    if n <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < n:
        end = min(n, start + CHUNK_CHARS)
        if end < n:
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, text[start:end]
        if end >= n:
            break
        start = max(end - OVERLAP_CHARS, start + 1)


_engine: Engine | None = None
_lock = threading.Lock()


def get_engine() -> Engine:
    """The process-wide engine, built on first call (thread-safe)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                log.debug("building detection engine")
                _engine = Engine()
    return _engine
