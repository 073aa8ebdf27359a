//! Speaker resolution that needs the whole document: the gender of a named person (so that
//! "she said" skips the nearest man), acronyms expanded to the name they stand for ("WHO" →
//! "World Health Organisation" when the text writes "World Health Organisation (WHO)"), and
//! the speaker of a direct quote that has no attribution of its own.
//!
//! News often introduces a speaker in one sentence and quotes them in the next without a
//! speech verb ("Wilkins also said Warhol was a businessperson. \"As a way to ...\"",
//! "Senator John Cornyn issued a statement. \"Like many Texans ...\""). Such a quote takes
//! the speaker of the nearest attributed quote before it in its paragraph, or else the
//! nearest person named as a subject before it in its paragraph. Gender comes only from
//! cues in the text itself (titles, "spokeswoman", the pronoun that follows a name in its
//! sentence), never from lists of first names, and stays unknown without them.

use dyad_core::calendar::{MONTHS, WEEKDAYS};
use dyad_core::{Document, Token};

use super::{full_name, is_verb, para_break, para_start, Person, Persons, Quote};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

const MALE_CUES: &[&str] = &[
    "Mr",
    "Mr.",
    "Sir",
    "spokesman",
    "chairman",
    "husband",
    "father",
    "son",
    "brother",
    "King",
    "Prince",
    "congressman",
    "businessman",
    "Lord",
];
const FEMALE_CUES: &[&str] = &[
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "spokeswoman",
    "chairwoman",
    "wife",
    "mother",
    "daughter",
    "sister",
    "Queen",
    "Princess",
    "congresswoman",
    "businesswoman",
    "Lady",
];

/// The gender a pronoun asks for, if it asks for one.
pub(super) fn pronoun_gender(p: &str) -> Option<Gender> {
    match p {
        "he" | "He" => Some(Gender::Male),
        "she" | "She" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender the text gives the person called `name` (by its last word): a cue word just
/// before a mention, or the first gendered pronoun after a mention in the same sentence
/// when no other capitalised name stands between them. `None` when cues are absent or
/// disagree.
pub(super) fn gender_of(doc: &Document, name: &str) -> Option<Gender> {
    let last = name.split_whitespace().last()?;
    let toks = &doc.tokens;
    let (mut m, mut f) = (0usize, 0usize);
    for (i, t) in toks.iter().enumerate() {
        if t.text != last {
            continue;
        }
        for t in &toks[i.saturating_sub(4)..i] {
            let w = t.text.as_str();
            m += usize::from(MALE_CUES.contains(&w));
            f += usize::from(FEMALE_CUES.contains(&w));
        }
        // Only after a name in subject position: its run opens the sentence or follows a
        // comma, and is no possessive ("Omar's office, in which he said" is about another).
        let mut a = i;
        while a > 0
            && (super::capitalised(&toks[a - 1].text)
                || matches!(toks[a - 1].text.as_str(), "'s" | "’s"))
        {
            a -= 1;
        }
        let opens = a == 0
            || doc.sentences.iter().any(|s| s.tokens[0] == a)
            || matches!(toks[a - 1].text.as_str(), "," | ":" | ";");
        let possessive = toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.text.as_str(), "'s" | "’s" | "'" | "’"));
        if let Some(g) = copula_noun(toks, i).filter(|_| opens && !possessive) {
            match g {
                Gender::Male => m += 1,
                Gender::Female => f += 1,
            }
        }
        if let Some(g) = pronoun_after(doc, i).filter(|_| opens && !possessive) {
            match g {
                Gender::Male => m += 1,
                Gender::Female => f += 1,
            }
        }
    }
    // The majority: a pronoun after an object name may stand for the sentence's subject
    // ("send Gloria to a doctor, but he replied").
    match m.cmp(&f) {
        std::cmp::Ordering::Greater => Some(Gender::Male),
        std::cmp::Ordering::Less => Some(Gender::Female),
        std::cmp::Ordering::Equal => None,
    }
}

/// Nouns that give a person's gender after a copula ("Omar is one of the first two Muslim
/// women elected to Congress").
const FEMALE_NOUNS: &[&str] = &[
    "woman",
    "women",
    "wife",
    "mother",
    "daughter",
    "sister",
    "girl",
    "grandmother",
    "actress",
    "widow",
];
const MALE_NOUNS: &[&str] = &[
    "man",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "grandfather",
    "actor",
    "widower",
];

