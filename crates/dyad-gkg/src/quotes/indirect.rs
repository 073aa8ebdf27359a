//! Indirect speech ("X said (on Thursday) that ...", "X told reporters the talks ...",
//! "according to X, ...") and the subject of a speech verb, which direct quotes share.
//!
//! The subject comes from the dependency parse when the document has one (`nsubj` of the
//! verb, or of the verb it is coordinated with or depends on: "and said", "saying"), and
//! otherwise from the tokens around the verb. The reported clause runs from `that` (or the
//! word after the verb and its object and time phrase) to the end of its clause; a partial
//! quote inside it stays inside it.

use std::collections::HashSet;

use dyad_core::{Document, Span, Token};

use super::{
    apposition_subject, capitalised, clause_parse, embedded, is_mark, is_verb, make_quote,
    name_before, name_run, normalise, pronoun_at, pronoun_before, words, Person, PRONOUNS,
};

/// Verbs whose clause is reported speech. Participles ("saying") introduce direct quotes
/// more than clauses and are left out.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "stated",
    "states",
    "noted",
    "notes",
    "observed",
    "explained",
    "added",
    "adds",
    "claimed",
    "claims",
    "asserted",
    "argued",
    "warned",
    "insisted",
    "stressed",
    "announced",
    "acknowledged",
    "admitted",
    "confirmed",
    "reported",
    "recommends",
    "recommended",
    "wrote",
    "writes",
    "revealed",
    "suggested",
    "proclaimed",
    "remarked",
    "argues",
    "warns",
    "explains",
    // Participles report a clause after `that` or as a finite clause of the parse ("...,
    // saying the hostages had suffered"); a quote mark after them is a direct quote.
    "saying",
    "telling",
    "warning",
    "adding",
    "arguing",
    "insisting",
    "noting",
    "stressing",
    "claiming",
    "explaining",
    "announcing",
    "alleged",
    "alleges",
    "alleging",
    "reiterated",
    "reiterates",
    "denied",
    "denies",
    "testified",
    "testifies",
    "contended",
    "conceded",
    "emphasised",
    "emphasized",
    "suggesting",
    "suggest",
    "insist",
    "insists",
    "maintained",
];

/// Reporting verbs whose clause may come without `that`.
const NO_THAT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "stated",
    "states",
    "noted",
    "notes",
    "added",
    "adds",
    "claimed",
    "claims",
    "insisted",
    "argued",
    "warned",
    "wrote",
    "writes",
    "observed",
    "explained",
    "stressed",
    "reiterated",
    "insist",
    "insists",
    "testified",
];

/// Words that cannot start a reported clause right after the verb.
const NOT_CLAUSE_START: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "of",
    "about",
    "as",
    "into",
    "after",
    "before",
    "during",
    "while",
    "when",
    "if",
    "and",
    "but",
    "or",
    "so",
    "nothing",
    "anything",
    "goodbye",
    "so",
    "yes",
    "no",
    "more",
    "much",
    "alongside",
    "following",
    "outside",
    "inside",
    "through",
    "afterwards",
    "afterward",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
];

/// Words after `that` that make it a relative pronoun ("the locations that would be ...").
const AUXILIARIES: &[&str] = &[
    "would", "will", "was", "were", "is", "are", "has", "have", "had", "could", "can", "may",
    "might", "should", "must",
];

/// Prepositions opening a setting between a speech verb and its `that` (`said in a letter
/// to ... that`, `said during a hearing that`).
const SETTING_PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "to", "before", "after"];

/// Nouns closing the setting of a speech verb (`in a joint statement`).
const SETTING_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "letter",
    "speech",
    "address",
    "post",
    "tweet",
    "email",
    "release",
    "briefing",
    "conference",
    "note",
    "report",
    "message",
    "video",
    "broadcast",
];

/// Adverbs between a verb and its clause ("said earlier the ...", "said publicly ...").
const ADVERBS: &[&str] = &[
    "earlier",
    "later",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "again",
    "then",
];

/// Nouns of a time phrase after `last`, `this`, `next`.
const PERIODS: &[&str] = &[
    "week", "month", "year", "weekend", "night", "summer", "spring", "autumn", "fall", "winter",
];

/// Prepositions after a verb's object ("warned Europe about", "told Congress of").
const OBJECT_PREPOSITIONS: &[&str] = &["about", "of", "against", "over", "for", "on", "with", "to"];

/// Unnamed sources of `according to` ("according to court records", "according to the
/// police department").
const SOURCE_NOUNS: &[&str] = &[
    "department",
    "police",
    "officials",
    "official",
    "ministry",
    "agency",
    "report",
    "reports",
    "statement",
    "records",
    "documents",
    "sources",
    "source",
    "data",
    "study",
    "survey",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "witnesses",
    "prosecutors",
    "authorities",
    "media",
    "researchers",
    "experts",
    "analysts",
    "newspaper",
    "representative",
    "estimates",
    "figures",
];

/// Present-tense forms that are plural nouns as often ("authoritarian states that ..."): they
/// report speech only after a name, a pronoun or a noun with its determiner.
const NOUN_LIKE: &[&str] = &[
    "states", "notes", "claims", "reports", "adds", "tells", "says",
];

/// Objects of `told` before the clause.
const OBJECTS: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "police",
];

/// Words of a time phrase between a verb and its clause ("said on Thursday", "said
/// yesterday").
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "recently",
    "also",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words of the setting of a closing attribution besides its time (`, the US military said
/// in a statement on Wednesday.`, `, she said in an interview late Tuesday.`).
const TRAILING_SETTING: &[&str] = &[
    "on",
    "in",
    "at",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "late",
    "early",
    "last",
    "this",
    "statement",
    "interview",
    "letter",
    "release",
    "news",
    "briefing",
    "conference",
    "tweet",
    "email",
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
];

