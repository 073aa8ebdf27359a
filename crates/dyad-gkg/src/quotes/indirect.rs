//! Indirect speech ("X said (on Thursday) that ...", "X told reporters the talks ...",
//! "according to X, ...") and the subject of a speech verb, which direct quotes share.
//!
//! The subject comes from the dependency parse when the document has one (`nsubj` of the
//! verb, or of the verb it is coordinated with or depends on: "and said", "saying"), and
//! otherwise from the tokens around the verb. The reported clause runs from `that` (or the
//! word after the verb and its object and time phrase) to the end of its clause; a partial
//! quote inside it stays inside it.
//!
//! The rules sit in submodules: `subject` (the speaker of a verb), `reported_clause` and
//! `without_that` (the clause after the verb), `trailing` (`CLAUSE, X said.`), `according`
//! (`according to X`), `clause_end` (where a clause stops) and `lexicon` (their word lists).
//! This module walks the sentences and builds the records.

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use dyad_core::{Document, Span, Token};

mod according;
mod clause_end;
mod complement;
mod lexicon;
mod reported_clause;
mod subject;
mod trailing;
mod without_that;

pub(super) use clause_end::clause_end;
pub(super) use subject::subject_of;
pub(super) use trailing::{skip_conjunction, verb_only_quoted};

use according::according_to;
use reported_clause::reported_clause;
use trailing::trailing;

use super::lexicon::{is_speech_verb, word_set, SPEECH_VERBS};
use super::{
    capitalised, embedded, is_mark, make_quote, normalise, para_break, words, Person, Persons,
};

/// Verbs whose clause is reported speech besides the shared [`SPEECH_VERBS`] (which hold
/// `said`, `told`, `vowed` ...): forms that seldom attribute a direct quotation.
const REPORTING: &[&str] = &[
    "tell",
    "states",
    "claims",
    "recommends",
    "recommended",
    // Speech to a listener, who comes before the clause (`assured the public that ...`).
    "assured",
    "assures",
    "assuring",
    // Participles report a clause after `that` or as a finite clause of the parse ("...,
    // saying the hostages had suffered"); a quote mark after them is a direct quote.
    "arguing",
    "claiming",
    "announcing",
    "alleges",
    "alleging",
    "reiterates",
    "denied",
    "denies",
    "testifies",
    "suggesting",
    "suggest",
    "insist",
    "maintained",
    // Of a body admitting a fact (`governments have recognized that ...`), with `that`:
    // without it the verb takes an object.
    "recognized",
    "recognised",
    // Verbs of speech beyond `say`: they report with `that` or a finite clause of the
    // parse (`vowed that ...`, `predicted the economy would ...`); `vowed to fight` is
    // no clause.
    "disclosed",
    "reveals",
    "maintains",
    // Plural present forms (`Prosecutors allege that ...`).
    "allege",
    "argue",
    "warn",
    "contend",
    "maintain",
    "predict",
    "deny",
    "acknowledge",
    "admit",
    "confirm",
    "explain",
    "stress",
    "testify",
    // Verbs of communication a lexicon of English verb classes lists (VerbNet 37.2 tell,
    // 37.9 advise, reveal, indicate, hint, underscore, concur) that news uses for a clause
    // but seldom for a quote: they report only with `that` or a finite clause of the parse
    // (`informed the court that ...`, `signaled that ...`), so `advised him to` stays out.
    // Verbs of thought (`believe`, `hope`) are not reports; nor, by a check on UD English
    // texts and the gold sets, are `estimated`/`forecast`/`projected` (figures, which no
    // gold set counts), `agreed` (a decision as often as a statement), `notified` and
    // `reminded` (e-mail disclaimers, `reminded of`): each added more false reports;
    // `indicated` reports documents and data (`a presentation indicated jobs would ...`).
    "informed",
    "informs",
    "advised",
    "advises",
    "briefed",
    "signaled",
    "signalled",
    "hinted",
    "implied",
    "underscored",
    "underscores",
    "underlined",
    "highlighted",
    "divulged",
    "discloses",
    "concurred",
    "protested",
];

