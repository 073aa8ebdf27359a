//! Quotations: direct quotes between quote marks and indirect speech ("X said that ...",
//! "according to X"), each attributed to a speaker through a speech verb.
//!
//! Quote marks are found among the tokens (`"`, `“`, `”`): curly marks open and close, straight
//! marks alternate, and a paragraph break closes whatever is open. A quoted run of fewer than
//! three words is a scare quote or a term ("modernise"), not a quotation. Attribution looks,
//! in this order, right after the closing mark (`," said Blinken`, `," Blinken said`, `," he
//! said`), then right before the opening mark (`Blinken said: "`, `..., saying: "` where the
//! speaker is the subject of the sentence). A quote with no attribution of its own that
//! follows an attributed one after only a short interruption (`"...," he said, "..."`) gets
//! the same speaker: this covers split quotes, which are kept as two records with exact spans.
//!
//! Speakers are names (runs of capitalised tokens, with titles such as "Secretary of State"
//! stripped) or pronouns. A pronoun takes the nearest person named before it; a surname takes
//! the full name it was introduced with ("Blinken" → "Antony Blinken"). Person names are the
//! spans the caller passes (actor mentions, NER `PER` entities in the document) plus the
//! names this module finds as speakers. The same quote text twice (a repeated paragraph) is
//! reported once. The caller can attach an actor record to a quote through `speaker_span`.

use std::collections::HashSet;

mod clause_parse;
mod descriptions;
mod embedded;
mod indirect;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod rule_tests_round6;
mod speakers;

use dyad_core::{Document, Span, Token};
use serde::{Deserialize, Serialize};

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name as the document gives it in full, or the pronoun if unresolved.
    pub speaker: Option<String>,
    /// Where the speaker is named next to this quote (the name, surname or pronoun).
    pub speaker_span: Option<Span>,
    /// The words quoted, without the quote marks.
    pub text: String,
    pub span: Span,
    /// The speech verb of the attribution, as written (`said`, `told`, `according to`).
    pub verb: Option<String>,
    /// True for a quote in quote marks, false for indirect speech.
    pub direct: bool,
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "insisted",
    "insists",
    "stressed",
    "warned",
    "noted",
    "explained",
    "asked",
    "replied",
    "declared",
    "continued",
    "argued",
    "wrote",
    "tweeted",
    "reiterated",
    "stated",
    "announced",
    "remarked",
    "commented",
    "claimed",
    "saying",
    "adding",
    "telling",
    "acknowledged",
    "admitted",
    "urged",
    "recalled",
    "insisting",
    "stressing",
    "warning",
    "noting",
    "explaining",
    "asserted",
    "emphasised",
    "emphasized",
    "cautioned",
    "conceded",
    "suggested",
    "described",
    "characterized",
    "characterised",
    "dubbed",
    "concluded",
    "reads",
    "stating",
    "observed",
    "notes",
    "writes",
    "argues",
    "warns",
    "explains",
    "observes",
    "admits",
    "suggests",
    "proclaimed",
    "reported",
    "revealed",
    "confirmed",
    "recounted",
    "testified",
    "alleged",
    "contended",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];
const TITLES: &[&str] = &[
    "President",
    "Secretary",
    "State",
    "Minister",
    "Foreign",
    "Prime",
    "Chancellor",
    "Defence",
    "Defense",
    "General",
    "Gen.",
    "Senator",
    "Sen.",
    "Rep.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Vice",
    "Deputy",
    "Chief",
    "Commissioner",
    "Director",
    "Premier",
    "Leader",
    "Interior",
    "Finance",
    "Trade",
    "Health",
    "U.S.",
    "EU",
    "UN",
    "Former",
    "Senior",
    "Attorney",
    "Representative",
    "Professor",
    "Prof.",
    "Emeritus",
    "Administrator",
    "Undersecretary",
    "Shadow",
    "Coach",
    "Captain",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
];

/// Particles inside a name ("Suleiman al-Amr", "Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "van", "von", "da", "di", "du", "le",
];

/// Capitalised words that never start or continue a speaker's name.
const FUNCTION_WORDS: &[&str] = &[
    "I",
    "We",
    "You",
    "It",
    "He",
    "She",
    "They",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "If",
    "When",
    "While",
    "As",
    "So",
    "There",
    "Here",
    "What",
    "Our",
    "My",
    "His",
    "Her",
    "Their",
    "Its",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Now",
    "Then",
    "Also",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "After",
    "Before",
    "During",
    "Since",
    "Despite",
    "According",
    "Last",
    "Next",
    "Although",
    "Because",
    "Image",
    "Video",
    "Audio",
    "Writing",
    "Speaking",
    "Citing",
    "Discussing",
    "Asked",
    "Asking",
    "Following",
    "Instead",
    "Of",
    "For",
    "From",
    "With",
    "By",
    "To",
    "As",
    "Many",
    "Some",
    "All",
    "Both",
];

fn is_open(t: &str) -> bool {
    matches!(t, "“" | "``")
}
fn is_close(t: &str) -> bool {
    matches!(t, "”" | "''")
}
fn is_straight(t: &str) -> bool {
    t == "\""
}
fn is_mark(t: &str) -> bool {
    is_open(t) || is_close(t) || is_straight(t)
}
fn capitalised(t: &str) -> bool {
    t.starts_with(|c: char| c.is_uppercase())
}
fn is_verb(t: &str) -> bool {
    SPEECH_VERBS.contains(&t)
}

/// A quoted run: token indexes of the marks (the close may be missing at a paragraph end)
/// and of the words inside, `[first, last]`.
struct Run {
    open: usize,
    close: Option<usize>,
    first: usize,
    last: usize,
    /// Continues the quote of the previous paragraph (no opening mark of its own).
    continues: bool,
}

/// A half-open range of token indexes.
type TokRange = (usize, usize);

/// A named person: span and full name.
struct Person {
    span: Span,
    name: String,
}