/// The gender of the noun predicated of the name ending at token `i` (`NAME is/was ... NOUN`,
/// up to the first punctuation, eight words at most).
fn copula_noun(toks: &[Token], i: usize) -> Option<Gender> {
    if !toks
        .get(i + 1)
        .is_some_and(|t| matches!(t.text.as_str(), "is" | "was"))
    {
        return None;
    }
    toks.iter()
        .skip(i + 2)
        .take(8)
        .take_while(|t| t.text.chars().any(char::is_alphanumeric))
        .find_map(|t| {
            if FEMALE_NOUNS.contains(&t.text.as_str()) {
                Some(Gender::Female)
            } else if MALE_NOUNS.contains(&t.text.as_str()) {
                Some(Gender::Male)
            } else {
                None
            }
        })
}

/// The first gendered pronoun after token `i` in its sentence, unless another name (a
/// capitalised word not starting the sentence) comes first.
fn pronoun_after(doc: &Document, i: usize) -> Option<Gender> {
    let toks = &doc.tokens;
    let end = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= i && i < s.tokens[1])
        .map_or(toks.len(), |s| s.tokens[1]);
    let mut k = i + 1;
    // The rest of the name and a possessive.
    while toks
        .get(k)
        .is_some_and(|t| super::capitalised(&t.text) || matches!(t.text.as_str(), "'s" | "’s"))
    {
        k += 1;
    }
    for t in toks.get(k..end).unwrap_or_default() {
        match t.text.as_str() {
            "he" | "his" | "him" | "himself" => return Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => return Some(Gender::Female),
            w if super::capitalised(w) && w.chars().any(char::is_lowercase) => return None,
            _ => {}
        }
    }
    None
}

/// "WHO" → "World Health Organisation" when the document writes the name with the acronym
/// in brackets after it; else the acronym itself.
pub(super) fn expand_acronym(doc: &Document, raw: &str) -> Option<String> {
    let n = raw.chars().count();
    if !(2..=6).contains(&n) || !raw.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let toks = &doc.tokens;
    (2..toks.len()).find_map(|i| {
        if toks[i].text != raw || toks[i - 1].text != "(" {
            return None;
        }
        // Walk back over the name: capitalised words and the small words inside names.
        let mut s = i - 1;
        let mut initials = String::new();
        while s > 0 {
            let w = toks[s - 1].text.as_str();
            if super::capitalised(w) && w != "The" {
                initials.insert(0, w.chars().next()?);
            } else if !matches!(w, "of" | "for" | "and" | "on") {
                break;
            }
            s -= 1;
            if initials.len() == n {
                break;
            }
        }
        (initials == raw).then(|| {
            let a = toks[s].span.start;
            let b = toks[i - 2].span.end;
            doc.text[a..b].to_string()
        })
    })
}

/// Index of the token that starts at or contains byte `b`.
/// The byte where the paragraph of token `i` ends.
fn para_end(doc: &Document, i: usize) -> usize {
    let from = doc.tokens[i].span.start;
    doc.text[from..]
        .find("\n\n")
        .map_or(doc.text.len(), |k| from + k)
}

pub(super) fn token_at(toks: &[Token], b: usize) -> usize {
    toks.partition_point(|t| t.span.end <= b)
        .min(toks.len().saturating_sub(1))
}

/// The token of a name mention: its last word (mentions are surnames), skipping flat name
/// parts and appositions up to the head ("spokeswoman Sujata Raisinghani" → spokeswoman).
fn name_head(toks: &[Token], span: dyad_core::Span) -> usize {
    let mut i = token_at(toks, span.start);
    for _ in 0..4 {
        match (toks[i].deprel.as_deref(), toks[i].head) {
            (Some("flat" | "compound" | "appos"), Some(h)) if h < toks.len() => i = h,
            _ => break,
        }
    }
    i
}

/// Attribution verbs that, with a subject of their own, mostly say something else ("the Sams
/// continued to shun ...", "the report concluded").
const NOT_SPEAKING: &[&str] = &[
    "continued",
    "concluded",
    "described",
    "characterized",
    "characterised",
    "dubbed",
    "urged",
    "reads",
    "recalled",
];

