//! `According to X, CLAUSE` and `CLAUSE, according to X` (or `per X`): the source (the last
//! name of the phrase, an apposition after it, or a source noun such as "court records") and
//! the clause it reports, which is the rest of the sentence on the side away from the phrase.

use dyad_core::Token;

use super::clause_end;
use super::clause_end::open_quote;
use super::lexicon::SOURCE_NOUNS;
use super::trailing::skip_conjunction;
use crate::quotes::{capitalised, embedded, is_mark, is_verb, name_run};

/// `According to X, CLAUSE` / `CLAUSE, according to X`.
pub(super) fn according_to(
    toks: &[Token],
    a: usize,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    // The source phrase starts after `according to`, or after `per` (`Yersinia pestis, per
    // the WHO, is found ...`), which news writes for the same attribution.
    let src = if toks[v].text.eq_ignore_ascii_case("per") {
        v + 1
    } else {
        v + 2
    };
    // The phrase ends at a comma, a dash or a bracket too (`according to The Washington
    // Post's Fact Checker -- there is ...`).
    let mut p = (src..b)
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
    // (A name after a capitalised `The` opening the phrase takes it: `according to The
    // Wrap`, `according to The Hollywood Reporter`.)
    let the_first = |k: usize| k == src + 1 && toks[src].text == "The";
    let names: Vec<(usize, usize)> = (src..p)
        .filter(|&k| k == src || !capitalised(&toks[k - 1].text) || the_first(k))
        .filter_map(|k| name_run(toks, k).filter(|&(_, e)| e <= p))
        .map(|(s, e)| if the_first(s) { (src, e) } else { (s, e) })
        .fold(Vec::new(), |mut v: Vec<(usize, usize)>, (s, e)| {
            // A run inside the one before is a part of it (`Presse` of `Agence
            // France-Presse`, the hyphen not being capitalised).
            if v.last().is_none_or(|&(_, le)| s >= le) {
                v.push((s, e));
            }
            v
        });
    // A person with an affiliation is the source, not the body (`according to a 2018 survey
    // by Penelope Muse Abernathy of the University of North Carolina`): a name of two or
    // more words that `of`, `at` or `from` joins to the next name.
    let affiliated = names.windows(2).find_map(|w| {
        let ((s, e), (n, _)) = (w[0], w[1]);
        let joined = toks
            .get(e)
            .is_some_and(|t| matches!(t.text.as_str(), "of" | "at" | "from"))
            && (e + 1..n).all(|j| j == e + 1 || toks[j].text.eq_ignore_ascii_case("the"));
        let person = e - s >= 2 && toks[s..e].iter().all(|t| capitalised(&t.text));
        let body = toks[s..e]
            .iter()
            .any(|t| BODY_WORDS.contains(&t.text.as_str()));
        (joined && person && !body).then_some((s, e))
    });
    let mut spk = affiliated.or_else(|| names.last().copied());
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
    // No comma: "According to Rathbun the property was ...", `and according to the Ministry
    // of Health he died ...`.
    let named_from = if toks.get(src).is_some_and(|t| t.text == "the") {
        src + 1
    } else {
        src
    };
    if let Some((s, e)) = name_run(toks, named_from) {
        let e = whole_name(toks, e, p);
        let clause_word = toks.get(e).is_some_and(|t| {
            matches!(
                t.text.as_str(),
                "the" | "a" | "an" | "this" | "these" | "it" | "he" | "she" | "they" | "there"
            )
        });
        if s == named_from && p > e + 3 && clause_word {
            spk = Some((s, e));
            p = e - 1;
        }
    }
    // No name: a source noun closing a short phrase ("the city's police department",
    // "court records").
    let spk = spk.or_else(|| {
        let last = p.checked_sub(1).filter(|&l| l >= src && p - src <= 6)?;
        // A tagged plural noun in lower case is a source as well ("teachers unions").
        let tagged_plural = toks[last].xpos.as_deref() == Some("NNS")
            && toks[last].text.starts_with(|c: char| c.is_lowercase())
            && p - src <= 4;
        (SOURCE_NOUNS.contains(&toks[last].text.as_str()) || tagged_plural).then_some((src, p))
    });
    // `According to him, ...`: an object pronoun alone, which resolution names.
    let spk = spk.or_else(|| {
        (p == src + 1 && matches!(toks[src].text.as_str(), "him" | "her" | "them"))
            .then_some((src, p))
    });
    let spk = spk.or_else(|| postmodified_source(toks, src, p))?;
    if embedded::according_inside(toks, a, v, p, b) {
        return Some((spk, a, b));
    }
    let opens =
        v == a || toks[v - 1].text == "that" || toks[v - 1].text.eq_ignore_ascii_case("and");
    if opens && p + 1 < b {
        let mut first = p + 1;
        // "..., quoting the KCNA agency, the military ...".
        // A relative clause on the source as well (`According to Agence France-Presse,
        // which cited sources close to the inquiry, the man had ...`).
        if matches!(toks[first].text.as_str(), "quoting" | "which" | "who") {
            first = (first..b).find(|&k| toks[k].text == ",")? + 1;
        }
        // A participle describing the source belongs to the phrase (`According to the study,
        // published in BMJ Case Reports, the man had ...`).
        if let Some(c) = source_participle(toks, first, b) {
            first = c + 1;
        }
        // An apposition on the source (`According to Ann Lee, the mayor's former aide, the
        // bridge ...`).
        if let Some(c) = source_apposition(toks, first, b) {
            first = c + 1;
        }
        let mut end = clause_end(toks, first, b);
        // The rest of the sentence ends at a semicolon: the writer's next clause follows.
        if let Some(k) = (first..end).find(|&k| toks[k].text == ";" && !open_quote(toks, first, k))
        {
            end = k;
        }
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
        // Nor a clause whose own attribution closes it (`Border agents "say ...," he said,
        // according to the Intelligencer.`): the clause has its speaker, and the cited
        // source is not annotated again.
        // (A passive participle is no attribution: `... had not yet been announced,
        // according to X`.)
        if (last.saturating_sub(4).max(a)..last).any(|k| {
            is_verb(&toks[k].text)
                && !(k > a && matches!(toks[k - 1].text.as_str(), "been" | "be" | "being"))
        }) {
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
            .map_or_else(|| skip_conjunction(toks, a, last), |k| k + 1);
        // A clause after a colon or a dash is what the source reports, not the writer's
        // lead-in before it (`There has been news on the film: Hawley is in talks to direct
        // it, according to X.`); a phrase with no verb after a dash elaborates the clause
        // before it (`there was a lot of it — about 2,300 tons, according to X`), and so does
        // a verb coordinated after it (`was poorly received — and flopped at the box office,
        // according to X`).
        let first = (first + 1..last)
            .rev()
            .find(|&k| {
                (toks[k].text == ":" || super::free_dash(toks, k))
                    && k + 3 < last
                    && !matches!(toks[k + 1].text.as_str(), "and" | "but" | "or" | "yet")
                    && (k + 1..last).any(|j| embedded::finite_or_be(&toks[j]))
                    && !(k + 1..last).any(|j| toks[j].text == ":" || super::free_dash(toks, j))
            })
            .map_or(first, |k| k + 1);
        // A clause after a semicolon is the one the source reports (`X is banned; Y is
        // its ally, according to Z`).
        let first = (first + 1..last)
            .rev()
            .find(|&k| toks[k].text == ";" && k + 3 < last && !open_quote(toks, first, k))
            .map_or(first, |k| k + 1);
        Some((spk, first, last))
    } else {
        None
    }
}

/// `published in BMJ Case Reports,` after `According to the study,`: a past participle
/// (by the tag, or an `-ed` word untagged) opening a phrase of at most eight tokens with no
/// finite verb or quote mark, closed by a comma with the clause after it. The comma.
fn source_participle(toks: &[Token], first: usize, b: usize) -> Option<usize> {
    let t = toks.get(first)?;
    let participle = match t.xpos.as_deref() {
        Some(x) => x == "VBN",
        None => t.text.ends_with("ed") && t.text.chars().all(|c| c.is_ascii_lowercase()),
    };
    if !participle {
        return None;
    }
    let c = (first + 1..(first + 9).min(b)).find(|&k| toks[k].text == ",")?;
    let plain =
        (first + 1..c).all(|k| !embedded::finite_or_be(&toks[k]) && !is_mark(&toks[k].text));
    (plain && c + 3 < b).then_some(c)
}

/// Words of a body's name, which an affiliation follows as often as a person's does.
const BODY_WORDS: &[&str] = &[
    "University",
    "Department",
    "Ministry",
    "Office",
    "Institute",
    "Center",
    "Centre",
    "Council",
    "Commission",
    "Agency",
    "Bureau",
    "Committee",
    "Association",
    "Court",
];

/// A source whose head noun a modifier follows, in a phrase `[f, p)` of up to eight words
/// (`multiple people familiar with the matter`, `eyewitness accounts corroborated by
/// video footage`): the head is the first noun before `familiar`, `close`, a participle or
/// a preposition, and is a source noun or a plural in lower case.
fn postmodified_source(toks: &[Token], f: usize, p: usize) -> Option<(usize, usize)> {
    if p <= f + 1 || p - f > 8 {
        return None;
    }
    let h = (f..p - 1).find(|&k| {
        let n = &toks[k + 1];
        matches!(
            n.text.as_str(),
            "familiar" | "close" | "with" | "by" | "from" | "in" | "at"
        ) || n.xpos.as_deref() == Some("VBN")
    })?;
    let noun = &toks[h];
    let plural =
        noun.xpos.as_deref() == Some("NNS") && noun.text.starts_with(|c: char| c.is_lowercase());
    (SOURCE_NOUNS.contains(&noun.text.as_str()) || plural).then_some((f, p))
}

/// Whether `per` at `v` cites a source (`..., per the WHO, ...`, `Per Reuters, ...`): set off by
/// a comma or opening its sentence (`a`), with a name or `the` and a name after it; not the
/// `per` of a rate (`$5 per day`).
pub(super) fn per_source(toks: &[Token], a: usize, v: usize) -> bool {
    let opens = v == a && toks[v].text == "Per"
        || v > a && toks[v].text == "per" && toks[v - 1].text == ",";
    let named = |k: usize| {
        toks.get(k)
            .is_some_and(|t| capitalised(&t.text) && !is_mark(&t.text))
    };
    opens && (named(v + 1) || toks.get(v + 1).is_some_and(|t| t.text == "the") && named(v + 2))
}

/// The end of a name run ending at `e` in a source phrase ending at `p`, taking `of` and a
/// further name (`Ministry of Foreign Affairs`).
fn whole_name(toks: &[Token], e: usize, p: usize) -> usize {
    let mut e = e;
    // (Capitalised words, not `name_run`, which strips titles: `Foreign Affairs`.)
    while e + 1 < p && toks[e].text == "of" && capitalised(&toks[e + 1].text) {
        e += 1;
        while e < p && capitalised(&toks[e].text) {
            e += 1;
        }
    }
    e
}

/// `the mayor's former aide,` after `According to Ann Lee,`: a phrase of at most eight
/// tokens from `first` holding a noun of a post, with no verb (by the tags, or a speech verb
/// untagged), no quote mark and no pronoun opening it, closed by a comma with a clause
/// after it that has a finite verb or `be`. The comma.
fn source_apposition(toks: &[Token], first: usize, b: usize) -> Option<usize> {
    // (Not a clause's subject: `According to Lee, it was ...`.)
    let t = toks.get(first)?;
    if matches!(
        t.text.as_str(),
        "it" | "he" | "she" | "they" | "there" | "this" | "we" | "I"
    ) {
        return None;
    }
    let c = (first + 1..(first + 9).min(b)).find(|&k| toks[k].text == ",")?;
    let verbless = (first..c).all(|k| {
        !embedded::finite_or_be(&toks[k])
            && !is_mark(&toks[k].text)
            && !is_verb(&toks[k].text)
            && !toks[k].xpos.as_deref().is_some_and(|x| x.starts_with("VB"))
    });
    let described = toks[first..c]
        .iter()
        .any(|t| TITLE_WORDS.contains(&t.text.as_str()));
    let clause = (c + 1..b).any(|k| embedded::finite_or_be(&toks[k]));
    (verbless && described && clause && c + 3 < b).then_some(c)
}

/// Nouns of a post or role that an apposition on a person names.
const TITLE_WORDS: &[&str] = &[
    "director",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "head",
    "chief",
    "chairman",
    "chairwoman",
    "president",
    "minister",
    "secretary",
    "professor",
    "founder",
    "leader",
    "member",
    "manager",
    "editor",
    "official",
];
