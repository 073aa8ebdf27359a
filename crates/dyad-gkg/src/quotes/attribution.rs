//! Attribution of a direct quote: the speaker and speech verb right after the closing mark
//! (`," said Blinken`, `," Blinken said`, `," he said`, a byline), or right before the
//! opening mark (`Blinken said: "`, `..., saying: "`), else the subject of the sentence; and
//! the name a speech verb's apposition closes (`Sonya Zoghlin, Carlineo's attorney, told`).
//!
//! The rules return token indexes (speaker range, verb), not strings, so that the quote
//! record keeps exact byte spans and resolves the name once, in `resolution`.

use dyad_core::{Document, Token};

use super::{
    capitalised, finite_tag, indirect, is_mark, is_verb, name_after, name_before, name_run,
    name_word, pronoun_at, pronoun_before, speakers, Person, Persons,
};

/// `," said Blinken` / `," Blinken said` / `," he said`: returns (speaker tokens, verb token).
pub(super) fn attribution_after(toks: &[Token], close: usize) -> Option<((usize, usize), usize)> {
    let ends_sentence = close > 0 && matches!(toks[close - 1].text.as_str(), "." | "?" | "!");
    let mut i = close + 1;
    while toks.get(i).is_some_and(|t| t.text == ",") {
        i += 1;
    }
    let t = toks.get(i)?;
    // `"...," while Smith noted ...`: a clause of its own with its own subject and verb,
    // no attribution of the quote before it.
    if matches!(t.text.as_str(), "while" | "whereas" | "although" | "though") {
        return None;
    }
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
    if is_verb(&t.text) || inverted_present(toks, i) {
        // `said Blinken`, `said he`, `said planetary geologist Rosaly Lopes of NASA`, `wrote
        // 43-year-old Martin Taylor of Aberdeenshire`.
        return name_after(toks, i + 1)
            .or_else(|| pronoun_at(toks, i + 1))
            .or_else(|| {
                (i + 2..(i + 9).min(toks.len()))
                    .take_while(|&k| {
                        toks[k]
                            .text
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '-')
                    })
                    .find_map(|k| name_run(toks, k))
            })
            .or_else(|| role_then_name(toks, i + 1))
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
            .is_some_and(|n| matches!(n.text.as_str(), "." | "at" | "in" | "on" | "during"))
            || only_setting_after(toks, v);
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
                .find(|&k| closes_apposition(toks, k));
            if let Some(v) = v {
                return Some(((s, e), v));
            }
        }
    }
    // A longer subject: `," Goddard planetary scientist Avi Mandell said`, `," the
    // 14th-ranked Schwartzman said`, `," Paganini and his team wrote`.
    // (Up to 14 tokens: `," Hong Kong director of Amnesty International Man-kei Tam said`.)
    let near = (i..(i + 14).min(toks.len()))
        .take_while(|&k| {
            !is_mark(&toks[k].text) && !matches!(toks[k].text.as_str(), "." | ";" | ",")
        })
        .find(|&k| is_verb(&toks[k].text));
    // Or a long apposition: `," study lead author Lucas Paganini, a planetary scientist at
    // ..., said in a statement`.
    let v = near.or_else(|| {
        (i..(i + 40).min(toks.len()))
            .take_while(|&k| !is_mark(&toks[k].text) && toks[k].text != ".")
            .find(|&k| is_verb(&toks[k].text) && toks[k - 1].text == ",")
    })?;
    // After a long apposition the speaker is the name it follows, not the last name inside
    // it (`Washington, D.C.,`).
    let apposed = near.is_none().then(|| {
        (i..(i + 6).min(v))
            .find_map(|k| name_run(toks, k))
            .filter(|&(_, e)| {
                e < v
                    && toks[e].text == ","
                    && toks
                        .get(e + 1)
                        .is_some_and(|n| n.text.starts_with(|c: char| c.is_lowercase()))
            })
    });
    let spk = apposed
        .flatten()
        .or_else(|| name_before(toks, v).filter(|&(s, _)| s >= i))
        .or_else(|| pronoun_before(toks, v).filter(|&(s, _)| s >= i))
        // A role, then the name in apposition: `," Sweden's chief prosecutor, Eva Lind,
        // said`: the name between the last two commas.
        .or_else(|| apposed_name_before(toks, i, v))
        .or_else(|| {
            (i..v)
                .find_map(|k| name_run(toks, k))
                .filter(|&(_, e)| e <= v)
        })?;
    Some((spk, v))
}