/// Whether the mention at `span` is the subject of a speech verb ("Sasse said", "said Lisa
/// Boesky", "Jack Scarola, who represents ..., said"). With a parse: the mention is an
/// `nsubj` whose head is a speech verb. Without one: a speech verb follows in the same
/// sentence within twelve tokens, or comes right before the name.
pub(super) fn speaks(doc: &Document, span: dyad_core::Span) -> bool {
    let toks = &doc.tokens;
    if toks.is_empty() {
        return false;
    }
    let i = name_head(toks, span);
    if toks[i].deprel.is_some() {
        return subject_of(toks, i)
            .is_some_and(|v| is_verb(&v.text) && !NOT_SPEAKING.contains(&v.text.as_str()));
    }
    let after = (i + 1..toks.len().min(i + 13))
        .take_while(|&k| !matches!(toks[k].text.as_str(), "." | "?" | "!"))
        .any(|k| is_verb(&toks[k].text) && !NOT_SPEAKING.contains(&toks[k].text.as_str()));
    let start = token_at(toks, span.start);
    let before = (start.saturating_sub(2)..start).any(|k| is_verb(&toks[k].text));
    after || before
}

/// Whether the mention at `span` is the subject of its sentence's main verb (parse only).
pub(super) fn main_subject(doc: &Document, span: dyad_core::Span) -> bool {
    let toks = &doc.tokens;
    if toks.is_empty() {
        return false;
    }
    let i = name_head(toks, span);
    subject_of(toks, i).is_some_and(|v| v.deprel.as_deref() == Some("root"))
}

/// The verb token `i` is the `nsubj` of, per the parse.
fn subject_of(toks: &[Token], i: usize) -> Option<&Token> {
    let t = &toks[i];
    if !t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj")) {
        return None;
    }
    t.head.and_then(|h| toks.get(h))
}

/// The index of the sentence holding the start of `span` (0 when the document has none).
pub(super) fn sentence_of_span(doc: &Document, span: dyad_core::Span) -> usize {
    doc.sentences
        .iter()
        .position(|s| s.span.start <= span.start && span.start < s.span.end)
        .unwrap_or(0)
}

/// Gives direct quotes without a speaker the speaker of the nearest attributed quote before
/// them in the same paragraph (at most two sentences back), or else the nearest person named
/// as a subject before them in that paragraph. `out` is sorted by span start.
pub(super) fn carry_speakers(
    doc: &Document,
    persons: &Persons,
    mentions: &[Person],
    out: &mut [Quote],
) {
    let toks = &doc.tokens;
    if toks.is_empty() {
        return;
    }
    let sentence_of = super::sentence_index(doc);
    for i in 0..out.len() {
        if !out[i].direct || out[i].speaker.is_some() {
            continue;
        }
        // A partial quote opening inside reported speech is the reporter's words (`The
        // president said that China "is going to have to make a deal ..."`).
        let (a, b) = (out[i].span.start, out[i].span.end);
        let enclosing = (0..out.len()).find(|&j| {
            !out[j].direct
                && out[j].speaker.is_some()
                && out[j].span.start <= a
                && a < out[j].span.end
                && out[j].span.end <= b.max(out[j].span.end)
        });
        if let Some(j) = enclosing {
            out[i].speaker = out[j].speaker.clone();
            out[i].speaker_span = out[j].speaker_span;
            continue;
        }
        let start = token_at(toks, out[i].span.start);
        if let Some((name, at)) = role_subject(doc, persons, start) {
            out[i].speaker = Some(name);
            out[i].speaker_span = Some(at);
            continue;
        }
        let same_para = |b: usize| !para_break(doc, token_at(toks, b), start);
        let near = |b: usize| sentence_of[token_at(toks, b)] + 2 >= sentence_of[start];
        let from_quote = (0..i)
            .rev()
            .find(|&j| out[j].speaker.is_some() && out[j].span.end <= out[i].span.start);
        // A paragraph that is only a quote, after a paragraph that ends with a speaker's
        // reported speech (the paraphrase, then the words) ("Erekat said it was ..." / "\"They wanted us on our knees ...\"").
        let quote_paragraph =
            para_start(doc, start.saturating_sub(1)) && out[i].span.end + 4 >= para_end(doc, start);
        let previous_paragraph = |b: usize| {
            let k = token_at(toks, b);
            para_break(doc, k, start)
                && !(k + 1..start.saturating_sub(1)).any(|m| para_start(doc, m))
        };
        if let Some(j) = from_quote.filter(|&j| {
            same_para(out[j].span.end) && near(out[j].span.end)
                || quote_paragraph && !out[j].direct && previous_paragraph(out[j].span.end)
        }) {
            out[i].speaker = out[j].speaker.clone();
            out[i].speaker_span = out[j].speaker_span;
            continue;
        }
        let named = mentions
            .iter()
            .filter(|m| m.span.end <= out[i].span.start)
            .max_by_key(|m| m.span.end)
            .filter(|m| same_para(m.span.end));
        if let Some(m) = named {
            out[i].speaker = Some(full_name(persons, &m.name));
            out[i].speaker_span = Some(m.span);
        }
    }
}

