//! Reported speech whose attribution is not a verb before its clause: an attribution set
//! inside the clause (`There was a time, Mr Panvalkar said, when ...`, `One of the officers,
//! according to prison records, had ...`), a partial quote closing a clause that a trailing
//! attribution reports (`The arrests are "a continuation of ...," said Dündar.`), and speech
//! nouns with their clause (`the claim that ...`, `Trump's announcement that ...`).
//!
//! In each case the reported clause is the whole sentence (or the clause after the noun), and
//! the attribution stays inside the span when it sits inside the clause: annotators and
//! readers take `X said` there as a parenthesis, not as the clause's edge.

use dyad_core::{Document, Span, Token};

use super::{
    cites_at, finite_tag,
    indirect::{clause_end, subject_of},
    is_mark, is_verb, name_after, name_before, name_run, pronoun_at, pronoun_before,
};

/// Nouns that report what someone said when a `that` clause follows them.
pub(super) const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "statement",
    "announcement",
    "declaration",
    "warning",
    "insistence",
    "argument",
    "allegation",
    "allegations",
    "assurance",
    "assurances",
    "promise",
    "pledge",
    "admission",
    "remark",
    "remarks",
    "suggestion",
    "vow",
    "vows",
    "pledges",
    "promises",
    "statements",
    "warnings",
    // What is reported or rumoured (`with reports that ...`, `amid rumours that ...`).
    "report",
    "reports",
    "rumors",
    "rumours",
];

/// Prepositions before a bare plural speech noun (`with reports that ...`, `amid claims
/// that ...`, `despite warnings that ...`).
const NOUN_PREPOSITIONS: &[&str] = &[
    "with",
    "amid",
    "despite",
    "following",
    "after",
    "over",
    "of",
    "Amid",
    "Despite",
    "Following",
    "After",
    "With",
];

/// Words before a noun that make it a noun, not a verb ("the claim", "his warning").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "whose", "our", "my", "'s",
    "’s",
];

/// Words that cannot follow a complementiser `that` (they make it a relative pronoun).
const NOT_AFTER_THAT: &[&str] = &[
    "would", "will", "was", "were", "is", "are", "has", "have", "had", "could", "can", "may",
    "might", "should", "must",
];

/// (speaker, first, end) of a reported clause, token indexes.
type Found = (Option<(usize, usize)>, usize, usize);

