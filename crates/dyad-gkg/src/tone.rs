//! Document and sentence tone in the shape of GDELT's V1.5TONE field.
//!
//! GDELT reports seven numbers per document: tone (positive minus negative score), positive
//! and negative score (percentages of all words), polarity (percentage of words found in the
//! tonal dictionary), activity reference density (percentage of active words), self/group
//! reference density (percentage of pronouns) and the word count. GDELT's own dictionaries
//! are not open, so the tonal words come from the VADER lexicon (`data/gkg/vader.tsv`, MIT).
//!
//! Each tonal word counts 1, signed by its (possibly negated) valence and scaled by a
//! preceding intensifier: "very good" counts 1.29 positive, "slightly good" 0.71, and "not
//! good" (a negator up to three words back within the same clause) counts as negative. This
//! keeps the GDELT reading of the scores as percentages of words while letting negation and
//! intensity move them. Activity density counts tokens tagged `VERB` when the tagger has run,
//! otherwise a short list of common action verbs, since the parse is not yet in the pipeline.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use dyad_core::{Document, Token};
use serde::{Deserialize, Serialize};

use crate::GkgError;

#[cfg(test)]
const VADER_TSV: &str = include_str!("../../../data/gkg/vader.tsv");

/// VADER's scalar for a negated word: valence times -0.74.
const NEGATION_SCALE: f64 = -0.74;
/// VADER's booster increment: "very" adds 0.293 of the word's weight.
const BOOST: f64 = 0.293;

const NEGATORS: &[&str] = &[
    "not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
    "hardly", "cannot", "nowhere", "barely",
];
const BOOSTERS: &[&str] = &[
    "very",
    "extremely",
    "really",
    "highly",
    "so",
    "most",
    "deeply",
    "greatly",
    "hugely",
    "incredibly",
    "particularly",
    "especially",
    "totally",
    "utterly",
    "absolutely",
    "completely",
    "strongly",
    "more",
    "exceptionally",
    "remarkably",
    "enormously",
    "entirely",
];
const DAMPENERS: &[&str] = &[
    "slightly",
    "somewhat",
    "marginally",
    "partly",
    "less",
    "little",
    "fairly",
    "rather",
    "mildly",
    "moderately",
];
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "it",
    "its",
    "itself",
];
const ACTIVE: &[&str] = &[
    "attack",
    "attacked",
    "attacks",
    "act",
    "acted",
    "acting",
    "fight",
    "fought",
    "fighting",
    "launch",
    "launched",
    "strike",
    "struck",
    "move",
    "moved",
    "push",
    "pushed",
    "build",
    "built",
    "win",
    "won",
    "seize",
    "seized",
    "arrest",
    "arrested",
    "kill",
    "killed",
    "meet",
    "met",
    "sign",
    "signed",
    "send",
    "sent",
    "go",
    "went",
    "come",
    "came",
    "make",
    "made",
    "take",
    "took",
    "run",
    "ran",
    "lead",
    "led",
    "work",
    "worked",
    "help",
    "helped",
    "pay",
    "paid",
    "confront",
    "confronted",
    "retaliate",
    "stand",
    "deliver",
    "bring",
    "fire",
    "fired",
    "march",
    "marched",
    "protest",
    "protested",
    "vote",
    "voted",
    "raid",
    "raided",
    "invade",
    "invaded",
    "bomb",
    "bombed",
    "shoot",
    "shot",
    "drive",
    "drove",
    "force",
    "forced",
];

/// The seven V1.5TONE numbers of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Positive score minus negative score.
    pub tone: f64,
    /// Percentage of words that are positive (weighted by intensity).
    pub positive: f64,
    /// Percentage of words that are negative (weighted by intensity).
    pub negative: f64,
    /// Percentage of words found in the tonal dictionary.
    pub polarity: f64,
    /// Percentage of active words.
    pub activity_density: f64,
    /// Percentage of pronouns.
    pub self_group_density: f64,
    /// Number of words (tokens with a letter or digit).
    pub word_count: usize,
}

impl Tone {
    /// The GDELT V1.5TONE field: the seven numbers comma-separated, in codebook order.
    pub fn to_gdelt(&self) -> String {
        format!(
            "{},{},{},{},{},{},{}",
            self.tone,
            self.positive,
            self.negative,
            self.polarity,
            self.activity_density,
            self.self_group_density,
            self.word_count
        )
    }
}

/// The tonal lexicon: lower-case word to VADER valence.
#[derive(Debug)]
pub struct ToneLexicon {
    /// A fast hash: the words looked up are every token of every document. The built-in
    /// lexicon's words borrow the static table of `build.rs`.
    valence: FxHashMap<Cow<'static, str>, f64>,
}

