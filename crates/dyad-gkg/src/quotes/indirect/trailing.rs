//! Closing attributions: `CLAUSE, police said.`, `CLAUSE, says Tarlo.` and the inverted
//! `CLAUSE, said another witness in the probe, former adviser Fiona Hill.`. The clause is
//! the sentence before the attribution's comma; partial quotes may sit inside it when their
//! marks are balanced and the sentence does not open with one.

use std::sync::OnceLock;

use dyad_core::Token;

use super::lexicon::{NOT_CLAUSE_START, OBJECTS, TIME_WORDS, TRAILING_SETTING};
use super::reported_clause::SUBORDINATORS;
use crate::quotes::{
    capitalised, cites_at, finite_tag, is_mark, is_verb, name_before, name_run, pronoun_at,
    pronoun_before,
};

/// `CLAUSE, police said.` / `CLAUSE, says Tarlo.`: an attribution closing its sentence
/// after a comma; the clause is the sentence before that comma. (speaker, first, end).
pub(super) fn trailing(
    toks: &[Token],
    a: usize,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    // A participle modifying the noun before it (`..., a deal announced last week.`) is no
    // attribution: by the parse, a past participle attached to a noun.
    if toks[v].xpos.as_deref() == Some("VBN") && toks[v].deprel.as_deref() == Some("acl") {
        return None;
    }
    let mut end = b;
    while end > v + 1 && matches!(toks[end - 1].text.as_str(), "." | "!" | "?") {
        end -= 1;
    }
    end = writer_addition(toks, v, end);
    end = cited_source(toks, v, end);
    let quiet_tail =
        (v + 1..end).all(|k| time_word(&toks[k].text)) || setting_phrase(toks, v + 1, end);
    let (c, spk) = if let Some(n) = inverted_source(toks, v, end) {
        (v - 1, n)
    } else if let Some(found) = apposed_name(toks, a, v).filter(|_| quiet_tail) {
        found
    } else if v > a && toks[v - 1].text == "," || partial_closes(toks, a, v) {
        // Inverted: `, says Tarlo.`, `, says Canadian Blood Services (CBS).`, also after a
        // partial quote closing the clause (`..., which was "extremely distressing," wrote
        // Taylor, who had never smoked.`).
        let n = name_run(toks, v + 1)
            .or_else(|| pronoun_at(toks, v + 1))
            .or_else(|| bare_noun_source(toks, v, end))
            .or_else(|| role_then_name(toks, v + 1, end))?;
        // The name closes the sentence (a bracketed acronym may follow it), or an
        // apposition in lower case does (`, said Serene Gregg, local president of the
        // prison workers' union.`).
        let apposition = toks.get(n.1).is_some_and(|t| t.text == ",")
            && toks
                .get(n.1 + 1)
                .is_some_and(|t| t.text.starts_with(|c: char| c.is_lowercase()))
            && !(n.1 + 1..end).any(|k| is_verb(&toks[k].text) || is_mark(&toks[k].text));
        let timed = (n.1..end).all(|k| time_word(&toks[k].text));
        if n.1 < end && toks[n.1].text != "(" && !apposition && !timed {
            return None;
        }
        if toks[v - 1].text == "," {
            (v - 1, n)
        } else {
            (v - 2, n)
        }
    } else {
        // `, police said.`, `, Mr Panvalkar said on Monday.`: a short subject after a comma
        // (up to seven words: `, people familiar with Chinese trade policy said.`); after
        // `told` a name may close the sentence (`, an insurgent source told Agence
        // France-Presse.`).
        // Or a listener and a setting (`, Lopez told reporters in Washington.`).
        let told_name = matches!(toks[v].text.as_str(), "told" | "tells")
            && (name_run(toks, v + 1).is_some_and(|(s, e)| s == v + 1 && e >= end)
                || toks
                    .get(v + 1)
                    .is_some_and(|t| OBJECTS.contains(&t.text.as_str()))
                    && ((v + 2..end).all(|k| time_word(&toks[k].text))
                        || setting_phrase(toks, v + 2, end)));
        let plain = (v + 1..end).all(|k| {
            let w = toks[k].text.as_str();
            TIME_WORDS.contains(&w) || TRAILING_SETTING.contains(&w)
        });
        let setting = !plain && setting_phrase(toks, v + 1, end);
        // Or any adjuncts with no clause of their own (`, Cook said while visiting
        // Salesforce's conference in San Francisco.`, `, the news agency said, citing the
        // regional health commission.`) after a short subject.
        // (Only a verb by the tag: `unevidenced claims about health benefits` is a noun.)
        let loose = !told_name
            && !plain
            && !setting
            && toks[v].xpos.as_deref().is_some_and(|x| x.starts_with("VB"))
            && adjunct_tail(toks, v + 1, end);
        if !told_name && !plain && !setting && !loose {
            return None;
        }
        // The subject may be a long description with no verb in it (`, the U.S. Attorney's
        // Office for the Western District of New York said in a statement.`). Before a
        // longer setting phrase it has no verb in it either (`, which were all images
        // Wikinews observed at the exhibit.` is a relative clause).
        let c = (a..v).rev().take(16).find(|&k| toks[k].text == ",")?;
        // After loose adjuncts the subject is a plain noun phrase: not one opening a clause
        // of the writer's (`, while the US maintains ...`, `, and Vindman reported ...`).
        let plain_subject = !toks[c + 1..v].iter().any(|t| {
            matches!(t.xpos.as_deref(), Some("CC" | "WRB"))
                || SUBORDINATORS.contains(&t.text.to_lowercase().as_str())
        }) && !toks
            .get(c + 1)
            .is_some_and(|t| matches!(t.xpos.as_deref(), Some("IN" | "TO" | "JJ")));
        // (After a partial quote closing the clause, the subject starts past its mark:
        // `Apple was "pulled into the enterprise," CEO Tim Cook said Tuesday in ...`.)
        let s0 = if loose && is_mark(&toks[c + 1].text) {
            c + 2
        } else {
            c + 1
        };
        // A quote set off by a dash or colon is a direct quote with its own attribution
        // (`... amended his testimony once — "I now do recall," he said, talking to ...`),
        // not a partial quote inside the clause.
        let set_off = (a + 1..c).any(|k| {
            is_mark(&toks[k].text) && matches!(toks[k - 1].text.as_str(), "—" | "–" | "-" | ":")
        });
        // The clause needs a verb of its own (`In May 2004, Patrick Hughes, ..., Homeland
        // Security Department testified before ...` is a fronted time and a subject).
        let finite = (a..c).any(|k| finite_tag(&toks[k]));
        if loose && (set_off || !finite) {
            return None;
        }
        if (v - c > 8 || setting || loose) && (s0 >= v || !long_source(toks, s0, v))
            || loose && (v - c > 7 || !plain_subject)
        {
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
    // (A writer's connective before the opening mark changes nothing: `That being said,
    // "people shouldn't panic," he said.` is a direct quote and its attribution.)
    let opening = skip_conjunction(toks, a, c);
    let partial_ok =
        marks % 2 == 0 && !is_mark(&toks[opening].text) && !verb_only_quoted(toks, a, c);
    if c <= a || (marks > 0 && !partial_ok) || (c + 1..v).any(|k| is_verb(&toks[k].text)) {
        return None;
    }
    Some((spk, skip_conjunction(toks, a, c), c))
}

/// Whether the clause `[a, c)` has its finite verbs only inside quote marks and the marks open
/// on a speech verb (`Border agents "say the river is low,"`): the marks then hold a report of
/// its own, verb and all, and the writer gave only the subject of that report; the quote is
/// direct, not part of a reported clause. (`For the industry, "2020 will be ..."` and `the
/// city "has rebuilt ..."` are the writer's clause with the speaker's words in it, and are
/// both.) By the tags: untagged text says nothing.
pub(in crate::quotes) fn verb_only_quoted(toks: &[Token], a: usize, c: usize) -> bool {
    if c <= a || toks[a..c].iter().any(|t| t.xpos.is_none()) {
        return false;
    }
    let opens_on_verb = (a..c).find(|&k| is_mark(&toks[k].text)).is_some_and(|m| {
        toks.get(m + 1).is_some_and(|t| {
            t.xpos.as_deref().is_some_and(|x| x.starts_with("VB"))
                && (is_verb(&t.text) || super::reporting(&t.text))
        })
    });
    if !opens_on_verb {
        return false;
    }
    let mut inside = false;
    let mut quoted_verb = false;
    for t in &toks[a..c] {
        if is_mark(&t.text) {
            inside = !inside;
        } else if finite_tag(t) {
            if !inside {
                return false;
            }
            quoted_verb = true;
        }
    }
    quoted_verb
}

/// Months and the words of a date after an attribution (`, said Amnesty International on
/// Tuesday, November 19.`).
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// `, say experts.`, `, said the report.`: an inverted attribution whose subject is an
/// unnamed noun phrase of one to four lower-case words closing the sentence at `end`, its
/// last word a noun by the tag. The phrase's tokens.
fn bare_noun_source(toks: &[Token], v: usize, end: usize) -> Option<(usize, usize)> {
    let phrase = &toks[(v + 1).min(end)..end];
    let noun = |t: &Token| t.xpos.as_deref().is_some_and(|x| matches!(x, "NN" | "NNS"));
    let word = |t: &Token| {
        t.text.chars().all(|c| c.is_lowercase())
            && t.xpos
                .as_deref()
                .is_some_and(|x| matches!(x, "DT" | "JJ" | "NN" | "NNS" | "PRP$" | "CD"))
    };
    (!phrase.is_empty() && phrase.len() <= 4 && phrase.iter().all(word) && noun(&toks[end - 1]))
        .then_some((v + 1, end))
}

/// Whether a partial quote closes the clause right before an inverted verb `v` (`...,
/// which was "extremely distressing," wrote Taylor`): a closing mark after a comma, whose
/// opening mark stands inside the sentence, not at its start nor after a colon or dash (a
/// direct quote set off by them has its own attribution).
fn partial_closes(toks: &[Token], a: usize, v: usize) -> bool {
    if v < a + 3 || !is_mark(&toks[v - 1].text) || toks[v - 2].text != "," {
        return false;
    }
    let Some(o) = (a..v - 2).rev().find(|&k| is_mark(&toks[k].text)) else {
        return false;
    };
    o > skip_conjunction(toks, a, v - 2)
        && !matches!(toks[o - 1].text.as_str(), ":" | "—" | "–" | "-" | "--")
}

/// `, said study co-author Anezina Solomonidou, a research fellow.`: up to three lower-case
/// words of a role (letters and hyphens) right after the verb, then a name. The name.
fn role_then_name(toks: &[Token], f: usize, end: usize) -> Option<(usize, usize)> {
    let role = |t: &Token| {
        t.text.starts_with(|c: char| c.is_lowercase())
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_verb(&t.text)
            && !matches!(t.text.as_str(), "the" | "a" | "an" | "that" | "and" | "or")
    };
    let k = (f..(f + 3).min(end)).find(|&k| !role(&toks[k]))?;
    if k == f {
        return None;
    }
    name_run(toks, k).filter(|&(s, e)| s == k && e <= end)
}

/// Whether `[f, end)` after a closing attribution's verb holds only adjuncts, no clause and
/// no object: at most twenty tokens with no finite verb, quote mark, relative or `that`, no
/// infinitive, and not opening on a noun phrase (`, he told them ...`, `, she said nothing`).
/// A time, a preposition, a participle or a subordinator may open it (`Tuesday in a fireside
/// chat ...`, `while visiting ...`, `, citing ...`).
fn adjunct_tail(toks: &[Token], f: usize, end: usize) -> bool {
    if f >= end || end - f > 20 || toks[f..end].iter().any(|t| t.xpos.is_none()) {
        return false;
    }
    // A participle only after its comma (`, citing ...`); `to` takes a listener or a
    // superior (`reported to him`), not a setting.
    let opens = toks[f].text == ","
        && toks
            .get(f + 1)
            .is_some_and(|t| t.xpos.as_deref() == Some("VBG"))
        || toks[f].xpos.as_deref() == Some("IN") && !matches!(toks[f].text.as_str(), "to" | "that")
        || crate::quotes::speakers::calendar_word(&toks[f].text);
    opens
        && !(f..end).any(|k| {
            let t = &toks[k];
            finite_tag(t)
                || is_mark(&t.text)
                || matches!(t.text.as_str(), "that" | "who" | "which" | ";" | ":")
                || t.xpos.as_deref() == Some("TO")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.xpos.as_deref() == Some("VB"))
        })
}

/// Whether `w` may belong to the time or setting of an attribution.
fn time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w)
        || TRAILING_SETTING.contains(&w)
        || MONTHS.contains(&w)
        || w == ","
        || w.chars().all(|c| c.is_ascii_digit())
}

