//! Speaker names among the tokens: runs of capitalised words with their titles stripped
//! ("Afghan Ambassador Hamdullah Mohib" → "Hamdullah Mohib"), pronouns, the name right
//! before or after a speech verb, and a surname expanded to the full name it was introduced
//! with ("Blinken" → "Antony Blinken").
//!
//! Names are found by the shape of the tokens (capitals, particles, hyphens, spacing), not by
//! NER, so that speakers are found in text without entities; a `Person` keeps the byte span
//! and the name as written.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use dyad_core::{Document, Span, Token};

use super::{
    capitalised, is_mark, quoted_runs, speakers, Run, FUNCTION_WORDS, PARTICLES, PRONOUNS, TITLES,
};

/// A named person: span and full name.
pub(super) struct Person {
    pub(super) span: Span,
    pub(super) name: String,
}

/// The persons of one document in text order, with what speaker resolution asks of them
/// again and again computed once: their names without titles (in order, repeats left out),
/// the full name of each name asked for, the gender the text gives each last word, and the
/// document's quoted runs. Without these a long document costs (quotes x persons) title
/// strippings and (quotes x tokens) scans.
pub(super) struct Persons {
    list: Vec<Person>,
    /// `untitled` of each person's name, first occurrences only, in text order, with its
    /// words.
    known: Vec<String>,
    known_words: Vec<Vec<(usize, usize)>>,
    full: RefCell<HashMap<String, String>>,
    genders: RefCell<HashMap<String, Option<speakers::Gender>>>,
    runs: OnceCell<Vec<Run>>,
}

impl Persons {
    pub(super) fn new(list: Vec<Person>) -> Self {
        let mut seen = FxHashSet::default();
        let known: Vec<String> = list
            .iter()
            .map(|p| untitled(&p.name))
            .filter(|n| seen.insert(n.clone()))
            .collect();
        let known_words = known
            .iter()
            .map(|n| {
                n.split_whitespace()
                    .map(|w| {
                        let at = w.as_ptr() as usize - n.as_ptr() as usize;
                        (at, at + w.len())
                    })
                    .collect()
            })
            .collect();
        Persons {
            list,
            known,
            known_words,
            full: RefCell::default(),
            genders: RefCell::default(),
            runs: OnceCell::new(),
        }
    }

    /// [`quoted_runs`] of `doc`, the document of these persons, computed once.
    pub(super) fn quoted_runs(&self, doc: &Document) -> &[Run] {
        self.runs.get_or_init(|| quoted_runs(doc))
    }

    /// [`speakers::gender_of`] of `doc`, the document of these persons, by the last word
    /// of `name`, computed once per word.
    pub(super) fn gender(&self, doc: &Document, name: &str) -> Option<speakers::Gender> {
        let last = name.split_whitespace().last()?;
        if let Some(g) = self.genders.borrow().get(last) {
            return *g;
        }
        let g = speakers::gender_of(doc, last);
        self.genders.borrow_mut().insert(last.to_string(), g);
        g
    }
}

impl<'a> IntoIterator for &'a Persons {
    type Item = &'a Person;
    type IntoIter = std::slice::Iter<'a, Person>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl std::ops::Deref for Persons {
    type Target = [Person];
    fn deref(&self) -> &[Person] {
        &self.list
    }
}

pub(super) fn person(doc: &Document, s: usize, e: usize) -> Person {
    let span = Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end);
    let span = speakers::hyphen_widened(&doc.text, span);
    Person {
        span,
        name: span.get(&doc.text).unwrap_or_default().to_string(),
    }
}

/// Titles of persons that the shared title list lacks: judges, legislators, clergy, police
/// and military ranks ("Judge Jackson", "Assemblywoman Selena Torres", "Chief Superintendent
/// Graciano Mijares"). "Justice" is left out: "Justice Department" names a body.
const MORE_TITLES: &[&str] = &[
    "Judge",
    "Magistrate",
    "Assemblyman",
    "Assemblywoman",
    "Assemblymember",
    "Congressman",
    "Congresswoman",
    "Councilman",
    "Councilwoman",
    "Councillor",
    "Councilor",
    "Speaker",
    "Delegate",
    "Sheriff",
    "Superintendent",
    "Inspector",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Rabbi",
    "Imam",
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    "Lt.",
    "Sgt.",
    "Maj.",
];

/// Whether `w` is a title before a person's name.
pub(super) fn is_title(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    super::lexicon::word_set(&SET, &[TITLES, MORE_TITLES]).contains(w)
}