/// Verbs of telling among the [`REPORTING`] ones (VerbNet 37.2, 37.9): a listener comes
/// between them and their clause (`informed the families that ...`), as with `told`.
pub(super) const LISTENER_FIRST: &[&str] =
    &["informed", "informs", "advised", "advises", "briefed"];

/// Whether `w` reports a clause: the shared speech verbs or the ones above.
pub(super) fn reporting(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    word_set(&SET, &[REPORTING, SPEECH_VERBS]).contains(w)
}

/// Indirect speech: "X said (on Thursday) that ...", "X told Y the ...", "..., according to X".
pub(super) fn indirect(
    doc: &Document,
    persons: &Persons,
    mentions: &[Person],
    direct: &[Span],
    seen: &mut HashSet<String>,
    out: &mut Vec<super::Quote>,
) {
    let toks = &doc.tokens;
    let in_direct = inside(toks, direct);
    let mut breaks = Vec::new();
    for s in &doc.sentences {
        let [a0, b0] = s.tokens;
        if headline(doc, a0, b0) {
            continue;
        }
        let in_sentence = out.len();
        // A sentence the segmenter ran over a paragraph break (`... population.”` /
        // `Targeting audiences is key ..., Graham said`) is two: a report stays in the
        // paragraph of its verb. The breaks are found once a sentence, and where the words
        // of a paragraph begin once a paragraph, not again for every token.
        breaks.clear();
        breaks.extend((a0 + 1..b0).filter(|&k| para_break(doc, k - 1, k)));
        let mut starts: Option<((usize, usize), usize)> = None;
        for v in a0..b0 {
            if in_direct[v] {
                continue;
            }
            let (a, b) = paragraph_bounds(&breaks, a0, v, b0);
            let a = match starts {
                Some((bounds, start)) if bounds == (a, b) => start,
                _ => {
                    let start = content_start(toks, a, b);
                    starts = Some(((a, b), start));
                    start
                }
            };
            if v < a {
                continue;
            }
            let some = |(spk, f, l): ((usize, usize), usize, usize)| (Some(spk), f, l);
            // "Estimates suggest ..." is inference; "tried to suggest that ..." is speech.
            let bare_suggest = toks[v].text == "suggest" && (v == 0 || toks[v - 1].text != "to");
            // `records stating they had ...` describes a document; `stating that` reports.
            let bare_stating =
                toks[v].text == "stating" && toks.get(v + 1).is_none_or(|t| t.text != "that");
            // `Others might argue that ...`: speech that could be made is no report.
            let found = if let Some(f) = embedded::object_infinitive(toks, v, b) {
                Some(f)
            } else if embedded::not_a_report(toks, v)
                || evidence_finding(toks, a, v)
                || bare_suggest
                || bare_stating
                || complement::hypothetical(toks, v)
            {
                None
            } else if reporting(&toks[v].text)
                || (v == a && reporting(&toks[v].text.to_lowercase()))
                || other_form(&toks[v])
                || as_report(toks, a, v)
                || closing_present(toks, a, v, b)
                || phrasal_report(toks, v)
            {
                embedded::passive_told(toks, a, v, b)
                    .or_else(|| embedded::parenthetical(toks, a, v, b))
                    .or_else(|| embedded::as_attribution(doc, a, v, b))
                    .or_else(|| embedded::as_parenthetical(doc, a, v, b))
                    .or_else(|| reported_clause(doc, v, b).map(some))
                    .or_else(|| {
                        // Not a clause inside a quote that runs over several sentences.
                        trailing(toks, a, v, b)
                            .filter(|&(_, f, l)| {
                                let sp = Span::new(toks[f].span.start, toks[l - 1].span.end);
                                // A partial quote inside the clause is fine.
                                !direct.iter().any(|d| {
                                    d.start < sp.end && sp.start < d.end && !sp.contains(*d)
                                })
                            })
                            .map(some)
                    })
                    .or_else(|| embedded::partial_then_attribution(doc, a, v, direct))
                    .or_else(|| complement::communication_clause(doc, v, b).map(some))
            } else if toks[v].text.eq_ignore_ascii_case("according")
                && toks.get(v + 1).is_some_and(|t| t.text == "to")
                || according::per_source(toks, a, v)
            {
                // A clause another speaker of the sentence already reports (`As Gupta noted
                // at the time, CLAUSE, according to guidance from the Mayo Clinic.`) is not
                // reported again.
                according_to(toks, a, v, b).map(some).filter(|&(_, f, l)| {
                    let (fs, le) = (toks[f].span.start, toks[l.max(f + 1) - 1].span.end);
                    !out[in_sentence..]
                        .iter()
                        .any(|q| !q.direct && q.span.start < le && fs < q.span.end)
                })
            } else {
                embedded::speech_noun(doc, v, b)
                    .or_else(|| complement::communication_clause(doc, v, b).map(some))
            };
            let Some((spk, first, last)) = found else {
                continue;
            };
            // A report in a relative clause ends with it (`the number who said they had used
            // cannabis ... rose by 23 percent`).
            let mut last = complement::relative_clause_end(toks, v, b)
                .filter(|&e| e > first)
                .map_or(last, |e| last.min(e));
            // A writer's adverb closing the sentence after a comma (`..., though.`,
            // `..., however.`) is no part of the report.
            let mut cut = last;
            while cut > first + 2 && toks[cut - 1].text == "." {
                cut -= 1;
            }
            if cut > first + 2
                && matches!(toks[cut - 1].text.as_str(), "though" | "however")
                && toks[cut - 2].text == ","
            {
                last = cut - 1;
            }
            // (Nor is a conjunction left before a direct quote the clause stopped at: `he
            // was "humbled" by the results and "..."`.)
            while last > first
                && (matches!(
                    toks[last - 1].text.as_str(),
                    "," | "." | ";" | ":" | "..." | "…" | "and" | "but" | "or"
                ) || is_mark(&toks[last - 1].text)
                    || toks[last - 1].text == ")"
                        && !toks[first..last].iter().any(|t| t.text == "("))
            {
                last -= 1;
            }
            // A sentence opening with a single mark is a direct quote and its attribution,
            // and a quote after a colon is direct only (`Kerr added: ‘We’ll fight ...’`).
            let after_colon = first >= 2
                && (is_mark(&toks[first - 1].text) || toks[first - 1].text == "‘")
                && toks[first - 2].text == ":";
            if first >= last
                || words(&toks[first..last]) < 3
                || toks[first].text == "‘"
                || after_colon
            {
                continue;
            }
            // A report by unnamed persons inside a clause another speaker reports (`The
            // Chronicle says he was arrested after employees said he tried to steal a van`)
            // is part of that report, not a quotation of its own; so is one the rules
            // give the outer speaker.
            let unnamed = spk.is_none_or(|(s, _)| !capitalised(&toks[s].text));
            let nested = out[in_sentence..].iter().any(|q| {
                let same = q.speaker_span.map(|x| x.start) == spk.map(|(s, _)| toks[s].span.start);
                !q.direct && q.span.contains(toks[v].span) && (unnamed || same)
            });
            if nested {
                continue;
            }
            let span = Span::new(toks[first].span.start, toks[last - 1].span.end);
            let text = span.get(&doc.text).unwrap_or_default().to_string();
            // Keyed apart from direct quotes: a reported clause that is all a partial quote
            // (`remarked that "the existence of ..."`) is both.
            if !seen.insert(format!("i{}", normalise(&text))) {
                continue;
            }
            out.push(make_quote(
                doc,
                persons,
                mentions,
                text,
                span,
                spk,
                Some(v),
                false,
            ));
        }
    }
}