/// `," said his father, Ali Kaya, after ...`: a short role in lower case after an inverted
/// speech verb (`his father`, `the group's spokeswoman`), then the name set off by a comma:
/// the name, of two words or more, closed by a comma or the sentence's end.
fn role_then_name(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let c = (i..(i + 5).min(toks.len())).find(|&k| toks[k].text == ",")?;
    let role = c > i
        && toks[i..c].iter().all(|t| {
            matches!(t.text.as_str(), "'s" | "’s")
                || t.text.chars().all(|ch| ch.is_lowercase() || ch == '-')
        });
    if !role {
        return None;
    }
    let (s, e) = name_run(toks, c + 1).filter(|&(s, _)| s == c + 1)?;
    let closed = toks
        .get(e)
        .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";"));
    (e - s >= 2 && closed).then_some((s, e))
}

/// The speaker tokens an attribution rule found, put right by the sentence around them
/// (`verb` is the speech verb):
/// - a description before a name set off by commas right before the verb is that name
///   (`The Senate Minority Leader, Chuck Schumer, said`, `Speaking to Reuters, the head of
///   the league, Ali Kaya, said`);
/// - a word inside a relative clause on a name before the verb is the name (`Ann Lee who
///   sponsored the bill remarked`), as is the relative pronoun itself (`Ann Lee who said`);
/// - the subject of a participle set off by a comma is the subject of the first speech verb
///   of its sentence, not a noun of the clause it reports (`He stated the trial would not be
///   fair, saying ...`);
/// - an organisation after `of` that qualifies a person is the person (`Ann Lee of the
///   army's Eastern Command said`).
pub(super) fn refined_speaker(
    doc: &Document,
    persons: &Persons,
    (s, e): (usize, usize),
    verb: Option<usize>,
) -> (usize, usize) {
    let toks = &doc.tokens;
    if let Some(n) = verb.and_then(|v| apposed_description(doc, (s, e), v)) {
        return n;
    }
    if let Some(n) = relative_owner(toks, s, e) {
        return n;
    }
    if let Some(n) = verb.and_then(|v| participle_subject(doc, s, v)) {
        return n;
    }
    if let Some(n) = person_before_of(toks, persons, s, e) {
        return n;
    }
    (s, e)
}

/// The number of written words of tokens `[s, e)`.
fn written_words(doc: &Document, s: usize, e: usize) -> usize {
    let toks = &doc.tokens;
    doc.text
        .get(toks[s].span.start..toks[e - 1].span.end)
        .map_or(0, |t| t.split_whitespace().count())
}

fn apposed_description(doc: &Document, (s, e): (usize, usize), v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if v <= e {
        return None;
    }
    let (a, b) = apposed_name_before(toks, s, v)?;
    if a <= e || written_words(doc, a, b) < 2 {
        return None;
    }
    let same_clause = (e..a).all(|k| !is_mark(&toks[k].text) && toks[k].text != ".");
    // The speaker found is a description, not a name of its own: titles only ("Senate
    // Minority Leader"), one word, or a description in lower case before the name.
    let spk_text = doc
        .text
        .get(toks[s].span.start..toks[e - 1].span.end)
        .unwrap_or_default();
    let description = super::untitled(spk_text).is_empty()
        || e - s == 1
        || (e..a - 1).any(|k| {
            toks[k].text.chars().all(char::is_alphabetic)
                && toks[k].text.starts_with(char::is_lowercase)
                && !matches!(toks[k].text.as_str(), "and" | "or")
        });
    (same_clause && description).then_some((a, b))
}