/// `CLAUSE-START, X said, REST.`: the speech verb `v` with its speaker set between commas
/// inside the sentence `[a, b)`; the reported clause is the whole sentence.
pub(super) fn parenthetical(toks: &[Token], a: usize, v: usize, b: usize) -> Option<Found> {
    if let Some(found) = inverted_parenthetical(toks, a, v, b) {
        return Some(found);
    }
    let spk = name_before(toks, v)
        .or_else(|| pronoun_before(toks, v))
        .or_else(|| noun_phrase_before(toks, a, v))?;
    // Back over the titles `name_before` strips ("Mr Panvalkar") to the opening comma.
    let mut c = spk.0.checked_sub(1)?;
    while c > a && spk.0 - c < 4 && super::capitalised(&toks[c].text) {
        c -= 1;
    }
    // A partial quote may close the first part (`While some people carry two phones, and
    // "we love you for that," Cook said, most do ...`): the comma is inside its mark.
    let quoted_close = c > a + 1 && is_mark(&toks[c].text) && toks[c - 1].text == ",";
    if quoted_close {
        c -= 1;
    }
    if c <= a + 1 || toks[c].text != "," {
        return None;
    }
    let mut d = v + 1;
    while toks.get(d).is_some_and(|t| {
        matches!(
            t.text.as_str(),
            "on" | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "yesterday"
                | "today"
        )
    }) {
        d += 1;
    }
    if d + 2 >= b || toks[d].text != "," {
        return None;
    }
    // An attribution citing its source (`..., Ruiz said, per the Herald.`) closes its clause.
    if cites_at(toks, d + 1) {
        return None;
    }
    // After a noun phrase's attribution a phrase opening on a preposition is the writer's
    // addition (`..., the minister said on Tuesday, after months of talks.`): the
    // attribution closes the clause.
    let phrase_speaker = name_before(toks, v).is_none() && pronoun_before(toks, v).is_none();
    if phrase_speaker && toks.get(d + 1).is_some_and(preposition_like) {
        return None;
    }
    let plain = |k: usize| !is_mark(&toks[k].text) && !is_verb(&toks[k].text);
    // With a partial quote closing the first part, the marks of each part are balanced
    // partial quotes of the speaker's inside the report (`... are not "bolt-on things,"
    // Cook said, but instead "embedded in who we are."`); a sentence opening on a mark is
    // a direct quote and its attribution.
    let balanced = |r: std::ops::Range<usize>| {
        toks[r.clone()].iter().filter(|t| is_mark(&t.text)).count() % 2 == 0
            && r.clone().all(|k| !is_verb(&toks[k].text))
    };
    // (Not a quote set off by a dash or colon, which is direct with its own attribution:
    // `... amended his testimony once — "I now do recall," he said, talking to ...`.)
    let set_off = (a + 1..c).any(|k| {
        is_mark(&toks[k].text) && matches!(toks[k - 1].text.as_str(), "—" | "–" | "-" | ":")
    });
    let first_part = if quoted_close {
        !is_mark(&toks[a].text)
            && !set_off
            && balanced(a..c + 2)
            && (a..c).any(|k| finite_tag(&toks[k]))
    } else {
        (a..c).all(plain)
    };
    // After a plain first part the rest may hold a partial quote of the speaker's (`Finding
    // water on Europa, he said, is the "next best thing" to ...`): balanced marks, not
    // opening it (that is a split direct quote).
    let rest = |r: std::ops::Range<usize>| {
        if quoted_close {
            balanced(r)
        } else {
            !r.is_empty() && !is_mark(&toks[r.start].text) && balanced(r)
        }
    };
    // A participle after the attribution is the speaker's (`..., Graham said, offering the
    // example of ...`): the report is the clause before it.
    let participle = toks[d + 1].text.ends_with("ing")
        && toks[d + 1].text.starts_with(|c: char| c.is_lowercase());
    // A coordinator or connective opening the sentence is the writer's link (`But Apple has
    // had a place in his heart since 1984, Benioff said, ever since ...`), as after a closing
    // attribution.
    let f = super::indirect::skip_conjunction(toks, a, c);
    // A clause after a semicolon is the one the attribution splits (`They were lost at
    // sea; they had, his father says, paid smugglers ...`).
    let f = (f..c)
        .rev()
        .find(|&k| toks[k].text == ";")
        .map_or(f, |k| k + 1);
    if participle {
        return first_part.then_some((Some(spk), f, c));
    }
    // Inside a relative clause the report is the relative clause's: after a relative
    // pronoun the attribution follows (`fighters which, the statement said, no country
    // would take back`), the rest after it; after `whose` and its noun, from `whose` (`a
    // move whose rarity, CBS noted, showed ...`).
    if matches!(toks[c - 1].text.as_str(), "which" | "who" | "whom") {
        return (first_part && rest(d + 1..b)).then_some((Some(spk), d + 1, b));
    }
    if let Some(w) = (f..c)
        .rev()
        .take_while(|&k| toks[k].text != ",")
        .find(|&k| toks[k].text == "whose")
    {
        return (first_part && rest(d + 1..b)).then_some((Some(spk), w, b));
    }
    (first_part && rest(d + 1..b)).then_some((Some(spk), f, b))
}

/// A preposition or subordinator by the tag (`ADP`, `SCONJ`), or by the word untagged.
fn preposition_like(t: &Token) -> bool {
    match t.upos.as_deref() {
        Some(u) => matches!(u, "ADP" | "SCONJ"),
        None => matches!(
            t.text.as_str(),
            "after"
                | "before"
                | "in"
                | "on"
                | "at"
                | "during"
                | "amid"
                | "following"
                | "with"
                | "for"
                | "as"
                | "since"
                | "despite"
                | "ahead"
                | "from"
                | "while"
                | "when"
        ),
    }
}

/// `..., his office said, ...`: a speaker that is a short noun phrase (two to four
/// words) opening on a possessive or `the` right after a comma, its words in lower case but
/// for a name after the determiner (`his surviving father`, `the statement`).
fn noun_phrase_before(toks: &[Token], a: usize, v: usize) -> Option<(usize, usize)> {
    let s = (v.saturating_sub(4).max(a + 1)..v.saturating_sub(1))
        .find(|&k| toks[k - 1].text == "," && (k..v).all(|j| toks[j].text != ","))?;
    let opens = matches!(
        toks[s].text.as_str(),
        "the" | "his" | "her" | "its" | "their" | "our"
    );
    // (A participle may modify the noun: `his surviving father`.)
    let words = (s + 1..v).all(|j| {
        toks[j].text.chars().all(char::is_alphabetic)
            && !is_verb(&toks[j].text)
            && !toks[j]
                .xpos
                .as_deref()
                .is_some_and(|x| x.starts_with("VB") && !(j + 1 < v && matches!(x, "VBG" | "VBN")))
    });
    (opens && words).then_some((s, v))
}