/// For each token, whether one of `spans` contains it (tokens are in text order and do not
/// overlap: those of a span are one stretch).
fn inside(toks: &[Token], spans: &[Span]) -> Vec<bool> {
    let mut v = vec![false; toks.len()];
    for d in spans {
        let from = toks.partition_point(|t| t.span.start < d.start);
        for (k, t) in toks.iter().enumerate().skip(from) {
            if t.span.start > d.end {
                break;
            }
            v[k] |= d.contains(t.span);
        }
    }
    v
}

/// Whether sentence `[a, b)` is a headline: the document's first paragraph, a sentence of
/// its own with no final punctuation (`Judge says the draft violates the Constitution`).
/// News headlines report in the present (`X says ...`) what the article reports again; the
/// gold sets annotate the article's report only.
fn headline(doc: &Document, a: usize, b: usize) -> bool {
    let toks = &doc.tokens;
    let Some(last) = b.checked_sub(1).filter(|&l| l > a) else {
        return false;
    };
    // (A paragraph must follow: a text of one sentence is no headline.)
    a == 0
        && b < toks.len()
        && para_break(doc, last, b)
        && !matches!(toks[last].text.as_str(), "." | "!" | "?" | ":" | ";" | ")")
        && !is_mark(&toks[last].text)
        && toks[last].text != "’"
}

