"""The benchmark scorer: coverage arithmetic and the leak / over-redaction definitions."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.scoring import coverage, score_corpus, scored_labels
from corpora.text import Doc, Label, generate_corpus

spans_st = st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=8)


@given(n=st.integers(0, 50), spans=spans_st)
def test_coverage_matches_a_set_of_positions(n: int, spans: list[tuple[int, int]]) -> None:
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    expected = {i for a, b in spans for i in range(max(a, 0), min(b, n))}
    got = coverage(n, spans)
    assert got.shape == (n,) and got.dtype == bool
    assert set(got.nonzero()[0].tolist()) == expected


def _doc() -> Doc:
    text = "call Jane Roe on 555-0199 about v1.2.3 today"
    labels = [Label(5, 13, "PERSON"), Label(17, 25, "PHONE_NUMBER")]
    return Doc(text, "prose", labels, [Label(32, 38, "DECOY_VERSION")])


def test_partial_mask_is_a_leak_but_not_recoverable() -> None:
    doc = _doc()
    q = score_corpus([doc], [[(5, 9), (17, 25)]])  # "Jane" masked, "Roe" left
    assert q.by_type["PERSON"].leaked == 1 and q.by_type["PERSON"].recoverable == 0
    assert q.by_type["PHONE_NUMBER"].leaked == 0
    assert q.overall.leak_rate == 0.5


def test_punctuation_left_unmasked_is_no_leak() -> None:
    doc = _doc()
    digits = [(17, 20), (21, 25)]  # the dash of 555-0199 stays
    q = score_corpus([doc], [[(5, 13), *digits]])
    assert q.overall.leaked == 0
    assert q.other_masked == 0 and q.decoy_overall.damaged == 0


def test_nothing_masked_everything_recoverable_and_found_verbatim() -> None:
    doc = _doc()
    q = score_corpus([doc], [[]], [doc.text])
    assert q.overall.leak_rate == 1.0 and q.overall.recoverable_rate == 1.0
    assert q.overall.in_output == 0  # in_output counts only values reported as masked
    masked_but_kept = score_corpus([doc], [[(5, 13)]], [doc.text])
    assert masked_but_kept.by_type["PERSON"].in_output == 1


def test_masking_everything_destroys_all_decoys_and_other_text() -> None:
    doc = _doc()
    q = score_corpus([doc], [[(0, len(doc.text))]])
    assert q.overall.leaked == 0
    assert q.decoy_overall.damaged_rate == 1.0 and q.decoy_overall.masked_rate == 1.0
    assert q.other_masked_rate == 1.0


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_masking_exactly_the_labels_scores_perfectly(seed: int) -> None:
    docs = generate_corpus(random.Random(seed), 12)
    spans = [[(lab.start, lab.end) for lab in scored_labels(d.text, d.labels)] for d in docs]
    q = score_corpus(docs, spans)
    assert q.overall.total == sum(len(d.labels) for d in docs)
    assert q.overall.leaked == 0
    assert q.decoy_overall.masked_chars == 0 and q.other_masked == 0
    assert q.other_chars > 0


def test_a_url_label_is_scored_on_its_token() -> None:
    """The host and path of a sensitive link are ordinary text; its token is the secret."""
    text = "see https://files.example.io/share/x?token=Rq81LmZx02Kd77Pw ok"
    lab = Label(4, 59, "URL")
    (scored,) = scored_labels(text, [lab])
    assert text[scored.start : scored.end] == "Rq81LmZx02Kd77Pw"
    (plain,) = scored_labels("at https://docs.example.io/guide ok", [Label(3, 32, "URL")])
    assert (plain.start, plain.end) == (3, 32)


def test_quality_section_replaces_only_its_own_block(tmp_path) -> None:
    from benchmarks.quality_text import BEGIN, END, section, write_section

    docs = generate_corpus(random.Random(3), 12)
    ours = score_corpus(docs, [[(lab.start, lab.end) for lab in d.labels] for d in docs])
    theirs = score_corpus(docs, [[] for _ in docs])
    md = section("python -m benchmarks.quality_text --seed 3 --kb 1", docs, 3, ours, theirs)
    assert md.startswith(BEGIN) and md.rstrip().endswith(END)
    assert "No labelled value leaked" in md
    for entity_type in ours.by_type:
        assert f"| {entity_type} |" in md
    out = tmp_path / "quality.md"
    out.write_text(f"# Quality\n\nimages part\n\n{BEGIN}\nold\n{END}\n\nkeys part\n")
    write_section(out, md)
    write_section(out, md)
    text = out.read_text()
    assert "images part" in text and "keys part" in text and "old" not in text
    assert text.count(BEGIN) == 1 and "--seed 3" in text