/// `CLAUSE-START, says X, REST.`: the inverted form of [`parenthetical`], the verb first and
/// a name after it, set between commas inside the sentence; the reported clause is the whole
/// sentence (`The key to the deal, says Lopez, is the timing.`). The words before the verb
/// are a subject with no finite verb of its own, and a finite verb right after the closing
/// comma goes on with it: otherwise the attribution closes a clause and what follows the
/// name is its apposition (`..., said Lopez, a doctor in Fresno.`, `..., said Lopez, who
/// heads the union.`).
fn inverted_parenthetical(toks: &[Token], a: usize, v: usize, b: usize) -> Option<Found> {
    if v < a + 3 || toks[v - 1].text != "," {
        return None;
    }
    let (s, e) = name_after(toks, v + 1).filter(|&(s, _)| s == v + 1)?;
    if toks.get(e).is_none_or(|t| t.text != ",") || e + 3 >= b {
        return None;
    }
    let plain = |k: usize| !is_mark(&toks[k].text) && !is_verb(&toks[k].text);
    let subject_only = (a..v - 1).all(|k| plain(k) && !finite_or_be(&toks[k]));
    (finite_or_be(&toks[e + 1]) && subject_only && (e + 1..b).all(plain)).then_some((
        Some((s, e)),
        a,
        b,
    ))
}

/// `HP, as Gizmodo recently explained, is a rare condition.`: an `as` attribution set
/// between commas inside its sentence, after a subject with no finite verb of its own and
/// before the rest of the clause; the reported clause is the whole sentence, attribution
/// included (as for [`parenthetical`]). After a whole clause (`The vote failed, as Lopez
/// noted.`) the attribution closes the sentence, and the report is the clause before it.
pub(super) fn as_parenthetical(doc: &Document, a: usize, v: usize, b: usize) -> Option<Found> {
    let toks = &doc.tokens;
    // `as` within five words before the verb, after a comma, with no comma between.
    let k = (v.saturating_sub(6).max(a + 2)..v)
        .rev()
        .take_while(|&k| toks[k].text != ",")
        .find(|&k| toks[k].text == "as" && toks[k - 1].text == ",")?;
    let spk = subject_of(doc, v)
        .filter(|&(s, _)| s > k && s < v)
        .or_else(|| name_run(toks, k + 1).filter(|&(_, e)| e <= v))
        .or_else(|| pronoun_at(toks, k + 1))?;
    let mut end = b;
    while end > v + 1 && matches!(toks[end - 1].text.as_str(), "." | "!" | "?") {
        end -= 1;
    }
    let plain = |k: usize| !is_mark(&toks[k].text) && !is_verb(&toks[k].text);
    let c = k - 1;
    if !(a..c).all(plain) {
        return None;
    }
    let finite = (a..c).any(|k| finite_or_be(&toks[k]));
    let f = super::indirect::skip_conjunction(toks, a, c);
    if v + 1 == end {
        // `..., as Lopez noted.`
        return finite.then_some((Some(spk), f, c));
    }
    let d = (v + 1..end.min(v + 6)).find(|&j| toks[j].text == ",")?;
    let marks = (d + 1..end).filter(|&j| is_mark(&toks[j].text)).count();
    let rest_ok = d + 2 < end
        && !is_mark(&toks[d + 1].text)
        && marks % 2 == 0
        && (d + 1..end).all(|j| !is_verb(&toks[j].text))
        && finite_or_be(&toks[d + 1]);
    (!finite && rest_ok).then_some((Some(spk), f, end))
}

/// A finite verb by the tag; untagged, the forms of `be`, `have` and the modals.
pub(crate) fn finite_or_be(t: &Token) -> bool {
    match t.xpos.as_deref() {
        Some(_) => finite_tag(t),
        None => matches!(
            t.text.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
        ),
    }
}

