"""Plumbing every recognizer shares: results Presidio's context enhancer can annotate, a
recognizer around a plain function (the tables behind one pass each), and a registry that
memoises which recognizers serve a request."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    LocalRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactkit.findings import Finding


def make_result(
    recognizer: EntityRecognizer,
    entity_type: str,
    start: int,
    end: int,
    score: float,
    detector: str,
) -> RecognizerResult:
    """A RecognizerResult that Presidio's context enhancer can annotate (it needs an explanation)."""
    return RecognizerResult(
        entity_type,
        start,
        end,
        score,
        analysis_explanation=AnalysisExplanation(recognizer=detector, original_score=score),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: detector,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "redactkit_detector": detector,
        },
    )


class FunctionRecognizer(LocalRecognizer):
    """A Presidio recognizer around a plain function from text to findings.

    The credential catalogue and the labelled-value rules are tables behind one pass each
    (one keyword prefilter, one loop); wrapping each as a single recognizer keeps them that way,
    instead of a Presidio recognizer per format rescanning the text.
    """

    def __init__(
        self, name: str, entities: Iterable[str], find: Callable[[str], Iterable[Finding]]
    ) -> None:
        super().__init__(supported_entities=sorted(entities), name=name, supported_language="en")
        self.find = find

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None
    ) -> list[RecognizerResult]:
        wanted = set(entities)
        return [
            make_result(self, f.entity_type, f.start, f.end, f.score, f.detector)
            for f in self.find(text)
            if f.entity_type in wanted
        ]


class MemoRegistry(RecognizerRegistry):
    """A registry that answers "which recognizers serve this request" once per request shape.

    Presidio filters every recognizer against every requested entity on every call: 10% of
    the time of analysing a short text (a typed field, an OCR line), for an answer that only
    changes when the recognizers do. The key holds the identities of the registered and
    ad-hoc recognizers, and the cached answer keeps them alive, so an identity is never
    reused while its entry exists.
    """

    _MAX = 64

    def get_recognizers(
        self,
        language: str,
        entities: list[str] | None = None,
        all_fields: bool = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
    ) -> list[EntityRecognizer]:
        key = (
            language,
            tuple(entities) if entities is not None else None,
            all_fields,
            tuple(map(id, ad_hoc_recognizers or ())),
            tuple(map(id, self.recognizers)),
        )
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(key)
        if found is None:
            found = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
            # Presidio collects them in a set: their order, and so which of two equal results
            # (same span, type and score from two recognizers) survives its de-duplication,
            # followed memory addresses and changed from run to run. Registration order.
            order = {
                id(r): i for i, r in enumerate([*self.recognizers, *(ad_hoc_recognizers or ())])
            }
            found = sorted(found, key=lambda r: order.get(id(r), len(order)))
            if len(memo) >= self._MAX:
                memo.clear()
            memo[key] = (found, list(self.recognizers), list(ad_hoc_recognizers or ()))
            return list(found)
        return list(found[0])