/// Words opening the writer's own addition after an attribution's time (`..., the minister
/// said on Tuesday, after years of debate over ...`).
const ADDITION_OPENERS: &[&str] = &[
    "after",
    "as",
    "amid",
    "while",
    "when",
    "before",
    "following",
    "despite",
    "days",
    "weeks",
    "hours",
];

/// The end of an attribution closing its sentence at `end` (exclusive): the comma before
/// the writer's own addition, when only time or setting words come between the verb `v`
/// and that comma; `end` otherwise.
fn writer_addition(toks: &[Token], v: usize, end: usize) -> usize {
    let Some(c) = (v + 1..end).find(|&k| toks[k].text == ",") else {
        return end;
    };
    // A relative clause may describe the setting (`..., the team wrote in the new paper,
    // which was published online today in the journal Nature.`).
    let setting = setting_phrase(toks, v + 1, c);
    let opens = toks.get(c + 1).is_some_and(|t| {
        ADDITION_OPENERS.contains(&t.text.as_str()) || setting && t.text == "which"
    });
    let timed = setting
        || (v + 1..c).all(|k| {
            let w = toks[k].text.as_str();
            TIME_WORDS.contains(&w) || TRAILING_SETTING.contains(&w)
        });
    if opens && timed && c + 2 < end {
        c
    } else {
        end
    }
}