/// Whether `t` is a form the shared list leaves out of a verb it holds (`reports` of
/// `reported`; not the extra forms, which stand for themselves only): a finite verb by the
/// tag (a participle after `has` is left to the rules of the listed forms).
fn other_form(t: &Token) -> bool {
    // A form the attribution list holds was left out of this one on purpose (`suggests`,
    // `admits`: "an estimate suggests" is inference).
    t.xpos.as_deref() != Some("VBN")
        && !super::is_verb(&t.text)
        && super::lexicon::other_form_of(t, is_speech_verb)
}

/// `As Feng reports for NPR, ...`: in a fronted `As` attribution (up to six words, no comma
/// before the verb) the present form of a listed verb is that verb, whatever its tag (a
/// tagger reads `reports` after a name as a plural noun).
fn as_report(toks: &[Token], a: usize, v: usize) -> bool {
    let Some(stem) = toks[v].text.strip_suffix('s') else {
        return false;
    };
    toks[a].text == "As"
        && v > a + 1
        && v <= a + 6
        && !(a..v).any(|k| toks[k].text == ",")
        && stem.chars().all(|c| c.is_ascii_lowercase())
        && [format!("{stem}ed"), format!("{stem}d")]
            .iter()
            .any(|f| SPEECH_VERBS.contains(&f.as_str()))
}

/// `CLAUSE, a new study reports.`: the present form of a listed verb closing its sentence
/// right after a short subject set off by a comma is that verb, whatever its tag (a tagger
/// reads `reports`, `notes` or `claims` after a noun as a plural noun).
fn closing_present(toks: &[Token], a: usize, v: usize, b: usize) -> bool {
    let Some(stem) = toks[v].text.strip_suffix('s') else {
        return false;
    };
    let closes = toks
        .get(v + 1)
        .is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?"))
        && v + 2 >= b;
    closes
        && stem.len() > 2
        && stem.chars().all(|c| c.is_ascii_lowercase())
        && (v.saturating_sub(6).max(a + 1)..v).any(|k| toks[k].text == ",")
        && [format!("{stem}ed"), format!("{stem}d")]
            .iter()
            .any(|f| SPEECH_VERBS.contains(&f.as_str()))
}

/// Nouns of evidence: what a test or a study shows is a finding, not anyone's words.
const EVIDENCE: &[&str] = &[
    "test",
    "tests",
    "scan",
    "scans",
    "result",
    "results",
    "data",
    "study",
    "studies",
    "research",
    "analysis",
    "examination",
    "autopsy",
    "x-ray",
    "x-rays",
    "images",
    "samples",
    "experiment",
    "experiments",
    "measurements",
    "observations",
    "evidence",
];