/// `..., according to X, had ...`: an `according to` phrase between commas inside its
/// sentence, with the sentence going on after it as the same clause (a lower-case word that
/// does not open a new clause). `p` is the comma closing the phrase.
pub(super) fn according_inside(toks: &[Token], a: usize, v: usize, p: usize, b: usize) -> bool {
    // The part before the phrase is no clause of its own ("The Polaroids were donated by
    // X, according to Y, assistant professor ..." is a clause followed by an apposition).
    let parsed = toks.iter().any(|t| t.deprel.is_some());
    let finite = |k: usize| {
        if parsed {
            toks[k]
                .feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Fin"))
        } else {
            matches!(
                toks[k].text.as_str(),
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
            )
        }
    };
    // An auxiliary whose verb comes after the phrase (`He had, according to X, killed ...`)
    // splits one verb group around it: no clause of its own before the phrase.
    // (Or, whatever the parse made of it, `have` or `be` right before the phrase and a
    // participle or past form right after it.)
    let split_group = |k: usize| {
        let by_parse = parsed
            && toks[k].upos.as_deref() == Some("AUX")
            && toks[k].head.is_some_and(|h| h > p && h < b);
        let by_words = k + 2 == v
            && matches!(
                toks[k].text.as_str(),
                "had" | "has" | "have" | "was" | "were" | "is" | "are"
            )
            && toks
                .get(p + 1)
                .is_some_and(|n| matches!(n.xpos.as_deref(), Some("VBN" | "VBD")));
        by_parse || by_words
    };
    if (a..v).any(|k| finite(k) && !split_group(k)) {
        return false;
    }
    const OPENERS: &[&str] = &[
        "the", "a", "an", "it", "he", "she", "they", "we", "i", "there", "this", "these", "and",
        "but", "which", "who", "that", "so", "or",
    ];
    v > a + 1
        && toks[v - 1].text == ","
        && toks.get(p).is_some_and(|t| t.text == ",")
        && p + 2 < b
        && toks[p + 1].text.starts_with(|c: char| c.is_lowercase())
        && !OPENERS.contains(&toks[p + 1].text.as_str())
        // A partial quote after the phrase stays in the clause (`..., according to the White
        // House, made a trip ... for a "quick exam and labs"`).
        && (a..p).all(|k| !is_mark(&toks[k].text))
        && (p..b).filter(|&k| is_mark(&toks[k].text)).count() % 2 == 0
}

/// `The arrests are "a continuation of ...," said Dündar.`: a quote closing the clause it is
/// part of, with the attribution after it; the reported clause is the sentence up to the
/// quote's end. `direct` are the direct quotes' spans.
pub(super) fn partial_then_attribution(
    doc: &Document,
    a: usize,
    v: usize,
    direct: &[Span],
) -> Option<Found> {
    let toks = &doc.tokens;
    // The closing mark: right before the verb (`," said Dündar`) or before its subject
    // (`," Dündar said`).
    let spk_before = name_before(toks, v).or_else(|| pronoun_before(toks, v));
    let before = spk_before.map_or(v, |(s, _)| s);
    let m = (before.saturating_sub(2).max(a)..before).find(|&k| is_mark(&toks[k].text))?;
    if (m + 1..before).any(|k| toks[k].text != ",") {
        return None;
    }
    let spk = spk_before
        .or_else(|| name_after(toks, v + 1))
        .or_else(|| pronoun_at(toks, v + 1))
        // `," writes the Associated Press.`: a body named with its article.
        .or_else(|| {
            (toks.get(v + 1)?.text == "the")
                .then(|| name_after(toks, v + 2))
                .flatten()
        })?;
    let d = direct
        .iter()
        .find(|d| d.end <= toks[m].span.start && toks[m].span.start - d.end <= 2)?;
    // The opening mark, inside the sentence, glued to a clause word before it.
    let o = (a..m).rev().find(|&k| toks[k].span.end <= d.start)?;
    if o <= a || !is_mark(&toks[o].text) {
        return None;
    }
    let w = toks[o - 1].text.as_str();
    if !w.chars().all(char::is_alphanumeric)
        || (a..o).any(|k| is_verb(&toks[k].text) || toks[k].text == "according")
    {
        return None;
    }
    // Marks that open on a speech verb after its bare subject (`Border agents "say you've got
    // to ..."`) hold a report inside the quote: the speaker's words are the quote alone.
    if super::indirect::verb_only_quoted(toks, a, m) {
        return None;
    }
    Some((Some(spk), a, m))
}

