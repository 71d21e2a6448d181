"""The numpy NER decoder finds exactly the entities of spaCy's own decoding loop."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from corpora.heldout import generate as heldout_docs
from corpora.text import generate_corpus
from redactkit.detect.engine import get_engine
from redactkit.detect.ner_decode import GreedyNer
from redactkit.detect.nlp import _window_doc, ner_windows, one_blas_thread


@pytest.fixture(scope="module")
def engine():
    return get_engine().nlp_engine


def _spacy(nlp, docs: list[Doc], batch_size: int) -> list[list[tuple[int, int, str]]]:
    with one_blas_thread():
        return [
            [(e.start, e.end, e.label_) for e in d.ents]
            for d in nlp.pipe([d.copy() for d in docs], batch_size=batch_size)
        ]


def _ours(decoder: GreedyNer, docs: list[Doc], batch_size: int) -> list[list[tuple[int, int, str]]]:
    out: list[list[tuple[int, int, str]]] = []
    with one_blas_thread():
        for i in range(0, len(docs), batch_size):
            out += decoder(docs[i : i + batch_size])
    return out


def test_the_engine_decodes_with_numpy(engine) -> None:
    assert engine.decoder is not None, "the installed model should be one the decoder supports"


@pytest.mark.parametrize("batch_size", [1, 7, 32])
def test_same_entities_as_spacy_on_generated_documents(engine, batch_size: int) -> None:
    """Window docs of documents of every kind (the detection path's input), and whole docs."""
    nlp = engine.nlp["en"]
    rng = random.Random(31)
    texts = [d.text for d in generate_corpus(rng, 36)] + [d.text for d in heldout_docs(8, 40)]
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        docs.append(doc)
        if windows := ner_windows(text):
            docs.append(_window_doc(doc, windows)[0])
    expected = _spacy(nlp, docs, batch_size)
    assert sum(map(len, expected)) > 100  # the sample has entities to agree on
    assert _ours(engine.decoder, docs, batch_size) == expected


_WORDS = (
    "Jane Doe María José O'Brien McDonald Paris New York Berlin Acme Corp Inc Monday "
    "June 5 2024 $ 40 % the of and to at from said met with in Dr. Mr. Ms. St. Street Road "
    "Google Microsoft Python USA UK EU COVID-19 iPhone 15 Pro , . : ; ( ) - ' \" @ # 42 007"
).split()


@settings(max_examples=60)
@given(
    st.lists(
        st.lists(
            st.one_of(st.sampled_from(_WORDS), st.sampled_from(["\n", "  ", "\t", " "])),
            min_size=0,
            max_size=30,
        ),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_same_entities_as_spacy_on_arbitrary_token_sequences(engine, docs_words, sentences) -> None:
    """Whitespace tokens (no entity begins on them), last tokens (no B), sentence starts (no
    entity crosses one), empty docs, several docs in one batch."""
    nlp = engine.nlp["en"]
    docs = []
    for words in docs_words:
        starts = [i == 0 or (sentences and words[i - 1] == ".") for i in range(len(words))]
        docs.append(Doc(nlp.vocab, words=words, sent_starts=starts or None))
    assert _ours(engine.decoder, docs, 4) == _spacy(nlp, docs, 4)


def test_a_model_of_another_shape_is_not_decoded() -> None:
    class Other:
        cfg = {"beam_width": 4}
        model = None

    assert not GreedyNer.supports(Other())