/// `Blood tests revealed that ...`, `The scan showed ...`: a verb of showing (by its form)
/// whose subject, by the parse or right before it, is a noun of evidence.
fn evidence_finding(toks: &[Token], a: usize, v: usize) -> bool {
    let showing = matches!(
        toks[v].text.as_str(),
        "revealed"
            | "reveals"
            | "reveal"
            | "showed"
            | "shows"
            | "show"
            | "confirmed"
            | "confirms"
            | "indicated"
            | "indicates"
            | "demonstrated"
            | "demonstrates"
            | "found"
            | "finds"
    );
    if !showing || v <= a {
        return false;
    }
    let evidence = |k: usize| EVIDENCE.contains(&toks[k].text.to_lowercase().as_str());
    // (The subject is looked for only after a verb of showing: this runs on every token.)
    let parsed = (a..v)
        .rev()
        .find(|&k| toks[k].head == Some(v) && toks[k].deprel.as_deref() == Some("nsubj"));
    parsed.map_or_else(|| evidence(v - 1), evidence)
}

/// The part of sentence `[a, b)` in the paragraph of token `v`; `breaks` are the tokens of
/// the sentence after a paragraph break, in order.
fn paragraph_bounds(breaks: &[usize], a: usize, v: usize, b: usize) -> (usize, usize) {
    let after = breaks.partition_point(|&k| k <= v);
    let start = after.checked_sub(1).map_or(a, |i| breaks[i]);
    let end = breaks.get(after).copied().unwrap_or(b);
    (start, end)
}

/// `pointed out that ...`: a phrasal verb of speech, reported only with its `that`.
fn phrasal_report(toks: &[Token], v: usize) -> bool {
    matches!(toks[v].text.as_str(), "pointed" | "points" | "pointing")
        && toks.get(v + 1).is_some_and(|t| t.text == "out")
        && toks.get(v + 2).is_some_and(|t| t.text == "that")
}

/// Where the words of sentence `[a, b)` begin: after a dateline (`VIENNA — The house ...`,
/// `HAYWARD, Calif. (AP) — Authorities ...`, `(Reuters) — The ...`), after a bracketed
/// source (`(CNN) President Donald Trump, according to ...`) or the bracket opening a
/// parenthetical sentence (`(As Gupta noted at the time, ...)`).
fn content_start(toks: &[Token], a: usize, b: usize) -> usize {
    let a = dateline_end(toks, a, b);
    if a >= b || toks[a].text != "(" {
        return a;
    }
    match (a + 1..(a + 5).min(b)).find(|&k| toks[k].text == ")") {
        Some(c) if c > a + 1 && c + 1 < b && capitalised(&toks[c + 1].text) => c + 1,
        Some(_) => a,
        None => a + 1,
    }
}

/// A dash set off by spaces at token `k` (not the hyphen of a compound).
pub(super) fn free_dash(toks: &[Token], k: usize) -> bool {
    matches!(toks[k].text.as_str(), "—" | "–" | "--" | "-")
        && k > 0
        && k + 1 < toks.len()
        && toks[k - 1].span.end < toks[k].span.start
        && toks[k].span.end < toks[k + 1].span.start
}

/// The token after a dateline opening sentence `[a, b)`: a free-standing dash within the
/// first ten tokens, after nothing but capitalised words (a place, an outlet, an agency in
/// brackets), commas and brackets. `a` itself when there is none. News wires open their
/// first paragraph this way; the words after the dash are the sentence.
pub(super) fn dateline_end(toks: &[Token], a: usize, b: usize) -> usize {
    let dash = |k: usize| k > a && k + 1 < b && free_dash(toks, k);
    let Some(d) = (a..(a + 10).min(b)).find(|&k| dash(k)) else {
        return a;
    };
    let head = toks[a..d]
        .iter()
        .all(|t| capitalised(&t.text) || matches!(t.text.as_str(), "," | "(" | ")"));
    if head && toks[a..d].iter().any(|t| capitalised(&t.text)) && capitalised(&toks[d + 1].text) {
        d + 1
    } else {
        a
    }
}

#[cfg(test)]
mod round12_tests;