/// A person's name without the titles before it: "U.S. Secretary of State Antony Blinken" →
/// "Antony Blinken" (word level, for names that come as spans from other stages).
pub(crate) fn untitled(name: &str) -> String {
    // "Belgium's Foreign Minister Sophie Wilmes": the possessive goes with the title.
    let name = match name.rfind("'s ").or_else(|| name.rfind("’s ")) {
        Some(i) if name[..i].split_whitespace().count() <= 3 => &name[i + 3..],
        _ => name,
    };
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // Role words written in lower case before a name ("trafficker Jeffrey Epstein", "former
    // adviser John Bolton") are no part of it; short particles ("de Gaulle") stay.
    if let Some(first_cap) = words.iter().position(|w| capitalised(w)) {
        if first_cap > 0 && words[..first_cap].iter().all(|w| w.chars().count() > 3) {
            words.drain(..first_cap);
        }
    }
    let mut cut = words
        .iter()
        .rposition(|w| is_title(w) || matches!(*w, "of" | "the" | "for"))
        .map_or(0, |i| i + 1);
    // A title's department is one word after `of` ("Secretary of Justice Wanda Vázquez
    // Garced", "Minister of Information Moammar al-Eryani"), when a name of two words
    // follows it.
    if cut >= 2 && words[cut - 1] == "of" && is_title(words[cut - 2]) && words.len() - cut >= 3 {
        cut += 1;
    }
    if cut == words.len() {
        // Titles only ("Shadow Home Secretary"): no name.
        String::new()
    } else if cut > 0 && words[cut..].iter().all(|w| name_word(w)) {
        words[cut..].join(" ")
    } else {
        words.join(" ")
    }
}

/// The first known longer name ending with the words of `name` ("Blinken" → "Antony
/// Blinken"); `persons` are in text order. Titles are dropped first ("Judge Jackson" →
/// "Jackson"); a surname matches its form with a particle ("Eryani" → "Moammar al-Eryani");
/// and a name that only opens or sits inside one longer known name takes that name
/// ("Wanda Vázquez" and "Vázquez" → "Wanda Vázquez Garced": a second family name).
pub(super) fn full_name(persons: &Persons, name: &str) -> String {
    if let Some(f) = persons.full.borrow().get(name) {
        return f.clone();
    }
    let f = full_name_of(persons, name);
    persons
        .full
        .borrow_mut()
        .insert(name.to_string(), f.clone());
    f
}

fn full_name_of(persons: &Persons, name: &str) -> String {
    // Leading titles only, before a name of capitalised words: the name of a body stays
    // whole ("U.S. Attorney's Office for the Western District of New York", "UN review").
    let words: Vec<&str> = name.split_whitespace().collect();
    let titles = words.iter().take_while(|w| is_title(w)).count();
    let rest = &words[titles.min(words.len())..];
    let person_rest = !rest.is_empty()
        && rest.len() <= 3
        && rest
            .iter()
            .all(|w| name_word(w) && !w.contains('\'') && !w.contains('’'));
    let bare = rest.join(" ");
    let name = if titles > 0 && person_rest {
        bare.as_str()
    } else {
        name
    };
    let given: Vec<&str> = name.split_whitespace().collect();
    let known = &persons.known;
    let found = known
        .iter()
        .zip(&persons.known_words)
        // The first full name in the text: news introduces a person by full name before
        // using the surname, and a later longer run is more often a heading or a slip
        // ("Questioning Vindman's judgment" after "Alexander Vindman").
        .find(|(n, at)| n.len() > name.len() && ends_with_name(n, at, &given))
        .map(|(n, _)| n.clone())
        .or_else(|| speakers::family_name_first_untitled(known.iter().map(String::as_str), name))
        .unwrap_or_else(|| name.to_string());
    longer_form(known, &persons.known_words, &found).unwrap_or(found)
}

/// Whether the words of `n` (byte ranges `w`) end with the words `given`, a surname also
/// matching its form with a particle glued by a hyphen (`al-Eryani` for `Eryani`).
fn ends_with_name(n: &str, w: &[(usize, usize)], given: &[&str]) -> bool {
    if given.is_empty() || w.len() < given.len() {
        return false;
    }
    let tail = &w[w.len() - given.len()..];
    tail.iter().zip(given).enumerate().all(|(k, (&(s, e), b))| {
        let a = &n[s..e];
        a == *b
            || k + 1 == given.len()
                && a.split_once('-').is_some_and(|(p, rest)| {
                    PARTICLES.contains(&p.to_lowercase().as_str()) && rest == *b
                })
    })
}