/// Finds the quotations of `doc`. `people` are spans of person mentions found by other
/// stages (actor resolution); `doc.entities` labelled `PER` are used too.
pub fn find_quotes(doc: &Document, people: &[Span]) -> Vec<Quote> {
    let toks = &doc.tokens;
    let mut persons: Vec<Person> = people
        .iter()
        .chain(
            doc.entities
                .iter()
                .filter(|e| e.label == "PER")
                .map(|e| &e.span),
        )
        .map(|s| speakers::hyphen_widened(&doc.text, *s))
        .filter_map(|s| {
            s.get(&doc.text).map(|n| Person {
                span: s,
                name: untitled(n),
            })
        })
        .collect();
    // First pass: every speech-verb subject that is a name is a person.
    for i in 0..toks.len() {
        if is_verb(&toks[i].text) {
            if let Some((s, e)) = name_before(toks, i) {
                persons.push(person(doc, s, e));
            }
            let inverted = i > 0 && (toks[i - 1].text == "," || is_mark(&toks[i - 1].text));
            let closed = |e: usize| {
                toks.get(e)
                    .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";"))
            };
            if let Some((s, e)) = name_after(toks, i + 1).filter(|&(_, e)| inverted && closed(e)) {
                persons.push(person(doc, s, e));
            }
            if let Some((s, e)) = apposition_subject(doc, i) {
                persons.push(person(doc, s, e));
            }
        }
    }
    // Bylines after a quote: `"..." - Matthew Ingram`.
    for i in 1..toks.len() {
        if is_mark(&toks[i - 1].text) && matches!(toks[i].text.as_str(), "-" | "–" | "—") {
            if let Some((s, e)) = name_run(toks, i + 1) {
                persons.push(person(doc, s, e));
            }
        }
    }
    // Web sites and acronyms (Gawker.com, NASA) say things but are not people a pronoun can stand for.
    // A one-word "name" the text also writes in lower case ("Prosecutors alleged ...",
    // "prosecutors asserted") is a common noun opening a sentence.
    let lower: HashSet<&str> = toks
        .iter()
        .map(|t| t.text.as_str())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect();
    persons.retain(|p| {
        p.name.chars().any(char::is_lowercase)
            && !p.name.ends_with(".com")
            && !p.name.is_empty()
            && (p.name.contains(' ') || !lower.contains(p.name.to_lowercase().as_str()))
    });
    // Second pass: titled names ("Foreign Minister Sophie Wilmes") and full names whose
    // surname is used alone as a speaker ("Antony Blinken" ... "Blinken said").
    let surnames: HashSet<String> = persons
        .iter()
        .filter(|p| !p.name.contains(' '))
        .map(|p| p.name.clone())
        .collect();
    for i in 0..toks.len() {
        if i > 0 && capitalised(&toks[i - 1].text) || !capitalised(&toks[i].text) {
            continue;
        }
        let Some((s, e)) = name_run(toks, i) else {
            continue;
        };
        let titled = s > i && e - s <= 3;
        let known = e - s >= 2 && e - s <= 3 && surnames.contains(&toks[e - 1].text);
        if titled || known {
            persons.push(person(doc, s, e));
        }
    }
    // A capitalised gerund opening a heading or sentence is no first name ("Questioning
    // Vindman's judgment"): by the tag, the name starts after it.
    for p in &mut persons {
        let Some(k) = toks.iter().position(|t| t.span.start == p.span.start) else {
            continue;
        };
        if toks[k].xpos.as_deref() == Some("VBG") && k + 1 < toks.len() {
            let rest = Span::new(toks[k + 1].span.start, p.span.end);
            if rest.start < rest.end {
                if let Some(n) = rest.get(&doc.text) {
                    p.name = untitled(n);
                    p.span = rest;
                }
            }
        }
    }
    persons.sort_by_key(|p| p.span.start);

    let mentions = person_mentions(doc, &persons);
    let sentence_of = sentence_index(doc);
    let mut out: Vec<Quote> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let flat_text = normalise(&doc.text);
    // Quoted titles left out, which no indirect speech may come from either.
    let mut titles: Vec<Span> = Vec::new();
    // (token after the previous quote's attribution, its speaker tokens, its verb token).
    let mut prev: Option<(usize, Option<TokRange>, Option<usize>)> = None;
    for mut run in quoted_runs(doc) {
        // The comma before a closing mark belongs to the attribution, not to the quote.
        while run.last > run.first && toks[run.last].text == "," {
            run.last -= 1;
        }
        // Words as written: "That's correct" is two words, though three tokens.
        let written = Span::new(toks[run.first].span.start, toks[run.last].span.end)
            .get(&doc.text)
            .unwrap_or_default()
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if written < 3 || heading(doc, &run, &flat_text) {
            continue;
        }
        let attribution = run
            .close
            // Not across a paragraph break: the next paragraph's verb is its own
            // (`... and added, "I frankly cringe when I hear it."` / `4. Questioning ...` /
            // `Republican counsel Steve Castor asked ...`).
            .and_then(|c| attribution_after(toks, c).filter(|&(_, v)| !para_break(doc, c, v)))
            .or_else(|| attribution_before(doc, run.open, &sentence_of, &mentions));
        let attribution = attribution.or_else(|| {
            // Split quote: attributed neighbour ending just before this opening mark.
            // Or a quote opening the next sentence of the same paragraph (`..., Mandell
            // said in a statement. "But eventually ..."`). Or the next paragraph of a quote
            // (`"...," said Mohib.` / `"They represent ..."`).
            prev.and_then(|(end, spk, verb)| {
                if run.open < end || end >= toks.len() {
                    return None;
                }
                let next_paragraph =
                    para_start(doc, run.open) && (end + 1..run.open).all(|k| !para_start(doc, k));
                if run.continues || next_paragraph {
                    return Some((spk?, verb?));
                }
                let same_paragraph = !para_break(doc, end, run.open);
                let near = run.open - end <= 8 || sentence_of[run.open] <= sentence_of[end] + 1;
                (same_paragraph && near).then_some((spk?, verb?))
            })
        });
        let (spk, verb) = match attribution {
            Some((s, v)) => (Some(s), Some(v)),
            None => (None, None),
        };
        let end_tok = run.close.unwrap_or(run.last);
        let span = Span::new(toks[run.first].span.start, toks[run.last].span.end);
        // A cited headline: `"Document found on street" — The Canadian Press, August 15,
        // 2008`: a dash, a publisher and a year, not a speaker.
        if run.close.is_some_and(|c| cited_headline(doc, c + 1)) {
            titles.push(span);
            continue;
        }
        let text = span.get(&doc.text).unwrap_or_default().to_string();
        prev = Some((last_attr_tok(end_tok, spk, verb), spk, verb));
        // An unattributed run in title case is the title of a work or a name ("The Internet
        // Explorer 6 Countdown"), not a quotation.
        // A run with no word of four letters says nothing either way ("Red for Ed" is a
        // chant).
        let mut long_words = toks[run.first..=run.last]
            .iter()
            .filter(|t| t.text.chars().count() >= 4 && t.text.chars().all(char::is_alphabetic))
            .peekable();
        let title_case = long_words.peek().is_some() && long_words.all(|t| capitalised(&t.text));
        // Attributed or not, a short run with every word capitalised and no sentence
        // punctuation is a title ("described recording their version of “Knuck If You
        // Buck”").
        let all_capitalised = toks[run.first..=run.last]
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
            .all(|t| capitalised(&t.text));
        let short_title = all_capitalised
            && words(&toks[run.first..=run.last]) <= 8
            && !matches!(toks[run.last].text.as_str(), "." | "!" | "?" | ",");
        if (spk.is_none() && title_case) || short_title {
            continue;
        }
        if !seen.insert(normalise(&text)) {
            continue;
        }
        out.push(make_quote(
            doc, &persons, &mentions, text, span, spk, verb, true,
        ));
    }
    indirect::indirect(
        doc,
        &persons,
        &mentions,
        &out.iter().map(|q| q.span).chain(titles).collect::<Vec<_>>(),
        &mut seen,
        &mut out,
    );
    out.sort_by_key(|q| q.span.start);
    speakers::carry_speakers(doc, &persons, &mentions, &mut out);
    out
}