/// The speaker tokens of speech verb `v`: from the parse when there is one, else from the
/// tokens around it.
pub(super) fn subject_of(doc: &Document, v: usize) -> Option<(usize, usize)> {
    subject_depth(doc, v, 0)
}

fn subject_depth(doc: &Document, v: usize, depth: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if depth > 3 {
        return None;
    }
    // A name or pronoun right before the verb, or a name closed by an apposition's comma,
    // is more reliable than the parse's subject, which may be a title noun ("co-founder").
    if let Some(s) = name_before(toks, v)
        .or_else(|| pronoun_before(toks, v))
        .or_else(|| apposition_subject(doc, v))
        .or_else(|| parse_subject(doc, v))
    {
        return Some(s);
    }
    // Coordinated or participial: "Cooper said ... and said", "He stressed ..., saying".
    if let Some(h) = toks[v].head {
        let rel = toks[v].deprel.as_deref().unwrap_or("");
        if matches!(rel, "conj" | "advcl" | "xcomp" | "parataxis") && h < toks.len() {
            return subject_depth(doc, h, depth + 1);
        }
    }
    let start = sentence_start(doc, v);
    if v > 0 && matches!(toks[v - 1].text.as_str(), "and" | "also") {
        if let Some(prev) = (start..v - 1).rev().find(|&k| is_verb(&toks[k].text)) {
            return subject_depth(doc, prev, depth + 1);
        }
        return super::sentence_subject(doc, start, v);
    }
    None
}

/// `X, who said ...`: the name or noun before the relative `who` speaks.
fn who_antecedent(toks: &[Token], a: usize, v: usize) -> Option<(usize, usize)> {
    if v < a + 3 || toks[v - 1].text != "who" || toks[v - 2].text != "," {
        return None;
    }
    let c = v - 2;
    name_before(toks, c).or_else(|| {
        let t = &toks[c - 1];
        t.xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("NN"))
            .then_some((c - 1, c))
    })
}

/// An unnamed source right before the verb: "officials have stated", "media have said".
fn bare_subject(toks: &[Token], start: usize, v: usize) -> Option<(usize, usize)> {
    let mut e = v;
    while e > start
        && (matches!(toks[e - 1].text.as_str(), "have" | "has" | "had" | "also")
            || super::adverb(&toks[e - 1]))
    {
        e -= 1;
    }
    let k = e.checked_sub(1).filter(|&k| k >= start)?;
    let t = toks[k].text.as_str();
    let noun = t.chars().all(char::is_alphabetic)
        && t.len() > 2
        && !matches!(
            t.to_lowercase().as_str(),
            "who"
                | "which"
                | "that"
                | "and"
                | "but"
                | "also"
                | "not"
                | "never"
                | "always"
                | "repeatedly"
                | "often"
                | "again"
                | "reportedly"
                | "previously"
                | "later"
                | "still"
                | "already"
                | "publicly"
                | "privately"
                | "initially"
                | "once"
                | "earlier"
                | "consistently"
                | "was"
                | "were"
                | "been"
                | "had"
                | "has"
                | "have"
                | "will"
                | "would"
                | "could"
                | "should"
                | "the"
                | "this"
                | "what"
                | "she"
                | "they"
                | "you"
        );
    noun.then_some((k, k + 1))
}

fn sentence_start(doc: &Document, v: usize) -> usize {
    doc.sentences
        .iter()
        .find(|s| s.tokens[0] <= v && v < s.tokens[1])
        .map(|s| s.tokens[0])
        .unwrap_or(0)
}

/// The `nsubj` of `v` in the parse, widened to its name (`Yvette Cooper`) or to an
/// appositive name (`spokesman ... Fuad Basya`).
fn parse_subject(doc: &Document, v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let start = sentence_start(doc, v);
    let end = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= v && v < s.tokens[1])
        .map(|s| s.tokens[1])
        .unwrap_or(toks.len());
    let k = (start..end).find(|&k| {
        toks[k].head == Some(v)
            && toks[k]
                .deprel
                .as_deref()
                .is_some_and(|r| r.starts_with("nsubj"))
    })?;
    if let Some(p) = pronoun_at(toks, k) {
        return Some(p);
    }
    // `it said`, `which it said crashed ...`: an organisation or body named before.
    if matches!(toks[k].text.as_str(), "it" | "It") && k < v {
        return Some((k, k + 1));
    }
    let widen = |k: usize| {
        if !capitalised(&toks[k].text) || is_mark(&toks[k].text) {
            return None;
        }
        let mut s = k;
        while s > start && capitalised(&toks[s - 1].text) && !is_mark(&toks[s - 1].text) {
            s -= 1;
        }
        (s..=k).find_map(|i| name_run(toks, i).filter(|&(a, b)| a <= k && k < b))
    };
    widen(k).or_else(|| {
        // A title noun with the name after it: "co-founder Mark Zuckerberg", "the firm
        // Secunia.com".
        (k + 1..end)
            .filter(|&c| {
                toks[c].head == Some(k)
                    && matches!(
                        toks[c].deprel.as_deref(),
                        Some("appos" | "flat" | "compound")
                    )
            })
            .find_map(widen)
    })
}