/// The one known name that extends `name` by a family name: one more word after a name
/// of two words or more ("Wanda Vázquez" → "Wanda Vázquez Garced"), or the name of three
/// words or more whose last but one word a one-word name is. Not a generational suffix ("Donald Trump Jr." is
/// another person); `None` when no name or several names fit.
/// (`words` are the byte ranges of the words of each known name.)
fn longer_form(known: &[String], words: &[Vec<(usize, usize)>], name: &str) -> Option<String> {
    let given: Vec<&str> = name.split_whitespace().collect();
    let mut fits: Vec<String> = known
        .iter()
        .zip(words)
        .filter_map(|(n, at)| {
            if at.len() < 3 {
                return None;
            }
            let w: Vec<&str> = at.iter().map(|&(a, b)| &n[a..b]).collect();
            if !w.iter().all(|x| capitalised(x) || x.contains('-')) || w.len() < 3 {
                return None;
            }
            // The given words, then one more at the end (a word before them is a title the
            // name was written with: "Justice Wanda Vázquez Garced").
            let at = w.len() - 1;
            let one_more = given.len() >= 2
                && at >= given.len()
                && w[at - given.len()..at] == given[..]
                && !matches!(
                    w[at].trim_end_matches('.'),
                    "Jr" | "Sr" | "II" | "III" | "IV"
                );
            let middle = given.len() == 1 && w[w.len() - 2] == given[0];
            if one_more {
                Some(w[at - given.len()..].join(" "))
            } else if middle {
                Some(n.clone())
            } else {
                None
            }
        })
        .collect();
    fits.sort();
    fits.dedup();
    (fits.len() == 1).then(|| fits.remove(0))
}

pub(super) fn pronoun_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    toks.get(i)
        .filter(|t| PRONOUNS.contains(&t.text.as_str()))
        .map(|_| (i, i + 1))
}

pub(super) fn pronoun_before(toks: &[Token], verb: usize) -> Option<(usize, usize)> {
    pronoun_at(toks, verb.checked_sub(1)?)
}

/// A run of capitalised tokens starting at `i` with leading titles skipped; `(start, end)`.
pub(super) fn name_run(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    if !toks.get(i).is_some_and(|t| name_word(&t.text)) {
        return None;
    }
    let mut e = i + 1;
    while e < toks.len() && adjacent(toks, e - 1) {
        if name_word(&toks[e].text) {
            e += 1;
        } else if joins_name(toks, e) {
            e += 2;
        } else {
            break;
        }
    }
    let s = strip_titles(toks, i, e);
    (s < e && e - s <= 6 && !(e - s == 1 && speakers::calendar_word(&toks[s].text)))
        .then_some((s, e))
}

/// A capitalised word that can be part of a name.
pub(super) fn name_word(t: &str) -> bool {
    static FUNCTION: OnceLock<FxHashSet<&str>> = OnceLock::new();
    // (`split_once('-')` by a byte search: a char searcher costs more to set up than the
    // short words it would search.)
    let particle_joined = t
        .bytes()
        .position(|b| b == b'-')
        .is_some_and(|h| PARTICLES.contains(&&t[..h]) && capitalised(&t[h + 1..]));
    (capitalised(t) || particle_joined)
        && !is_mark(t)
        && !super::lexicon::word_set(&FUNCTION, &[FUNCTION_WORDS]).contains(t)
}

/// Whether tokens `a` and `a + 1` are separated by at most one space (a name never spans a
/// line or paragraph break).
fn adjacent(toks: &[Token], a: usize) -> bool {
    toks.get(a + 1)
        .is_some_and(|n| n.span.start <= toks[a].span.end + 1)
}

/// Token `k` is a hyphen or particle inside a name, followed by a name word: `Al` `-`
/// `Maeena`, `Suleiman` `al` (`-`) `Amr`.
fn joins_name(toks: &[Token], k: usize) -> bool {
    let glued = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
    let t = toks[k].text.as_str();
    let next_is_name = toks.get(k + 1).is_some_and(|n| name_word(&n.text));
    if matches!(t, "-" | "‐") {
        return k > 0 && next_is_name && glued(k - 1, k) && glued(k, k + 1);
    }
    PARTICLES.contains(&t)
        && (next_is_name
            || toks.get(k + 1).is_some_and(|n| n.text == "-")
                && toks.get(k + 2).is_some_and(|n| name_word(&n.text)))
}