/// Whether a quoted run is a section heading that repeats words of the article (`3. "Not
/// some irregular channel"` over `"My role was not some irregular channel, ..."`): the run
/// fills its paragraph (after a list number), ends with no sentence punctuation, and its
/// words, case and punctuation aside, occur again in the document (`flat` is the whole text
/// normalised). The words stay a quote where the body says them.
fn heading(doc: &Document, run: &Run, flat: &str) -> bool {
    let toks = &doc.tokens;
    let Some(c) = run.close else {
        return false;
    };
    let mut p = run.open;
    while p > 0 && !para_start(doc, p) {
        p -= 1;
    }
    let numbered = toks[p..run.open]
        .iter()
        .all(|t| t.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.'));
    let alone = numbered && run.open - p <= 2 && (c + 1 == toks.len() || para_start(doc, c + 1));
    let key = normalise(
        Span::new(toks[run.first].span.start, toks[run.last].span.end)
            .get(&doc.text)
            .unwrap_or_default(),
    );
    alone
        && !matches!(toks[run.last].text.as_str(), "." | "!" | "?" | ",")
        && !key.is_empty()
        && flat.matches(key.as_str()).count() >= 2
}

/// Whether token `v` (right after a closing mark) is a dash followed, in its paragraph, by a year
/// (`— CBC.ca, August 15, 2008`): a reference to a published piece.
fn cited_headline(doc: &Document, v: usize) -> bool {
    let toks = &doc.tokens;
    toks.get(v)
        .is_some_and(|t| matches!(t.text.as_str(), "-" | "–" | "—"))
        && (v + 1..toks.len())
            .take_while(|&k| !para_break(doc, k - 1, k))
            .take(20)
            .any(|k| {
                let t = toks[k].text.as_str();
                t.len() == 4
                    && t.chars().all(|c| c.is_ascii_digit())
                    && (t.starts_with("19") || t.starts_with("20"))
            })
}

/// The last token index of a quote's attribution, or the quote's end if it has none.
fn last_attr_tok(end: usize, spk: Option<(usize, usize)>, verb: Option<usize>) -> usize {
    end.max(spk.map(|s| s.1).unwrap_or(0))
        .max(verb.unwrap_or(0))
        + 1
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
    let cut = words
        .iter()
        .rposition(|w| TITLES.contains(w) || matches!(*w, "of" | "the" | "for"))
        .map_or(0, |i| i + 1);
    if cut == words.len() {
        // Titles only ("Shadow Home Secretary"): no name.
        String::new()
    } else if cut > 0 && words[cut..].iter().all(|w| capitalised(w)) {
        words[cut..].join(" ")
    } else {
        words.join(" ")
    }
}

fn person(doc: &Document, s: usize, e: usize) -> Person {
    let span = Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end);
    let span = speakers::hyphen_widened(&doc.text, span);
    Person {
        span,
        name: span.get(&doc.text).unwrap_or_default().to_string(),
    }
}

