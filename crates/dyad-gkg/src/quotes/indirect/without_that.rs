//! Where the clause of a verb that may drop `that` begins (`said the talks ...`, `told
//! reporters on Monday the ...`): past the listener of `told` and a time phrase or adverb,
//! by the words alone, refusing a start that reads as the verb's object (`claimed victory
//! as ...`, `warned Europe about ...`).

use dyad_core::{Document, Token};

use super::lexicon::{
    ADVERBS, NOT_CLAUSE_START, OBJECTS, OBJECT_PREPOSITIONS, PERIODS, SETTING_NOUNS, TIME_WORDS,
};
use crate::quotes::{capitalised, clause_parse, is_mark, name_run};

/// The first token of the clause of a verb that may drop `that` (`said the talks ...`,
/// `told reporters on Monday the ...`), by the words alone.
pub(super) fn clause_without_that(doc: &Document, v: usize, b: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let stop =
        |k: usize| is_mark(&toks[k].text) || matches!(toks[k].text.as_str(), "." | ":" | ";");
    let mut k = v + 1;
    if matches!(toks[v].text.as_str(), "told" | "tells" | "tell") {
        if let Some(e) = acronym_listener(toks, k) {
            k = e;
        } else if let Some((_, e)) = name_run(toks, k) {
            k = e;
        } else if toks
            .get(k + 1)
            .is_some_and(|t| OBJECTS.contains(&t.text.as_str()))
            && toks[k].text.chars().all(|c| c.is_ascii_lowercase())
            && !NOT_CLAUSE_START.contains(&toks[k].text.as_str())
        {
            // `told local media`, `told foreign reporters`.
            k += 2;
        } else if toks
            .get(k)
            .is_some_and(|t| OBJECTS.contains(&t.text.as_str()))
        {
            k += 1;
        } else if toks.get(k).is_some_and(|t| t.text == "the") {
            // `told the court`, or a listener's name of several words (`told the Associated
            // Press she had ...`).
            k = name_run(toks, k + 1)
                .filter(|&(s, _)| s == k + 1)
                .map_or(k + 2, |(_, e)| e);
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
        } else if matches!(t, "late" | "early")
            && toks
                .get(k + 1)
                .is_some_and(|n| TIME_WORDS.contains(&n.text.as_str()))
        {
            // `said late Sunday the police ...`.
            k += 2;
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

/// `told NPR Hamza Ali had ...`: an outlet's acronym (two or more capitals) opening a run
/// of capitalised words after `told` that a finite verb follows is the listener, and the
/// name after it the clause's subject. The token after the acronym.
fn acronym_listener(toks: &[Token], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    // The run must go straight on into the clause's verb (`NPR Hamza Ali had`), or a
    // partial quote: otherwise the words after the acronym are the outlet's name (`ABC
    // News`).
    let (_, e) = name_run(toks, k)?;
    if !toks
        .get(e)
        .is_some_and(|n| crate::quotes::embedded::finite_or_be(n) || is_mark(&n.text))
    {
        return None;
    }
    let acronym = t.text.chars().count() >= 2 && t.text.chars().all(|c| c.is_ascii_uppercase());
    let name_after = toks
        .get(k + 1)
        .is_some_and(|n| capitalised(&n.text) && !is_mark(&n.text))
        && toks[k].span.end < toks[k + 1].span.start;
    (acronym && name_after).then_some(k + 1)
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

/// `ruled the new rule violated ...`, `alleged the police are ...`: for a verb that mostly
/// takes `that` or an object, the clause after it without `that`, when the words after the
/// verb (and a time phrase) are a short noun phrase, by the tags, right before a finite verb
/// (its subject). Not a noun with a name or pronoun after it (`confirmed the deal Smith
/// signed` is an object with a relative clause), nor untagged text.
pub(super) fn subject_then_finite(doc: &Document, v: usize, b: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let k = clause_without_that(doc, v, b)?;
    let noun = |x: &str| x.starts_with("NN") || matches!(x, "PRP" | "EX" | "CD");
    let mut j = k;
    while j < b && j < k + 7 {
        let x = toks[j].xpos.as_deref()?;
        let fits = noun(x) || matches!(x, "DT" | "JJ" | "JJR" | "JJS" | "PRP$" | "POS" | "HYPH");
        if !fits {
            break;
        }
        // A common noun with a name, pronoun or determiner after it starts a relative
        // clause, not a longer subject.
        if matches!(x, "NN" | "NNS")
            && toks
                .get(j + 1)
                .and_then(|n| n.xpos.as_deref())
                .is_some_and(|n| matches!(n, "NNP" | "NNPS" | "PRP" | "DT"))
        {
            return None;
        }
        j += 1;
    }
    let subject = (k..j).any(|i| toks[i].xpos.as_deref().is_some_and(noun));
    let finite = toks
        .get(j)
        .and_then(|t| t.xpos.as_deref())
        .is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP" | "MD"));
    (j > k && subject && finite && j + 1 < b).then_some(k)
}