/// The end of an attribution that cites its own source (`..., the commission said,
/// according to Reuters.`, `..., one official said, per the agency.`): the comma before
/// `according to` or `per` right after the verb and its time words; `end` otherwise. The
/// speaker is the verb's subject; the cited source reports nothing of its own.
fn cited_source(toks: &[Token], v: usize, end: usize) -> usize {
    let Some(c) = (v + 1..end).find(|&k| toks[k].text == ",") else {
        return end;
    };
    if cites_at(toks, c + 1) && (v + 1..c).all(|k| time_word(&toks[k].text)) && c + 2 < end {
        c
    } else {
        end
    }
}

/// Prepositions opening the setting of a closing attribution.
const SETTING_OPENERS: &[&str] = &["in", "on", "at", "during", "via", "through"];

/// Whether `[f, end)` is one setting phrase closing an attribution (`, Claure said in the
/// email.`, `, Noem said in the campaign's public service announcement.`): a preposition
/// of setting, then at most eight tokens with no verb, quote mark or comma.
fn setting_phrase(toks: &[Token], f: usize, end: usize) -> bool {
    f < end
        && end - f <= 9
        && SETTING_OPENERS.contains(&toks[f].text.as_str())
        && !toks[f + 1..end].iter().any(|t| {
            is_mark(&t.text)
                || matches!(t.text.as_str(), "," | "that" | "who" | "which")
                || finite_tag(t)
        })
}

