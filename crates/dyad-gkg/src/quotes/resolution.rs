//! The quote record: the speaker tokens resolved to a full name. A pronoun takes a salient
//! person mentioned before it whose gender agrees; a surname, role, acronym or `it` takes
//! the name the text introduced. `person_mentions` lists the antecedents a pronoun can take:
//! known persons in subject position, outside quote marks.
//!
//! Resolution is apart from attribution because direct and indirect speech share it.

use std::collections::HashSet;

use dyad_core::{Document, Span, Token};

use super::named_descriptions;
use super::{
    capitalised, descriptions, full_name, name_run, name_word, person, speakers, words, Person,
    Persons, Quote, PRONOUNS, TITLES,
};

/// Every mention of a known person in subject position, by surname, in text order: the
/// antecedents a pronoun can take. Objects ("told Benioff", "with Cook") are left out.
pub(super) fn person_mentions(doc: &Document, persons: &Persons) -> Vec<Person> {
    // (A fast map: every token of the document is looked up, and only lookups are made.)
    let mut by_surname: rustc_hash::FxHashMap<&str, &str> = Default::default();
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
    // (The runs of the persons' document, made once for it.)
    let quoted: Vec<(usize, usize)> = persons
        .quoted_runs(doc)
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
            // A name the parse calls a vocative or a dislocated phrase is the subject when an
            // aside set off by commas leads to a verb (`Stafford, earlier in the hearing, was
            // adamant ...`); a true vocative opens an address (`Randy, this is the issue`).
            Some("vocative" | "dislocated") => aside_then_verb(toks, i),
            // (Up a chain of name parts, `Judge Gray Miller ruled`: `Miller` → `Gray` →
            // `Judge`, when the mention ends its name: `the Senate Majority Leader` names no
            // `Majority`.)
            Some("flat" | "compound" | "appos") => {
                let mut h = toks[i].head;
                let ends_name = toks.get(i + 1).is_none_or(|n| !name_word(&n.text));
                for _ in 0..3 {
                    match h {
                        Some(k)
                            if ends_name
                                && matches!(
                                    toks[k].deprel.as_deref(),
                                    Some("flat" | "compound" | "appos")
                                ) =>
                        {
                            h = toks[k].head
                        }
                        _ => break,
                    }
                }
                h.is_some_and(subject)
            }
            Some(_) => false,
        };
        // A surname right before a speech verb is its subject whatever the tagger made of a
        // surname that is also a common word (`Early says ...` parsed as an adverb).
        let before_speech = toks.get(i + 1).is_some_and(|n| super::is_verb(&n.text));
        // An inverted attribution names its speaker after the verb (`," said Rep. Brian
        // Babin (R-TX), ...`), whatever the parse made of the name.
        let mut j = i;
        while j > 0
            && i - j < 4
            && (capitalised(&toks[j - 1].text) || TITLES.contains(&toks[j - 1].text.as_str()))
            && !super::is_mark(&toks[j - 1].text)
        {
            j -= 1;
        }
        let inverted = j >= 2
            && super::is_verb(&toks[j - 1].text)
            && (super::is_mark(&toks[j - 2].text) || toks[j - 2].text == ",");
        if (parsed_subject || (before_speech || inverted) && !object) && capitalised(&t.text) {
            out.push(Person {
                span: t.span,
                name: full.to_string(),
            });
        }
    }
    out
}

/// Whether the name ending at token `i` is followed by an aside between commas (at most
/// eight tokens, no verb) and then a verb by the tag.
fn aside_then_verb(toks: &[Token], i: usize) -> bool {
    if toks.get(i + 1).is_none_or(|t| t.text != ",") {
        return false;
    }
    let Some(c) = (i + 2..(i + 11).min(toks.len())).find(|&k| toks[k].text == ",") else {
        return false;
    };
    let verb = |t: &Token| {
        t.xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("VB") || x == "MD")
    };
    c > i + 2 && !toks[i + 2..c].iter().any(verb) && toks.get(c + 1).is_some_and(verb)
}

/// Nouns of what a body or person publishes: `The Wrap's report claims that ...` is The
/// Wrap's claim.
const PUBLICATIONS: &[&str] = &[
    "report",
    "statement",
    "study",
    "paper",
    "article",
    "letter",
    "post",
    "tweet",
    "story",
    "release",
    "filing",
    "blog",
    "analysis",
    "review",
    "editorial",
];

/// The owner named before a publication noun that is the whole speaker (`The Wrap's report`,
/// `Reuters' new analysis`): the capitalised run before the possessive, with a leading `The`.
fn publication_owner(toks: &[dyad_core::Token], (s, e): (usize, usize)) -> Option<(usize, usize)> {
    if e != s + 1 || !PUBLICATIONS.contains(&toks[s].text.as_str()) {
        return None;
    }
    // One lower-case adjective may stand between (`'s new report`).
    let mut p = s.checked_sub(1)?;
    if toks[p].text.starts_with(|c: char| c.is_lowercase()) && !toks[p].text.contains('\'') {
        p = p.checked_sub(1)?;
    }
    if !matches!(toks[p].text.as_str(), "'s" | "’s" | "'" | "’") {
        return None;
    }
    let end = p;
    let mut start = end;
    while start > 0 && end - start < 5 && capitalised(&toks[start - 1].text) {
        start -= 1;
    }
    (start < end).then_some((start, end))
}