/// Indirect speech: "X said (on Thursday) that ...", "X told Y the ...", "..., according to X".
pub(super) fn indirect(
    doc: &Document,
    persons: &[Person],
    mentions: &[Person],
    direct: &[Span],
    seen: &mut HashSet<String>,
    out: &mut Vec<super::Quote>,
) {
    let toks = &doc.tokens;
    for s in &doc.sentences {
        let [a, b] = s.tokens;
        let a = content_start(toks, a, b);
        let in_sentence = out.len();
        for v in a..b {
            if direct.iter().any(|d| d.contains(toks[v].span)) {
                continue;
            }
            let some = |(spk, f, l): ((usize, usize), usize, usize)| (Some(spk), f, l);
            // "Estimates suggest ..." is inference; "tried to suggest that ..." is speech.
            let bare_suggest = toks[v].text == "suggest" && (v == 0 || toks[v - 1].text != "to");
            let found = if embedded::not_a_report(toks, v) || bare_suggest {
                None
            } else if REPORTING.contains(&toks[v].text.as_str())
                || (v == a && REPORTING.contains(&toks[v].text.to_lowercase().as_str()))
            {
                embedded::passive_told(toks, v, b)
                    .or_else(|| embedded::parenthetical(toks, a, v, b))
                    .or_else(|| embedded::as_attribution(doc, a, v, b))
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
            } else if toks[v].text.eq_ignore_ascii_case("according")
                && toks.get(v + 1).is_some_and(|t| t.text == "to")
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
            };
            let Some((spk, first, last)) = found else {
                continue;
            };
            let mut last = last;
            while last > first
                && (matches!(toks[last - 1].text.as_str(), "," | "." | ";" | ":")
                    || is_mark(&toks[last - 1].text)
                    || toks[last - 1].text == ")"
                        && !toks[first..last].iter().any(|t| t.text == "("))
            {
                last -= 1;
            }
            if first >= last || words(&toks[first..last]) < 3 {
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

/// Where the words of sentence `[a, b)` begin: after a bracketed dateline (`(CNN) President
/// Donald Trump, according to ...`) or the bracket opening a parenthetical sentence (`(As
/// Gupta noted at the time, ...)`).
fn content_start(toks: &[Token], a: usize, b: usize) -> usize {
    if a >= b || toks[a].text != "(" {
        return a;
    }
    match (a + 1..(a + 5).min(b)).find(|&k| toks[k].text == ")") {
        Some(c) if c > a + 1 && c + 1 < b && capitalised(&toks[c + 1].text) => c + 1,
        Some(_) => a,
        None => a + 1,
    }
}

/// `CLAUSE, police said.` / `CLAUSE, says Tarlo.`: an attribution closing its sentence
/// after a comma; the clause is the sentence before that comma. (speaker, first, end).
fn trailing(
    toks: &[Token],
    a: usize,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    let mut end = b;
    while end > v + 1 && matches!(toks[end - 1].text.as_str(), "." | "!" | "?") {
        end -= 1;
    }
    let (c, spk) = if let Some(n) = inverted_source(toks, v, end) {
        (v - 1, n)
    } else if v > a && toks[v - 1].text == "," {
        // Inverted: `, says Tarlo.`, `, says Canadian Blood Services (CBS).`
        let n = name_run(toks, v + 1).or_else(|| pronoun_at(toks, v + 1))?;
        // The name closes the sentence (a bracketed acronym may follow it), or an
        // apposition in lower case does (`, said Serene Gregg, local president of the
        // prison workers' union.`).
        let apposition = toks.get(n.1).is_some_and(|t| t.text == ",")
            && toks
                .get(n.1 + 1)
                .is_some_and(|t| t.text.starts_with(|c: char| c.is_lowercase()))
            && !(n.1 + 1..end).any(|k| is_verb(&toks[k].text) || is_mark(&toks[k].text));
        if n.1 < end && toks[n.1].text != "(" && !apposition {
            return None;
        }
        (v - 1, n)
    } else {
        // `, police said.`, `, Mr Panvalkar said on Monday.`: a short subject after a comma
        // (up to seven words: `, people familiar with Chinese trade policy said.`); after
        // `told` a name may close the sentence (`, an insurgent source told Agence
        // France-Presse.`).
        let told_name = matches!(toks[v].text.as_str(), "told" | "tells")
            && name_run(toks, v + 1).is_some_and(|(s, e)| s == v + 1 && e >= end);
        if !told_name
            && (v + 1..end).any(|k| {
                let w = toks[k].text.as_str();
                !TIME_WORDS.contains(&w) && !TRAILING_SETTING.contains(&w)
            })
        {
            return None;
        }
        // The subject may be a long description with no verb in it (`, the U.S. Attorney's
        // Office for the Western District of New York said in a statement.`).
        let c = (a..v).rev().take(16).find(|&k| toks[k].text == ",")?;
        if v - c > 8 && !long_source(toks, c + 1, v) {
            return None;
        }
        let spk = name_before(toks, v)
            .or_else(|| pronoun_before(toks, v))
            .filter(|&(s, _)| s > c)
            .unwrap_or((c + 1, v));
        // A name closing a prepositional phrase of a long subject is not the speaker: the
        // whole body is (`the U.S. Attorney's Office for the Western District of New York`).
        let before_name = |s: usize| {
            let mut k = s;
            while k > c + 1 && matches!(toks[k - 1].text.as_str(), "the" | "a" | "an") {
                k -= 1;
            }
            k > c + 1 && toks[k - 1].xpos.as_deref() == Some("IN")
        };
        let spk = if v - c > 4 && spk.0 > c + 1 && before_name(spk.0) {
            (c + 1..spk.0)
                .find(|&k| capitalised(&toks[k].text) && !is_mark(&toks[k].text))
                .map_or(spk, |s| (s, v))
        } else {
            spk
        };
        (c, spk)
    };
    // Partial quotes may sit inside the clause (`X took the decision to "discontinue the
    // investigation", the authority said.`, `... and said, "somebody ought to ...," the
    // prosecutor's office said.`): balanced marks in a sentence that does not open with one
    // (that is a direct quote and its attribution).
    // (A mark closing the clause right after its comma counts: `... in her skull," the
    // prosecutor's office said.`)
    let marks = (a..c)
        .chain((c + 1 < v && is_mark(&toks[c + 1].text)).then_some(c + 1))
        .filter(|&k| is_mark(&toks[k].text))
        .count();
    let partial_ok = marks % 2 == 0 && !is_mark(&toks[a].text);
    if c <= a || (marks > 0 && !partial_ok) || (c + 1..v).any(|k| is_verb(&toks[k].text)) {
        return None;
    }
    Some((spk, skip_conjunction(toks, a, c), c))
}

/// A long subject of a closing attribution: no verb and no quote mark, a name or a noun
/// closing it (`the U.S. Attorney's Office for the Western District of New York`, `a second
/// person briefed on the call`).
fn long_source(toks: &[Token], s: usize, v: usize) -> bool {
    let finite = |t: &Token| {
        matches!(t.xpos.as_deref(), Some("VBD" | "VBZ" | "VBP" | "MD"))
            || matches!(t.text.as_str(), "who" | "which" | "that")
    };
    !toks[s..v].iter().any(|t| finite(t) || is_mark(&t.text))
        && toks[v - 1].text.chars().all(char::is_alphabetic)
}

/// A coordinating word opening a reported sentence is the writer's link, not the
/// speaker's words (`But it may morph into ..., people familiar with the talks say.`).
fn skip_conjunction(toks: &[Token], a: usize, c: usize) -> usize {
    let mut f = a;
    if f + 1 < c && matches!(toks[f].text.as_str(), "But" | "And" | "Yet" | "So") {
        f += 1;
        while f + 1 < c && toks[f].text == "," {
            f += 1;
        }
    }
    f
}

/// `CLAUSE, said another witness in the probe, former adviser Fiona Hill.`: an inverted
/// attribution whose subject is a description ending in a name, the sentence's last words
/// (`end`, before the final period) after `, said`, or a name with a lower-case apposition
/// (`, said Serene Gregg, local president of the union.`). The name is the speaker. A verb,
/// a quote mark or `that` after `said` makes it a clause instead.
fn inverted_source(toks: &[Token], v: usize, end: usize) -> Option<(usize, usize)> {
    if v < 2 || toks[v - 1].text != "," || end <= v + 1 || end - v > 16 {
        return None;
    }
    let tail = v + 1..end;
    let no_verb = |r: std::ops::Range<usize>| {
        !toks[r].iter().any(|t| {
            is_mark(&t.text)
                || is_verb(&t.text)
                || t.text == "that"
                || matches!(t.upos.as_deref(), Some("VERB" | "AUX"))
        })
    };
    // A name first, then its apposition in lower case (`, said Serene Gregg, local president
    // of the prison workers' union.`).
    if let Some((s, e)) = name_run(toks, v + 1).filter(|&(s, _)| s == v + 1) {
        // Or opening with an organisation's possessive (`, said Mark Quinlan, PG&E's senior
        // director of ...`).
        let mut k = e + 1;
        while k < end && k < e + 5 && (capitalised(&toks[k].text) || toks[k].text == "&") {
            k += 1;
        }
        let possessive = k > e + 1
            && k + 1 < end
            && matches!(toks[k].text.as_str(), "'s" | "’s")
            && toks[k + 1].text.starts_with(|c: char| c.is_lowercase());
        let apposition = e + 1 < end
            && toks[e].text == ","
            && (toks[e + 1].text.starts_with(|c: char| c.is_lowercase()) || possessive)
            && no_verb(e + 1..end);
        return apposition.then_some((s, e));
    }
    // `testified before the House Committee` is a verb with its phrase, not an inversion.
    if !toks[v + 1].text.starts_with(|c: char| c.is_lowercase())
        || NOT_CLAUSE_START.contains(&toks[v + 1].text.as_str())
        || toks[v + 1].upos.as_deref() == Some("ADP")
        || !no_verb(tail.clone())
    {
        return None;
    }
    tail.filter(|&k| !capitalised(&toks[k - 1].text))
        .filter_map(|k| name_run(toks, k).filter(|&(s, e)| s == k && e == end))
        .next()
}

/// `X said (that) CLAUSE`: (speaker, first, end) token indexes of the clause.
fn reported_clause(doc: &Document, v: usize, b: usize) -> Option<((usize, usize), usize, usize)> {
    let toks = &doc.tokens;
    let a = sentence_start(doc, v);
    let mut last = b;
    while last > v + 1 && matches!(toks[last - 1].text.as_str(), "." | "!" | "?") {
        last -= 1;
    }
    if inverted_source(toks, v, last).is_some() {
        return None;
    }
    let stop =
        |k: usize| is_mark(&toks[k].text) || matches!(toks[k].text.as_str(), "." | ":" | ";");
    // `that` a few words on, with no punctuation before it but commas; not a relative
    // `that` ("announced the locations that would be given ...").
    // `told` has a person before its clause, who may carry a relative clause ("told a few
    // thousand teachers who covered the lawn that ...").
    let tell = matches!(toks[v].text.as_str(), "told" | "tells" | "tell" | "telling");
    // A setting phrase may come first (`said in an Oct. 26 letter to communications
    // companies that ...`).
    let setting = toks
        .get(v + 1)
        .is_some_and(|n| SETTING_PREPOSITIONS.contains(&n.text.as_str()));
    let reach = if tell || setting { 16 } else { 9 };
    let that = (v + 1..(v + reach).min(b))
        .take_while(|&k| !stop(k))
        .find(|&k| toks[k].text == "that")
        .filter(|&t| {
            // A verb right after `that` makes it a relative pronoun ("the letter that
            // was sent"; past a setting, "in a letter that saw ..." by the tag too).
            t == v + 1
                || !toks.get(t + 1).is_some_and(|n| {
                    AUXILIARIES.contains(&n.text.as_str())
                        || setting
                            && matches!(n.xpos.as_deref(), Some("VBD" | "VBZ" | "VBP" | "MD"))
                })
        })
        .filter(|&t| t == v + 1 || !begun_clause(toks, v, t));
    // `notes the CDC requirement that ...`: the clause is the noun's, and the verb reports
    // nothing, unless the noun is one of speech (`reiterated the UK's position that ...`).
    if let Some(t) = that.filter(|&t| t > v + 1 && noun_object(toks, v, t, tell)) {
        if !embedded::SPEECH_NOUNS.contains(&toks[t - 1].text.as_str()) {
            return None;
        }
    }
    let first = match that {
        Some(t) => {
            let mut f = t + 1;
            while toks.get(f).is_some_and(|t| t.text == ",") {
                f += 1;
            }
            f
        }
        // `X said: the talks failed.`: a colon without a quote mark after it.
        None if toks.get(v + 1).is_some_and(|t| t.text == ":")
            && toks.get(v + 2).is_some_and(|t| {
                v + 2 < b && !is_mark(&t.text) && t.text.chars().any(char::is_alphanumeric)
            }) =>
        {
            v + 2
        }
        None => {
            // The verb of a quote's attribution (`," Blinken said alongside ...`) takes no
            // clause; the mark must be in the verb's own sentence.
            let after_quote = (v.saturating_sub(4).max(a + 1)..v).any(|k| {
                is_mark(&toks[k].text) && matches!(toks[k - 1].text.as_str(), "," | "." | "?" | "!")
            });
            if after_quote {
                return None;
            }
            let parsed = clause_parse::complement_start(toks, v, b).filter(|&k| k <= v + 8);
            if NO_THAT.contains(&toks[v].text.as_str()) {
                let k = clause_without_that(doc, v, b).or(parsed)?;
                // `stressed the importance of the agreement`: besides say and tell, a verb
                // without `that` reports only a clause with a finite verb of its own (by the
                // tags; untagged text keeps the words' rule).
                let tagged = toks[k..b].iter().all(|t| t.xpos.is_some());
                let finite = toks[k..clause_end(toks, k, b)]
                    .iter()
                    .any(|t| matches!(t.xpos.as_deref(), Some("VBD" | "VBZ" | "VBP" | "MD")));
                let say = matches!(
                    toks[v].text.as_str(),
                    "said" | "says" | "say" | "told" | "tells" | "tell"
                );
                if tagged && !finite && !say {
                    return None;
                }
                k
            } else {
                // "announced the start of ...", "confirmed the report": without `that` these
                // verbs take an object; only a finite clause of the parse is reported speech.
                parsed?
            }
        }
    };
    // `, adding that ...` continues the report of the sentence's first speech verb.
    let spk = super::speakers::participle_reporter(doc, a, v)
        .map(|(s, _)| s)
        .or_else(|| subject_of(doc, v))
        .or_else(|| who_antecedent(toks, a, v))
        .or_else(|| {
            let s = bare_subject(toks, a, v)?;
            // "The report says" is a report; "authoritarian states that" is not.
            let determined = s.0 > 0
                && matches!(
                    toks[s.0 - 1].text.to_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her"
                );
            (!NOUN_LIKE.contains(&toks[v].text.as_str()) || determined).then_some(s)
        })
        .or_else(|| clause_parse::noun_subject(toks, a, v))
        // A participle after a comma reports for the subject of the main clause
        // ("Health care providers have protested ..., warning that ...").
        .or_else(|| {
            (v > a && toks[v - 1].text == "," && toks[v].text.ends_with("ing"))
                .then(|| super::sentence_subject(doc, a, v))
                .flatten()
        });
    let mut end = clause_parse::coordinated_cut(toks, v, first, clause_end(toks, first, b));
    // `The mayor, who said the city was prepared, ordered ...`: the relative clause closes
    // at a comma before a verb.
    if who_antecedent(toks, a, v).is_some() {
        if let Some(c) = (first..end).find(|&k| {
            toks[k].text == ","
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.xpos.as_deref().is_some_and(|x| x.starts_with("VB")))
        }) {
            end = c;
        }
    }
    end = tense_cut(toks, v, first, end);
    // A speech verb inside a fronted subordinate clause (`When his advisers suggested that
    // ..., Mr. Trump wasn't satisfied`): the main clause after the comma is not reported.
    // The verb is in the fronted clause when no comma comes between (`After the exchange of
    // fire, North Korea stated ...` is a main-clause verb).
    if v > a
        && SUBORDINATORS.contains(&toks[a].text.to_lowercase().as_str())
        && !(a..v).any(|k| toks[k].text == ",")
    {
        if let Some(c) = (first..end).find(|&k| toks[k].text == ",") {
            end = c;
        }
    }
    // A participle opening the sentence takes the main clause's subject after the reported
    // clause: "Warning that ...(,") he urged ...".
    let spk = match spk {
        Some(s) => s,
        None if v == a && toks[v].text.ends_with("ing") => {
            let (c, s) = (first..(end + 1).min(b)).find_map(|c| {
                if toks[c].text != "," {
                    return None;
                }
                let n = if toks.get(c + 1).is_some_and(|t| is_mark(&t.text)) {
                    c + 2
                } else {
                    c + 1
                };
                let s = pronoun_at(toks, n).or_else(|| name_run(toks, n))?;
                toks.get(s.1)
                    .is_some_and(|t| t.text.starts_with(|ch: char| ch.is_lowercase()))
                    .then_some((c, s))
            })?;
            end = c;
            s
        }
        None => return None,
    };
    // A participle opening the sentence reports up to the comma before the main clause's
    // subject (`Arguing that voters are ..., with the first votes ..., Patrick has said`).
    if v == a && toks[v].text.ends_with("ing") && spk.0 > first {
        if let Some(c) = (first..spk.0).rev().find(|&k| toks[k].text == ",") {
            end = c;
        }
    }
    // A subject after the verb is an inversion ("said Mauer"), not a clause (unless it
    // is the subject of a fronted participle).
    if spk.0 > v && v != a {
        return None;
    }
    Some((spk, first, end))
}

/// Words opening a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "while", "because", "since", "after", "before", "once",
    "unless", "whereas",
];

/// Auxiliaries that carry the tense of a clause, leaving its verb a participle or infinitive.
const TENSE_AUX: &[&str] = &[
    "had", "has", "have", "did", "does", "do", "would", "will", "could", "can", "may", "might",
    "should", "must",
];

/// Where a reported clause stops before a past-tense verb coordinated with the speech verb,
/// by the tags: `Trump said he had watched ... and slammed the hearings` (`slammed` is
/// tagged VBD, `watched` is a participle under `had`). When the speech verb is in the simple
/// past and the clause's tense is carried by an auxiliary, with no other simple past in it, a
/// bare simple past after `and` is the speech verb's own conjunct (an auxiliary after `and`,
/// "... and did not realize", keeps the clause going).
fn tense_cut(toks: &[Token], v: usize, first: usize, end: usize) -> usize {
    let past = |k: usize| toks[k].xpos.as_deref() == Some("VBD");
    if !past(v) {
        return end;
    }
    let Some(k) = (first + 1..end).find(|&k| {
        toks[k].text == "and"
            && toks
                .get(k + 1)
                .is_some_and(|n| past(k + 1) && !TENSE_AUX.contains(&n.text.as_str()))
    }) else {
        return end;
    };
    let aux = toks[first..k]
        .iter()
        .any(|t| TENSE_AUX.contains(&t.text.as_str()));
    let other_past = (first..k).any(|j| past(j) && !TENSE_AUX.contains(&toks[j].text.as_str()));
    if aux && !other_past {
        k
    } else {
        end
    }
}

/// Whether the `that` at `t` belongs to a clause of speech verb `v` that has already begun
/// with its own subject ("said he was surprised that ...", "said Vindman was told that
/// ..."): the clause starts right after the verb.
fn begun_clause(toks: &[Token], v: usize, t: usize) -> bool {
    matches!(
        toks[v + 1].text.as_str(),
        "he" | "she" | "they" | "it" | "we" | "I" | "there"
    ) || toks[v + 1..t]
        .iter()
        .any(|x| AUXILIARIES.contains(&x.text.as_str()))
}

/// Whether speech verb `v`, which takes no person before its clause (`tell` is false), has a
/// noun phrase object right after it that the `that` at `t` closes ("notes the CDC
/// requirement that ..."), with no verb in between ("stressed the decision would not change
/// the reality that ..." is a clause).
fn noun_object(toks: &[Token], v: usize, t: usize, tell: bool) -> bool {
    !tell
        && matches!(
            toks[v + 1].text.as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
        && !toks[v + 1..t].iter().any(|x| {
            AUXILIARIES.contains(&x.text.as_str())
                || is_verb(&x.text)
                || matches!(x.upos.as_deref(), Some("VERB" | "AUX"))
        })
}

/// The first token of the clause of a verb that may drop `that` (`said the talks ...`,
/// `told reporters on Monday the ...`), by the words alone.
fn clause_without_that(doc: &Document, v: usize, b: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let stop =
        |k: usize| is_mark(&toks[k].text) || matches!(toks[k].text.as_str(), "." | ":" | ";");
    let mut k = v + 1;
    if matches!(toks[v].text.as_str(), "told" | "tells" | "tell") {
        if let Some((_, e)) = name_run(toks, k) {
            k = e;
        } else if toks
            .get(k)
            .is_some_and(|t| OBJECTS.contains(&t.text.as_str()))
        {
            k += 1;
        } else if toks.get(k).is_some_and(|t| t.text == "the") {
            k += 2;
        } else {
            return None;
        }
        // "told (the) BBC's Andrew Marr Show": the possessive's name too.
        if toks
            .get(k)
            .is_some_and(|t| matches!(t.text.as_str(), "'s" | "’s"))
        {
            k = name_run(toks, k + 1).map_or(k + 1, |(_, e)| e);
        }
    }
    // A time phrase or adverb: "on Thursday", "yesterday", "in a statement", "earlier",
    // "last week".
    loop {
        let t = toks.get(k)?.text.as_str();
        if TIME_WORDS.contains(&t) || ADVERBS.contains(&t) {
            k += 1;
        } else if t == "on" && toks.get(k + 1).is_some_and(|n| capitalised(&n.text)) {
            k += 2;
        } else if t == "in" && toks.get(k + 1).is_some_and(|n| n.text == "a") {
            // `in a statement`, `in a joint statement`, `in a televised address`: up to the
            // setting's noun.
            k = (k + 2..(k + 5).min(b))
                .find(|&j| SETTING_NOUNS.contains(&toks[j].text.as_str()))
                .map_or(k + 3, |j| j + 1);
        } else if matches!(t, "last" | "this" | "next")
            && toks.get(k + 1).is_some_and(|n| {
                PERIODS.contains(&n.text.as_str()) || TIME_WORDS.contains(&n.text.as_str())
            })
        {
            k += 2;
        } else {
            break;
        }
    }
    let t = toks.get(k)?;
    // A word glued to a hyphen is a compound ("in-flight"), not a preposition.
    let compound = toks
        .get(k + 1)
        .is_some_and(|n| n.text == "-" && n.span.start == t.span.end);
    if k >= b
        || stop(k)
        || t.text == ","
        || !t.text.chars().any(char::is_alphanumeric)
        || (!compound
            && NOT_CLAUSE_START.contains(&t.text.to_lowercase().as_str())
            && !comparative_amount(toks, k))
    {
        return None;
    }
    // "claimed victory as the House ...": a bare singular noun (by the tag) right after the
    // verb, with a preposition after it, is the verb's object.
    if k == v + 1
        && toks[k].xpos.as_deref() == Some("NN")
        && toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.xpos.as_deref(), Some("IN" | "TO")))
    {
        return None;
    }
    // "warned Europe about ...": a name with a preposition after it is the verb's object.
    if let Some((_, e)) = name_run(toks, k) {
        if toks
            .get(e)
            .is_some_and(|n| OBJECT_PREPOSITIONS.contains(&n.text.as_str()))
        {
            return None;
        }
    }
    if clause_parse::is_object_of(toks, k, v)
        && toks
            .get(k + 1)
            .is_some_and(|n| OBJECT_PREPOSITIONS.contains(&n.text.as_str()))
        && clause_parse::complement_start(toks, v, b).is_none()
    {
        return None;
    }
    Some(k)
}