fn words(toks: &[Token]) -> usize {
    toks.iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .count()
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn sentence_index(doc: &Document) -> Vec<usize> {
    let mut v = vec![0; doc.tokens.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        for x in v.iter_mut().take(s.tokens[1]).skip(s.tokens[0]) {
            *x = i;
        }
    }
    v
}

/// Whether a blank line separates the end of token `a` from the start of token `b`.
fn para_break(doc: &Document, a: usize, b: usize) -> bool {
    let (toks, text) = (&doc.tokens, &doc.text);
    a < b
        && text
            .get(toks[a].span.end..toks[b].span.start)
            .is_some_and(|g| g.contains("\n\n"))
}

/// Whether token `i` starts a paragraph.
fn para_start(doc: &Document, i: usize) -> bool {
    i == 0 || para_break(doc, i - 1, i)
}

/// A straight mark written like a closing one: glued to the word before, not to the next.
fn looks_closing(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i].span;
    let before = doc.text[..t.start].chars().next_back();
    let after = doc.text[t.end..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Pairs the quote marks of the document into runs.
///
/// A paragraph break closes an open run. News continues a quote over paragraphs by opening
/// each paragraph with a mark and closing only the last; when the next paragraph lacks its
/// opening mark, its first straight mark written like a closing one (`early." After`)
/// closes a run that starts the paragraph. Runs that continue the quote of the previous
/// paragraph are flagged, so they take its speaker.
fn quoted_runs(doc: &Document) -> Vec<Run> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // The first token of a paragraph that follows a run cut by its paragraph break.
    let mut carry: Option<usize> = None;
    #[allow(clippy::needless_range_loop)] // `i` is also compared with other token indexes
    for i in 0..toks.len() {
        if i > 0 && para_break(doc, i - 1, i) {
            carry = None;
            if let Some(o) = open.take() {
                if i - 1 > o {
                    out.push(Run {
                        open: o,
                        close: None,
                        first: o + 1,
                        last: i - 1,
                        continues: false,
                    });
                }
                if !is_mark(&toks[i].text) {
                    carry = Some(i);
                }
            }
        }
        let t = toks[i].text.as_str();
        match open {
            Some(o) if is_close(t) || is_straight(t) => {
                if i > o + 1 {
                    out.push(Run {
                        open: o,
                        close: Some(i),
                        first: o + 1,
                        last: i - 1,
                        continues: false,
                    });
                }
                open = None;
            }
            None if carry.is_some_and(|c| c < i)
                && (is_close(t) || is_straight(t) && looks_closing(doc, i)) =>
            {
                let c = carry.take().unwrap_or(i);
                out.push(Run {
                    open: c,
                    close: Some(i),
                    first: c,
                    last: i - 1,
                    continues: true,
                });
            }
            None if is_open(t) || is_straight(t) => {
                carry = None;
                open = Some(i);
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        if toks.len() > o + 1 {
            out.push(Run {
                open: o,
                close: None,
                first: o + 1,
                last: toks.len() - 1,
                continues: false,
            });
        }
    }
    out
}

/// `," said Blinken` / `," Blinken said` / `," he said`: returns (speaker tokens, verb token).
fn attribution_after(toks: &[Token], close: usize) -> Option<((usize, usize), usize)> {
    let ends_sentence = close > 0 && matches!(toks[close - 1].text.as_str(), "." | "?" | "!");
    let mut i = close + 1;
    while toks.get(i).is_some_and(|t| t.text == ",") {
        i += 1;
    }
    let t = toks.get(i)?;
    // A byline: `"..." - Matthew Ingram`.
    if matches!(t.text.as_str(), "-" | "–" | "—") {
        if let Some(n) = name_run(toks, i + 1) {
            return Some((n, i));
        }
    }
    // `", according to the Sydney Morning Herald.`
    if t.text == "according" && toks.get(i + 1).is_some_and(|n| n.text == "to") {
        return (i + 2..(i + 4).min(toks.len()))
            .find_map(|k| name_run(toks, k))
            .map(|s| (s, i));
    }
    if is_verb(&t.text) {
        // `said Blinken`, `said he`, `said planetary geologist Rosaly Lopes of NASA`.
        return name_after(toks, i + 1)
            .or_else(|| pronoun_at(toks, i + 1))
            .or_else(|| {
                (i + 2..(i + 6).min(toks.len()))
                    .take_while(|&k| toks[k].text.chars().all(char::is_alphabetic))
                    .find_map(|k| name_run(toks, k))
            })
            .map(|s| (s, i));
    }
    // After a quote that ends its sentence, a capitalised word starts a new sentence, not
    // an attribution (`... for it." Parise said: "...`), unless its speech verb closes the
    // sentence or takes only its setting (`"...?" Schiff asked.`, `"...?" He Jianxiong, the
    // former director ..., said at a Nov. 6 event`).
    if ends_sentence && capitalised(&t.text) {
        let v = (i..(i + 40).min(toks.len()))
            .take_while(|&k| !is_mark(&toks[k].text) && toks[k].text != ".")
            .find(|&k| is_verb(&toks[k].text))?;
        let closes = toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.text.as_str(), "." | "at" | "in" | "on" | "during"));
        if !closes {
            return None;
        }
    }
    // `He Jianxiong`: a capitalised `He` before another capitalised word is a name.
    let pronoun = pronoun_at(toks, i)
        .filter(|_| !(t.text == "He" && toks.get(i + 1).is_some_and(|n| name_word(&n.text))));
    if let Some((s, e)) = pronoun.or_else(|| name_run(toks, i)) {
        if toks.get(e).is_some_and(|v| is_verb(&v.text)) {
            return Some(((s, e), e));
        }
        // `," Obama mocked.`: any simple past closing the sentence after the name.
        if toks
            .get(e)
            .is_some_and(|v| v.xpos.as_deref() == Some("VBD"))
            && toks.get(e + 1).is_some_and(|n| n.text == ".")
        {
            return Some(((s, e), e));
        }
        // An apposition: `," Mayer, Disney's chairman of ..., said Tuesday`.
        if toks.get(e).is_some_and(|t| t.text == ",") {
            let v = (e + 1..(e + 40).min(toks.len()))
                .take_while(|&k| !is_mark(&toks[k].text) && toks[k].text != ".")
                .find(|&k| is_verb(&toks[k].text) && toks[k - 1].text == ",");
            if let Some(v) = v {
                return Some(((s, e), v));
            }
        }
    }
    // A longer subject: `," Goddard planetary scientist Avi Mandell said`, `," the
    // 14th-ranked Schwartzman said`, `," Paganini and his team wrote`.
    let near = (i..(i + 10).min(toks.len()))
        .take_while(|&k| !is_mark(&toks[k].text) && !matches!(toks[k].text.as_str(), "." | ";"))
        .find(|&k| is_verb(&toks[k].text));
    // Or a long apposition: `," study lead author Lucas Paganini, a planetary scientist at
    // ..., said in a statement`.
    let v = near.or_else(|| {
        (i..(i + 40).min(toks.len()))
            .take_while(|&k| !is_mark(&toks[k].text) && toks[k].text != ".")
            .find(|&k| is_verb(&toks[k].text) && toks[k - 1].text == ",")
    })?;
    let spk = name_before(toks, v)
        .filter(|&(s, _)| s >= i)
        .or_else(|| pronoun_before(toks, v).filter(|&(s, _)| s >= i))
        .or_else(|| {
            (i..v)
                .find_map(|k| name_run(toks, k))
                .filter(|&(_, e)| e <= v)
        })?;
    Some((spk, v))
}

/// `Blinken said: "` / `He stressed ..., saying: "`: the speaker before the opening mark.
/// A quote that opens its paragraph after one ending in `stated,` or `account:` takes the
/// attribution of that paragraph's last sentence.
fn attribution_before(
    doc: &Document,
    open: usize,
    sentence_of: &[usize],
    mentions: &[Person],
) -> Option<((usize, usize), usize)> {
    let toks = &doc.tokens;
    let i = open.checked_sub(1)?;
    let mut start = doc.sentences.get(sentence_of[open])?.tokens[0];
    let intro = matches!(toks[i].text.as_str(), ":" | ",");
    if intro && start == open {
        start = doc.sentences.get(sentence_of[i])?.tokens[0];
    }
    let verb = if intro {
        // The verb is the last token before the colon, or a few tokens back ("told
        // reporters:", "tweeted using his @POTUS account:").
        let j = i.checked_sub(1)?;
        (j.saturating_sub(7).max(start)..=j)
            .rev()
            .find(|&k| is_verb(&toks[k].text))
    } else {
        // A partial quote inside reported speech: `Eichel said he was "just trying ..."`,
        // `Haq told Polygraph.info that the U.N. is "working ..."`.
        (start..=i)
            .rev()
            .find(|&k| is_verb(&toks[k].text))
            .or_else(|| {
                // `Cruz called the suicide a "profound indictment ..."`, `The Arab League called
                // it an "extremely adverse development"`: a name given to something.
                (i.saturating_sub(5).max(start)..=i).rev().find(|&k| {
                    matches!(
                    toks[k].text.as_str(),
                    "called" | "calls" | "labelled" | "labeled" | "termed"
                ) && toks.get(k + 1).is_some_and(|n| !matches!(n.text.as_str(), "for" | "on"))
                    // Words, not a title (`a print called "Cowboys and Indians"`).
                    && toks
                        .get(open + 1)
                        .is_some_and(|w| w.text.starts_with(|c: char| c.is_lowercase()))
                })
            })
    };
    // `communities," For example ...`: a comma after reported speech opens a quote of the
    // same speaker.
    let verb = verb.or_else(|| {
        (intro && toks[i].text == ",")
            .then(|| (start..i).rev().find(|&k| is_verb(&toks[k].text)))
            .flatten()
    });
    let Some(verb) = verb else {
        // `in the words of the Crown prosecutor, Mark Tedeschi, QC, "...`: the first name
        // of two words or more after `words of`.
        if intro {
            let of = (start + 1..i)
                .rev()
                .find(|&k| toks[k].text == "of" && toks[k - 1].text == "words");
            if let Some(of) = of {
                let named = (of + 1..i)
                    .filter(|&k| !name_word(&toks[k - 1].text))
                    .filter_map(|k| name_run(toks, k))
                    .find(|&(s, e)| e - s >= 2 && e <= i);
                if let Some(n) = named {
                    return Some((n, of - 1));
                }
            }
        }
        // `..., Sunak defended the record ...: "..."`: the subject of the sentence.
        return (toks[i].text == ":")
            .then(|| sentence_subject(doc, start, i))
            .flatten()
            .map(|s| (s, i));
    };
    if let Some(s) = speakers::participle_reporter(doc, start, verb) {
        return Some(s);
    }
    if let Some(s) = indirect::subject_of(doc, verb) {
        return Some((s, verb));
    }
    // A participle ("saying:", "telling Cook,") takes the nearest person named before it in
    // its sentence, or else the subject of its sentence.
    let lo = toks[start].span.start;
    let hi = toks[verb].span.start;
    if let Some(m) = mentions
        .iter()
        .rev()
        .find(|m| m.span.start >= lo && m.span.end <= hi)
    {
        let k = (start..verb).rev().find(|&k| toks[k].span == m.span)?;
        return Some(((k, k + 1), verb));
    }
    sentence_subject(doc, start, verb).map(|s| (s, verb))
}

/// The subject of the sentence from `start`: the parse root's subject when there is a
/// parse, else the first pronoun or name at the start or after a comma that a lower-case
/// word follows (`During ..., Sunak defended`).
fn sentence_subject(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if let Some(root) = (start..end).find(|&k| toks[k].head.is_none() && toks[k].deprel.is_some()) {
        if let Some(s) = indirect::subject_of(doc, root) {
            return Some(s);
        }
    }
    (start..end)
        .filter(|&k| {
            k == start || toks[k - 1].text == "," || k == start + 1 && toks[start].text == "The"
        })
        .find_map(|k| {
            pronoun_at(toks, k).or_else(|| {
                name_run(toks, k).filter(|&(_, e)| {
                    toks.get(e).is_some_and(|t| {
                        t.text.starts_with(|c: char| c.is_lowercase()) || t.text == "'s"
                    })
                })
            })
        })
}

fn pronoun_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    toks.get(i)
        .filter(|t| PRONOUNS.contains(&t.text.as_str()))
        .map(|_| (i, i + 1))
}

fn pronoun_before(toks: &[Token], verb: usize) -> Option<(usize, usize)> {
    pronoun_at(toks, verb.checked_sub(1)?)
}

