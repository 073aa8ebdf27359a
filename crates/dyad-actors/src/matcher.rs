//! The compiled dictionary matcher: leftmost-longest phrase search over tokens.
//!
//! Dictionary phrases are sequences of folded words, and documents are sequences of
//! tokens, so matching happens in token space: every dictionary word gets a small integer
//! id, and a token sequence becomes a string of one Unicode scalar per token (the scalar of
//! the id's number, skipping the surrogates; `U+0000` stands for any word no phrase uses). A
//! double-array Aho-Corasick automaton (`daachorse`, charwise, leftmost-longest) over these
//! strings then finds whole-token matches only: a match can neither start nor end inside a
//! token, whose byte offsets [`Scratch`] keeps. One automaton step per token (rather than
//! one per byte of folded text) measured about twice as fast as matching the folded text
//! itself. Small scalars rather than a fixed-width `U+10000 + id` (session 12): daachorse's
//! character table has one entry per scalar value up to the largest used, so the old
//! encoding spent 65,536 unused entries (256 KB) on the planes below, in memory and in the
//! cached file that is read and checksummed at every start.
//!
//! Which entry a phrase means is decided per match: the phrase's candidates are kept in
//! priority order (user overlay, leaders, Phoenix, cabinet, gazetteer), and the first whose
//! code is defined on the document date wins. Proper-name entries (everything but agents)
//! need at least one capitalised token, so the pronoun "us" is not the United States and
//! "turkey" on a menu is not Turkey; when the longest phrase at a position is refused this
//! way, shorter phrases starting there are tried.
//!
//! The matcher is immutable and `Send + Sync`; per-thread buffers live in [`Scratch`].
//! Building the automaton of the built-in dictionaries takes over a second, so it is cached
//! on disk and loaded by later processes ([`crate::automaton_cache`]).

use std::cell::RefCell;
use std::ops::Range;

use daachorse::CharwiseDoubleArrayAhoCorasick;
use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::entry::{Entry, EntryKind};
use crate::error::ActorError;
use crate::normalize::{fold_into, has_upper, hyphen_split, phrase_words};
use crate::vocab::{Prepared, Vocab};

/// The scalar of a word no phrase uses (no phrase word has id 0).
const UNKNOWN: char = '\0';

/// Reusable per-thread buffers for [`Matcher::find_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    hay: String,
    /// Byte offset in `hay` of every token, and the length of `hay` last.
    starts: Vec<u32>,
    folded: String,
    prepared: Vec<Prepared>,
}

thread_local! {
    /// The buffers of the allocating forms ([`Matcher::find`], [`Matcher::candidate_ids`],
    /// [`crate::Dictionary::find`]): one set per thread, not a new one per call.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's [`Scratch`] (a fresh one if it is in use already).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// One dictionary match.
#[derive(Clone, Copy, Debug)]
pub struct DictMatch<'d> {
    /// Token range `[start, end)` in the input sequence.
    pub tokens: (usize, usize),
    /// Index of the chosen entry in [`Matcher::entries`].
    pub entry_id: usize,
    /// The chosen entry.
    pub entry: &'d Entry,
    /// The entry's code on the document date (`None`: known, but not coded then).
    pub code: Option<&'d str>,
}

impl DictMatch<'_> {
    pub fn token_range(&self) -> Range<usize> {
        self.tokens.0..self.tokens.1
    }
}

/// A compiled, immutable matcher over a set of entries.
pub struct Matcher {
    entries: Vec<Entry>,
    vocab: Vocab,
    ac: CharwiseDoubleArrayAhoCorasick<u32>,
    /// Pattern key (token-id string) -> pattern index, to try shorter phrases.
    keys: FxHashMap<String, u32>,
    /// Candidate entry ids per pattern, in priority order.
    candidates: Vec<Vec<u32>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("entries", &self.entries.len())
            .field("patterns", &self.candidates.len())
            .field("vocabulary", &self.vocab.len())
            .finish()
    }
}

/// The scalar of a word id: the id's own number below the surrogates, 2,048 more above.
fn id_char(id: u32) -> char {
    let code = if id < 0xD800 { id } else { id + 0x800 };
    char::from_u32(code).unwrap_or(UNKNOWN)
}