/// `The commissioner said, "..."`, `The governor tweeted her reasoning, saying, "..."`: the
/// person a definite role noun stands for when that noun is the parse subject of a speech
/// verb in the sentence of the quote opening at token `start`, before the quote (the
/// attribution rules take names and pronouns only). `(name, the noun's span)`.
fn role_subject(
    doc: &Document,
    persons: &Persons,
    start: usize,
) -> Option<(String, dyad_core::Span)> {
    let toks = &doc.tokens;
    let sent = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= start && start < s.tokens[1])?;
    let from = sent.tokens[0];
    (from..start).find_map(|v| {
        if !is_verb(&toks[v].text) {
            return None;
        }
        let k = super::clause_parse::first_subject(toks, from, v, v)?;
        let noun = toks[k].xpos.as_deref() == Some("NN")
            && toks[k].text.chars().all(|c| c.is_lowercase() || c == '-');
        if !noun || super::is_mark(&toks[k].text) {
            return None;
        }
        // Lower-case modifiers back to `the` (`the foreign minister`).
        let mut m = k;
        while m > from
            && toks[m - 1]
                .xpos
                .as_deref()
                .is_some_and(|x| x == "JJ" || x == "NN")
            && toks[m - 1].text.chars().all(char::is_lowercase)
        {
            m -= 1;
        }
        let span = dyad_core::Span::new(toks[m].span.start, toks[k].span.end);
        let raw = span.get(&doc.text)?;
        let head = dyad_core::Span::new(toks[k].span.start, toks[k].span.end);
        role_antecedent(doc, persons, raw, span.start)
            .or_else(|| {
                super::descriptions::description_antecedent(doc, persons, &toks[k].text, head.start)
            })
            .map(|n| (n, span))
    })
}

/// Words that end the name of an organisation, not of a person ("Department of Agriculture").
const ORG_HEADS: &[&str] = &[
    "Department",
    "Ministry",
    "Bank",
    "University",
    "Office",
    "Institute",
    "Council",
    "Agency",
    "Board",
    "Court",
    "Union",
    "Association",
    "Society",
    "Government",
    "School",
    "College",
    "Centre",
    "Center",
    "Bureau",
    "Commission",
    "Committee",
    "House",
    "Secretary",
    "Minister",
    "Chancellor",
    "Director",
    "President",
    "Governor",
    "Chairman",
    "Head",
    "Chief",
    "Republic",
    "Party",
    "Foundation",
    "Museum",
];

/// Whether capitalised words can be a person's name: no organisation head, no title.
pub(super) fn person_words(w: &[&str]) -> bool {
    !w.is_empty()
        && w.iter().all(|x| super::capitalised(x) || x.contains('-'))
        && !w
            .iter()
            .any(|x| ORG_HEADS.contains(x) || super::speaker_names::is_title(x))
}

/// "Matthew Ingram of The Globe and Mail" → "Matthew Ingram": a person's name of two
/// capitalised words or more qualified by an organisation after `of`.
pub(super) fn person_of_org(raw: &str) -> Option<String> {
    let (head, _) = raw.split_once(" of ")?;
    let w: Vec<&str> = head.split_whitespace().collect();
    let ok = w.len() >= 2
        && w.iter().all(|x| super::capitalised(x))
        && !w
            .iter()
            .any(|x| ORG_HEADS.contains(x) || super::TITLES.contains(x));
    ok.then(|| head.to_string())
}

