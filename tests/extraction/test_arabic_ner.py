"""The shipped Arabic CRF: segmentation, span decoding, boundary fixes, prediction and
merging with the rules, model loading and the missing extra."""

from __future__ import annotations

import itertools
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.errors import DataFileError, ExtraMissingError
from nasab.extraction import Document, arabic_ner, extract

needs_model = pytest.mark.skipif(not arabic_ner.available(), reason="ner extra not installed")

SPLITS = [
    ("whole-in-vocab", "وليد", {"وليد"}, ["وليد"]),
    ("conj-prep-suffix", "وبحكومته", {"حكومت"}, ["و", "ب", "حكومت", "ه"]),
    ("conj-only", "وقال", {"قال"}, ["و", "قال"]),
    ("suffix-only", "فريقه", {"فريق"}, ["فريق", "ه"]),
    ("unknown-stays", "فابيوس", set(), ["فابيوس"]),
    ("conj-before-article", "والرييس", set(), ["و", "الرييس"]),
    ("short-stays", "وي", set(), ["وي"]),
]


@pytest.mark.parametrize(
    ("word", "vocab", "want"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS]
)
def test_split_word(word: str, vocab: set[str], want: list[str]) -> None:
    assert arabic_ner._split_word(word, frozenset(vocab)) == want