fn relative_owner(toks: &[Token], s: usize, e: usize) -> Option<(usize, usize)> {
    if e == s + 1 && toks[s].text == "who" {
        return name_before(toks, s).filter(|&(_, b)| b == s);
    }
    for k in (s.saturating_sub(7)..s).rev() {
        let t = toks[k].text.as_str();
        if matches!(t, "," | "." | ";" | ":" | "(" | ")") || is_mark(t) {
            return None;
        }
        if t == "who" {
            return name_before(toks, k).filter(|&(_, b)| b == k && k + 1 < s);
        }
    }
    None
}

fn participle_subject(doc: &Document, s: usize, v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let start = doc
        .sentences
        .iter()
        .find(|x| x.tokens[0] <= v && v < x.tokens[1])?
        .tokens[0];
    let participle = toks[v].text.ends_with("ing") && v > 0 && toks[v - 1].text == ",";
    // `Pompeo posted a message on Twitter blaming Iran, saying ...`: a name after a
    // preposition is no subject; the sentence's is.
    let object = s > start
        && matches!(
            toks[s - 1].text.as_str(),
            "on" | "in" | "at" | "via" | "to" | "from" | "with" | "for"
        );
    if participle && object && s < v {
        // The subject of the sentence's first finite verb (`US Secretary of State Mike
        // Pompeo posted`), else of its root.
        let finite = (start..s).find(|&k| {
            toks[k]
                .xpos
                .as_deref()
                .is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP"))
        });
        let subject = finite
            .and_then(|f| indirect::subject_of(doc, f).filter(|&(_, b)| b <= f))
            .or_else(|| sentence_subject(doc, start, s).filter(|&(_, b)| b < s));
        if let Some(found) = subject {
            return Some(found);
        }
    }
    let ((a, b), _) = speakers::participle_reporter(doc, start, v)?;
    let first = (start..v).find(|&k| is_verb(&toks[k].text) && !toks[k].text.ends_with("ing"))?;
    // Only a speaker found inside the reported clause is replaced.
    (s > first && s < v && b <= first).then_some((a, b))
}

fn person_before_of(
    toks: &[Token],
    persons: &Persons,
    s: usize,
    e: usize,
) -> Option<(usize, usize)> {
    if !name_word(&toks[s].text) || e - s > 6 {
        return None;
    }
    let mut ofs = Vec::new();
    let mut k = s;
    while k > 0 && s - k < 12 {
        let t = &toks[k - 1];
        let w = t.text.as_str();
        let fits = capitalised(w)
            || matches!(w, "the" | "of" | "in" | "and" | "for" | "'s" | "’s" | "&")
            || w.chars().all(char::is_lowercase)
                && t.xpos.as_deref().is_some_and(|x| x.starts_with("NN"));
        if !fits {
            break;
        }
        if w == "of" {
            ofs.push(k - 1);
        }
        k -= 1;
    }
    // The first `of` that a person's name ends at.
    ofs.iter().rev().find_map(|&of| {
        let (a, b) = name_before(toks, of).filter(|&(_, b)| b == of)?;
        let words: Vec<&str> = toks[a..b].iter().map(|t| t.text.as_str()).collect();
        let surname = toks[b - 1].text.as_str();
        let known = persons.iter().any(|p| {
            p.name.split_whitespace().count() >= 2
                && p.name.split_whitespace().last() == Some(surname)
        });
        let person = (b - a >= 2 || known) && speakers::person_words(&words);
        person.then_some((a, b))
    })
}

/// `"...!" Macron told the world on Thursday via Twitter.`: after speech verb `v`, the
/// sentence ends within twelve tokens with no other verb, quote mark or `that`: the verb
/// closes the attribution with only its object and setting.
fn only_setting_after(toks: &[Token], v: usize) -> bool {
    let Some(end) = (v + 1..(v + 13).min(toks.len())).find(|&k| toks[k].text == ".") else {
        return false;
    };
    toks[v + 1..end].iter().all(|t| {
        !is_mark(&t.text)
            && t.text != "that"
            && !t
                .xpos
                .as_deref()
                .is_some_and(|x| x.starts_with("VB") || x == "MD")
    })
}