/// Role nouns a text uses for a person it named before with the matching title ("The
/// governor said ..." after "Republican Gov. Eric Holcomb"), with the titles that introduce
/// them (compared case aside, a trailing period dropped).
const ROLES: &[(&str, &[&str])] = &[
    ("governor", &["gov", "governor"]),
    ("president", &["president", "pres"]),
    ("senator", &["sen", "senator"]),
    ("ambassador", &["ambassador", "amb"]),
    ("mayor", &["mayor"]),
    ("envoy", &["envoy"]),
    // A foreign minister is called a secretary in some states ("Mexico's Foreign Secretary
    // Marcelo Ebrard ... The foreign minister said").
    ("minister", &["minister", "secretary"]),
    ("secretary", &["secretary", "sec"]),
    ("superintendent", &["superintendent"]),
    ("chancellor", &["chancellor"]),
    ("commissioner", &["commissioner"]),
    ("judge", &["judge"]),
    ("king", &["king"]),
    ("queen", &["queen"]),
    ("representative", &["representative", "rep"]),
    ("prosecutor", &["prosecutor"]),
];

/// The person a definite role noun stands for: `raw` is the speaker ("governor", "foreign
/// minister"), `start` the byte where it begins. Among the persons before it whose title,
/// in the three words before the name, is one of the role's (and who has the role's
/// modifiers there: "Foreign Secretary" for "foreign minister"), the one last mentioned;
/// `None` for any other speaker or when no person was named with that title.
pub(super) fn role_antecedent(
    doc: &Document,
    persons: &Persons,
    raw: &str,
    start: usize,
) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let (role, modifiers) = words.split_last()?;
    let (_, titles) = ROLES.iter().find(|(r, _)| role.eq_ignore_ascii_case(r))?;
    let before = doc.text.get(..start)?;
    // `the` before the role, its lower-case modifiers (`foreign`) written inside the
    // speaker or between `the` and it.
    let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    let mut left: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let the = left.iter().position(|w| w.eq_ignore_ascii_case("the"))?;
    left.truncate(the);
    let modifiers: Vec<&str> = modifiers.iter().chain(left.iter()).copied().collect();
    if modifiers.len() > 2 || !modifiers.iter().all(lower) {
        return None;
    }
    // Of the persons named with the title, the one whose surname the text used last
    // ("Gov. Eric Holcomb ... Gov. Matt Bevin ... Holcomb's campaign. The governor said").
    persons
        .iter()
        .filter(|p| p.span.end <= start)
        .filter(|p| {
            let lead = doc.text.get(..p.span.start).unwrap_or_default();
            let lead: Vec<String> = lead
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect();
            lead.iter().any(|w| titles.contains(&w.as_str()))
                && modifiers.iter().all(|m| lead.iter().any(|w| w == m))
        })
        .filter_map(|p| {
            let surname = p.name.split_whitespace().last()?;
            Some((before.rfind(surname)?, p))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, p)| full_name(persons, &p.name))
}

/// Words after a hyphen that make a compound of a name ("Trump-era"), not a name part.
const COMPOUND: &[&str] = &[
    "era",
    "led",
    "run",
    "ish",
    "like",
    "style",
    "type",
    "backed",
    "linked",
    "appointed",
    "owned",
    "based",
    "born",
    "controlled",
    "allied",
    "aligned",
    "related",
    "free",
];

/// Tokens `-` `yip` glued to a capitalised word right before `e` ("Cheuk Hau-yip said"):
/// the lower-case part of a hyphenated given name, 2 tokens, else 0.
pub(super) fn hyphen_tail(toks: &[Token], e: usize) -> usize {
    if e < 3 || e > toks.len() {
        return 0;
    }
    let glued = |a: usize| toks[a].span.end == toks[a + 1].span.start;
    let part = toks[e - 1].text.as_str();
    let tail = toks[e - 2].text == "-"
        && glued(e - 3)
        && glued(e - 2)
        && part.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !COMPOUND.contains(&part)
        && toks[e - 3].text.starts_with(char::is_uppercase);
    if tail {
        2
    } else {
        0
    }
}

