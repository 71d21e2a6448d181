"""Context words, as Presidio's lemma enhancer reads them, made whole-word, compound-aware and
bounded: a "passport" fifty lines up no longer lifts every number below it."""

from __future__ import annotations

import bisect
import functools

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from spacy.lang.en.stop_words import STOP_WORDS

from redactkit.detect.nlp import CONTEXT_REACH, is_punct


class _Uncopied(list):
    """A list that ``copy.deepcopy`` hands back as it is."""

    def __deepcopy__(self, memo: dict) -> _Uncopied:
        return self


class CompoundContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, whole-word, that also sees the parts of compounds.

    Presidio splits keywords on ``:`` but then looks lemmas up unsplit, so the parts of
    ``driver:license`` (from ``drivers_license``) never count as context. Here each part does.
    """

    def __init__(self) -> None:
        super().__init__(context_matching_mode="whole_word")

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        # Presidio deep-copies every result (with its explanation and metadata) before raising
        # scores: 7% of all analysis time on mixed text. The engine builds fresh results on
        # every call and drops the raw list, so the scores are raised in place instead.
        results = super().enhance_using_context(
            text, _Uncopied(raw_results), nlp_artifacts, recognizers, context
        )
        return list(results)

    def _extract_surrounding_words(self, nlp_artifacts, word: str, start: int) -> list[str]:
        # Presidio's, without its keyword list (``_add_n_words`` reads the lemmas), so the
        # artifacts never build one (``nlp.LazyKeywordArtifacts``).
        if not nlp_artifacts.tokens:
            return [""]
        i = self._find_index_of_match_token(
            word, start, nlp_artifacts.tokens, nlp_artifacts.tokens_indices
        )
        lemmas = nlp_artifacts.lemmas
        words = self._add_n_words(i, self.context_prefix_count, lemmas, [], True)
        words += self._add_n_words(i, self.context_suffix_count, lemmas, [], False)
        return list(set(words))

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens, tokens_indices: list[int]) -> int:
        # Presidio scans every token for every result (quadratic on long texts); the offsets are
        # sorted, so bisect finds the token that covers ``start``.
        i = bisect.bisect_right(tokens_indices, start) - 1
        return max(i, 0)

    @staticmethod
    def _find_supportive_word_in_context(
        context_list: list[str] | None,
        recognizer_context_list: list[str] | None,
        matching_mode: str = "whole_word",
    ) -> str:
        # Whole-word matching as Presidio does it, with the surrounding words lowered once
        # into a set instead of once per (context word, surrounding word) pair.
        if context_list is None or recognizer_context_list is None:
            return ""
        around = {w.lower() for w in context_list}
        return next((w for w in recognizer_context_list if w.lower() in around), "")

    @staticmethod
    def _add_n_words(
        index: int,
        n_words: int,
        lemmas: list[str],
        lemmatized_filtered_keywords: list[str],
        is_backward: bool,
    ) -> list[str]:
        # Presidio walks until it has n context words, however far that takes it: quadratic on
        # long texts, and a "passport" fifty lines up lifts every number below it. The walk
        # stops after CONTEXT_REACH tokens. A lemma part counts when Presidio would have kept it
        # as a keyword (not a stop word, not punctuation), checked directly instead of against
        # a list of every keyword in the document.
        words: list[str] = []
        remaining = n_words + 1
        i = index
        stop = index - CONTEXT_REACH if is_backward else index + CONTEXT_REACH
        while 0 <= i < len(lemmas) and remaining > 0 and i != stop:
            parts = _keyword_parts(lemmas[i])
            if parts:
                words.extend(parts)
                remaining -= 1
            i = i - 1 if is_backward else i + 1
        return words


@functools.lru_cache(maxsize=65536)
def _keyword_parts(lemma: str) -> tuple[str, ...]:
    """The parts of a lemma that count as context words (a lemma is read for every result
    near it: the split is done once per distinct lemma)."""
    return tuple(
        p for p in lemma.lower().split(":") if p and p not in STOP_WORDS and not is_punct(p)
    )


_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY


class GroupedAnalyzerEngine(AnalyzerEngine):
    """Presidio's analyzer engine, with results handed to their recognizers in one pass.

    Presidio filters the whole result list twice per recognizer (its results, everyone
    else's) before the recognizer-level context step, quadratic in practice: about 4% of all
    analysis time on mixed text, for a step none of our recognizers overrides. Here results are
    grouped by recognizer once; the other recognizers' results are only listed for a
    recognizer that does override ``enhance_using_context``. Same results, same order.
    """

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        by_id: dict[str, list[RecognizerResult]] = {}
        for r in raw_results:
            by_id.setdefault(r.recognition_metadata[_ID], []).append(r)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            own = by_id.get(recognizer.id, [])
            if type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context:
                own = recognizer.enhance_using_context(
                    text=text,
                    raw_recognizer_results=own,
                    other_raw_recognizer_results=[
                        r for r in raw_results if r.recognition_metadata[_ID] != recognizer.id
                    ],
                    nlp_artifacts=nlp_artifacts,
                    context=context,
                )
            results.extend(own)
        return self.context_aware_enhancer.enhance_using_context(
            text=text,
            raw_results=results,
            nlp_artifacts=nlp_artifacts,
            recognizers=recognizers,
            context=context,
        )