/// Skips the titles of a name run `[s, e)`: everything up to its last title word, if a name
/// is left after it ("Afghan Ambassador Hamdullah Mohib" → "Hamdullah Mohib").
fn strip_titles(toks: &[Token], s: usize, e: usize) -> usize {
    let is_title = |k: usize| is_title(&toks[k].text);
    let s = speakers::after_place_object(toks, s, e, is_title);
    match (s..e).rev().find(|&k| is_title(k)) {
        Some(k) if k + 1 < e => k + 1,
        _ => {
            let mut s = s;
            while s < e && is_title(s) {
                s += 1;
            }
            s
        }
    }
}

/// The name starting at `i`; past a body and its member's role noun, the member's full name
/// (`NASA administrator Jim Bridenstine`, `Jefferies analyst Jonathan Matuszewski`): a
/// singular common noun by the tag between two name runs, the second of two words or more.
pub(super) fn name_after(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let (s, e) = name_run(toks, i)?;
    let role = toks.get(e).is_some_and(|t| {
        t.xpos.as_deref() == Some("NN")
            && t.text.chars().all(|c| c.is_lowercase() || c == '-')
            && adjacent(toks, e - 1)
            && adjacent(toks, e)
    });
    if role {
        if let Some(n) = name_run(toks, e + 1).filter(|&(a, b)| a == e + 1 && b - a >= 2) {
            return Some(n);
        }
    }
    Some((s, e))
}

/// The capitalised run ending right before `verb` ("Antony Blinken said"), titles stripped.
pub(super) fn name_before(toks: &[Token], verb: usize) -> Option<(usize, usize)> {
    // Skip an auxiliary or adverb: "George Soros had said", "Smith also said".
    let mut e = verb;
    while e > 0
        && (matches!(
            toks[e - 1].text.as_str(),
            "had" | "has" | "have" | "also" | "later" | "then" | "earlier" | "once" | "previously"
        ) || adverb(&toks[e - 1]))
    {
        e -= 1;
    }
    let mut s = e - speakers::hyphen_tail(toks, e);
    loop {
        if s > 0 && s < e && !adjacent(toks, s - 1) {
            break;
        }
        if s > 0 && name_word(&toks[s - 1].text) {
            s -= 1;
        } else if (s > 1 && s < e && joins_name(toks, s - 1) && name_word(&toks[s - 2].text))
            || (s > 2
                && s < e
                && toks[s - 1].text == "-"
                && PARTICLES.contains(&toks[s - 2].text.as_str()))
        {
            s -= 2;
        } else {
            break;
        }
    }
    if s == e {
        return None;
    }
    // `Matthew Ingram of The Globe and Mail said`: the organisation qualifies the person
    // of two words or more named before `of`.
    let mut k = s;
    while k > 0
        && s - k < 6
        && (capitalised(&toks[k - 1].text) || matches!(toks[k - 1].text.as_str(), "and" | "&"))
    {
        k -= 1;
    }
    // (Not a title's department: `US Secretary of State Mike Pompeo said`.)
    if k > 0 && toks[k - 1].text == "of" {
        let titles_only = |a: usize, b: usize| {
            toks[a..b]
                .iter()
                .all(|t| is_title(&t.text) || t.text.chars().all(|c| c.is_uppercase() || c == '.'))
        };
        if let Some(p) = name_before(toks, k - 1).filter(|&(a, b)| b - a >= 2 && !titles_only(a, b))
        {
            return Some(p);
        }
    }
    let s = strip_titles(toks, s, e);
    // A sentence-initial common word ("The", "But") is not part of the name; a month or
    // weekday alone is a time ("announced in October, said ...").
    (s < e
        && e - s <= 6
        && !matches!(toks[s].text.as_str(), "The" | "But" | "And" | "A")
        && !(e - s == 1 && speakers::calendar_word(&toks[s].text)))
    .then_some((s, e))
}

/// A lower-case adverb by its tag, not a negation (`has since said`, `has repeatedly said`).
pub(super) fn adverb(t: &Token) -> bool {
    t.xpos.as_deref().is_some_and(|x| x.starts_with("RB"))
        && t.text.starts_with(|c: char| c.is_lowercase())
        && !matches!(t.text.as_str(), "not" | "n't" | "never" | "’t")
}