/// `CLAUSE, Maria Lopez, the head of the union, said.`: a name with its apposition in lower
/// case, set off by commas right before the verb `v`. (The comma opening the name, the
/// name's tokens.)
fn apposed_name(toks: &[Token], a: usize, v: usize) -> Option<(usize, (usize, usize))> {
    if v < a + 5 || toks[v - 1].text != "," {
        return None;
    }
    (v.saturating_sub(16).max(a + 1)..v - 3)
        .rev()
        .filter(|&c| toks[c].text == ",")
        .find_map(|c| {
            let (s, e) = name_run(toks, c + 1).filter(|&(s, _)| s == c + 1)?;
            let apposition = toks.get(e).is_some_and(|t| t.text == ",")
                && e + 2 < v
                && toks[e + 1].text.starts_with(|ch: char| ch.is_lowercase())
                && !(e + 1..v - 1).any(|k| {
                    is_verb(&toks[k].text)
                        || is_mark(&toks[k].text)
                        || toks[k].text == ","
                        || matches!(toks[k].text.as_str(), "who" | "which" | "that")
                        || finite_tag(&toks[k])
                });
            apposition.then_some((c, (s, e)))
        })
}

/// A long subject of a closing attribution: no verb and no quote mark, a name or a noun
/// closing it (`the U.S. Attorney's Office for the Western District of New York`, `a second
/// person briefed on the call`).
fn long_source(toks: &[Token], s: usize, v: usize) -> bool {
    let finite = |t: &Token| finite_tag(t) || matches!(t.text.as_str(), "who" | "which" | "that");
    !toks[s..v].iter().any(|t| finite(t) || is_mark(&t.text))
        && toks[v - 1].text.chars().all(char::is_alphabetic)
}