/// A person span widened over the hyphenated parts of its first and last word that a
/// mention detector cut off ("Eva-" + "Marie Persson", "Cheuk Hau" + "-yip"): a name part
/// glued to the span by a hyphen. Before the span it must be capitalised; after it, it may be
/// lower case (romanised given names: "Hau-yip", "Jong-un"), but not a word that makes a
/// compound of the name ("Trump-era", "Obama-style").
pub(super) fn hyphen_widened(text: &str, span: dyad_core::Span) -> dyad_core::Span {
    let (mut s, mut e) = (span.start, span.end);
    let (Some(before), Some(after)) = (text.get(..s), text.get(e..)) else {
        return span;
    };
    if let Some(head) = before.strip_suffix('-') {
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i);
        if let Some(ws) = word_start {
            if head[ws..].starts_with(char::is_uppercase) {
                s = ws;
            }
        }
    }
    if let Some(tail) = after.strip_prefix('-') {
        let len: usize = tail
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let part = &tail[..len];
        let ends_word = !tail[len..].starts_with(|c: char| c == '-' || c.is_alphanumeric());
        if len > 0 && ends_word && !COMPOUND.contains(&part.to_lowercase().as_str()) {
            e += 1 + len;
        }
    }
    dyad_core::Span::new(s, e)
}

/// `Liu said that the army could be deployed, warning: "..."`: a participle after a comma
/// continues the report of the first speech verb of its sentence, so it takes that verb's
/// subject, not the subject of the reported clause it follows (which the parse may hang it
/// on). `(speaker tokens, the participle)`.
pub(super) fn participle_reporter(
    doc: &Document,
    start: usize,
    verb: usize,
) -> Option<((usize, usize), usize)> {
    let toks = &doc.tokens;
    let participle = toks[verb].text.ends_with("ing")
        && verb > 0
        && toks[verb - 1].text == ","
        && toks[verb].text.starts_with(|c: char| c.is_lowercase());
    if !participle {
        return None;
    }
    let first = (start..verb - 1)
        .find(|&k| super::is_verb(&toks[k].text) && !toks[k].text.ends_with("ing"))?;
    super::indirect::subject_of(doc, first).map(|s| (s, verb))
}

/// `China's ambassador to Britain Liu Xiaming`: a run of three capitalised words or more
/// right after `to`/`of` that follows a lower-case role word opens with the object of that
/// preposition (a country, a city), and the name is the rest. Returns the run's new start.
pub(super) fn after_place_object(
    toks: &[Token],
    s: usize,
    e: usize,
    is_title: impl Fn(usize) -> bool,
) -> usize {
    let role_prep = s >= 2
        && matches!(toks[s - 1].text.as_str(), "to" | "of")
        && toks[s - 2].text.starts_with(|c: char| c.is_lowercase())
        && toks[s - 2].text.chars().all(char::is_alphabetic);
    if role_prep && e >= s + 3 && !(s..e).any(&is_title) {
        s + 1
    } else {
        s
    }
}

/// `Liu` after `Liu Xiaming`: a one-word name that no known name ends with is the family name
/// written first (Chinese, Korean, Hungarian order) when exactly one known name of two or
/// three words opens with it.
#[cfg(test)]
pub(super) fn family_name_first<'a>(
    names: impl Iterator<Item = &'a str>,
    name: &str,
) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    let untitled: Vec<String> = names.map(super::untitled).collect();
    family_name_first_untitled(untitled.iter().map(String::as_str), name)
}

/// [`family_name_first`] of names already without their titles.
pub(super) fn family_name_first_untitled<'a>(
    names: impl Iterator<Item = &'a str>,
    name: &str,
) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    let mut found: Vec<&str> = Vec::new();
    for n in names {
        let mut w = n.split_whitespace();
        let (first, count) = (w.next(), 1 + w.clone().count());
        if count > 1 && w.last() == Some(name) {
            return None;
        }
        if (2..=3).contains(&count) && first == Some(name) && !found.contains(&n) {
            found.push(n);
        }
    }
    (found.len() == 1).then(|| found[0].to_string())
}

/// A month or weekday name of [`dyad_core::calendar`], capitalised: a time, never a speaker
/// ("announced in October, said Derek Scissors"). "May" is left out: a name or a modal.
pub(super) fn calendar_word(w: &str) -> bool {
    let (Some(first), rest) = (w.chars().next(), w.get(1..).unwrap_or_default()) else {
        return false;
    };
    w != "May"
        && first.is_ascii_uppercase()
        && MONTHS
            .iter()
            .chain(&WEEKDAYS)
            .any(|n| n.len() == w.len() && n[..1].eq_ignore_ascii_case(&w[..1]) && n[1..] == *rest)
}