/// `more than 15,000 people ...`, `fewer than half ...`: an amount opening the clause, not
/// the object `more` of "said more needs to be done".
fn comparative_amount(toks: &[Token], k: usize) -> bool {
    matches!(
        toks[k].text.to_lowercase().as_str(),
        "more" | "less" | "fewer"
    ) && toks.get(k + 1).is_some_and(|t| {
        t.text == "than"
            || t.xpos
                .as_deref()
                .is_some_and(|x| matches!(x, "VBZ" | "VBD" | "MD"))
    })
}

/// `According to X, CLAUSE` / `CLAUSE, according to X`.
fn according_to(
    toks: &[Token],
    a: usize,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    // The phrase ends at a comma, a dash or a bracket too (`according to The Washington
    // Post's Fact Checker -- there is ...`).
    let mut p = (v + 2..b)
        .find(|&k| {
            is_mark(&toks[k].text)
                || matches!(
                    toks[k].text.as_str(),
                    "," | "." | ";" | "--" | "—" | "–" | "(" | ")"
                )
        })
        .unwrap_or(b);
    // The speaker: the last name in the phrase, or an apposition after it ("the team's coach,
    // Alireza Mehraban,").
    let mut spk = (v + 2..p)
        .filter(|&k| k == v + 2 || !capitalised(&toks[k - 1].text))
        .filter_map(|k| name_run(toks, k).filter(|&(_, e)| e <= p))
        .next_back();
    let appositive = toks.get(p).is_some_and(|t| t.text == ",")
        && name_run(toks, p + 1).is_some_and(|(_, e)| toks.get(e).is_some_and(|t| t.text == ","));
    if spk.is_none() || appositive {
        if let Some((s, e)) = name_run(toks, p + 1) {
            if toks.get(e).is_some_and(|t| t.text == ",") {
                spk = Some((s, e));
                p = e;
            }
        }
    }
    // No comma: "According to Rathbun the property was ...".
    if let Some((s, e)) = name_run(toks, v + 2) {
        let clause_word = toks.get(e).is_some_and(|t| {
            matches!(
                t.text.as_str(),
                "the" | "a" | "an" | "this" | "these" | "it" | "he" | "she" | "they" | "there"
            )
        });
        if s == v + 2 && p > e + 3 && clause_word {
            spk = Some((s, e));
            p = e - 1;
        }
    }
    // No name: a source noun closing a short phrase ("the city's police department",
    // "court records").
    let spk = spk.or_else(|| {
        let last = p
            .checked_sub(1)
            .filter(|&l| l >= v + 2 && p - (v + 2) <= 6)?;
        // A tagged plural noun in lower case is a source as well ("teachers unions").
        let tagged_plural = toks[last].xpos.as_deref() == Some("NNS")
            && toks[last].text.starts_with(|c: char| c.is_lowercase())
            && p - (v + 2) <= 4;
        (SOURCE_NOUNS.contains(&toks[last].text.as_str()) || tagged_plural).then_some((v + 2, p))
    })?;
    if embedded::according_inside(toks, a, v, p, b) {
        return Some((spk, a, b));
    }
    let opens =
        v == a || toks[v - 1].text == "that" || toks[v - 1].text.eq_ignore_ascii_case("and");
    if opens && p + 1 < b {
        let mut first = p + 1;
        // "..., quoting the KCNA agency, the military ...".
        if toks[first].text == "quoting" {
            first = (first..b).find(|&k| toks[k].text == ",")? + 1;
        }
        let end = clause_end(toks, first, b);
        // "According to the Herald, Professor Burrows, the chairman, said ...": the said-clause
        // is the quote.
        if end < b && toks.get(end + 1).is_some_and(|t| is_verb(&t.text)) {
            return None;
        }
        Some((spk, first, end))
    } else if v > a + 1 {
        let mut last = v;
        while last > a && matches!(toks[last - 1].text.as_str(), "," | "(") {
            last -= 1;
        }
        // `"Here we are ...," he told settler leaders, according to a statement.`: a direct
        // quote and its attribution, not a clause.
        if is_mark(&toks[a].text) {
            return None;
        }
        // "... migrants which, according to AFP, ...": a relative clause, not a report.
        if last > a && matches!(toks[last - 1].text.as_str(), "which" | "who" | "that") {
            return None;
        }
        // `Given that history -- and the fact that CLAUSE, according to X -- ...`: the
        // clause of a `that` after a noun.
        let first = (a..last)
            .rev()
            .find(|&k| {
                toks[k].text == "that"
                    && k > a
                    && (toks[k - 1].text == "fact"
                        || embedded::SPEECH_NOUNS.contains(&toks[k - 1].text.as_str()))
            })
            .map_or(a, |k| k + 1);
        Some((spk, first, last))
    } else {
        None
    }
}