// `TONE_WORDS` and `TONE_VALENCES`: the entries of the embedded `vader.tsv`, read by
// `build.rs` with `tone_table::entries`.
include!(concat!(env!("OUT_DIR"), "/tone_tables.rs"));

impl ToneLexicon {
    /// Parses a `word<TAB>valence` table; `#` lines are comments. (The embedded table is
    /// read the same way, at build time: [`ToneLexicon::builtin`].)
    pub fn parse(text: &str, file: &str) -> Result<ToneLexicon, GkgError> {
        let entries =
            crate::tone_table::entries(text).map_err(|(line, m)| GkgError::table(file, line, m))?;
        Ok(ToneLexicon::new(
            entries
                .into_iter()
                .map(|(w, v)| (Cow::Owned(w.to_string()), v)),
        ))
    }

    /// The lexicon of `entries`, in order (a later entry of a word wins).
    fn new(entries: impl ExactSizeIterator<Item = (Cow<'static, str>, f64)>) -> ToneLexicon {
        let mut valence = FxHashMap::default();
        valence.reserve(entries.len());
        for (w, v) in entries {
            valence.insert(w, v);
        }
        ToneLexicon { valence }
    }

    /// The lexicon of the embedded `data/gkg/vader.tsv`, read at build time; only its hash
    /// map (of borrowed words) is made at the first call.
    pub fn builtin() -> Result<&'static ToneLexicon, &'static GkgError> {
        static LEX: OnceLock<ToneLexicon> = OnceLock::new();
        Ok(LEX.get_or_init(|| {
            ToneLexicon::new(
                TONE_WORDS
                    .iter()
                    .zip(&TONE_VALENCES)
                    .map(|(w, v)| (Cow::Borrowed(*w), *v)),
            )
        }))
    }

    pub fn valence(&self, word: &str) -> Option<f64> {
        self.valence.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.valence.len()
    }

    pub fn is_empty(&self) -> bool {
        self.valence.is_empty()
    }

    /// The tone of a run of tokens (a sentence, or a whole document).
    pub fn tone(&self, tokens: &[Token]) -> Tone {
        self.tone_lowered(tokens, &lowered(tokens))
    }

    /// [`ToneLexicon::tone`] with the tokens' [`lowered`] forms already made (a document's
    /// sentences and the whole document share them).
    pub(crate) fn tone_lowered(&self, tokens: &[Token], lower: &[Cow<'_, str>]) -> Tone {
        let mut sum = ToneSum::default();
        for (i, t) in tokens.iter().enumerate() {
            sum.add(self.word_tone(t, lower, i));
        }
        sum.tone()
    }

    /// The tone of the whole document and of each of its sentences (what
    /// [`ToneLexicon::tone_lowered`] gives for the document and for each sentence's tokens),
    /// with each token's words read once: a word's tone reads up to three words before it
    /// and one after, so only a word that near its sentence's edges is read again inside it.
    pub(crate) fn document_tones(
        &self,
        doc: &Document,
        lower: &[Cow<'_, str>],
    ) -> (Tone, Vec<Tone>) {
        let toks = &doc.tokens;
        let mut end = 0;
        let ordered = lower.len() == toks.len()
            && doc.sentences.iter().all(|s| {
                let [a, b] = s.tokens;
                let ok = end <= a && a <= b && b <= toks.len();
                end = b;
                ok
            });
        if !ordered {
            let sentences = (0..doc.sentences.len())
                .map(|i| {
                    let (t, l) = sentence_lowered(doc, lower, i);
                    self.tone_lowered(t, l)
                })
                .collect();
            return (self.tone_lowered(toks, lower), sentences);
        }
        let mut all = ToneSum::default();
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut next = 0;
        for s in &doc.sentences {
            let [a, b] = s.tokens;
            for (i, t) in toks.iter().enumerate().take(a).skip(next) {
                all.add(self.word_tone(t, lower, i));
            }
            let mut sum = ToneSum::default();
            for (i, t) in toks.iter().enumerate().take(b).skip(a) {
                let word = self.word_tone(t, lower, i);
                all.add(word);
                let inside = if i >= a + NEGATION_WINDOW && i + 1 < b {
                    word
                } else {
                    self.word_tone(t, &lower[a..b], i - a)
                };
                sum.add(inside);
            }
            sentences.push(sum.tone());
            next = b;
        }
        for (i, t) in toks.iter().enumerate().skip(next) {
            all.add(self.word_tone(t, lower, i));
        }
        (all.tone(), sentences)
    }

    /// What word `i` of `lower` (`t`'s form) adds to the tone of the run `lower`.
    fn word_tone(&self, t: &Token, lower: &[Cow<'_, str>], i: usize) -> WordTone {
        let w = lower[i].as_ref();
        if !w.chars().any(char::is_alphanumeric) {
            return WordTone::default();
        }
        let is_active = match t.upos.as_deref() {
            Some(u) => u == "VERB",
            None => ACTIVE.contains(&w),
        };
        let mut word = WordTone {
            word: true,
            pronoun: is_pronoun(w),
            active: is_active,
            hit: None,
        };
        let Some(v) = self.valence(w) else {
            return word;
        };
        // Negators and intensifiers are words of the lexicon too ("no" is -1.2); when
        // they modify a following tonal word they count only through it.
        if modifies_next(lower, i, self) {
            return word;
        }
        let mut weight = 1.0;
        if let Some(prev) = i.checked_sub(1).map(|j| lower[j].as_ref()) {
            if BOOSTERS.contains(&prev) {
                weight += BOOST;
            } else if DAMPENERS.contains(&prev) {
                weight -= BOOST;
            }
        }
        let sign = if negated(lower, i) {
            v.signum() * NEGATION_SCALE.signum()
        } else {
            v.signum()
        };
        word.hit = Some((sign > 0.0, weight));
        word
    }
}

/// What one word adds to a tone: whether it is a word, a pronoun, an active word, and, if it
/// counts as tonal, whether it is positive and its weight.
#[derive(Clone, Copy, Default)]
struct WordTone {
    word: bool,
    pronoun: bool,
    active: bool,
    hit: Option<(bool, f64)>,
}

/// The running counts of a tone, summed word by word in text order.
#[derive(Default)]
struct ToneSum {
    words: usize,
    pos: f64,
    neg: f64,
    matched: usize,
    active: usize,
    pronouns: usize,
}

impl ToneSum {
    fn add(&mut self, w: WordTone) {
        if !w.word {
            return;
        }
        self.words += 1;
        if w.pronoun {
            self.pronouns += 1;
        }
        if w.active {
            self.active += 1;
        }
        if let Some((positive, weight)) = w.hit {
            self.matched += 1;
            if positive {
                self.pos += weight;
            } else {
                self.neg += weight;
            }
        }
    }

    fn tone(&self) -> Tone {
        if self.words == 0 {
            return Tone::default();
        }
        let words = self.words;
        let pct = |x: f64| 100.0 * x / words as f64;
        let (positive, negative) = (pct(self.pos), pct(self.neg));
        Tone {
            tone: positive - negative,
            positive,
            negative,
            polarity: pct(self.matched as f64),
            activity_density: pct(self.active as f64),
            self_group_density: pct(self.pronouns as f64),
            word_count: words,
        }
    }
}

/// The lower-case form of each token, borrowed when the token is already lower case (most
/// words): the tone of every sentence and of the whole document reads them.
pub(crate) fn lowered(tokens: &[Token]) -> Vec<Cow<'_, str>> {
    tokens
        .iter()
        .map(|t| {
            let w = t.text.as_str();
            if w.is_ascii() {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect()
}

/// Sentence `i`'s tokens, as [`Document::sentence_tokens`] gives them, and their forms in
/// `lower` (the [`lowered`] forms of all the document's tokens).
pub(crate) fn sentence_lowered<'d, 'l>(
    doc: &'d Document,
    lower: &'l [Cow<'d, str>],
    i: usize,
) -> (&'d [Token], &'l [Cow<'d, str>]) {
    match doc.sentences.get(i) {
        Some(s) => {
            let r = s.tokens[0]..s.tokens[1];
            match (doc.tokens.get(r.clone()), lower.get(r)) {
                (Some(t), Some(l)) => (t, l),
                _ => (&[], &[]),
            }
        }
        None => (&[], &[]),
    }
}

/// Whether `w` is one of the [`PRONOUNS`], by a set: every word of every sentence asks.
fn is_pronoun(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    SET.get_or_init(|| PRONOUNS.iter().copied().collect())
        .contains(w)
}

/// True if word `i` is a negator or intensifier directly followed by a tonal word.
fn modifies_next(lower: &[Cow<'_, str>], i: usize, lex: &ToneLexicon) -> bool {
    let w = lower[i].as_ref();
    (NEGATORS.contains(&w) || BOOSTERS.contains(&w) || DAMPENERS.contains(&w))
        && lower
            .get(i + 1)
            .is_some_and(|n| lex.valence(n).is_some() || BOOSTERS.contains(&n.as_ref()))
}

/// How many words before a word [`negated`] looks for a negator (and so how near its
/// sentence's start a word's tone can differ inside the sentence: [`ToneLexicon::document_tones`]).
const NEGATION_WINDOW: usize = 3;

/// True if a negator stands up to three words before `i`, with no clause punctuation between.
fn negated(lower: &[Cow<'_, str>], i: usize) -> bool {
    for j in (i.saturating_sub(NEGATION_WINDOW)..i).rev() {
        let w = lower[j].as_ref();
        if matches!(w, "," | ";" | ":" | "." | "but" | "\"" | "“" | "”") {
            return false;
        }
        if NEGATORS.contains(&w) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Span;

    fn toks(s: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut pos = 0;
        for w in s.split(' ') {
            out.push(Token::new(Span::new(pos, pos + w.len()), s));
            pos += w.len() + 1;
        }
        out
    }

    fn lex() -> &'static ToneLexicon {
        ToneLexicon::builtin().expect("embedded vader.tsv parses")
    }

    #[test]
    fn the_entries_read_at_build_time_are_those_parse_reads() {
        let entries = crate::tone_table::entries(VADER_TSV).unwrap();
        let (words, valences): (Vec<&str>, Vec<f64>) = entries.into_iter().unzip();
        assert_eq!(words, TONE_WORDS);
        assert_eq!(valences, TONE_VALENCES);
        let parsed = ToneLexicon::parse(VADER_TSV, "vader.tsv").unwrap();
        assert_eq!(parsed.len(), lex().len());
        for w in words {
            assert_eq!(parsed.valence(w), lex().valence(w), "{w}");
        }
    }

    #[test]
    fn builtin_lexicon_is_sorted_unique_and_in_range() {
        let mut prev = String::new();
        for line in VADER_TSV.lines().filter(|l| !l.starts_with('#')) {
            let (w, v) = line.split_once('\t').unwrap();
            assert!(w > prev.as_str(), "{w} after {prev}");
            let v: f64 = v.parse().unwrap();
            assert!((-4.0..=4.0).contains(&v) && v != 0.0, "{w} {v}");
            prev = w.to_string();
        }
        assert!(lex().len() > 7000);
        assert!(lex().valence("good").unwrap() > 0.0);
        assert!(lex().valence("abuse").unwrap() < 0.0);
    }

    #[test]
    fn positive_and_negative_words_set_the_scores() {
        let t = lex().tone(&toks("the talks were good and the war was terrible"));
        assert_eq!(t.word_count, 9);
        assert!((t.positive - 100.0 / 9.0).abs() < 1e-9, "{t:?}");
        assert!(t.negative > 0.0);
        assert!((t.tone - (t.positive - t.negative)).abs() < 1e-9);
        assert!(t.polarity > 0.0);
    }

    #[test]
    fn negation_flips_the_sign() {
        let plain = lex().tone(&toks("the deal is good"));
        let negated = lex().tone(&toks("the deal is not good"));
        assert!(plain.tone > 0.0);
        assert!(negated.tone < 0.0, "{negated:?}");
        let ut = lex().tone(&toks("it does n't help"));
        assert!(ut.tone < 0.0, "{ut:?}");
        // A comma closes the scope of the negation.
        let scoped = lex().tone(&toks("not now , good"));
        assert!(scoped.tone > 0.0, "{scoped:?}");
    }

    #[test]
    fn intensifiers_scale_the_weight() {
        let plain = lex().tone(&toks("a good plan"));
        let very = lex().tone(&toks("a very good plan"));
        let slightly = lex().tone(&toks("a slightly good plan"));
        // Weighted by words: "very" adds a word but also weight 1.293.
        assert!(
            (very.positive - 100.0 * 1.293 / 4.0).abs() < 1e-9,
            "{very:?}"
        );
        assert!((slightly.positive - 100.0 * 0.707 / 4.0).abs() < 1e-9);
        assert!((plain.positive - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn pronouns_and_activity_are_densities() {
        let t = lex().tone(&toks("we attacked them"));
        assert!((t.self_group_density - 200.0 / 3.0).abs() < 1e-9);
        assert!((t.activity_density - 100.0 / 3.0).abs() < 1e-9);
        let mut tagged = toks("we attacked them");
        tagged[1].upos = Some("NOUN".into());
        assert_eq!(lex().tone(&tagged).activity_density, 0.0);
    }

    #[test]
    fn gdelt_field_has_seven_numbers_in_order() {
        let t = lex().tone(&toks("a good plan"));
        let f = t.to_gdelt();
        let parts: Vec<&str> = f.split(',').collect();
        assert_eq!(parts.len(), 7);
        assert_eq!(parts[6], "3");
        assert_eq!(parts[0].parse::<f64>().unwrap(), t.tone);
    }

    #[test]
    fn empty_and_punctuation_only_give_zero() {
        assert_eq!(lex().tone(&[]), Tone::default());
        assert_eq!(lex().tone(&toks(". ,")).word_count, 0);
    }

    #[test]
    fn bad_table_line_is_an_error_with_its_line() {
        let e = ToneLexicon::parse("# c\ngood\t1.9\nbad x\n", "t.tsv").unwrap_err();
        assert_eq!(e.to_string(), "t.tsv:3: expected word<TAB>valence");
        let e = ToneLexicon::parse("good\tx\n", "t.tsv").unwrap_err();
        assert!(e.to_string().starts_with("t.tsv:1: bad valence"));
    }
}