TAGS = [
    ("two-entities", ["B-PER", "I-PER", "O", "B-ORG"], [(0, 2, "PER"), (3, 4, "ORG")]),
    ("adjacent-b", ["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    ("stray-i", ["O", "I-LOC", "I-LOC"], [(1, 3, "LOC")]),
    ("type-change", ["B-ORG", "I-PER"], [(0, 1, "ORG"), (1, 2, "PER")]),
    ("none", ["O", "O"], []),
]


@pytest.mark.parametrize(("tags", "want"), [c[1:] for c in TAGS], ids=[c[0] for c in TAGS])
def test_spans_from_tags(tags: list[str], want: list) -> None:
    assert arabic_ner.spans_from_tags(tags) == want


BOUNDS = [
    ("trim-punct", ["،", "طارق", "الرفاعي", "،"], [(0, 4, "PER")], [(1, 3, "PER")]),
    ("trim-clitic", ["و", "لوران", "فابيوس"], [(0, 3, "PER")], [(1, 3, "PER")]),
    (
        "org-runs-into-name",
        ["نادي", "الجبلين", "فهد", "الموكاء"],
        [(0, 4, "ORG")],
        [(0, 2, "ORG"), (2, 4, "PER")],
    ),
    ("org-loses-title", ["جامعه", "تبوك", "الدكتور"], [(0, 3, "ORG")], [(0, 2, "ORG")]),
    ("title-before-name", ["الرييس", "حسن", "روحاني"], [(0, 3, "PER")], [(1, 3, "PER")]),
    ("name-kept", ["لوران", "فابيوس"], [(0, 2, "PER")], [(0, 2, "PER")]),
    ("punct-only-dropped", ["،"], [(0, 1, "PER")], []),
    # a family name in -ي ends the name before words without the article (stop 23)
    ("past-nisba", ["اللواء", "الغامدي", "هديه", "عباره"], [(1, 3, "PER")], [(1, 2, "PER")]),
    ("second-nisba", ["سعيد", "الغامدي", "الزهراني"], [(0, 3, "PER")], [(0, 3, "PER")]),
    ("nationality-first", ["السوري", "بشار", "الاسد"], [(0, 3, "PER")], [(1, 3, "PER")]),
    ("nisba-then-nasab", ["علي", "الحسني", "بن", "محمد"], [(0, 2, "PER")], [(0, 2, "PER")]),
    # one place, nationality, head or title word alone is no person (stop 24)
    ("nationality-alone", ["رييس", "الوزرا", "الهندي"], [(2, 3, "PER")], []),
    ("listed-nationality-alone", ["الفرنسي"], [(0, 1, "PER")], []),
    ("place-alone", ["بغداد"], [(0, 1, "PER")], []),
    ("family-name-alone-kept", ["الغامدي"], [(0, 1, "PER")], [(0, 1, "PER")]),
    # و + an unlisted name inside a person span starts a second person, unless a given
    # name alone stands before it (its family name)
    ("and-second-person", ["ميسي", "ونيمار"], [(0, 2, "PER")], [(0, 1, "PER"), (1, 2, "PER")]),
    ("given-then-w-family", ["مبارك", "واكاسو"], [(0, 2, "PER")], [(0, 2, "PER")]),
]


@pytest.mark.parametrize(
    ("forms", "spans", "want"), [c[1:] for c in BOUNDS], ids=[c[0] for c in BOUNDS]
)
def test_fix_boundaries(forms: list[str], spans: list, want: list) -> None:
    assert arabic_ner.fix_boundaries(forms, spans) == want


def test_segment_offsets_point_into_the_text() -> None:
    text = "وقال وزير الخارجية لـ«فرانس انتر» ـ امس"
    for s in arabic_ner.segment(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip()


PREDICT = [
    (
        "foreign-minister-after-title",
        "وقال وزير الخارجية الفرنسي لوران فابيوس إن الاتفاق تاريخي",
        ("لوران فابيوس", "person"),
    ),
    (
        "untitled-foreign-pair",
        "واجتمع رئيس الوزراء بنيامين نتنياهو مع نظيره الإيطالي ماتيو رانتشي في القدس",
        ("ماتيو رانتشي", "person"),
    ),
    ("place", "واجتمع الوفد مع المسؤولين في القدس أمس", ("القدس", "place")),
    ("proclitic-outside", "وصرح جورج زيلادا لوكالة رويترز", ("جورج زيلادا", "person")),
]


@needs_model
@pytest.mark.parametrize(("text", "want"), [c[1:] for c in PREDICT], ids=[c[0] for c in PREDICT])
def test_predict_finds(text: str, want: tuple[str, str]) -> None:
    got = [(text[s:e], k) for s, e, k in arabic_ner.predict(text)]
    assert want in got


@needs_model
def test_predict_spans_are_clean() -> None:
    text = "ولطخت الفضيحة سمعة الرئيسة ديلما روسيف، وسلفها لويس ايناسيو لولا دا سيلفا."
    for s, e, kind in arabic_ner.predict(text):
        assert kind in ("person", "organization", "place")
        assert text[s:e] == text[s:e].strip(" ،.") and not text[s:e].startswith("و")


@needs_model
def test_refine_keeps_rules_and_adds_untitled_names() -> None:
    doc = Document("d", "وأكد اللواء محمد الزيدي أن ماتيو رانتشي وصل إلى القدس", "ar")
    rules = extract(doc, backend="rules").mentions
    merged = arabic_ner.refine(doc, rules)
    assert all(m in merged for m in rules)
    added = [(m.text, m.kind) for m in merged if m.attrs.get("source") == "model"]
    assert ("ماتيو رانتشي", "person") in added
    spans = sorted((m.start, m.end) for m in merged if m.kind != "role")
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@needs_model
@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآـًٌٍَُِّْ \u200f\u200e،.«»-1aZ"),
        max_size=80,
    )
)
def test_predict_never_raises(text: str) -> None:
    for s, e, _ in arabic_ner.predict(text):
        assert 0 <= s < e <= len(text)


@needs_model
def test_load_tagger_is_shared() -> None:
    assert arabic_ner.load_tagger() is arabic_ner.load_tagger()


@needs_model
def test_missing_model_file(tmp_path) -> None:
    with pytest.raises(DataFileError, match="missing"):
        arabic_ner.load_tagger(str(tmp_path / "none.crfsuite"))


def test_missing_extra_names_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    arabic_ner.load_tagger.cache_clear()
    try:
        assert not arabic_ner.available()
        with pytest.raises(ExtraMissingError, match="ner"):
            arabic_ner.predict("قال محمد")
    finally:
        arabic_ner.load_tagger.cache_clear()


def _segs(words: list[str]) -> list[arabic_ner.Seg]:
    out, pos = [], 0
    for w in words:
        out.append(arabic_ner.Seg(pos, pos + len(w), w))
        pos += len(w) + 1
    return out


PROPAGATE = [
    (
        "family-name-alone",
        [["وصل", "بوريس", "يلتسين"], ["وقال", "يلتسين", "ان"]],
        [[(1, 3, "PER")], []],
        [[(1, 3, "PER")], [(1, 2, "PER")]],
    ),
    (
        "full-name-again",
        [["بوريس", "يلتسين"], ["التقي", "بوريس", "يلتسين"]],
        [[(0, 2, "PER")], []],
        [[(0, 2, "PER")], [(1, 3, "PER")]],
    ),
    (
        "given-name-not-carried",
        [["وصل", "محمد"], ["قال", "محمد"]],
        [[(1, 2, "PER")], []],
        [[(1, 2, "PER")], []],
    ),
    (
        "covered-stays",
        [["بوريس", "يلتسين"], ["شارع", "يلتسين"]],
        [[(0, 2, "PER")], [(0, 2, "LOC")]],
        [[(0, 2, "PER")], [(0, 2, "LOC")]],
    ),
    # God's name and a nationality are no family names to carry (stop 24)
    (
        "gods-name-not-carried",
        [["قال", "جباره", "الله"], ["رحمه", "الله"]],
        [[(1, 3, "PER")], []],
        [[(1, 3, "PER")], []],
    ),
    (
        "nationality-not-carried",
        [["ساكني", "جيب", "كوت", "الهندي"], ["الرييس", "الهندي"]],
        [[(1, 4, "PER")], []],
        [[(1, 4, "PER")], []],
    ),
]


AND_STARTS = [
    ("unlisted-name", "ونيمار", 1),
    ("listed-given-name", "وليد", 0),
    ("short-word", "ويل", 0),
]


@pytest.mark.parametrize(
    ("form", "want"), [c[1:] for c in AND_STARTS], ids=[c[0] for c in AND_STARTS]
)
def test_person_span_sheds_the_conjunction(form: str, want: int) -> None:
    seg = arabic_ner.Seg(0, len(form), form)
    assert arabic_ner._after_and(form, seg, "PER") == want
    assert arabic_ner._after_and(form, seg, "ORG") == 0


@pytest.mark.parametrize(
    ("words", "spans", "want"), [c[1:] for c in PROPAGATE], ids=[c[0] for c in PROPAGATE]
)
def test_propagate(words: list[list[str]], spans: list, want: list) -> None:
    assert arabic_ner._propagate([_segs(w) for w in words], spans) == want


def test_unknown_words_are_read_by_shape() -> None:
    f = arabic_ner.features(["قال", "يلتسين"], frozenset(["قال"]))
    assert "w=<unk>" in f[1] and "w=يلتسين" not in f[1] and "s3=سين" in f[1]
    assert "1:w=<unk>" in f[0]


@needs_model
def test_predict_carries_a_name_through_the_document() -> None:
    text = "وصل الرئيس الروسي بوريس يلتسين إلى موسكو.\nوقال يلتسين إن الأزمة انتهت."
    got = [(text[s:e], k) for s, e, k in arabic_ner.predict(text)]
    assert ("يلتسين", "person") in got[1:]


@needs_model
def test_model_backend_links_role_to_model_name() -> None:
    ex = extract("وقال وزير الخارجية الفرنسي لوران فابيوس إن الاتفاق تاريخي", backend="model")
    rel = [(r.subject.text, r.attrs["role"]) for r in ex.relations if r.type == "holds_role"]
    assert ("لوران فابيوس", "Minister of Foreign Affairs") in rel


@needs_model
def test_model_backend_takes_model_bounds_keeping_the_role() -> None:
    ex = extract("واستقبل الأمير مستشار وزير الداخلية الفريق متقاعد محمد العماني", backend="model")
    people = [m.text for m in ex.mentions if m.kind == "person"]
    assert "محمد العماني" in people and "متقاعد محمد العماني" not in people


ROLES_LATE = [
    (
        "across-org-and-honorific",
        "وأوضح المتحدث الرسمي باسم جامعة تبوك الدكتور محمد الثبيتي أن الجامعة لا تتدخل",
        ("محمد الثبيتي", "Spokesman"),
    ),
    (
        "across-org-long-name",
        "أعرب الأمين العام لمجلس التعاون الدكتور عبداللطيف بن راشد الزياني عن استغرابه",
        ("عبداللطيف بن راشد الزياني", "Secretary-General"),
    ),
]


@needs_model
@pytest.mark.parametrize(
    ("text", "want"), [c[1:] for c in ROLES_LATE], ids=[c[0] for c in ROLES_LATE]
)
def test_role_reaches_its_holder_across_an_organisation(text: str, want: tuple) -> None:
    ex = extract(text)
    assert want in [
        (r.subject.text, r.attrs["role"]) for r in ex.relations if r.type == "holds_role"
    ]


def test_role_after_a_titled_person_is_not_his() -> None:
    ex = extract("دعا وزير حقوق الإنسان عز الدين الاصبحي مفوض الأمم المتحدة", backend="rules")
    got = [(r.subject.text, r.attrs["role"]) for r in ex.relations if r.type == "holds_role"]
    assert ("عز الدين الاصبحي", "Commissioner") not in got


def test_bare_role_after_a_name_is_an_object() -> None:
    ex = extract("والتقى الأمير تميم بن حمد الرئيس في الدوحة", backend="rules")
    got = [(r.subject.text, r.attrs["role"]) for r in ex.relations if r.type == "holds_role"]
    assert ("تميم بن حمد", "President") not in got


def _read_with_model_spans(text: str, spans: list, model_read: bool = True) -> list:
    """(kind, text) of the persons and places the Arabic rules read in one sentence given
    the statistical model's spans (words of the text and their kind): the merge alone,
    without the CRF."""
    from nasab.extraction._builder import Builder
    from nasab.extraction._lex import lexicon
    from nasab.extraction._tokens import tokenize_span
    from nasab.extraction.arabic import extract_sentence_ar

    found = [(text.index(w), text.index(w) + len(w), kind) for w, kind in spans]
    b = Builder(Document("d", text, "ar"))
    extract_sentence_ar(
        b,
        tokenize_span(text, 0, len(text)),
        (0, len(text)),
        lexicon(),
        model_spans=found,
        model_read=model_read,
    )
    return sorted((m.kind, m.text) for m in b.mentions.values() if m.kind in ("person", "place"))


# (id, text, the model's spans, whether the model read the sentence, persons and places)
MODEL_MERGE_CASES = [
    # the model's bounds win: over the words the title rules skipped as the title's
    # complement (الرئيس حسني X: the rules read X alone) ...
    (
        "grows-over-skipped-complement",
        "وكان الرئيس حسني فيصل قد وصل",
        [("حسني فيصل", "person")],
        True,
        [("person", "حسني فيصل")],
    ),
    # ... by one definite word after a one-word name read after a title (its family name)
    (
        "grows-by-family-name",
        "وقال رئيس الوزراء فؤاد الطاولة إن الحكومة مستمرة",
        [("فؤاد الطاولة", "person")],
        True,
        [("person", "فؤاد الطاولة")],
    ),
    # ... leaving out a title word too common alone before the name (NewsFANE's split
    # pronoun: مساعد ه, his assistant) ...
    (
        "sheds-common-title-word",
        "لقي مساعد ه عبدالرحمن الشمري مصرع ه في الحادث",
        [("عبدالرحمن الشمري", "person")],
        True,
        [("person", "عبدالرحمن الشمري")],
    ),
    # ... and a verb that is also a name word before a run of name words (طالب: he asked)
    (
        "sheds-verb-of-name-run",
        "كما طالب كوستا الذي وصل إلى المدينة",
        [("كوستا", "person")],
        True,
        [("person", "كوستا"), ("place", "المدينة")],
    ),
    # a run of listed name words the model learned and reads no person in is no name
    ("known-run-denied", "وقعت في ابريل نيسان الماضي صفقة", [], True, []),
    (
        "known-run-rules-only",
        "وقعت في ابريل نيسان الماضي صفقة",
        [],
        False,
        [("person", "نيسان الماضي")],
    ),
    # nor is one inside the model's place
    (
        "run-in-model-place",
        "وحقق الجيش مكاسب كثيرة في معاهدة سان ستيفانو وهو ما",
        [("سان ستيفانو", "place")],
        True,
        [("place", "سان ستيفانو")],
    ),
    # a run holding a word the model never learned stays (a foreign name)
    (
        "unseen-run-kept",
        "كما طالب كوستا الذي وصل إلى المدينة",
        [],
        True,
        [("person", "طالب كوستا"), ("place", "المدينة")],
    ),
    # a listed place named like a person, the model's person over it and the next word
    (
        "person-named-like-place",
        "وأزيح الستار عن منبر صلاح الدين الحمداني في المسجد",
        [("صلاح الدين الحمداني", "person")],
        True,
        [("person", "صلاح الدين الحمداني")],
    ),
    (
        "place-named-like-person",
        "وأزيح الستار عن منبر صلاح الدين الحمداني في المسجد",
        [],
        True,
        [("place", "صلاح الدين")],
    ),
]


@pytest.mark.parametrize(
    ("text", "spans", "model_read", "want"),
    [c[1:] for c in MODEL_MERGE_CASES],
    ids=[c[0] for c in MODEL_MERGE_CASES],
)
def test_model_spans_merge_with_the_rules(
    text: str, spans: list, model_read: bool, want: list
) -> None:
    assert _read_with_model_spans(text, spans, model_read) == want