/// `," comments Robin Biesbroek of the CDF.`: the present form of a listed verb right after
/// a closing mark and its comma, before a capitalised word (`comments` of `commented`,
/// `explains` of `explained`, `writes`).
fn inverted_present(toks: &[Token], i: usize) -> bool {
    let w = toks[i].text.as_str();
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    let listed = w == "writes"
        || stem.len() > 2
            && stem.chars().all(|c| c.is_ascii_lowercase())
            && [format!("{stem}ed"), format!("{stem}d")]
                .iter()
                .any(|f| is_verb(f));
    listed
        && i > 0
        && (toks[i - 1].text == "," || is_mark(&toks[i - 1].text))
        && toks.get(i + 1).is_some_and(|n| capitalised(&n.text))
}

/// Whether token `k` is the speech verb closing an apposition: right after its comma, or
/// after an auxiliary that follows the comma (`, a senior fellow at ..., has written.`), in
/// any form of a listed verb (`written` of `wrote`, by the lemma).
fn closes_apposition(toks: &[Token], k: usize) -> bool {
    let speech = is_verb(&toks[k].text) || super::lexicon::other_form_of(&toks[k], is_verb);
    let after_comma = toks[k - 1].text == ","
        || k >= 2
            && matches!(toks[k - 1].text.as_str(), "has" | "have" | "had")
            && toks[k - 2].text == ",";
    speech && after_comma
}

/// `ROLE, NAME, said` after a quote (`," the agency's director, Eva Lind, said`): the name
/// set between the two commas before the verb `v`, inside `[i, v)`.
fn apposed_name_before(toks: &[Token], i: usize, v: usize) -> Option<(usize, usize)> {
    let c = v.checked_sub(1).filter(|&c| toks[c].text == ",")?;
    let (s, e) = name_before(toks, c)?;
    (s > i && e == c && toks[s - 1].text == ",").then_some((s, e))
}

