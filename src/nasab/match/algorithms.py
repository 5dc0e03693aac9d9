"""Named, versioned scoring algorithms and the thresholds that read their scores.

Every score nasab produces comes from one registered :class:`Algorithm`: a name, a
version number that is bumped whenever scores change, the parameters it scores with,
and the data tables it reads. :func:`algorithm_version` adds a short hash of those
tables, so two installations that print the same version string give the same scores
(the idea of nomenklatura's ``logic-v1``/``logic-v2``). :meth:`nasab.match.Match.explain`
prints it.

The thresholds applications use to read scores are defined here once and imported
wherever they are used: :data:`LINK_THRESHOLD` (the default of ``link``,
``AliasTable.lookup`` and the CLI) and :data:`SAME_NAME_THRESHOLD` (two mentions of one
name in a document graph).

Example:
    >>> get_algorithm("nasab-name-v27").params["align_min"]
    0.55
    >>> algorithm_version("nasab-name-v27").startswith("nasab-name-v27+data.")
    True
    >>> sorted(algorithms())
    ['nasab-name-v27', 'nasab-org-v31']
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from ..errors import InputError

__all__ = [
    "LINK_THRESHOLD",
    "NAME_ALGORITHM",
    "ORG_ALGORITHM",
    "SAME_NAME_THRESHOLD",
    "Algorithm",
    "algorithm_version",
    "algorithms",
    "data_hash",
    "get_algorithm",
]

#: Default minimum score for a query to link to a known alias (``link``, ``lookup``, CLI).
LINK_THRESHOLD = 0.7
#: Minimum score for two mentions to be taken as the same name (document graph).
SAME_NAME_THRESHOLD = 0.85

#: The person-name algorithm :func:`nasab.compare` uses.
NAME_ALGORITHM = "nasab-name-v27"
#: The organisation-name algorithm ``compare(..., kind="organization")`` uses.
ORG_ALGORITHM = "nasab-org-v31"

# ------------------------------------------------------------------ person-name parameters

#: Below this token similarity two tokens are not the same name at all.
ALIGN_MIN = 0.55
#: At or above this token similarity two tokens are the same spelling.
FULL_SIM = 1.0
#: Cost of a token present in one name only, per unit weight.
MISSING = 0.15
#: The same when the shorter name is a family name that aligned ("al-Ubaidi").
MISSING_SHORT_FORM = 0.08
#: Cost of unaligned or dissimilar family names.
CONFLICT_FAMILY = 2.0
#: Cost of unaligned first given names.
CONFLICT_GIVEN = 1.5
#: Cost of the dissimilar part of an aligned middle token.
CONFLICT_OTHER = 1.0
#: Lowest weight a conflicting token pair is charged at (common names conflict too).
CONFLICT_WEIGHT_FLOOR = 0.5
#: Conflict per slot that both names fill with tokens that do not align.
SLOT_CONFLICT = 0.5
#: Cost of the tokens left over on both sides when both names fill one slot between the
#: same two aligned tokens with different names (a different father or grandfather).
SLOT_SUBSTITUTION = 2.0
#: Score factor per crossed pair of given names (son before father).
ORDER = 0.65
#: Score factor per crossed pair involving the family name (inverted lists).
ORDER_FAMILY = 0.85
#: Conflict per unit weight of the leading given names a name drops while its first
#: given name aligns with the other's father or grandfather (a nasab is a chain:
#: ``Khalid Hasan al-Najjar`` is the father of ``Ahmad Khalid Hasan al-Najjar``).
CHAIN_SHIFT = 2.0
#: The alignment in chain order is taken over a crossed one that aligns as many tokens
#: when its similarity is lower by at most this much per aligned pair (repeated tokens).
CHAIN_TOLERANCE = 0.15
#: Weight of kunya evidence relative to a name token.
KUNYA = 0.5
#: Conflict added per unit of kunya disagreement.
KUNYA_CONFLICT = 0.3
#: Share of the Latin -> Arabic reading in a cross-script spelling score.
REVERSE = 0.25
#: Cross-script spelling scores in this band ask the Latin -> Arabic reading too.
REVERSE_BAND = (0.6, 0.95)
#: A joined pair of tokens replaces the pair when it matches the other name this well...
JOIN_MIN = 0.85
#: ... and this much better than either token alone.
JOIN_GAIN = 0.15
#: Factor on the similarity of an Arabic token read with its consonant + ه pairs as one
#: letter (aspirates.tsv: چودھری as Chaudhry): a reading of the letters as written wins ties.
ASPIRATE = 0.98
#: Factor on the similarity of an Arabic token written with a final alif maqsura ى read
#: as a (موسى Musa, ليلى Layla): ى is also written for a final ي read i, which wins ties.
ALIF_MAQSURA = 0.98
#: Factor on the similarity of a Latin token read with a digraph of latin_digraphs.tsv
#: the other way (Zhukov as Jukov / جوكوف), or with its letters of latin_letters.tsv read
#: as that table reads them (Şahin as Shahin / شاهين): the token as written wins ties.
LATIN_DIGRAPH = 0.98
#: Factor on the cross-script spelling similarity of an Arabic token that ends in a
#: long-vowel letter (ا ة و ي) to a Latin token that ends in one vowel after a consonant
#: which final_vowels.tsv does not list for that letter (Talbi against طلبة): measured on
#: the netranslit train split and google_ar2en eval (0.85 left a tie that 0.8 breaks).
FINAL_VOWEL = 0.8
#: Fewest letters left before a word ending of ``latin_digraphs.tsv`` read another way
#: (Carnot as Carno: 4; a shorter stem is too little of a name to read).
LATIN_ENDING_STEM = 3
#: Highest similarity of a token to the same token with ``Abd`` dropped.
ABD_DROPPED = 0.8
#: Similarity of an initial to a name that starts with its letter.
INITIAL = 0.8
#: Most similarity of two Latin spellings of different known given names (Luke / Lucy, Jamal
#: / Jamil: lexicon.given_name_groups): below ALIGN_MIN, so they never align as one name.
DISTINCT_NAMES_MAX = 0.5
#: Least similarity of two Latin spellings of one known given name (Bill / William, Bob /
#: Robert: nicknames_en.tsv; Youssef / Yusuf: given_names.tsv; lexicon.given_name_groups)
#: whose letters are less alike: a spelling variant's value, below an exact match.
SAME_KNOWN_NAME = 0.9
#: Least similarity of two Latin tokens of one length that differ by one typing slip (one
#: letter for another, or two neighbours swapped), one an attested name spelling and the
#: other not (Rashid / Rasjid: lexicon.attested_latin_spellings): a misspelt name, below
#: SAME_KNOWN_NAME. Two attested spellings (Jaber / Saber) are two names.
TYPING_SLIP = 0.85
#: Fewest letters of a token read for a typing slip (shorter words differ by one letter as
#: often as they are misspelt: Omar / Amar).
TYPING_SLIP_LETTERS = 5
#: Discount of the coarse (confusable-merged) skeleton and fold comparisons.
COARSE_KEY = 0.85
COARSE_FOLD = 0.95
#: Shares of skeleton and spelling in a same-script / cross-script token similarity.
SKELETON_SHARE_SAME = 0.5
SKELETON_SHARE_CROSS = 0.3
#: Shares of fold and skeleton when a romanisation candidate is compared to a Latin token.
CANDIDATE_FOLD_SHARE = 0.6
#: Discount per rank of a romanisation candidate (a likelier reading wins ties).
CANDIDATE_RANK = 0.01
#: Latin readings the cheap decoder gives an Arabic token that is in no table (12 kept
#: netranslit held-out top-1 at 0.926 and ar2en eval at 0.950, where 8 gave 0.923 / 0.946).
CHEAP_READINGS = 12
#: Tokens below this cross-script similarity are also read whole (ال as part of the name).
WHOLE_WORD_BELOW = 0.9
#: Tokens weighing less than this cannot carry a match on their own (batch prefilter).
COMMON_WEIGHT = 0.35
#: Lowest token weight (learned inverse frequency).
MIN_WEIGHT = 0.15
#: Lowest share of its score a weak name (one name word, a bare kunya) keeps against a
#: full name (``match.weak``): the commonest word keeps this much, a rare one all of it.
WEAK_BASE = 0.5
#: Names of the list being resolved that a token may appear in before the list's own
#: frequency lowers its weight (``match.weights.ListFrequency``): one entity written a
#: few ways repeats its tokens, a token shared by more names than this is common in
#: the list whatever the world's counts say.
LIST_FLOOR = 10
#: Evidence (aligned tokens' agreement times weight, in the list's token weights) a pair
#: of names of one list needs to keep its full score when the list's common names took
#: part of it (``nasab.match.compare``; only with a list's weights, as in
#: ``resolve``). A score is a ratio, so two names that agree only on names common in the
#: list (a given name a tenth of the list carries) and a family name that is merely
#: similar score as high as two that share rare names, though in a long list many people
#: fit them. On ``bench_resolve_scale.py``'s 300k names, of a sample of the pairs at 0.65
#: or more, this kept 99.4% of the true pairs and 50% of the false ones at 0.65; on the
#: OFAC persons it moved 19 of 9,809 true pairs under 0.65.
LIST_EVIDENCE = 0.8
#: The evidence needed grows with the list: by ``LIST_EVIDENCE_STEP`` for every tenfold
#: of its names over ``LIST_EVIDENCE_NAMES``, up to ``LIST_EVIDENCE_MAX``
#: (``ListFrequency.evidence_floor``). Ten times as many names hold about ten times as
#: many people whom a given share of evidence fits by chance. 0.8 at 10,000 names and
#: under (the OFAC persons, 8,708), 0.9 at 100k, 1.0 at 1M: on ``bench_resolve_scale.py``
#: a fixed 0.9 gave 100k F1 0.9668 (0.8: 0.9650) and 0.948, this floor at 300k, gave 0.9571
#: (0.8: 0.9523), while 0.9 at OFAC's size lowered its persons' F1 (0.9249 -> 0.9245).
LIST_EVIDENCE_STEP = 0.1
LIST_EVIDENCE_NAMES = 10_000
LIST_EVIDENCE_MAX = 1.0


@dataclass(frozen=True)
class Algorithm:
    """One named, versioned scoring algorithm.

    Attributes:
        name: family name of the algorithm (``nasab-name``).
        version: bumped whenever the algorithm gives different scores.
        params: the parameters it scores with.
        tables: the data tables (``data/aliases`` file names) its scores depend on.
        description: one line on what it compares.
    """

    name: str
    version: int
    params: Mapping[str, object] = field(default_factory=dict)
    tables: tuple[str, ...] = ()
    description: str = ""

    @property
    def id(self) -> str:
        """``name-vN``, the identifier a :class:`~nasab.match.Match` carries."""
        return f"{self.name}-v{self.version}"


_NAME_PARAMS = {
    "align_min": ALIGN_MIN,
    "full_sim": FULL_SIM,
    "missing": MISSING,
    "missing_short_form": MISSING_SHORT_FORM,
    "conflict_family": CONFLICT_FAMILY,
    "conflict_given": CONFLICT_GIVEN,
    "conflict_other": CONFLICT_OTHER,
    "conflict_weight_floor": CONFLICT_WEIGHT_FLOOR,
    "slot_conflict": SLOT_CONFLICT,
    "slot_substitution": SLOT_SUBSTITUTION,
    "order": ORDER,
    "order_family": ORDER_FAMILY,
    "chain_shift": CHAIN_SHIFT,
    "chain_tolerance": CHAIN_TOLERANCE,
    "kunya": KUNYA,
    "kunya_conflict": KUNYA_CONFLICT,
    "reverse": REVERSE,
    "reverse_band": REVERSE_BAND,
    "join_min": JOIN_MIN,
    "join_gain": JOIN_GAIN,
    "abd_dropped": ABD_DROPPED,
    "aspirate": ASPIRATE,
    "alif_maqsura": ALIF_MAQSURA,
    "latin_digraph": LATIN_DIGRAPH,
    "latin_ending_stem": LATIN_ENDING_STEM,
    "final_vowel": FINAL_VOWEL,
    "initial": INITIAL,
    "distinct_names_max": DISTINCT_NAMES_MAX,
    "same_known_name": SAME_KNOWN_NAME,
    "typing_slip": TYPING_SLIP,
    "typing_slip_letters": TYPING_SLIP_LETTERS,
    "coarse_key": COARSE_KEY,
    "coarse_fold": COARSE_FOLD,
    "skeleton_share_same": SKELETON_SHARE_SAME,
    "skeleton_share_cross": SKELETON_SHARE_CROSS,
    "candidate_fold_share": CANDIDATE_FOLD_SHARE,
    "candidate_rank": CANDIDATE_RANK,
    "whole_word_below": WHOLE_WORD_BELOW,
    "cheap_readings": CHEAP_READINGS,
    "min_weight": MIN_WEIGHT,
    "common_weight": COMMON_WEIGHT,
    "weak_base": WEAK_BASE,
    "list_floor": LIST_FLOOR,
    "list_evidence": LIST_EVIDENCE,
    "list_evidence_step": LIST_EVIDENCE_STEP,
    "list_evidence_names": LIST_EVIDENCE_NAMES,
    "list_evidence_max": LIST_EVIDENCE_MAX,
}

_REGISTRY: dict[str, Algorithm] = {
    a.id: a
    for a in (
        Algorithm(
            "nasab-name",
            27,
            MappingProxyType(_NAME_PARAMS),
            (
                "token_freq.tsv",
                "token_readings.tsv",
                "titles.tsv",
                "given_names.tsv",
                "particles.tsv",
                "compounds.tsv",
                "words.tsv",
                "persian_letters.tsv",
                "aspirates.tsv",
                "latin_digraphs.tsv",
                "latin_letters.tsv",
                "final_vowels.tsv",
                "given_names_en.tsv",
                "nicknames_en.tsv",
                "news_spellings.tsv",
            ),
            "person names in Arabic and Latin script: aligned tokens, weighted evidence, "
            "conflicts, order. v2 (from v1): cross-script readings come from the shipped "
            "token_readings.tsv or a cheap letter-in-context decoder, never the beam decoder; "
            "v3: the cheap decoder gives 12 readings (was 8); v4: a nasab is a chain (a name "
            "that drops the leading given name is an ancestor; alignment in chain order when "
            "a name repeats a token); v5: Afghan and Pakistani compound parts (compounds.tsv "
            "suffix rows) join across scripts (ذبيح الله / Zabihullah); v6: names with an Afghan "
            "or Pakistani compound part (Khan, Gul, -zai, -khel) carry no chain; v7: a weak "
            "name (one name word, a bare kunya) against a full name keeps a share of its score "
            "set by its word's frequency weight (match.weak); v8: the Persian letters چ پ ژ گ "
            "are kept (their own skeleton classes and readings, persian_letters.tsv); against "
            "their Arabic stand-ins they compare as before; v9: two Latin spellings of different "
            "known given names (given_name_groups: Luke / Lucy, Jamal / Jamil) never align; v10: "
            "across scripts a ta marbuta ending against Latin -a/-ah/-e/-eh compares the stems, "
            "and a consonant + ه pair reads as "
            "the letter of its Latin digraph (aspirates.tsv: Urdu دھ dh, چوہدری Chaudhry); Latin "
            "zh is also read as j (latin_digraphs.tsv: Zhukov جوكوف); Latin Shahid is a given "
            "name, not the honorific (titles.tsv); v11: "
            "a caller may pass the token counts of the list the names come from "
            "(match.weights.ListFrequency): a token more than list_floor names of the list "
            "carry weighs as common in it (resolve passes its own; plain compare does not); "
            "v12: across scripts more Latin letters are also read as European spellings write "
            "them (latin_digraphs.tsv: c before e/i as s, sz as sh, cz as ch, z as ts, w as v); "
            "v13: across scripts French and Italian spellings are read as Arabic script writes "
            "them: silent word endings (latin_digraphs.tsv rows ending in $: Dassault داسو, "
            "Didier ديديه, Carnot كارنو), gn as ny, gli as li, tx as ch, and a vowel + h as the "
            "vowel (German Kahler كالر); an Arabic and a "
            "Latin token that both lack a skeleton key (وي / Wei) compare by spelling (were 0); "
            "v14 (also covers v13's late vowel + h row, landed without its own bump): across "
            "scripts Latin ch is also read as k and kh (latin_digraphs.tsv: Christina كريستينا, "
            "Hecht هيكت), a ta marbuta ending also against Latin -at/-et (Hayat حياة, Hikmet "
            "حكمة); a word written with إل at its start keeps its ال (the article is never "
            "written so: إلياس is one word, not al + ياس); v15: Latin ch is read as k only "
            "(not kh: Bach / باخ as v13); v16: an Arabic word written with a final alif maqsura "
            "ى (kept by the parse; normalisation writes ي) is also read with a final a across "
            "scripts (موسى Musa, ليلى Layla), a written ي is not (هاني Hani); v17: Latin "
            "letters with a mark that normalisation writes plain (latin_letters.tsv: š ş sh, "
            "č ć ç ch, ž zh, ñ ny, ğ gh, ł w, đ dj, ț ts; kept by the parse) are also read so "
            "across scripts "
            "(Şahin شاهين, Çapar تشابار), and Italian cci / cce as chi / che (Carracci "
            "كاراتشي); within Latin script such a letter is its plain letter; v18: those "
            "letters' readings are compared as a second Latin fold (the plain cross-script "
            "formula on the reading's text, fold and skeleton, and on its own digraph readings "
            "at LATIN_DIGRAPH), not as tokens with all their branches: cheaper, and a few "
            "pair scores move (the aspirate branch no longer reads a ch that a kept letter "
            "wrote); v19: across scripts an Arabic word that ends in a long-vowel letter "
            "(ا ة و ي) against a Latin word that ends in one vowel after a consonant, a vowel "
            "final_vowels.tsv does not list for that letter (a Latin final i against ة), has "
            "its spelling similarity times FINAL_VOWEL; v20: both names filling one slot of "
            "the chain with different names (a token left over on each side between the same "
            "two aligned tokens, or an Abd- name aligned with its bare part where the other "
            "name has a name of its own in the Abd's place) cost SLOT_SUBSTITUTION per unit "
            "weight, not CONFLICT_OTHER: a different father or grandfather; v21: two names "
            "written in syllables or ideographs (Han, kana, Hangul) whose characters differ "
            "score at most the agreement of their characters (romanisation writes 石 and 市 "
            "alike), and given_names.tsv lists an OFAC spelling that the word pairs lack by the "
            "Arabic of a more frequent one that differs only in its vowels (Ahmed as Ahmad: "
            "Mohamed / Ahmed are two known names); v22: two Latin spellings of one known given "
            "name (given_name_groups: a nickname and its formal name, Bill / William, Bob / "
            "Robert, or two spellings of one Arabic name) agree at least SAME_KNOWN_NAME; v23: "
            "across scripts a Latin word's final c after a stem is also read ch and ts "
            "(latin_digraphs.tsv row c$: Kadlec كادليتس, Ivanovic إيفانوفيتش); v24: across "
            "scripts Latin oi is also read wa (Poisson بواسون), gh g (Gaghan غاغن), igh ai "
            "(Wright رايت) and bh b (Bhupathi بوباثي) (latin_digraphs.tsv rows oi, gh, igh, bh); "
            "v25: two Latin tokens of one length (TYPING_SLIP_LETTERS or more) one typing slip "
            "apart (a letter for another, two neighbours swapped), one an attested name spelling "
            "and the other not (news_spellings.tsv and the given names: "
            "lexicon.attested_latin_spellings), agree at least TYPING_SLIP (Rashid / Rasjid); two "
            "attested spellings (Jaber / Saber) are two names as before; v26: with a list's token "
            "weights (resolution), a pair whose evidence is under LIST_EVIDENCE keeps only the "
            "share of it the list's common names left (evidence / min(LIST_EVIDENCE, evidence + "
            "the weight the list took from its aligned tokens)); plain compare is unchanged; "
            "v27: that floor grows with the list, LIST_EVIDENCE_STEP for every tenfold of its "
            "names over LIST_EVIDENCE_NAMES, up to LIST_EVIDENCE_MAX",
        ),
        Algorithm(
            "nasab-org",
            31,
            MappingProxyType({}),
            (
                "organizations.tsv",
                "org_words.tsv",
                "org_word_freq.tsv",
                "places.tsv",
                "words.tsv",
                "letter_names.tsv",
                "org_translations.tsv",
                "number_words.tsv",
            ),
            "organisation names: acronyms, legal forms, generic words, cross-script words. "
            "v2 (from v1): a distinctive word on each side that the other lacks halves the "
            "score (a conflict); Roman numerals are numbers; an acronym in parentheses is the "
            "name's acronym; v3: a generic word on each side that the other lacks is a conflict "
            "(x0.75, group companies), an acronym of three letters or fewer agrees 0.55, a "
            "registration mark (EP-ABC) is no acronym, a one-word name that the other qualifies "
            "with a distinctive word is weak (x0.85); v4: words of other languages written in "
            "Latin letters read as their English words (org_translations.tsv: KATAIB = "
            "brigades, STICHTING = foundation), an apostrophe inside a word is part of it "
            "(MU'ASSASAT), spaced initials are one acronym (N P C), a joined article is read "
            "also without it (ALHARAMEIN = AL-HARAMEIN), two names with no word in common "
            "are no conflict; v5: an acronym may spell the trailing legal form (ZMDC = "
            "Zambezi Mining Development Corp.); v6: a distinctive word on one side where the "
            "other keeps only generic words is a conflict (x0.75: Kenya Mining Corp / National "
            "Industries and Mining Company); v7: names that differ only in words naming the "
            "form of a body (words.tsv org_form_en: foundation / society / committee) are no "
            "conflict, charity words are generic, an acronym of 4-6 letters matches the run "
            "of the other name's words whose initials it spells (IRGC Missile Command), more "
            "legal forms (ASBL, e.V.) and foreign form words (stiftelse, bienfaisance); v8: two "
            "Latin words of four letters or more with one consonant skeleton are spellings of "
            "one word (OMQY / OMGY / UMQI, TAMOULE / TAMIL: similarity 0.88) unless one is a "
            "listed place and the other is not, and a one-word dictionary word meets a spelling "
            "the table lacks as written (MUJAHIDIN / MUJAHEDEEN); v9: the skeleton is read for "
            "rare words only (EAST / SOUTH are different words), and a conflict of distinctive "
            "words is x0.75 instead of x0.5 where the names share distinctive words weighing "
            "two words and twice what either keeps alone (CABANAS LA LOMA EN RENTA / CABANAS "
            "LA LOMA TAPALPA); v10 (compare scores as v9; resolution changes): a one-word "
            "name (match.orgs.is_weak_org) fits a longer name that holds its rare word of six "
            "letters or more whole at 0.7 (org_fit), and resolve joins it to the one entity it "
            "fits with three names or more between them (resolution.stages.weak_fits, "
            "attach_weak); fitting two entities it joins none; v11: about 200 more words of "
            "other languages written in Latin letters (org_translations.tsv: Arabic MUQAWAMA "
            "= resistance, THAWRA = revolution, TANMIYA = development; Persian SANATI = "
            "industrial, DARYAI = marine; Turkish TICARET = trade, INSAAT = construction; "
            "Russian ZAVOD = plant, NAUCHNO = scientific; Spanish EJERCITO = army), words that "
            "are also one body's proper name (Bank Tejarat, Shahid X Industries) left out; v12: "
            "a translated word keeps the word as written beside its English word: a spelling "
            "the table lacks meets it as written (TIJARA / TEJARAT), acronyms may spell the "
            "name as written (HSM = Harakat al-Shabaab al-Mujahideen, where HARAKAT reads "
            "movement; TAHRIR = liberation back in the table), and words written apart meet "
            "their joined form as written (NAFT IRAN / NAFTIRAN); v13: a word of four letters "
            "or more that starts a word of the other name two letters or more longer is its "
            "abbreviation and agrees 0.7 (SERV. / SERVICES, ELEC / ELECTRONIC), where other "
            "words of the two names align; v14: 28 more general words of other languages "
            "(org_translations.tsv: Persian SIMAN = cement, TAAVON = cooperative, DARYA = sea; "
            "Russian PREDPRIYATIYE = enterprise, UGOLNYE = coal, VODY = water; Thai BORISAT = "
            "company; Indonesian MAJELIS = council, LASKAR = army; Arabic ISLAH = reform), and a "
            "company name (a legal form) that adds only a place to the other name is a company "
            "of the group registered there (x0.75: ORION UK LTD / ORION LTD); v15: legal forms "
            "written out in their language are legal forms as their abbreviations are "
            "(words.tsv: AKTIENGESELLSCHAFT = AG, GESELLSCHAFT MIT BESCHRANKTER HAFTUNG = GMBH, "
            "SOCIETATEA CU RASPUNDERE LIMITATA = SRL, SP. Z O.O., BESLOTEN VENNOOTSCHAP = BV); "
            "v16: 65 more countries in places.tsv (Chile, Argentina, Vietnam, Ghana...), so a "
            "company named for its country of registration is placed (v14's rule) and a "
            "listed place is not a spelling of another word (v8's rule); v17: two distinctive "
            "Latin words of 7 letters or more one typing slip apart (one consonant changed, or "
            "a letter added or dropped, not at the last letter; neither a listed word or "
            "place) agree as spelling similarity 0.92 (GAZPROM / GASPROM); v18: English number "
            "words are read as their number (number_words.tsv: FORTY-FOUR, FORTY 4 = 44, THREE "
            "= 3) in a name compared with a name that writes a number in digits; v19: the words "
            "of a family firm (bros, sons, partner, partners) name the form of a body "
            "(org_form_en): names that differ only in such words do not conflict; v20: more "
            "foreign words of company names in org_translations.tsv (gostar, shargh, shomal, "
            "rasaneh, foolad, hawala, servis, ekspress, proekt, yuzhny...), and a capitalised "
            "short word that org_words.tsv reads in lower case as a dictionary word agrees "
            "with that word (EAST / eastern); v21: adjacent Latin words spell a word of the "
            "other name of five letters or more joined (ZHU HAI / ZHUHAI, BU ALI / BUALI; six "
            "before); v22: a Russian or Ukrainian word of org_translations.tsv also reads in "
            "its other endings and in ye/e, ts/c spellings (OBYEDINENYE = obyedineniye, "
            "TORGOVOY = torgovy, KOMPANIA = kompaniya; a stem of five letters or more), and "
            "more such words (kontsern = concern, mashinostroenie = machine building, "
            "pidpryemstvo = enterprise...); v23: the stem also drops -ykh and -ov endings "
            "(PROEKTOV = proekt), more Russian words (obedinennaya = united, organizatsiya, "
            "dvizhenie, biznes...), and a lone I before another word is a word, not the "
            "numeral 1 (numeral_word_latn: PROMET I USLUGE, SPANM I STIFTELSE; SILVIA I is 1); "
            "v24: a word of org_translations.tsv written with a letter doubled or single where "
            "the table writes it the other way reads as that word (MUASSASSAT = muassasat), a "
            "romanised Russian adjective of a place is that place (YALTINSKAYA = YALTA, "
            "GRODNENSKOYE = GRODNO), managing and mgmt read as management, rebuilding as "
            "reconstruction, and economy, economic and foreign are generic (weight 0.25); "
            "v25: a word in capitals that joins the leading letters of each content word of "
            "the other name in order, two or more of each and three or more of the last, is a "
            "blend of it and agrees as a syllabic acronym (COLCERDOS = COLOMBIANA DE CERDOS, "
            "OCCIPAPEL = OCCIDENTAL DE PAPELES), with b: blocking keys that pair the two; "
            "v26: the digits inside a word that mixes letters and digits (a code: YV2984, "
            "VALFAJR2) are a number of the name, so two codes of one series are different "
            "numbers (x0.3); v27: a number on one side only is a conflict (x0.75: ORION 2 / "
            "ORION, a numbered vessel or branch beside the body), the ordinals first to "
            "twelfth read as numbers against digits (FIRST BRANCH = BRANCH 1), and a lone V "
            "before another word is the Slavic word, not the numeral 5 (VORY V ZAKONE); v28: "
            "an acronym of two or three capitals matches the run of words whose initials it "
            "spells where every other word of both names aligns (MB BANK / MIR BUSINESS BANK); "
            "v29: an abbreviation of three letters on the same terms (ZOO / ZOOLOGICO), and "
            "NPO, NPP, NPK, GUP, MUP, RUP, PT are legal forms; v30: two rare Latin words of "
            "four letters or more that the name-token similarity reads as one name at 0.9 "
            "agree as one skeleton's spellings do, 0.88 (GHESHM / QESHM, ELYA / ILYA); v31: an "
            "Arabic word that normalisation ends in ya is also read with the alif maqsura it may "
            "have been written with (AL-AQSA / الأقصى), and org_words.tsv reads the words of "
            "charities, exchange houses and trading companies in both scripts (charity, money "
            "exchange, contracting, services, real estate, holding...; trading and commercial "
            "are trade), and a run of Latin letters spelled in Arabic is one acronym "
            "(letter_names.tsv: سي آي إيه = CIA, إن بي سي = NBC), and an Arabic word opened by the "
            "preposition la is also read without it where the rest opens a listed phrase "
            "(لحقوق الإنسان = human rights)",
        ),
    )
}


def algorithms() -> dict[str, Algorithm]:
    """All registered algorithms by id."""
    return dict(_REGISTRY)


def get_algorithm(algorithm_id: str) -> Algorithm:
    """The registered algorithm ``algorithm_id`` (``nasab-name-v27``).

    Raises:
        InputError: no algorithm of that id is registered.
    """
    try:
        return _REGISTRY[algorithm_id]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise InputError(f"unknown algorithm {algorithm_id!r} (known: {known})") from None


@cache
def data_hash(tables: tuple[str, ...]) -> str:
    """First 8 hex digits of the SHA-256 of the named data tables (missing ones count as empty)."""
    from .._data import data_path

    h = hashlib.sha256()
    for name in tables:
        h.update(name.encode())
        path = data_path(name)
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:8]


def algorithm_version(algorithm_id: str) -> str:
    """``name-vN+data.HASH``: the algorithm and the hash of the tables it reads.

    Example:
        >>> algorithm_version("nasab-org-v31")[:19]
        'nasab-org-v31+data.'
    """
    algo = get_algorithm(algorithm_id)
    return f"{algo.id}+data.{data_hash(algo.tables)}"