/// The end (exclusive) of the reported clause: the sentence end, a quote mark that opens a
/// direct quote after a comma or colon (glued to the word after it, not to the one before:
/// `named "Better Idea of Afghan Girls," scored` goes on), or a comma before another speech
/// verb, "according to", or a new clause ("but", "with", "while", also after a closing quote
/// mark), or a dash before "and"/"but".
pub(super) fn clause_end(toks: &[Token], from: usize, end: usize) -> usize {
    (from..end)
        .find(|&k| {
            let t = toks[k].text.as_str();
            let opening = toks
                .get(k + 1)
                .is_some_and(|n| n.span.start == toks[k].span.end)
                && toks[k - 1].span.end < toks[k].span.start;
            (is_mark(t)
                && k > from
                && opening
                && matches!(toks[k - 1].text.as_str(), "," | ":")
                // A clause opening with a subordinate one goes on to its main clause
                // (`said although ... are known to impact yields, "nobody has ..."`).
                && !SUBORDINATORS.contains(&toks[from].text.as_str())
                && !(from >= 2
                    && toks[from - 1].text == ","
                    && toks[from - 2].text == "that"
                    && clause_parse::lacks_finite_verb(toks, from, k)))
                // A dash before a short verbless phrase closing the sentence is the
                // writer's apposition (`... defeating President Donald Trump in 2020 — her
                // top priority.`).
                || (matches!(t, "—" | "–" | "--")
                    && k > from
                    && end - k <= 7
                    && !toks[k + 1..end].iter().any(|n| {
                        n.xpos.as_deref().is_some_and(|x| x.starts_with("VB") || x == "MD")
                            || is_mark(&n.text)
                    }))
                // A dash before "and"/"but" turns to the writer's own words ("his approach
                // has created leverage — and in some cases, he is right").
                || (matches!(t, "—" | "–")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "and" | "but")))
                // A comma inside a closing quote mark before "but" (`in United States "farm
                // country," but the Chinese ...`).
                || (t == ","
                    && toks.get(k + 1).is_some_and(|n| is_mark(&n.text))
                    && toks.get(k + 2).is_some_and(|n| n.text == "but"))
                // A trailing attribution of the sentence (`..., Morrison testified.`).
                || (t == ","
                    && name_run(toks, k + 1)
                        .is_some_and(|(s, e)| s == k + 1 && toks.get(e).is_some_and(|n| is_verb(&n.text))))
                // The speaker's own circumstances: `, as he deflected ...`.
                || (t == ","
                    && toks.get(k + 1).is_some_and(|n| n.text == "as")
                    && toks.get(k + 2).is_some_and(|n| PRONOUNS.contains(&n.text.as_str())))
                // A second speech verb of the same speaker: `... "three amigos" and added`,
                // `... were treated well and asked their governments ...` (not `and
                // continued`, which is rarely speech).
                || (t == "and"
                    && k > from
                    && toks.get(k + 1).is_some_and(|n| {
                        REPORTING.contains(&n.text.as_str())
                            || matches!(n.text.as_str(), "asked" | "urged" | "replied")
                    }))
                // A second `that` clause of the same verb: `that the claim "is patently
                // false," and that "the United States is not ..."`.
                // (After a comma or a closing mark: `... repercussions and that the United
                // States will be better off` is one clause.)
                || (t == "and"
                    && k > from + 1
                    && (toks[k - 1].text == "," || is_mark(&toks[k - 1].text))
                    && toks.get(k + 1).is_some_and(|n| n.text == "that"))
                // An apposition to the whole clause: `..., a prospect Vindman denied`.
                || (t == ","
                    && k > from + 3
                    && toks.get(k + 1).is_some_and(|n| matches!(n.text.as_str(), "a" | "an"))
                    && !toks[k + 1..end]
                        .iter()
                        .any(|n| matches!(n.text.as_str(), "and" | "or" | ",")))
                || (t == ","
                    && toks.get(k + 1).is_some_and(|n| {
                        is_verb(&n.text)
                            || matches!(n.text.as_str(), "according" | "but" | "with" | "while")
                            || (PRONOUNS.contains(&n.text.as_str()) || n.text == "and")
                                && toks.get(k + 2).is_some_and(|m| is_verb(&m.text))
                    }))
        })
        .unwrap_or(end)
}