/// A coordinating word opening a reported sentence is the writer's link, not the
/// speaker's words (`But it may morph into ..., people familiar with the talks say.`).
/// So is a connective adverb with its comma (`In sum, more than 4,000 people ..., according
/// to ...`, `Meanwhile, Doctor says, ...`).
pub(in crate::quotes) fn skip_conjunction(toks: &[Token], a: usize, c: usize) -> usize {
    let mut f = a;
    if f + 1 < c && matches!(toks[f].text.as_str(), "But" | "And" | "Yet" | "So") {
        f += 1;
        while f + 1 < c && toks[f].text == "," {
            f += 1;
        }
    }
    // The connectives' words, split once rather than at every call.
    static WORDS: OnceLock<Vec<Vec<&str>>> = OnceLock::new();
    let words = WORDS
        .get_or_init(|| CONNECTIVES.iter().map(|p| p.split(' ').collect()).collect())
        .iter()
        .find(|ws| {
            f + ws.len() + 1 < c
                && ws.iter().enumerate().all(|(i, w)| toks[f + i].text == *w)
                && toks[f + ws.len()].text == ","
        });
    if let Some(ws) = words {
        f += ws.len() + 1;
    }
    f
}

/// Sentence-opening connectives of the writer, each followed by a comma.
const CONNECTIVES: &[&str] = &[
    "In sum",
    "In short",
    "In addition",
    "In fact",
    "Meanwhile",
    "However",
    "Moreover",
    "Indeed",
    "Still",
    "Separately",
    "Overall",
    "Instead",
    "Furthermore",
    "Nevertheless",
    "Additionally",
    "Also",
    "What 's more",
    "What ’s more",
    "That said",
    "That being said",
    "On the other hand",
    "In other words",
    "As a result",
    "Nonetheless",
    "Likewise",
    "Similarly",
    "Besides",
    "Even so",
    "At the same time",
];

/// `CLAUSE, said another witness in the probe, former adviser Fiona Hill.`: an inverted
/// attribution whose subject is a description ending in a name, the sentence's last words
/// (`end`, before the final period) after `, said`, or a name with a lower-case apposition
/// (`, said Serene Gregg, local president of the union.`). The name is the speaker. A verb,
/// a quote mark or `that` after `said` makes it a clause instead.
pub(super) fn inverted_source(toks: &[Token], v: usize, end: usize) -> Option<(usize, usize)> {
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
    // of the prison workers' union.`); a role in lower case may come before the name
    // (`, said study co-author Anezina Solomonidou, a research fellow.`).
    if let Some((s, e)) = role_then_name(toks, v + 1, end) {
        let apposition = e + 1 < end
            && toks[e].text == ","
            && toks[e + 1].text.starts_with(|c: char| c.is_lowercase())
            && no_verb(e + 1..end);
        if apposition {
            return Some((s, e));
        }
    }
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