/// `the claim that ...`, `Trump's announcement that ...`: the clause after a speech noun.
/// The speaker is the possessive name before the noun, or the subject of the verb the noun
/// depends on in the parse ("X reiterated the position that ..."), when there is one.
pub(super) fn speech_noun(doc: &Document, i: usize, b: usize) -> Option<Found> {
    let toks = &doc.tokens;
    // (`that` first: the list is scanned for every token that gets here.)
    if toks.get(i + 1).is_none_or(|t| t.text != "that")
        || i + 3 >= b
        || !SPEECH_NOUNS.contains(&toks[i].text.as_str())
    {
        return None;
    }
    let first = i + 2;
    let w = toks[first].text.to_lowercase();
    if NOT_AFTER_THAT.contains(&w.as_str()) || is_verb(&toks[first].text) {
        return None;
    }
    // A pronoun after `that` may be the subject of a relative clause's verb ("the claim
    // that he made"): a clause needs a finite-looking word after its subject.
    if matches!(
        w.as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you"
    ) && toks.get(first + 1).is_some_and(|n| {
        n.text.ends_with("ed")
            && toks
                .get(first + 2)
                .is_none_or(|m| m.text == "." || m.text == ",")
    }) {
        return None;
    }
    // Up to four tokens back: a hyphenated modifier is three (`his often-repeated vow`).
    let det = (i.saturating_sub(4)..i).any(|k| DETERMINERS.contains(&toks[k].text.as_str()));
    let bare_plural = i > 0
        && toks[i].text.ends_with('s')
        && NOUN_PREPOSITIONS.contains(&toks[i - 1].text.as_str());
    if !det && !bare_plural {
        return None;
    }
    let poss = (i.saturating_sub(4)..i).find(|&k| matches!(toks[k].text.as_str(), "'s" | "’s"));
    // `his vow that ...`: the possessive pronoun is the speaker, resolved like `he`.
    let poss_pronoun = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| matches!(toks[k].text.as_str(), "his" | "her" | "their"))
        .map(|k| (k, k + 1));
    let spk = poss
        .and_then(|k| name_before(toks, k).or_else(|| name_run(toks, k.saturating_sub(1))))
        .or(poss_pronoun)
        .or_else(|| {
            let h = toks[i].head?;
            (h < toks.len() && toks[h].upos.as_deref() == Some("VERB"))
                .then(|| subject_of(doc, h))
                .flatten()
        });
    // A noun's clause in a fronted phrase ends at the first comma ("Despite the claim that
    // ..., talks went on"); after the main clause it runs to the clause's end, apposition
    // and all (`..., with reports that Hemsworth would return as George Kirk, the father of
    // ...`).
    let a = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= i && i < s.tokens[1])
        .map_or(0, |s| s.tokens[0]);
    let fronted = !(a..i).any(|k| finite_or_be(&toks[k]));
    let comma = if fronted {
        (first..b).find(|&k| toks[k].text == ",").unwrap_or(b)
    } else {
        b
    };
    let end = comma.min(clause_end(toks, first, b));
    Some((spk, first, end))
}

/// `As Heald told The Huffington Post, CLAUSE`: a fronted `as` attribution; the clause is
/// what follows its comma.
pub(super) fn as_attribution(doc: &Document, a: usize, v: usize, b: usize) -> Option<Found> {
    let toks = &doc.tokens;
    // The subject may be a long title (`As CNN's chief medical correspondent Dr. Sanjay Gupta
    // noted at the time, ...`).
    if toks[a].text != "As" || v > a + 10 || (a..v).any(|k| toks[k].text == ",") {
        return None;
    }
    let c = (v + 1..(v + 8).min(b)).find(|&k| toks[k].text == ",")?;
    if (v + 1..c).any(|k| is_mark(&toks[k].text)) || c + 3 >= b || is_mark(&toks[c + 1].text) {
        return None;
    }
    let spk = subject_of(doc, v).filter(|&(s, _)| s > a && s < v)?;
    Some((Some(spk), c + 1, clause_end(toks, c + 1, b)))
}

/// `X was told (that) CLAUSE`: reported speech whose speaker is not named (the subject is
/// the one who heard it), unless the sentence opens with the document that told it and its
/// author (`In a company email sent by chairman Marcelo Claure, employees were told that
/// ...`).
pub(super) fn passive_told(toks: &[Token], a: usize, v: usize, b: usize) -> Option<Found> {
    let passive = v > 0
        && matches!(toks[v].text.as_str(), "told" | "tells")
        && matches!(
            toks[v - 1].text.as_str(),
            "was" | "were" | "is" | "are" | "been" | "being"
        );
    if !passive {
        return None;
    }
    let mut first = v + 1;
    if toks.get(first).is_some_and(|t| t.text == "that") {
        first += 1;
    }
    let t = toks.get(first).filter(|_| first + 2 < b)?;
    // "was told to leave", "were told during a meeting": no clause.
    let preposition = matches!(
        t.text.as_str(),
        "to" | "during"
            | "in"
            | "on"
            | "at"
            | "by"
            | "about"
            | "of"
            | "for"
            | "with"
            | "after"
            | "before"
            | "from"
            | "so"
            | "not"
    );
    if is_mark(&t.text) || !t.text.chars().any(char::is_alphanumeric) || preposition {
        return None;
    }
    Some((
        document_author(toks, a, v),
        first,
        clause_end(toks, first, b),
    ))
}

/// Nouns of the documents whose author an opening phrase names.
const DOCUMENTS: &[&str] = &["email", "letter", "memo", "statement", "message", "note"];

/// `In a company email sent by chairman Marcelo Claure, ...`: the name after `by` in a
/// phrase opening the sentence `[a, v)` that holds a document noun and closes at a comma.
fn document_author(toks: &[Token], a: usize, v: usize) -> Option<(usize, usize)> {
    if !matches!(toks.get(a)?.text.as_str(), "In" | "in") {
        return None;
    }
    let c = (a..v).find(|&k| toks[k].text == ",")?;
    let by = (a..c).find(|&k| toks[k].text == "by")?;
    let doc_noun = toks[a..by]
        .iter()
        .any(|t| DOCUMENTS.contains(&t.text.as_str()));
    // The name closes the phrase, a title in lower case may precede it.
    let s = (by + 1..c).find(|&k| super::capitalised(&toks[k].text))?;
    let (s, e) = name_run(toks, s).filter(|&(_, e)| e == c)?;
    doc_noun.then_some((s, e))
}