/// A run of capitalised tokens starting at `i` with leading titles skipped; `(start, end)`.
fn name_run(toks: &[Token], i: usize) -> Option<(usize, usize)> {
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
fn name_word(t: &str) -> bool {
    let particle_joined = t
        .split_once('-')
        .is_some_and(|(p, rest)| PARTICLES.contains(&p) && capitalised(rest));
    (capitalised(t) || particle_joined) && !is_mark(t) && !FUNCTION_WORDS.contains(&t)
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
    let is_title = |k: usize| TITLES.contains(&toks[k].text.as_str());
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

fn name_after(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    name_run(toks, i)
}

/// The capitalised run ending right before `verb` ("Antony Blinken said"), titles stripped.
fn name_before(toks: &[Token], verb: usize) -> Option<(usize, usize)> {
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
    if k > 0 && toks[k - 1].text == "of" {
        if let Some(p) = name_before(toks, k - 1).filter(|&(a, b)| b - a >= 2) {
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
fn adverb(t: &Token) -> bool {
    t.xpos.as_deref().is_some_and(|x| x.starts_with("RB"))
        && t.text.starts_with(|c: char| c.is_lowercase())
        && !matches!(t.text.as_str(), "not" | "n't" | "never" | "’t")
}

/// `Sonya Zoghlin, Carlineo's attorney, told ...`: the name opening the sentence of a speech
/// verb that follows an apposition's closing comma.
fn apposition_subject(doc: &Document, verb: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if verb == 0 || toks[verb - 1].text != "," {
        return None;
    }
    let start = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= verb && verb < s.tokens[1])?
        .tokens[0];
    // The clause starts at the sentence start or after a quote that opens the sentence
    // (`"...," Steve Clarke, deputy administrator, said`).
    let after_quote = (start..verb)
        .rev()
        .find(|&k| is_mark(&toks[k].text))
        .map(|k| {
            let mut k = k + 1;
            while toks.get(k).is_some_and(|t| t.text == ",") {
                k += 1;
            }
            k
        });
    let from = after_quote.unwrap_or(start);
    // A description, then the name between commas: "The bank's chief executive, Tim Sloan,
    // said" (no verb in the description).
    if let Some(c) = (from + 1..verb - 1).rev().find(|&k| toks[k].text == ",") {
        // (Not a post-nominal such as "SC" or "MP": "Tom Molomby, SC, said".)
        let named = name_run(toks, c + 1).is_some_and(|(s, e)| {
            s == c + 1
                && e == verb - 1
                && !toks[s..e].iter().all(|t| {
                    t.text
                        .chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch == '.')
                })
        });
        // A description has a word in lower case ("Sen. Ted Cruz, R-Texas, said" is a name
        // and its party).
        let described = c - from <= 8
            && toks[from..c].iter().any(|t| {
                t.text.starts_with(|ch: char| ch.is_lowercase())
                    && !matches!(t.text.as_str(), "'s" | "’s")
            })
            && toks[from..c].iter().all(|t| {
                !is_mark(&t.text)
                    && t.text != ","
                    && !t
                        .xpos
                        .as_deref()
                        .is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP" | "MD"))
            });
        if named && described && toks[from].text.starts_with(|ch: char| ch.is_uppercase()) {
            return name_run(toks, c + 1);
        }
    }
    // A name opening the clause and closed by a comma: "Jeff Rathke, the spokesman, said".
    if let Some((s, e)) = name_run(toks, from) {
        if toks.get(e).is_some_and(|t| t.text == ",") && verb > e && verb - e <= 40 {
            return Some((s, e));
        }
    }
    // Else the name closed by the nearest comma before the apposition: "Civil Defense
    // Authority director General Suleiman al-Amr, in remarks to ..., said", "According to
    // the Herald, Professor John Burrows, the chairman of ..., said".
    (from..verb - 1)
        .rev()
        .filter(|&c| toks[c].text == "," && verb - c <= 40)
        .find_map(|c| {
            (from..c)
                .filter(|&k| k == from || !name_word(&toks[k - 1].text))
                .filter_map(|k| name_run(toks, k))
                .find(|&(s, e)| {
                    e == c
                        && (s == 0
                            || !matches!(
                                toks[s - 1].text.as_str(),
                                "to" | "the" | "of" | "in" | "at" | "from" | "for" | "by" | "with"
                            ))
                })
        })
}

/// Every mention of a known person in subject position, by surname, in text order: the
/// antecedents a pronoun can take. Objects ("told Benioff", "with Cook") are left out.
fn person_mentions(doc: &Document, persons: &[Person]) -> Vec<Person> {
    let mut by_surname: std::collections::HashMap<&str, &str> = Default::default();
    for p in persons {
        if let Some(last) = p.name.split_whitespace().last() {
            let e = by_surname.entry(last).or_insert(&p.name);
            if p.name.len() > e.len() {
                *e = &p.name;
            }
        }
    }
    let toks = &doc.tokens;
    // A name inside quote marks is part of someone's words ("Heads needed to roll the day
    // Jeffrey Epstein died," he said): no antecedent for the attribution around it.
    let quoted: Vec<(usize, usize)> = quoted_runs(doc)
        .iter()
        .filter(|r| words(&toks[r.first..=r.last]) >= 3)
        .map(|r| (r.first, r.last))
        .collect();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(full) = by_surname.get(t.text.as_str()) else {
            continue;
        };
        if quoted.iter().any(|&(a, b)| (a..=b).contains(&i)) {
            continue;
        }
        // Another name ending in the same word is another referent ("One Napa County
        // reporting station" is no mention of "Marin County").
        let words: Vec<&str> = full.split_whitespace().collect();
        if i > 0
            && words.len() >= 2
            && name_word(&toks[i - 1].text)
            // A proper noun by the tag ("Yet Sondland has ..." is a mention).
            && toks[i - 1].xpos.as_deref().is_none_or(|x| x.starts_with("NNP"))
            && !TITLES.contains(&toks[i - 1].text.as_str())
            && !words.contains(&toks[i - 1].text.as_str())
        {
            continue;
        }
        let possessive = toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.text.as_str(), "'s" | "’s" | "'" | "’"));
        let object = possessive
            || i > 0
                && matches!(
                    toks[i - 1].text.as_str(),
                    "told"
                        | "tells"
                        | "telling"
                        | "asked"
                        | "thanked"
                        | "to"
                        | "with"
                        | "by"
                        | "for"
                        | "from"
                        | "introduced"
                        | "met"
                        | "and"
                );
        // With a parse, a subject is what the parse says (or a name part of one).
        let subject = |k: usize| {
            toks[k]
                .deprel
                .as_deref()
                .is_some_and(|r| r.starts_with("nsubj"))
        };
        let parsed_subject = match toks[i].deprel.as_deref() {
            None => !object,
            Some(r) if r.starts_with("nsubj") => true,
            Some("flat" | "compound" | "appos") => toks[i].head.is_some_and(subject),
            Some(_) => false,
        };
        if parsed_subject && capitalised(&t.text) {
            out.push(Person {
                span: t.span,
                name: full.to_string(),
            });
        }
    }
    out
}