impl Matcher {
    /// Compiles `entries`, given in priority order (earlier wins a shared phrase).
    pub fn new(entries: Vec<Entry>) -> Result<Matcher, ActorError> {
        // sized for the usual case (about one pattern per entry) so that the lists and the
        // map do not grow by doubling over 60,000 entries
        let mut keys: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        let mut candidates: Vec<Vec<u32>> = Vec::with_capacity(entries.len());
        let mut patterns: Vec<String> = Vec::with_capacity(entries.len());
        let phrases: Vec<(usize, Vec<String>)> = entries
            .iter()
            .enumerate()
            .flat_map(|(eid, e)| {
                let words = phrase_words(&e.phrase);
                let split = hyphen_split(&words);
                std::iter::once(words)
                    .chain(split)
                    .filter(|w| !w.is_empty())
                    .map(move |w| (eid, w))
            })
            .collect();
        // the id of every word of every variant, in order (no second lookup per word)
        let mut word_ids = Vec::new();
        let vocab = Vocab::new_with_ids(
            phrases
                .iter()
                .flat_map(|(_, w)| w.iter().map(String::as_str)),
            &mut word_ids,
        );
        if vocab.len() >= 0x10_0000 {
            return Err(ActorError::Build("more than 1M distinct words".into()));
        }
        let mut ids = word_ids.into_iter();
        for (eid, variant) in &phrases {
            let mut key = String::with_capacity(variant.len() * 3);
            for _ in variant {
                key.push(id_char(ids.next().unwrap_or(0)));
            }
            let pid = match keys.get(&key) {
                Some(&pid) => pid,
                None => {
                    let pid = candidates.len() as u32;
                    keys.insert(key.clone(), pid);
                    patterns.push(key);
                    candidates.push(Vec::new());
                    pid
                }
            };
            let list = &mut candidates[pid as usize];
            if !list
                .iter()
                .any(|&c| entries[c as usize].entity == entries[*eid].entity)
            {
                list.push(*eid as u32);
            }
        }
        let ac = crate::automaton_cache::load_or_build(&patterns)?;
        Ok(Matcher {
            entries,
            vocab,
            ac,
            keys,
            candidates,
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of distinct phrases (with their hyphen-split variants).
    pub fn pattern_count(&self) -> usize {
        self.candidates.len()
    }

    /// Candidate entries of the phrase covering `tokens`, in priority order.
    pub fn candidates<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<&Entry> {
        self.candidate_ids(tokens)
            .into_iter()
            .map(|c| &self.entries[c])
            .collect()
    }

    /// Ids (indexes into [`Matcher::entries`]) of the candidates of a phrase.
    pub fn candidate_ids<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<usize> {
        self.candidate_slice(tokens)
            .iter()
            .map(|&c| c as usize)
            .collect()
    }

    /// [`Matcher::candidate_ids`] without a new list: the ids as the matcher keeps them.
    pub fn candidate_slice<S: AsRef<str>>(&self, tokens: &[S]) -> &[u32] {
        let pid = with_scratch(|scratch| {
            self.encode(tokens, scratch);
            self.keys.get(&scratch.hay).copied()
        });
        pid.map_or(&[], |p| &self.candidates[p as usize])
    }

    fn encode<S: AsRef<str>>(&self, tokens: &[S], s: &mut Scratch) {
        s.hay.clear();
        s.hay.reserve(tokens.len() * 3);
        // two loops: folding and hashing first, then the probes, which miss the cache on
        // real text and overlap when nothing else sits between them
        s.prepared.clear();
        for t in tokens {
            let t = t.as_ref();
            // most tokens are short ASCII words: their key is read off the token itself
            let p = match self.vocab.prepare_ascii(t) {
                Some(p) => p,
                None => {
                    fold_into(t, &mut s.folded);
                    self.vocab.prepare(&s.folded)
                }
            };
            s.prepared.push(p);
        }
        s.starts.clear();
        for p in &s.prepared {
            s.starts.push(s.hay.len() as u32);
            s.hay.push(id_char(self.vocab.probe(p)));
        }
        s.starts.push(s.hay.len() as u32);
    }

    /// Picks the candidate of pattern `pid` for tokens `[a, b)`, if any is acceptable.
    fn choose<'d, S: AsRef<str>>(
        &'d self,
        pid: u32,
        tokens: &[S],
        (a, b): (usize, usize),
        date: Option<Date>,
    ) -> Option<DictMatch<'d>> {
        let mut capital: Option<bool> = None;
        let mut fallback: Option<DictMatch<'d>> = None;
        for &c in &self.candidates[pid as usize] {
            let e = &self.entries[c as usize];
            if e.kind != EntryKind::Agent {
                let cap = *capital
                    .get_or_insert_with(|| tokens[a..b].iter().any(|t| has_upper(t.as_ref())));
                if !cap {
                    continue;
                }
            }
            let m = DictMatch {
                tokens: (a, b),
                entry_id: c as usize,
                entry: e,
                code: e.code_at(date),
            };
            if m.code.is_some() {
                return Some(m);
            }
            fallback.get_or_insert(m);
        }
        fallback
    }

    /// Finds leftmost-longest matches in `tokens`, appending them to `out`.
    pub fn find_into<'d, S: AsRef<str>>(
        &'d self,
        tokens: &[S],
        date: Option<Date>,
        scratch: &mut Scratch,
        out: &mut Vec<DictMatch<'d>>,
    ) {
        self.encode(tokens, scratch);
        let hay = scratch.hay.as_str();
        let starts = scratch.starts.as_slice();
        // the token starting at byte `at` (matches start and end at token boundaries)
        let token_at = |at: usize| starts.partition_point(|&s| (s as usize) < at);
        let byte = |i: usize| starts[i] as usize;
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = self.ac.leftmost_find_iter(&hay[pos..]).next() else {
                break;
            };
            let (ms, me) = (pos + m.start(), pos + m.end());
            let (a, b) = (token_at(ms), token_at(me));
            if let Some(found) = self.choose(m.value(), tokens, (a, b), date) {
                out.push(found);
                pos = me;
                continue;
            }
            // refused (e.g. a lower-case "us"): try shorter phrases at the same start
            let mut taken = false;
            for end in (a + 1..b).rev() {
                if let Some(&pid) = self.keys.get(&hay[byte(a)..byte(end)]) {
                    if let Some(found) = self.choose(pid, tokens, (a, end), date) {
                        out.push(found);
                        pos = byte(end);
                        taken = true;
                        break;
                    }
                }
            }
            if !taken {
                pos = byte(a + 1);
            }
        }
    }

    /// The dictionary pass over many sentences with one set of buffers: the function to
    /// benchmark (see `examples/matcher_throughput.rs`). Returns the number of matches.
    pub fn dictionary_pass<S: AsRef<str>, T: AsRef<[S]>>(
        &self,
        sentences: &[T],
        date: Option<Date>,
        scratch: &mut Scratch,
    ) -> usize {
        let mut out = Vec::new();
        let mut n = 0;
        for s in sentences {
            out.clear();
            self.find_into(s.as_ref(), date, scratch, &mut out);
            n += out.len();
        }
        n
    }

    /// Convenience form of [`Matcher::find_into`] that allocates its own buffers.
    pub fn find<'d, S: AsRef<str>>(
        &'d self,
        tokens: &[S],
        date: Option<Date>,
    ) -> Vec<DictMatch<'d>> {
        let mut out = Vec::new();
        with_scratch(|scratch| self.find_into(tokens, date, scratch, &mut out));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{AgentPosition, Role};

    fn actor(phrase: &str, code: &str, kind: EntryKind) -> Entry {
        Entry {
            phrase: phrase.into(),
            entity: phrase.into(),
            kind,
            default_code: Some(code.into()),
            roles: vec![],
            position: None,
            origin: format!("t:{phrase}"),
        }
    }

    fn toks(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    fn matcher() -> Matcher {
        let mut agent = actor("foreign minister", "GOV", EntryKind::Agent);
        agent.position = Some(AgentPosition::Suffix);
        let mut dated = actor("john kerry", "USAELI", EntryKind::Person);
        dated.default_code = None;
        dated.roles = vec![Role {
            code: "USAGOV".into(),
            from: Date::parse_iso("2013-02-01"),
            to: None,
        }];
        Matcher::new(vec![
            actor("united states", "USA", EntryKind::Country),
            actor("united states army", "USAMIL", EntryKind::Organization),
            actor("us", "USA", EntryKind::Country),
            actor("al-qaeda", "IMGMUSALQ", EntryKind::Group),
            actor("belgium", "BEL", EntryKind::Country),
            agent,
            dated,
        ])
        .unwrap()
    }

    #[test]
    fn finds_leftmost_longest_whole_tokens() {
        let m = matcher();
        let t = toks("The United States Army and the United States of Belgium");
        let found: Vec<_> = m
            .find(&t, None)
            .iter()
            .map(|x| (x.tokens, x.code.unwrap()))
            .collect();
        assert_eq!(
            found,
            vec![((1, 4), "USAMIL"), ((6, 8), "USA"), ((9, 10), "BEL")]
        );
    }

    #[test]
    fn folds_case_and_diacritics_and_hyphens() {
        let m = matcher();
        assert_eq!(m.find(&toks("BELGÏUM"), None)[0].code, Some("BEL"));
        assert_eq!(m.find(&toks("al - Qaeda"), None)[0].tokens, (0, 3));
        assert_eq!(m.find(&toks("Al-Qaeda"), None)[0].tokens, (0, 1));
    }

    #[test]
    fn lower_case_tokens_are_not_proper_names_but_agents_are_found() {
        let m = matcher();
        assert!(m.find(&toks("tell us more"), None).is_empty());
        assert_eq!(m.find(&toks("tell US more"), None).len(), 1);
        let f = m.find(&toks("Belgium 's foreign minister"), None);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].entry.kind, EntryKind::Agent);
        // "united states army" refused as a whole falls back to nothing shorter here
        assert!(m.find(&toks("united states army"), None).is_empty());
    }

    #[test]
    fn dated_codes_follow_the_document_date() {
        let m = matcher();
        let t = toks("John Kerry");
        assert_eq!(
            m.find(&t, Date::parse_iso("2014-01-01"))[0].code,
            Some("USAGOV")
        );
        let early = m.find(&t, Date::parse_iso("2010-01-01"));
        assert_eq!(early.len(), 1);
        assert_eq!(early[0].code, None);
    }

    #[test]
    fn word_scalars_are_distinct_and_never_the_unknown_one() {
        let ids = [
            1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000,
        ];
        let chars: Vec<char> = ids.iter().map(|&i| id_char(i)).collect();
        for (i, c) in chars.iter().enumerate() {
            assert_ne!(*c, UNKNOWN);
            assert!(!chars[..i].contains(c), "{c:?}");
        }
        assert_eq!(id_char(0), UNKNOWN);
        assert_eq!(id_char(0xD800), '\u{E000}');
    }

    #[test]
    fn matches_map_back_to_tokens_of_every_width() {
        // 3,000 words: ids of one, two and three UTF-8 bytes, around unknown words
        let mut entries: Vec<Entry> = (0..3000)
            .map(|i| actor(&format!("w{i}"), "USA", EntryKind::Country))
            .collect();
        entries.push(actor("w5 w2999 w130", "BEL", EntryKind::Country));
        let m = Matcher::new(entries).unwrap();
        let t = toks("W5 x W2999 W130 W5 W2999 W130 y W2999 Zz W1");
        let found: Vec<_> = m
            .find(&t, None)
            .iter()
            .map(|x| (x.tokens, x.code.unwrap()))
            .collect();
        assert_eq!(
            found,
            vec![
                ((0, 1), "USA"),
                ((2, 3), "USA"),
                ((3, 4), "USA"),
                ((4, 7), "BEL"),
                ((8, 9), "USA"),
                ((10, 11), "USA"),
            ]
        );
        // refused as a whole (lower case), a shorter phrase at the same start is not
        // there either, and matching resumes at the next token
        let lower = toks("w5 w2999 w130 W130");
        let found: Vec<_> = m.find(&lower, None).iter().map(|x| x.tokens).collect();
        assert_eq!(found, vec![(3, 4)]);
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Matcher>();
    }

    #[test]
    fn phrases_never_match_inside_a_token() {
        let m = matcher();
        let f = m.find(&toks("BUS Belgium"), None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].tokens, (1, 2));
        let f = m.find(&toks("Minibus US"), None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].tokens, (1, 2));
    }
}