/// `shifted his account to say Sondland did ...`, `wrote to say that ...`: `to say` after a
/// noun or a verb, with a clause opening with `that`, a name or a pronoun, reports the words
/// of the sentence's subject. Not after an adjective (`fair to say`, `needless to say`) or a
/// verb of refusing or wanting (`declined to say`), and not before a question word.
fn reporting_infinitive(toks: &[Token], v: usize) -> bool {
    if v < 2 || toks[v].text != "say" || toks[v - 1].text != "to" {
        return false;
    }
    let before = &toks[v - 2];
    let head_ok = before
        .xpos
        .as_deref()
        .is_some_and(|x| x.starts_with("NN") || x == "VBD" || x == "VBZ")
        && !matches!(
            before.text.as_str(),
            "declined" | "refused" | "wanted" | "wants" | "declines" | "refuses" | "had" | "has"
        );
    let opens = toks.get(v + 1).is_some_and(|n| {
        n.text == "that"
            || matches!(n.text.as_str(), "he" | "she" | "they" | "it" | "we")
            || n.xpos.as_deref() == Some("NNP")
    });
    head_ok && opens
}

/// `abandoning likes allowed Mosseri to claim that CLAUSE`: the base form of a verb of
/// saying after `to`, with its `that`, whose subject is the name before `to`, the object of a
/// verb of causing or letting (`allowed`, `led`, `prompted`, `forced`, ...). The name
/// speaks; the clause runs from after `that` to its end.
pub(super) fn object_infinitive(toks: &[Token], v: usize, b: usize) -> Option<Found> {
    const SAYING: &[&str] = &[
        "say", "claim", "argue", "insist", "announce", "declare", "assert", "state", "warn",
    ];
    const CAUSING: &[&str] = &[
        "allowed",
        "allows",
        "allow",
        "let",
        "led",
        "leads",
        "prompted",
        "prompts",
        "forced",
        "forces",
        "enabled",
        "enables",
        "encouraged",
        "encourages",
        "pushed",
        "pushes",
    ];
    // (The list last: this runs on every token.)
    if v < 3
        || toks[v - 1].text != "to"
        || toks.get(v + 1).is_none_or(|t| t.text != "that")
        || v + 4 >= b
        || !SAYING.contains(&toks[v].text.as_str())
    {
        return None;
    }
    let (s, e) = name_before(toks, v - 1).filter(|&(_, e)| e == v - 1)?;
    if s == 0 || !CAUSING.contains(&toks[s - 1].text.as_str()) {
        return None;
    }
    let first = v + 2;
    Some((Some((s, e)), first, clause_end(toks, first, b)))
}

/// `Let's just say`, `to say`, `would tell`: a base form that reports nobody's words; and
/// a negated verb (`have not said why ...`), which reports nothing.
pub(super) fn not_a_report(toks: &[Token], v: usize) -> bool {
    if reporting_infinitive(toks, v) {
        return false;
    }
    let negated = (v.saturating_sub(2)..v)
        .any(|k| matches!(toks[k].text.as_str(), "not" | "n't" | "never" | "’t"));
    // A passive ("so it was said") names no speaker; "X was told ..." still reports.
    // "are alleging" is a progressive, not a passive.
    let passive = v > 0
        && !matches!(toks[v].text.as_str(), "told" | "tells")
        && !toks[v].text.ends_with("ing")
        && matches!(
            toks[v - 1].text.as_str(),
            "was" | "is" | "were" | "are" | "been" | "be" | "being"
        );
    // `rest assured that ...` is the writer's reassurance, nobody's report.
    let idiom = toks[v].text == "assured" && v > 0 && toks[v - 1].text == "rest";
    negated
        || passive
        || idiom
        || matches!(toks[v].text.as_str(), "say" | "tell")
            && v > 0
            && matches!(
                toks[v - 1].text.as_str(),
                "to" | "just"
                    | "let"
                    | "Let"
                    | "'s"
                    | "’s"
                    | "would"
                    | "could"
                    | "can"
                    | "will"
                    | "might"
                    | "should"
                    | "must"
                    | "may"
                    | "not"
                    | "n't"
                    | "never"
            )
}

#[cfg(test)]
mod tests {
    use dyad_core::Document;

    use super::super::find_quotes;

    fn doc(text: &str) -> Document {
        crate::test_doc(text)
    }