/// Builds the quote record, resolving pronouns and surnames to the full name.
#[allow(clippy::too_many_arguments)]
fn make_quote(
    doc: &Document,
    persons: &[Person],
    mentions: &[Person],
    text: String,
    span: Span,
    spk: Option<(usize, usize)>,
    verb: Option<usize>,
    direct: bool,
) -> Quote {
    let toks = &doc.tokens;
    let speaker_span = spk.map(|(s, e)| {
        let ss = Span::new(toks[s].span.start, toks[e - 1].span.end);
        if e - s >= 2 {
            speakers::hyphen_widened(&doc.text, ss)
        } else {
            ss
        }
    });
    let speaker = speaker_span.map(|ss| {
        let raw = ss.get(&doc.text).unwrap_or_default();
        if PRONOUNS.contains(&raw) {
            // The nearest person before the pronoun whose gender, when the text gives one,
            // agrees with it ("she said" skips the minister named last).
            let wanted = speakers::pronoun_gender(raw);
            // A person named inside the quote is its topic, not its speaker ("\"Andy Warhol
            // was the center of the Zeitgeist ...,\" he said").
            let quoted_words: HashSet<&str> = if direct {
                text.split(|c: char| !c.is_alphanumeric()).collect()
            } else {
                HashSet::new()
            };
            let fits = |p: &Person| {
                // "he" and "she" are people, not the bodies that also speak.
                (wanted.is_none() || !descriptions::body(&p.name))
                    && wanted
                        .is_none_or(|g| speakers::gender_of(doc, &p.name).is_none_or(|h| h == g))
                    && p.name
                        .split_whitespace()
                        .last()
                        .is_none_or(|w| !quoted_words.contains(w))
            };
            let before = |v: &[Person]| {
                v.iter()
                    .filter(|p| p.span.end <= ss.start && fits(p))
                    .max_by_key(|p| p.span.end)
                    .map(|p| full_name(persons, &p.name))
            };
            // Among the three nearest, a person the text gives the right gender comes
            // before one of unknown gender ("the UN High Commissioner for Refugees").
            let known = wanted.and_then(|g| {
                mentions
                    .iter()
                    .filter(|p| p.span.end <= ss.start && fits(p))
                    .rev()
                    .take(3)
                    .find(|p| speakers::gender_of(doc, &p.name) == Some(g))
                    .or_else(|| {
                        persons
                            .iter()
                            .filter(|p| p.span.end <= ss.start && fits(p))
                            .rev()
                            .take(3)
                            .find(|p| speakers::gender_of(doc, &p.name) == Some(g))
                    })
                    .map(|p| full_name(persons, &p.name))
            });
            // The nearest mention, not the article's main person ("Sasse said ... \"...,\"
            // he said" is Sasse though Epstein has more mentions), or the subject of the main
            // clause of its sentence ("Figgins declined to address whether Thomas slept ...
            // the night Epstein died.").
            let near: Vec<&Person> = mentions
                .iter()
                .filter(|p| p.span.end <= ss.start && fits(p))
                .rev()
                .take(3)
                .collect();
            let nearest = near.first().map(|first| {
                let sent = speakers::sentence_of_span(doc, first.span);
                near.iter()
                    .take_while(|p| speakers::sentence_of_span(doc, p.span) == sent)
                    .find(|p| speakers::main_subject(doc, p.span))
                    .unwrap_or(first)
            });
            // The nearest only when it is salient: a speaker in the pronoun's sentence or
            // the two before, or the main subject of the pronoun's sentence or the one before; otherwise a person of the right gender
            // among the three last ("known" below) is the better guess.
            let pronoun_sentence = speakers::sentence_of_span(doc, ss);
            let salient = nearest.filter(|p| {
                let back = pronoun_sentence.saturating_sub(speakers::sentence_of_span(doc, p.span));
                back <= 2 && speakers::speaks(doc, p.span)
                    || back <= 1 && speakers::main_subject(doc, p.span)
            });
            let speaker = salient.map(|p| full_name(persons, &p.name));
            // "she" is marked: a woman the text names among the three last comes first
            // ("Raisinghani told CBC ... Baird said ... she said"); for "he" a salient
            // nearest person of unknown gender is the better guess.
            let female = wanted == Some(speakers::Gender::Female);
            female
                .then(|| known.clone())
                .flatten()
                .or(speaker)
                .or(known)
                .or_else(|| nearest.map(|p| full_name(persons, &p.name)))
                .or_else(|| before(mentions))
                .or_else(|| before(persons))
                .or_else(|| nearest_name_before(doc, spk.map_or(0, |s| s.0)))
                .unwrap_or_else(|| raw.to_string())
        } else if let Some(name) =
            spk.and_then(|(s, e)| descriptions::qualified_role(doc, persons, s, e))
        {
            name
        } else if matches!(raw, "it" | "It") {
            descriptions::it_antecedent(doc, persons, ss.start).unwrap_or_else(|| raw.to_string())
        } else if let Some(name) = speakers::expand_acronym(doc, raw) {
            name
        } else if let Some(name) = speakers::role_antecedent(doc, persons, raw, ss.start)
            .or_else(|| descriptions::description_antecedent(doc, persons, raw, ss.start))
        {
            name
        } else if let Some(name) = speakers::person_of_org(raw) {
            full_name(persons, &name)
        } else {
            full_name(persons, raw)
        }
    });
    Quote {
        speaker,
        speaker_span,
        text,
        span,
        verb: verb
            .map(|v| verb_text(toks, v))
            .filter(|v| v.chars().any(char::is_alphabetic)),
        direct,
    }
}

/// The nearest name of two or three words before token `k` (within 120 tokens) that the
/// gazetteer does not know as a place: the antecedent of a pronoun when no stage named any
/// person before it.
fn nearest_name_before(doc: &Document, k: usize) -> Option<String> {
    let toks = &doc.tokens;
    let places = crate::Gazetteer::builtin().ok();
    (k.saturating_sub(120)..k)
        .rev()
        .filter(|&i| i == 0 || !name_word(&toks[i - 1].text))
        .filter_map(|i| name_run(toks, i))
        .filter(|&(s, e)| (2..=3).contains(&(e - s)) && e <= k)
        .map(|(s, e)| person(doc, s, e).name)
        .find(|n| places.is_none_or(|g| g.lookup(n).is_empty()))
}

fn verb_text(toks: &[Token], v: usize) -> String {
    if toks[v].text == "according" {
        "according to".to_string()
    } else {
        toks[v].text.clone()
    }
}