/// `Blinken said: "` / `He stressed ..., saying: "`: the speaker before the opening mark.
/// A quote that opens its paragraph after one ending in `stated,` or `account:` takes the
/// attribution of that paragraph's last sentence.
pub(super) fn attribution_before(
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
    if let Some(found) = opening_participle(doc, start, open) {
        return Some(found);
    }
    // A verb inside an aside set off by dashes is the aside's (`Bercow commented — which the
    // BBC noted as unusual — "..."`).
    let aside = |k: usize| {
        (k + 1..=i)
            .filter(|&d| matches!(toks[d].text.as_str(), "—" | "–"))
            .count()
            % 2
            == 1
    };
    let verb = if intro {
        // The verb is the last token before the colon, or a few tokens back ("told
        // reporters:", "tweeted using his @POTUS account:").
        let j = i.checked_sub(1)?;
        (j.saturating_sub(7).max(start)..=j)
            .rev()
            .find(|&k| is_verb(&toks[k].text) && !aside(k))
    } else {
        // A partial quote inside reported speech: `Eichel said he was "just trying ..."`,
        // `Haq told Polygraph.info that the U.N. is "working ..."`.
        (start..=i)
            .rev()
            .find(|&k| is_verb(&toks[k].text) && !aside(k))
            .or_else(|| {
                // `Cruz called the suicide a "profound indictment ..."`, `The Arab League called
                // it an "extremely adverse development"`: a name given to something.
                (i.saturating_sub(5).max(start)..=i).rev().find(|&k| {
                    matches!(
                    toks[k].text.as_str(),
                    "called" | "calls" | "calling" | "labelled" | "labeled" | "termed"
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
        // `..., Sunak defended the record ...: "..."`, `Trump, also on Twitter, defended
        // his decision, "..."`: the subject of the sentence.
        // After a comma the subject must be a person the text names as a subject (`New
        // episodes are followed by after show, "The Talking Dead."` is a title).
        let person = |(a, b): (usize, usize)| {
            toks[i].text == ":"
                || mentions.iter().any(|m| {
                    m.span.start >= toks[a].span.start && m.span.end <= toks[b - 1].span.end
                })
        };
        // `According to political scholar Ann Lee, "..."`: the name before the comma.
        if toks[i].text == "," && toks[start].text == "According" {
            let to = start + 1;
            if let Some(n) = name_before(toks, i).filter(|&(s, e)| s > to && e == i) {
                return Some((n, start));
            }
        }
        return intro
            .then(|| sentence_subject(doc, start, i))
            .flatten()
            .filter(|&x| person(x))
            .map(|s| (s, i));
    };
    // `..., with Ross Spano of Florida calling the process "a coup ..."`: the name right
    // before the participle (past a place it is `of`), not the subject of the sentence.
    if toks[verb].text == "calling" && verb > start {
        let before = |v: usize| super::name_before(toks, v).filter(|&(_, e)| e == v);
        let named = before(verb).and_then(|(s, e)| {
            if s >= 2 && toks[s - 1].text == "of" {
                before(s - 1).or(Some((s, e)))
            } else {
                Some((s, e))
            }
        });
        if let Some(n) = named.filter(|&(s, _)| s >= start) {
            return Some((n, verb));
        }
    }
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

/// `Calling it "just another apology", Ann Lee of the charity told Reuters ...`: a quote
/// inside a participle phrase that opens its sentence (`start`) is said by the subject after
/// the phrase: the name right after the comma that follows the quote's closing mark, with
/// the first speech verb after it.
fn opening_participle(
    doc: &Document,
    start: usize,
    open: usize,
) -> Option<((usize, usize), usize)> {
    let toks = &doc.tokens;
    let w = toks.get(start)?.text.as_str();
    let participle = w.len() > 4
        && w.ends_with("ing")
        && capitalised(w)
        && (is_verb(&w.to_lowercase()) || matches!(w, "Calling" | "Describing" | "Labelling"));
    if !participle || open > start + 6 || (start + 1..open).any(|k| toks[k].text == ",") {
        return None;
    }
    let close = (open + 1..(open + 60).min(toks.len())).find(|&k| is_mark(&toks[k].text))?;
    let comma = close + 1;
    if toks.get(comma).is_none_or(|t| t.text != ",") {
        return None;
    }
    let (s, e) = name_run(toks, comma + 1).filter(|&(s, _)| s == comma + 1)?;
    let v = (e..(e + 30).min(toks.len()))
        .take_while(|&k| toks[k].text != ".")
        .find(|&k| is_verb(&toks[k].text))?;
    Some(((s, e), v))
}

/// The subject of the sentence from `start`: the parse root's subject when there is a
/// parse, else the first pronoun or name at the start or after a comma that a lower-case
/// word follows (`During ..., Sunak defended`).
pub(super) fn sentence_subject(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
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

/// `Sonya Zoghlin, Carlineo's attorney, told ...`: the name opening the sentence of a speech
/// verb that follows an apposition's closing comma.
pub(super) fn apposition_subject(doc: &Document, verb: usize) -> Option<(usize, usize)> {
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
        // A relative clause may describe it (`The group that owns most of her music, Big
        // Machine, says`): a finite verb after a relative pronoun is the relative's own.
        let relative = (from..c).find(|&k| {
            matches!(toks[k].text.as_str(), "that" | "who" | "which")
                && toks[k].xpos.as_deref().is_some_and(|x| x.starts_with('W'))
        });
        let described = c - from <= if relative.is_some() { 12 } else { 8 }
            && toks[from..c].iter().any(|t| {
                t.text.starts_with(|ch: char| ch.is_lowercase())
                    && !matches!(t.text.as_str(), "'s" | "’s")
            })
            && (from..c).all(|k| {
                let t = &toks[k];
                !is_mark(&t.text)
                    && t.text != ","
                    && (!finite_tag(t) || relative.is_some_and(|r| r < k))
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