    /// (speaker, text, direct) of every quote.
    fn found(d: &Document) -> Vec<(Option<String>, String, bool)> {
        find_quotes(d, &[])
            .into_iter()
            .map(|q| (q.speaker, q.text, q.direct))
            .collect()
    }

    fn indirect(text: &str) -> Vec<(Option<String>, String)> {
        found(&doc(text))
            .into_iter()
            .filter(|q| !q.2)
            .map(|q| (q.0, q.1))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn attribution_inside_the_clause_keeps_the_whole_sentence() {
        let q =
            indirect("There was a time, Mr Panvalkar said, when he felt that they should leave.");
        assert_eq!(
            q,
            vec![(
                s("Panvalkar"),
                "There was a time, Mr Panvalkar said, when he felt that they should leave".into()
            )]
        );
        let q =
            indirect("One of the officers, according to prison records, had worked extra shifts.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].1,
            "One of the officers, according to prison records, had worked extra shifts"
        );
    }

    #[test]
    fn according_to_an_unnamed_source() {
        let q = indirect(
            "According to the city's police department, a fight broke out after the game.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "a fight broke out after the game");
        // Not every `according to` names a source.
        assert!(indirect("According to the plan, the bridge opens in May.").is_empty());
    }

    #[test]
    fn partial_quote_closing_a_clause_with_attribution_after_it() {
        let d = doc("The current arrests are \"a continuation of the shenanigans against us,\" said Dündar.");
        let q = found(&d);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.0 == s("Dündar")), "{q:?}");
        let i = q.iter().find(|x| !x.2).expect("the reported clause");
        assert_eq!(
            i.1,
            "The current arrests are \"a continuation of the shenanigans against us"
        );
    }

    #[test]
    fn speech_noun_with_its_clause() {
        let q = indirect(
            "Despite Trump's announcement that the two countries had reached a deal, talks went on.",
        );
        assert_eq!(
            q,
            vec![(s("Trump"), "the two countries had reached a deal".into())]
        );
        // A relative `that` is no clause of the noun.
        assert!(indirect("The claim that was made yesterday proved false.").is_empty());
    }