/// Builds the quote record, resolving pronouns and surnames to the full name.
#[allow(clippy::too_many_arguments)]
pub(super) fn make_quote(
    doc: &Document,
    persons: &Persons,
    mentions: &[Person],
    text: String,
    span: Span,
    spk: Option<(usize, usize)>,
    verb: Option<usize>,
    direct: bool,
) -> Quote {
    let toks = &doc.tokens;
    let spk = spk
        .map(|x| super::attribution::refined_speaker(doc, persons, x, verb))
        .map(|x| publication_owner(toks, x).unwrap_or(x));
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
        // A possessive pronoun speaks for its owner (`his vow that ...`).
        let raw = match raw {
            "his" | "him" => "he",
            "her" => "she",
            "their" | "them" => "they",
            w => w,
        };
        let body = matches!(raw, "they" | "They")
            .then(|| descriptions::they_antecedent(doc, persons, ss.start))
            .flatten();
        if let Some(name) = body {
            name
        } else if PRONOUNS.contains(&raw) {
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
                    && wanted.is_none_or(|g| persons.gender(doc, &p.name).is_none_or(|h| h == g))
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
                    .find(|p| persons.gender(doc, &p.name) == Some(g))
                    .or_else(|| {
                        persons
                            .iter()
                            .filter(|p| p.span.end <= ss.start && fits(p))
                            .rev()
                            .take(3)
                            .find(|p| persons.gender(doc, &p.name) == Some(g))
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
                // The same pronoun as a subject between the mention and this one carries the
                // mention on (`said Rep. Brian Babin ...` / `He raised that point ...` / `...
                // "While I ...," he continued.`): distance counts from the last link.
                let chained = pronoun_chain(doc, persons, p, ss, raw)
                    .map(|c| pronoun_sentence.saturating_sub(speakers::sentence_of_span(doc, c)));
                back <= 2 && speakers::speaks(doc, p.span)
                    || back <= 1 && speakers::main_subject(doc, p.span)
                    || chained.is_some_and(|c| c <= 2)
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
            .or_else(|| named_descriptions::named_elsewhere(doc, persons, raw, ss.start))
        {
            name
        } else if let Some(name) = speakers::person_of_org(raw) {
            full_name(persons, &name)
        } else {
            full_name(persons, raw)
        }
    });
    // A quote read from a document whose owner the sentence names (`Facebook released a
    // statement which read`, `Part of the judge's statement reads`, `The opinion of the
    // Court read`): the owner, over a speaker from an earlier sentence or none.
    let (speaker, speaker_span) = match direct
        .then(|| stray_speaker(doc, spk, span))
        .filter(|&stray| stray)
        .and_then(|_| statement_owner(doc, persons, span))
    {
        Some((name, at)) => (Some(name), Some(at)),
        None => (speaker, speaker_span),
    };
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

/// Nouns of a document whose words a quote reads (`statement`, `opinion`, `ruling`).
const DOCUMENTS: &[&str] = &[
    "statement",
    "opinion",
    "ruling",
    "judgment",
    "judgement",
    "summary",
    "letter",
    "release",
    "report",
    "tweet",
    "post",
    "order",
];

/// Whether the speaker tokens of a direct quote at `span` are no speaker of its own
/// sentence: none, tokens before that sentence, or a quantity (`Part of ...`).
fn stray_speaker(doc: &Document, spk: Option<(usize, usize)>, span: Span) -> bool {
    let toks = &doc.tokens;
    let Some((s, e)) = spk else {
        return true;
    };
    let before = speakers::token_at(toks, span.start).saturating_sub(2);
    let sent_start = doc
        .sentences
        .iter()
        .find(|x| x.tokens[0] <= before && before < x.tokens[1])
        .map_or(0, |x| x.tokens[0]);
    e <= sent_start
        || e == s + 1
            && matches!(
                toks[s].text.as_str(),
                "Part" | "Parts" | "Some" | "Much" | "One"
            )
            && toks.get(e).is_some_and(|t| t.text == "of")
}

/// The owner of a document that the sentence before a quote at `span` says the quote reads:
/// `X's statement`, `the statement of X`, `a statement from the king`, or the subject of
/// `X released/issued a statement`. A name, `they` or a role noun the text names; `(name,
/// the owner's span)`.
fn statement_owner(doc: &Document, persons: &Persons, span: Span) -> Option<(String, Span)> {
    let toks = &doc.tokens;
    let open = speakers::token_at(toks, span.start);
    // The sentence of the word before the opening mark (a splitter may start a sentence at
    // the mark).
    let before = open.checked_sub(2)?;
    let sent = doc
        .sentences
        .iter()
        .find(|x| x.tokens[0] <= before && before < x.tokens[1])?;
    let from = sent.tokens[0];
    let n = (from..open).find(|&k| DOCUMENTS.contains(&toks[k].text.as_str()))?;
    // Only a document the quote follows closely (its verb and the quote's opening mark).
    if open - n > 10 || (n + 1..open - 1).any(|k| super::is_mark(&toks[k].text)) {
        return None;
    }
    let possessive = |k: usize| matches!(toks[k].text.as_str(), "'s" | "’s");
    let owner = if n > from && possessive(n - 1) {
        owner_before(toks, from, n - 1)
    } else if n > from + 1 && possessive(n - 2) && toks[n - 1].xpos.as_deref() == Some("JJ") {
        owner_before(toks, from, n - 2)
    } else if toks
        .get(n + 1)
        .is_some_and(|t| matches!(t.text.as_str(), "of" | "from" | "by"))
    {
        owner_after(toks, n + 2, open)
    } else {
        // `X released a statement`: the subject of the verb before the noun.
        let v = (from..n).rev().find(|&k| {
            matches!(
                toks[k].text.as_str(),
                "released" | "issued" | "published" | "posted" | "put" | "sent"
            )
        })?;
        super::attribution::sentence_subject(doc, from, v).filter(|&(_, e)| e <= v)
    }?;
    let (a, b) = owner;
    let at = Span::new(toks[a].span.start, toks[b - 1].span.end);
    let raw = at.get(&doc.text)?;
    let name = if PRONOUNS.contains(&raw) {
        matches!(raw, "they" | "They")
            .then(|| descriptions::they_antecedent(doc, persons, at.start))
            .flatten()
    } else if capitalised(raw) {
        Some(speakers::expand_acronym(doc, raw).unwrap_or_else(|| full_name(persons, raw)))
    } else {
        speakers::role_antecedent(doc, persons, raw, at.start)
            .or_else(|| descriptions::description_antecedent(doc, persons, raw, at.start))
    }?;
    Some((name, at))
}

/// The owner ending before the possessive at `p`: a name (`Judge Miller's`) or a role noun
/// after `the` (`the judge's`).
fn owner_before(toks: &[Token], from: usize, p: usize) -> Option<(usize, usize)> {
    if p == from {
        return None;
    }
    if let Some(n) = super::name_before(toks, p).filter(|&(s, e)| e == p && s >= from) {
        return Some(n);
    }
    let k = p - 1;
    let role = toks[k].text.chars().all(char::is_lowercase)
        && k > from
        && toks[k - 1].text.eq_ignore_ascii_case("the");
    role.then_some((k, p))
}

/// The owner after `of`/`from`/`by` at `a`: a name (`the Court`) or a role noun after `the`
/// (`the king`), before token `end`.
fn owner_after(toks: &[Token], a: usize, end: usize) -> Option<(usize, usize)> {
    let the = toks
        .get(a)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("the"));
    let k = if the { a + 1 } else { a };
    if k >= end {
        return None;
    }
    if let Some(n) = name_run(toks, k).filter(|&(s, e)| s == k && e <= end) {
        return Some(n);
    }
    let role = the
        && toks[k].text.chars().all(char::is_lowercase)
        && toks[k].xpos.as_deref() == Some("NN");
    role.then_some((k, k + 1))
}

/// The last subject pronoun of the same form as `raw` (`he`/`He`, `she`, `they`) after a
/// mention at `from` and before the pronoun at `to`, outside quote marks: the chain that
/// keeps the mention salient though sentences without a name come between. No other person
/// may be named between the mention and the link (`said Rep. Brian Babin` in another role
/// than subject breaks the chain of a mention before it).
fn pronoun_chain(
    doc: &Document,
    persons: &Persons,
    mention: &Person,
    to: Span,
    raw: &str,
) -> Option<Span> {
    let toks = &doc.tokens;
    let quoted = persons.quoted_runs(doc);
    let from = mention.span;
    let surname = |n: &str| n.split_whitespace().last().map(str::to_string);
    let named_between = |end: usize| {
        persons.iter().any(|p| {
            p.span.start >= from.end
                && p.span.end <= end
                && surname(&p.name) != surname(&mention.name)
        })
    };
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.span.start >= from.end && t.span.end <= to.start)
        .filter(|(_, t)| t.text.eq_ignore_ascii_case(raw))
        .filter(|(_, t)| t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj")))
        .filter(|(k, _)| !quoted.iter().any(|r| (r.first..=r.last).contains(k)))
        // A link opens its sentence (`He raised ...`) or attributes the quote before it
        // (`," he continued`); a pronoun deeper in a sentence may stand for someone else
        // (`Young ... criticized what he called ...`).
        .filter(|&(k, _)| {
            let opens = doc.sentences.iter().any(|s| s.tokens[0] == k);
            let attributes =
                k >= 2 && toks[k - 1].text == "," || k >= 1 && super::is_mark(&toks[k - 1].text);
            opens || attributes
        })
        .map(|(_, t)| t.span)
        .next_back()
        .filter(|link| !named_between(link.start))
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
        .find(|n| places.is_none_or(|g| !g.contains(n)))
}

fn verb_text(toks: &[Token], v: usize) -> String {
    if toks[v].text == "according" {
        "according to".to_string()
    } else {
        toks[v].text.clone()
    }
}