/// The first known longer name ending with the words of `name` ("Blinken" → "Antony
/// Blinken"); `persons` are in text order.
fn full_name(persons: &[Person], name: &str) -> String {
    let given: Vec<&str> = name.split_whitespace().collect();
    persons
        .iter()
        .map(|p| untitled(&p.name))
        // The first full name in the text: news introduces a person by full name before
        // using the surname, and a later longer run is more often a heading or a slip
        // ("Questioning Vindman's judgment" after "Alexander Vindman").
        .find(|n| {
            let w: Vec<&str> = n.split_whitespace().collect();
            w.ends_with(&given) && n.len() > name.len()
        })
        .or_else(|| speakers::family_name_first(persons.iter().map(|p| p.name.as_str()), name))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::DocMeta;

    fn quotes(text: &str) -> Vec<Quote> {
        let d = crate::test_doc(text);
        find_quotes(&d, &[])
    }

    fn pairs(text: &str) -> Vec<(Option<String>, String, bool)> {
        quotes(text)
            .into_iter()
            .map(|q| (q.speaker, q.text, q.direct))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn she_skips_the_nearer_man_and_acronyms_expand() {
        let t = "Environment Canada spokeswoman Sujata Raisinghani told CBC News the department \
                 will look into it. John Baird said the report was old.\n\n\
                 \"We take document security seriously,\" she said.";
        let q = quotes(t);
        let d = q.iter().find(|q| q.direct).expect("the direct quote");
        assert_eq!(d.speaker, s("Sujata Raisinghani"));
        let t = "The World Health Organisation (WHO) works on salt. \
                 \"Every country should iodise all edible salt,\" WHO said.";
        assert_eq!(quotes(t)[0].speaker, s("World Health Organisation"));
    }

    #[test]
    fn unattributed_quote_takes_the_speaker_before_it_in_its_paragraph() {
        let t = "Wilkins also said Warhol was a businessperson. \
                 \"As a way to sell his work, he made many prints.\"\n\n\
                 \"Nobody at all knows who wrote this line.\"";
        let q: Vec<_> = quotes(t).into_iter().filter(|q| q.direct).collect();
        assert_eq!(q[0].speaker, s("Wilkins"));
        // A new paragraph does not carry the speaker over.
        assert_eq!(q[1].speaker, None);
    }

    #[test]
    fn organisation_after_of_according_to_and_words_of() {
        let t = "Matthew Ingram of The Globe and Mail said: \"This is part of a long war.\"";
        assert_eq!(quotes(t)[0].speaker, s("Matthew Ingram"));
        let t =
            "By then, \"her skin was weeping and raw\", according to the Sydney Morning Herald.";
        assert_eq!(quotes(t)[0].speaker, s("Sydney Morning Herald"));
        let t = "In the words of the prosecutor, Mark Tedeschi, QC, \"She spent months crying.\"";
        assert_eq!(quotes(t)[0].speaker, s("Mark Tedeschi"));
    }

    #[test]
    fn attribution_closing_the_sentence_after_a_comma() {
        let q = pairs("Almost half of all school children lack iodine, researchers say.");
        assert_eq!(q[0].1, "Almost half of all school children lack iodine");
        assert!(!q[0].2);
        let q = quotes("Throughout history, the hair market has had a political side, says Tarlo.");
        assert_eq!(q[0].speaker, s("Tarlo"));
        assert_eq!(
            q[0].text,
            "Throughout history, the hair market has had a political side"
        );
        // An apposition before a verb that goes on is no trailing attribution.
        let q = pairs("Kiara Perkins, a second year art major, admitted she was late to class.");
        assert!(q.iter().all(|(_, t, _)| !t.starts_with("Kiara")), "{q:?}");
    }

    #[test]
    fn verb_then_name_and_name_then_verb() {
        assert_eq!(
            pairs("\"We will work together again,\" said Blinken, a confidant."),
            vec![(s("Blinken"), "We will work together again".into(), true)]
        );
        let q = quotes("“We are ready for talks now,” Sophie Wilmes told reporters.");
        assert_eq!(q[0].speaker, s("Sophie Wilmes"));
        assert_eq!(q[0].verb, s("told"));
        assert_eq!(q[0].text, "We are ready for talks now");
    }

    #[test]
    fn pronoun_and_surname_resolve_to_the_full_name() {
        let text = "Foreign Minister Sophie Wilmes said nothing. Antony Blinken spoke. \
                    \"Some of our allies are moving,\" he said on Wednesday. \
                    \"We will not wait for them,\" Blinken added.";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker, s("Antony Blinken"));
        assert_eq!(q[0].speaker_span.unwrap().get(text), Some("he"));
        assert_eq!(q[1].speaker, s("Antony Blinken"));
        assert_eq!(q[1].verb, s("added"));
    }

    #[test]
    fn colon_and_participle_attribution_before_the_quote() {
        let q = pairs("Blinken said: \"We can't sustain alliances without them.\"");
        assert_eq!(q[0].0, s("Blinken"));
        let q = pairs(
            "Secretary Antony Blinken arrived. He stressed the point, saying: \"We can't sustain it alone.\"",
        );
        assert_eq!(q[0].0, s("Antony Blinken"));
    }

    #[test]
    fn people_from_earlier_stages_resolve_pronouns() {
        // A one-word name is no antecedent by itself (it may be anything capitalised) ...
        let text = "Dupont arrived. \"We are glad to be here,\" she said.";
        let d = crate::test_doc(text);
        assert_eq!(find_quotes(&d, &[])[0].speaker, s("she"));
        // ... unless the actor stage says it is a person.
        let q = find_quotes(&d, &[Span::new(0, 6)]);
        assert_eq!(q[0].speaker, s("Dupont"));
    }

    #[test]
    fn split_quote_keeps_the_speaker() {
        let q = pairs("\"This is a test of the system,\" Smith said, \"and it will pass today.\"");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.0 == s("Smith") && x.2));
        assert_eq!(q[1].1, "and it will pass today.");
    }

    #[test]
    fn long_subjects_and_next_sentence_quotes() {
        let text = "“We did safety checks on the data,” Goddard planetary scientist Avi Mandell \
                    said in the statement. “But we will have to get closer.”";
        let q = pairs(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.0 == s("Avi Mandell")), "{q:?}");
        let q = pairs("“We had some issues,” Mayer, Disney’s chairman of streaming, said Tuesday.");
        assert_eq!(q[0].0, s("Mayer"));
        let q = pairs("\"We found water vapour there,\" lead researcher and NASA planetary scientist Lucas Paganini said.");
        assert_eq!(q[0].0, s("Lucas Paganini"));
        let q = pairs("\"We suggest that it occurs at low levels,\" Paganini and his team wrote.");
        assert_eq!(q[0].0, s("Paganini"));
        let q = pairs("\"I played one of the best matches,\" the 14th-ranked Schwartzman said.");
        assert_eq!(q[0].0, s("Schwartzman"));
        // A quote paragraph right after an attributed one continues its speaker (news
        // style); one after a paragraph of narration does not.
        let q = pairs("\"We did it all today,\" Smith said.\n\n\"Nobody knows the rest of it.\"");
        assert_eq!(q[1].0, s("Smith"));
        let q = pairs(
            "\"We did it all today,\" Smith said.\n\nThe match ended late.\n\n\"Nobody knows the rest.\"",
        );
        assert_eq!(q[1].0, None);
    }

    #[test]
    fn quotes_over_paragraphs_and_indirect_speech_without_that() {
        // The second paragraph lacks its opening mark; its closing one ends the quote.
        let q = pairs(
            "Kane said, \"In the first half it felt good.\n\nWe could have scored two goals.\" After the match, Jones said, \"We were playing well today.\"",
        );
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(
            q[1],
            (s("Kane"), "We could have scored two goals.".into(), true)
        );
        assert_eq!(q[2].0, s("Jones"));
        let q = pairs("Jeff Rathke, the State Department spokesman, said the talks would resume.");
        assert_eq!(
            q,
            vec![(s("Jeff Rathke"), "the talks would resume".into(), false)]
        );
        let q = pairs("Civil Defense director General Suleiman al-Amr, in remarks to television, said \"All the wounded have been taken to hospital.\"");
        assert_eq!(q[0].0, s("Suleiman al-Amr"));
        let q =
            pairs("According to the team's coach, Alireza Mehraban, the robot scored two points.");
        assert_eq!(
            q,
            vec![(
                s("Alireza Mehraban"),
                "the robot scored two points".into(),
                false
            )]
        );
        // Without `that`, "announced" takes an object, not a clause.
        assert!(pairs("The government announced the start of a public process.").is_empty());
    }

    #[test]
    fn pronoun_without_a_known_person_takes_the_nearest_name() {
        let q = pairs("The singer Taylor Swift performed in New York. \"I just want to perform again,\" she said.");
        assert_eq!(q[0].0, s("Taylor Swift"));
    }

    #[test]
    fn titles_in_quote_marks_are_not_quotations() {
        assert!(pairs(
            "Microsoft launched a site, \"The Internet Explorer 6 Countdown\", on Friday."
        )
        .is_empty());
        let q = pairs("The team's robot, named \"Better Idea of Afghan Girls,\" scored two points, according to coach Alireza Mehraban.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(!q[0].2 && q[0].1.ends_with("scored two points"), "{q:?}");
    }

    #[test]
    fn capitalised_short_titles_are_not_quotations_even_with_a_verb() {
        assert!(pairs("In an interview, Zay described recording their version of “Knuck If You Buck” at home.")
            .iter()
            .all(|q| !q.2));
        // A quote in sentence case stays.
        assert_eq!(pairs("Zay said: “We Recorded it at home.”").len(), 1);
    }

    #[test]
    fn multi_sentence_quote_is_one_quote() {
        let q = pairs("\"We came here. We will stay. We will win,\" said Jones.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, "We came here. We will stay. We will win");
        assert_eq!(q[0].0, s("Jones"));
    }

    #[test]
    fn scare_quotes_are_not_quotations_and_repeats_count_once() {
        assert!(pairs("He wanted to \"modernise\" relationships.").is_empty());
        let q = pairs(
            "\"We are in this together now,\" Jones said.\n\n\"We are in this together now,\" Jones said.",
        );
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn unclosed_quote_ends_at_the_paragraph() {
        let q = quotes("Jones said: \"We will keep going until the end.\n\nOthers disagreed.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We will keep going until the end.");
    }

    #[test]
    fn indirect_speech() {
        let q = pairs("U.S. Secretary of State Antony Blinken said on Thursday that cooperation was more important.");
        assert_eq!(
            q,
            vec![(
                s("Antony Blinken"),
                "cooperation was more important".into(),
                false
            )]
        );
        let q = quotes("The talks failed badly last week, according to Reuters.");
        assert_eq!(q[0].speaker, s("Reuters"));
        assert_eq!(q[0].verb, s("according to"));
        assert_eq!(q[0].text, "The talks failed badly last week");
        assert!(!q[0].direct);
    }

    #[test]
    fn pronoun_takes_the_last_speaker_not_a_name_inside_the_quote() {
        // Epstein has a gender cue ("his"), Sasse none; Epstein named inside the quote is
        // part of Sasse's words, not the antecedent of "he".
        let t = "Prosecutors alleged that Jeffrey Epstein abused girls at his homes. \
                 Ben Sasse said the charges are overdue.\n\n\
                 \"Heads needed to roll the day Jeffrey Epstein died,\" he said.";
        let q = quotes(t);
        let d = q.iter().find(|q| q.direct).expect("the direct quote");
        assert_eq!(d.speaker, s("Ben Sasse"));
    }

    #[test]
    fn pronoun_takes_the_main_clause_subject_of_the_sentence_before() {
        let t = "Figgins declined to address whether Thomas slept on the night Epstein died. \
                 \"When all the evidence is presented, they will see,\" he said.";
        let mut d = Document::new(DocMeta::new("t", t.as_bytes()), String::new());
        dyad_text::clean_into(&mut d, t, Span::new(0, t.len()));
        dyad_text::annotate(&mut d);
        let words: Vec<String> = d.tokens.iter().map(|k| k.text.clone()).collect();
        let idx = |w: &str| words.iter().position(|k| k == w).unwrap();
        let (declined, slept, died, said) =
            (idx("declined"), idx("slept"), idx("died"), idx("said"));
        for k in 0..d.tokens.len() {
            d.tokens[k].deprel = Some("dep".into());
            d.tokens[k].head = Some(declined);
        }
        d.tokens[declined].deprel = Some("root".into());
        d.tokens[declined].head = None;
        for (w, h) in [
            ("Figgins", declined),
            ("Thomas", slept),
            ("Epstein", died),
            ("he", said),
        ] {
            let k = idx(w);
            d.tokens[k].deprel = Some("nsubj".into());
            d.tokens[k].head = Some(h);
        }
        let people: Vec<Span> = ["Figgins", "Thomas", "Epstein"]
            .iter()
            .map(|w| d.tokens[idx(w)].span)
            .collect();
        let q = find_quotes(&d, &people);
        let quote = q.iter().find(|q| q.direct).expect("the direct quote");
        assert_eq!(quote.speaker, s("Figgins"));
    }

    #[test]
    fn role_words_in_lower_case_are_no_part_of_a_name() {
        assert_eq!(untitled("trafficker Jeffrey Epstein"), "Jeffrey Epstein");
        assert_eq!(untitled("former adviser John Bolton"), "John Bolton");
        assert_eq!(untitled("Charles de Gaulle"), "Charles de Gaulle");
        let people = [Person {
            span: Span::new(0, 1),
            name: "trafficker Jeffrey Epstein".into(),
        }];
        assert_eq!(full_name(&people, "Epstein"), "Jeffrey Epstein");
    }

    #[test]
    fn more_reporting_verbs() {
        let q = quotes("\"My people had twenty billion done,\" Mr. Trump recounted in a meeting.");
        assert_eq!(q[0].speaker, s("Trump"));
        let q = pairs("Prosecutors alleged that no inmate checks were made that night.");
        assert_eq!(q[0].1, "no inmate checks were made that night");
        let q = pairs("Volker reiterated that he saw the two inquiries as separate.");
        assert_eq!(q[0].1, "he saw the two inquiries as separate");
        assert_eq!(q[0].0, s("Volker"));
    }

    #[test]
    fn quote_paragraph_after_reported_speech_takes_its_speaker() {
        let t = "Saeb Erekat said it was only the latest move by the US.\n\n\
                 \"They wanted us on our knees. We stand tall and we will stand tall.\"";
        let q: Vec<_> = quotes(t).into_iter().filter(|q| q.direct).collect();
        assert_eq!(q[0].speaker, s("Saeb Erekat"));
    }

    #[test]
    fn reported_clause_ends_at_a_dash_or_quoted_comma_before_but() {
        let q = pairs("The president says his approach has created leverage — and in some cases, he is right.");
        assert_eq!(q[0].1, "his approach has created leverage");
        let q = pairs(
            "Mr. Trump has since said that a deal signing would take place in \"farm country,\" but the Chinese have been reluctant.",
        );
        let i = q.iter().find(|p| !p.2).expect("the indirect quote");
        assert_eq!(i.1, "a deal signing would take place in \"farm country");
    }

    #[test]
    fn a_sentence_initial_common_noun_is_no_antecedent() {
        let t = "Prosecutors said the guards slept. Later, prosecutors said more.\n\n\
                 \"We will appeal this decision now,\" he said.";
        let q = quotes(t);
        let d = q.iter().find(|q| q.direct).expect("the direct quote");
        assert_ne!(d.speaker, s("Prosecutors"));
    }

    #[test]
    fn trailing_attribution_with_a_longer_subject_or_a_named_listener() {
        let q = pairs("China is wary of offering concessions, people familiar with Chinese trade policy said.");
        assert_eq!(q[0].1, "China is wary of offering concessions");
        let q = pairs("Two professors were handed over to US forces, an insurgent source told Agence France-Presse.");
        assert_eq!(q[0].1, "Two professors were handed over to US forces");
    }

    #[test]
    fn inverted_trailing_attribution_with_an_apposition() {
        let q = quotes("There were more than 30 staff vacancies at the facility, said Serene Gregg, local president of the union.");
        assert_eq!(
            q[0].text,
            "There were more than 30 staff vacancies at the facility"
        );
        assert_eq!(q[0].speaker, s("Serene Gregg"));
    }
}