    #[test]
    fn according_to_after_a_whole_clause_keeps_the_clause() {
        let q = indirect(
            "The prints were donated by the museum, according to Kristen Wilkins, curator of the exhibit.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "The prints were donated by the museum");
    }

    #[test]
    fn sentence_initial_participle_with_that() {
        let q = indirect("Warning that the hospitals were now under pressure, he urged calm.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "the hospitals were now under pressure");
        let q =
            indirect("Warning that the hospitals were under \"enormous pressure,\" he urged calm.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "the hospitals were under \"enormous pressure");
    }

    #[test]
    fn fronted_as_attribution() {
        let q =
            indirect("As Heald told The Huffington Post, surface ozone has dropped by a quarter.");
        assert_eq!(
            q,
            vec![(s("Heald"), "surface ozone has dropped by a quarter".into())]
        );
    }

    #[test]
    fn base_forms_that_report_nobody() {
        assert!(indirect("Let's just say he is wrong about the whole thing.").is_empty());
        assert!(indirect("It is hard to say the talks will ever end.").is_empty());
        assert!(indirect("Officials have not said why the team was denied visas.").is_empty());
        assert!(indirect("It is a process and I will not be present, so it was said.").is_empty());
        let q = indirect("The mother was told her unborn child needed surgery to survive.");
        assert_eq!(
            q,
            vec![(None, "her unborn child needed surgery to survive".into())]
        );
        assert!(indirect("Students were told during the course of a meeting in Rome.").is_empty());
        assert!(indirect(
            "He told the BBC’s Andrew Marr Show: “A general election is the last thing.”"
        )
        .is_empty());
    }

    #[test]
    fn colon_clause_and_relative_that() {
        let q = indirect("The minister said: the talks have failed again.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "the talks have failed again");
        assert!(
            indirect("NASA announced the locations that would be given the orbiters.").is_empty()
        );
    }

    #[test]
    fn cited_headline_is_no_quote() {
        let t = "Related news\n\n\"Document found on street not secret, say feds\" — The Canadian Press, August 15, 2008";
        assert!(found(&doc(t)).is_empty(), "{:?}", found(&doc(t)));
    }

    #[test]
    fn partial_quote_that_is_the_whole_clause_is_both() {
        let d = doc("He also remarked that \"the existence of such a document could lead to consequences\".");
        let q = found(&d);
        assert_eq!(q.iter().filter(|x| x.2).count(), 1, "{q:?}");
        assert_eq!(q.iter().filter(|x| !x.2).count(), 1, "{q:?}");
    }

    #[test]
    fn clause_without_that_after_adverbs_hyphens_and_a_quote_in_the_last_paragraph() {
        let q = indirect("\"But it may be that they cracked it.\"\n\nThe company told the BBC it would be the duty of each airline.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "it would be the duty of each airline");
        let q = indirect("Police said earlier Klein did not appear to have a criminal history.");
        assert_eq!(q[0].1, "Klein did not appear to have a criminal history");
        let q = indirect("One travel expert warned in-flight internet was often unreliable.");
        assert_eq!(q[0].1, "in-flight internet was often unreliable");
        // A name followed by a preposition is the verb's object.
        assert!(indirect("Dündar warned Europe about having too much understanding.").is_empty());
    }

    /// Sets the parse of tokens: (child, head, relation, upos).
    fn parse(d: &mut Document, arcs: &[(usize, usize, &str, &str)]) {
        for &(c, h, r, u) in arcs {
            d.tokens[c].head = Some(h);
            d.tokens[c].deprel = Some(r.to_string());
            d.tokens[c].upos = Some(u.to_string());
        }
    }

    #[test]
    fn the_parse_finds_clauses_the_words_miss() {
        // 0 Several 1 analysts 2 have 3 suggested 4 Huawei 5 is 6 best 7 placed 8 to 9 benefit
        let t = "Several analysts have suggested Huawei is best placed to benefit.";
        assert!(indirect(t).is_empty());
        let mut d = doc(t);
        parse(
            &mut d,
            &[
                (1, 3, "nsubj", "NOUN"),
                (7, 3, "ccomp", "VERB"),
                (4, 7, "nsubj:pass", "PROPN"),
            ],
        );
        let q: Vec<_> = found(&d).into_iter().filter(|q| !q.2).collect();
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "Huawei is best placed to benefit");
        // 0 A 1 UN 2 review 3 of 4 national 5 plans 6 says 7 they 8 are 9 well 10 short ...
        let t = "A UN review of national plans says they are well short of the target.";
        assert!(indirect(t).is_empty());
        let mut d = doc(t);
        parse(
            &mut d,
            &[
                (2, 6, "nsubj", "NOUN"),
                (1, 2, "compound", "PROPN"),
                (10, 6, "ccomp", "ADJ"),
                (7, 10, "nsubj", "PRON"),
            ],
        );
        let q: Vec<_> = found(&d).into_iter().filter(|q| !q.2).collect();
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "they are well short of the target");
        assert_eq!(q[0].0, s("UN review"));
        // A participle takes its head's subject: 0 The 1 ministry 2 welcomed 3 the 4 vote
        // 5 , 6 saying 7 the 8 country 9 had 10 waited 11 too 12 long
        let t = "The ministry welcomed the vote, saying the country had waited too long.";
        let mut d = doc(t);
        parse(
            &mut d,
            &[
                (1, 2, "nsubj", "NOUN"),
                (6, 2, "advcl", "VERB"),
                (10, 6, "ccomp", "VERB"),
                (8, 10, "nsubj", "NOUN"),
                (7, 8, "det", "DET"),
            ],
        );
        let q: Vec<_> = found(&d).into_iter().filter(|q| !q.2).collect();
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "the country had waited too long");
        assert_eq!(q[0].0, s("ministry"));
        // A verb coordinated with the speech verb ends the clause: 0 Police 1 said 2 Klein
        // 3 had 4 no 5 record 6 and 7 released 8 few 9 details
        let t = "Police said Klein had no record and released few details.";
        let mut d = doc(t);
        parse(
            &mut d,
            &[
                (0, 1, "nsubj", "NOUN"),
                (3, 1, "ccomp", "VERB"),
                (2, 3, "nsubj", "PROPN"),
                (7, 1, "conj", "VERB"),
                (6, 7, "cc", "CCONJ"),
            ],
        );
        let q: Vec<_> = found(&d).into_iter().filter(|q| !q.2).collect();
        assert_eq!(q[0].1, "Klein had no record");
    }

    #[test]
    fn a_fronted_phrase_after_that_does_not_end_the_clause_at_a_quote() {
        // 0 He 1 told 2 the 3 court 4 that 5 , 6 over 7 the 8 months 9 , 10 " 11 Gloria
        // 12 was 13 ill 14 . 15 "
        let t = "He told the court that, over the months, \"Gloria was ill.\"";
        let mut d = doc(t);
        parse(&mut d, &[(12, 13, "cop", "AUX")]);
        d.tokens[12].feats = Some("Mood=Ind|Tense=Past|VerbForm=Fin".into());
        let q: Vec<_> = found(&d).into_iter().filter(|q| !q.2).collect();
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "over the months, \"Gloria was ill");
        // Without a parse the quote mark still ends it.
        let q = indirect(t);
        assert!(q.iter().all(|x| !x.1.contains("Gloria")), "{q:?}");
    }
}
