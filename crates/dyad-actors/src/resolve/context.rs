//! Steps of the resolver that weigh a match against the rest of the document, written
//! from the errors of a held-out set (Hong Kong election and football reports): names the
//! dictionary knows only in part, country names shared by two countries, party names shared
//! across countries, NER person spans that hold a list, and unknown people whose own
//! sentence names one country.
//!
//! Apart from `people.rs` because these steps undo or overrule a dictionary match rather
//! than fill a gap: each one needs evidence against the match in the text (a first name
//! that is not the leader's, a document set elsewhere) and says it in the mention's rule.

use dyad_core::calendar::{MONTHS, WEEKDAYS};
use dyad_core::{Entity, Span};

use super::people::DocCountry;
use super::{strip, Resolver};
use crate::codebook::{map_members, GroupType};
use crate::mention::ActorKind;
use crate::normalize::fold;

/// Country names two countries share: the bare name, the words that make a longer name
/// plain ("North Korea"), and its candidates, the one news means most often first.
const AMBIGUOUS: &[(&str, &[&str], &[&str])] = &[(
    "korea",
    &[
        "north",
        "south",
        "dpr",
        "dprk",
        "republic",
        "democratic",
        "people's",
    ],
    &["KOR", "PRK"],
)];

/// Words that may stand next to a surname without being a first name (with the weekday
/// and month names of [`dyad_core::calendar`]).
const NOT_FIRST_NAMES: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady", "lord", "madam", "miss",
    "st", "st.",
];

fn not_first_name(w: &str) -> bool {
    NOT_FIRST_NAMES.contains(&w) || WEEKDAYS.contains(&w) || MONTHS.contains(&w)
}

/// Words that end the name at the head of a NER person span holding more ("Ben Chan and
/// Leung Che-cheung", "Frederick Fung of ADPL").
const NAME_BREAKS: &[&str] = &["and", ",", ";", "of", "from", "&"];

/// The NER entities, with every person span that holds a list or a body cut down to its
/// names: "DAB 's Ben Chan and Leung Che - cheung" gives "Ben Chan" and "Leung Che -
/// cheung"; "Frederick Fung of ADPL" gives "Frederick Fung". A possessor before the name
/// ("DAB 's") is dropped, and what follows "of"/"from" is a body, not a person.
pub(super) fn person_names(doc: &dyad_core::Document, folded: &[String]) -> Vec<Entity> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    for e in &doc.entities {
        let (a, b) = (e.tokens[0], e.tokens[1].min(tokens.len()));
        let text = |i: usize| folded[i].as_str();
        let inner_possessive =
            (a..b.saturating_sub(1)).any(|i| matches!(tokens[i].text.as_str(), "'s" | "’s"));
        let list = (a..b).any(|i| NAME_BREAKS.contains(&text(i)));
        if e.label != "PER" || a >= b || !(list || inner_possessive) {
            out.push(e.clone());
            continue;
        }
        let mut start = a;
        let mut i = a;
        let mut body = false;
        while i <= b {
            let cut = i == b || NAME_BREAKS.contains(&text(i));
            if !cut {
                i += 1;
                continue;
            }
            // "DAB 's Ben Chan": the name starts after the last possessive
            let from = (start..i)
                .rev()
                .find(|&j| matches!(tokens[j].text.as_str(), "'s" | "’s"))
                .map_or(start, |j| j + 1);
            let capital = from < i
                && tokens[from]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if !body && capital {
                out.push(Entity {
                    span: Span::new(tokens[from].span.start, tokens[i - 1].span.end),
                    label: e.label.clone(),
                    tokens: [from, i],
                });
            }
            if i < b && matches!(text(i), "of" | "from") {
                body = true;
            } else if i < b && matches!(text(i), "and" | "," | ";" | "&") {
                body = false;
            }
            i += 1;
            start = i;
        }
    }
    out
}

/// A capitalised word of letters and hyphens with a lower-case letter ("Tanya", "Kwok-kin").
fn is_name_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || c == '-')
        && t.chars().any(char::is_lowercase)
}

impl Resolver<'_> {
    /// "Korea" alone is North or South Korea: the candidate the rest of the document names
    /// more ("South Korea", "Seoul", "Pyongyang", "North Korean"), else the one news means
    /// most often (South Korea). Phoenix reads it as North Korea.
    pub(super) fn ambiguous_countries(&mut self) {
        for (name, longer, candidates) in AMBIGUOUS {
            let bare = |k: usize| {
                // the cheap test first: most mentions have no candidate country, and this
                // runs over every mention of every document
                let candidate = self.out[k]
                    .0
                    .country
                    .as_deref()
                    .is_some_and(|c| candidates.contains(&c));
                if !candidate {
                    return false;
                }
                let (a, b) = self.out[k].1;
                let words: Vec<String> = (a..b).map(|i| self.folded[i].clone()).collect();
                let next = self.word(b);
                let prev = a.checked_sub(1).map_or("", |p| self.word(p));
                words.iter().any(|w| w == name)
                    && !words.iter().any(|w| longer.contains(&w.as_str()))
                    && !longer.contains(&next)
                    && !longer.contains(&prev)
            };
            let ambiguous: Vec<usize> = (0..self.out.len()).filter(|&k| bare(k)).collect();
            if ambiguous.is_empty() {
                continue;
            }
            let count = |c: &str| {
                (0..self.out.len())
                    .filter(|k| !ambiguous.contains(k))
                    .filter(|&k| self.out[k].0.country.as_deref() == Some(c))
                    .count()
            };
            let counts: Vec<usize> = candidates.iter().map(|c| count(c)).collect();
            let best = (0..candidates.len())
                .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            let chosen = candidates[best];
            let why = if counts[best] > 0 {
                format!("{} other mention(s) of {chosen}", counts[best])
            } else {
                format!("no other evidence: {chosen}, the more frequent")
            };
            let book = self.dict.codebook();
            for k in ambiguous {
                let m = &mut self.out[k].0;
                let code = m
                    .code
                    .as_deref()
                    .map(|c| map_members(c, |m| format!("{chosen}{}", m.get(3..).unwrap_or(""))));
                if code.as_deref().is_some_and(|c| book.is_valid_actor_code(c)) {
                    m.set_code(code.as_deref(), book);
                    m.rule = format!("{} + ambiguous name \"{name}\" ({why})", m.rule);
                    if m.entity
                        .as_deref()
                        .is_some_and(|e| e.starts_with("country"))
                    {
                        m.entity = Some(format!("country:{chosen}"));
                    }
                }
            }
        }
    }

    /// A one-word dictionary person next to a first or given name that is not the
    /// dictionary person's ("Tanya Chan" is not Julius Chan, "Wong Kwok-kin" not Wong of
    /// Singapore, "Kyle Walker" not a Jersey leader) is a coincidence of surnames: the whole
    /// name becomes an unknown person.
    pub(super) fn conflicting_names(&mut self) {
        for k in 0..self.out.len() {
            let (m, (start, b)) = (&self.out[k].0, self.out[k].1);
            // "politician Wong Kwok-hing": a title before the one-word person
            let titled = m.rule.starts_with("agent+person") && b > start + 1;
            let a = if titled { b - 1 } else { start };
            let one_word = b == a + 1 && self.tok(a).is_some_and(|t| is_name_word(&t.text));
            if !one_word || !(titled || m.rule.starts_with("dictionary (person")) {
                continue;
            }
            let own: Vec<String> = m
                .entity
                .as_deref()
                .and_then(|e| e.rsplit(':').next())
                .map(|n| n.split('_').map(fold).collect())
                .unwrap_or_default();
            let conflicts = |i: usize| self.other_name_word(i, a) && !own.contains(&self.folded[i]);
            let before = a.checked_sub(1).filter(|&i| !titled && conflicts(i));
            let after = Some(b).filter(|&i| i < self.doc.tokens.len() && conflicts(i));
            let Some(word) = before.or(after) else {
                continue;
            };
            // the whole name: name words before, and after them hyphenated parts
            let mut x = a;
            while !titled && x > 0 && a - x < 3 && self.other_name_word(x - 1, a) {
                x -= 1;
            }
            let mut y = b;
            while y < self.doc.tokens.len() && y - b < 5 {
                let t = self.doc.tokens[y].text.as_str();
                let hyphen_part = t == "-"
                    || (y > 0
                        && self.doc.tokens[y - 1].text == "-"
                        && t.chars().all(char::is_alphabetic));
                if !(self.other_name_word(y, a) || hyphen_part) || self.mention_at(y).is_some() {
                    break;
                }
                y += 1;
            }
            while y > b && self.doc.tokens[y - 1].text == "-" {
                y -= 1;
            }
            let rule = format!(
                "ner PER (dictionary knows only \"{}\": {}; other name \"{}\")",
                m.mention,
                m.rule.trim_start_matches("dictionary "),
                self.doc.tokens[word].text
            );
            let name: Vec<String> = (x..y).map(|i| self.folded[i].clone()).collect();
            let entity = Some(format!("name:{}", name.join("_")));
            self.out[k] = self.new_mention((x, y), ActorKind::Person, entity, rule);
        }
    }

    /// Token `i` is a capitalised proper name in the sentence of token `at`, outside every
    /// mention, and not an honorific, weekday or month.
    fn other_name_word(&self, i: usize, at: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        is_name_word(&t.text)
            && self.sent_of.get(i) == self.sent_of.get(at)
            && t.upos.as_deref().is_none_or(|u| u == "PROPN")
            && !not_first_name(self.word(i))
            && self.mention_at(i).is_none()
    }

    /// A party the dictionary codes by a name that says no country ("Labour Party",
    /// "Democratic Party"): many countries have one.
    pub(super) fn shared_party(&self, k: usize) -> bool {
        let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
        let party = matches!(self.word(b.wrapping_sub(1)), "party" | "parties");
        if !party || !m.rule.starts_with("dictionary") || m.kind == ActorKind::Person {
            return false;
        }
        let texts: Vec<&str> = (a..b).map(|i| self.doc.tokens[i].text.as_str()).collect();
        !self
            .dict
            .find(&texts, self.date)
            .iter()
            .any(|f| f.entry.kind.is_country_like())
    }

    /// A shared party name in a document set in another country is that country's party.
    pub(super) fn shared_parties(&mut self, main: Option<&DocCountry>) {
        let Some(main) = main else {
            return;
        };
        for k in 0..self.out.len() {
            if !self.shared_party(k) || self.out[k].0.country.as_deref() == Some(&main.code) {
                continue;
            }
            let code = format!("{}PTY", main.code);
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let m = &mut self.out[k].0;
            m.rule = format!(
                "{} + shared party name ({}, not {})",
                strip(&m.rule),
                main.why,
                m.country.as_deref().unwrap_or("-")
            );
            m.set_code(Some(&code), book);
            m.entity = Some(format!("org:{code}:{}", fold(&m.mention).replace(' ', "_")));
        }
    }
}

impl Resolver<'_> {
    /// An unknown person (no dictionary entry, no body, not named before) whose own
    /// sentence names a country, people or body with a country takes the nearest of them,
    /// with the sector of its title or `CVL`: "Marcus Berg missed a chance to put Sweden in
    /// the lead". Other people and outlets are no evidence, nor is a country copied from
    /// elsewhere; the guess is flagged in the rule. Only in a document with no main country
    /// (a story of several countries): where one country dominates, it is the better guess.
    pub(super) fn sentence_countries(&mut self, main: Option<&DocCountry>) {
        if main.is_some() {
            return;
        }
        let evidence = |j: usize| {
            let x = &self.out[j].0;
            x.country.is_some()
                && x.kind != ActorKind::Person
                && !matches!(x.sector.as_deref(), Some("IGO" | "MED"))
                && !super::people::derived(&x.rule)
                && x.country
                    .as_deref()
                    .is_some_and(|c| self.dict.codebook().group_type(c) != Some(GroupType::Region))
        };
        // the countries named in two sentences or more: a country named once ("Quennik
        // said Gabon had changed") is no party to the story its people could belong to
        let mut sentences: Vec<(&str, usize)> = (0..self.out.len())
            .filter(|&j| evidence(j))
            .filter_map(|j| {
                let c = self.out[j].0.country.as_deref()?;
                Some((c, self.sent_of.get(self.out[j].1 .0).copied()?))
            })
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        let recurring = |c: &str| sentences.iter().filter(|(x, _)| *x == c).count() >= 2;
        let mut found = Vec::new();
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            // a one-word "person" may be a people ("the Rohingya"): a full name only
            let open =
                (m.rule.starts_with("ner PER") && b >= a + 2) || m.rule.starts_with("agent+name");
            if m.kind != ActorKind::Person || m.code.is_some() || !open || self.named_before(k) {
                continue;
            }
            let s = self.sent_of.get(a).copied();
            let near = (0..self.out.len())
                .filter(|&j| j != k && self.sent_of.get(self.out[j].1 .0).copied() == s)
                .filter(|&j| evidence(j))
                .min_by_key(|&j| self.out[j].1 .0.abs_diff(a));
            let Some(j) =
                near.filter(|&j| recurring(self.out[j].0.country.as_deref().unwrap_or("")))
            else {
                continue;
            };
            let sector = m.sector.clone().unwrap_or_else(|| "CVL".into());
            let code = format!("{}{sector}", self.out[j].0.country.as_deref().unwrap_or(""));
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let rule = format!(
                "{} + sentence country (nearest \"{}\")",
                strip(&m.rule),
                self.out[j].0.mention
            );
            found.push((k, code, rule));
        }
        let book = self.dict.codebook();
        for (k, code, rule) in found {
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}

impl Resolver<'_> {
    /// "the Church" after "the Church of Scientology", "the Commission" after "the European
    /// Commission": "the" and a bare noun naming a body, not followed by more of a name, is
    /// the latest coded organisation named before whose name holds that noun.
    pub(super) fn bare_org_heads(&mut self) {
        let n = self.doc.tokens.len();
        let mut found = Vec::new();
        for i in 1..n {
            if self.folded[i - 1] != "the" || self.head_sector(i).is_none() {
                continue;
            }
            let next = self.tok(i + 1);
            let more = next.is_some_and(|t| {
                matches!(t.upos.as_deref(), Some("NOUN" | "PROPN"))
                    || matches!(self.word(i + 1), "of" | "'s" | "’s")
            });
            let free = match self.mention_at(i) {
                None => true,
                Some(j) => self.out[j].1 == (i, i + 1) && self.out[j].0.code.is_none(),
            };
            if more || !free {
                continue;
            }
            let word = self.folded[i].as_str();
            let ante = (0..self.out.len())
                .filter(|&j| {
                    let (x, (a, b)) = (&self.out[j].0, self.out[j].1);
                    b < i
                        && b >= a + 2
                        && x.code.is_some()
                        && matches!(x.kind, ActorKind::Organization | ActorKind::Group)
                        && (a..b).any(|t| self.folded[t] == word)
                })
                .max_by_key(|&j| self.out[j].1 .0);
            if let Some(j) = ante {
                found.push((i, j));
            }
        }
        let book = self.dict.codebook();
        for (i, j) in found.into_iter().rev() {
            let x = self.out[j].0.clone();
            let rule = format!("org head (of \"{}\" at byte {})", x.mention, x.span.start);
            let (mut m, r) = self.new_mention((i, i + 1), ActorKind::Organization, x.entity, rule);
            m.set_code(x.code.as_deref(), book);
            match self.mention_at(i) {
                Some(k) => self.out[k] = (m, r),
                None => self.out.push((m, r)),
            }
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// Names the NER missed, written with their body: two to four capitalised proper
    /// nouns outside every mention and entity, right after a body's possessive ("Civic
    /// Party's Jeremy Tam", "DAB's Starry Lee") or right before "of"/"from" and a body
    /// ("Claudia Mo of the Civic Party"). They become unknown persons.
    pub(super) fn unmarked_names(&mut self) {
        let n = self.doc.tokens.len();
        let mut added = Vec::new();
        let mut i = 0;
        while i < n {
            // a name starts at a proper noun: "Pan-democrat Gary Fan" is "Gary Fan"
            let starts = self.tok(i).is_some_and(|t| {
                is_name_word(&t.text) && t.upos.as_deref().is_none_or(|u| u == "PROPN")
            }) && self.free(i);
            if !starts {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < n && end - i < 6 && self.free(end) {
                let t = self.doc.tokens[end].text.as_str();
                let part = t == "-"
                    || (self.doc.tokens[end - 1].text == "-" && t.chars().all(char::is_alphabetic))
                    || is_name_word(t);
                if !part || self.sent_of.get(end) != self.sent_of.get(i) {
                    break;
                }
                end += 1;
            }
            while end > i + 1 && self.doc.tokens[end - 1].text == "-" {
                end -= 1;
            }
            let words = (i..end).filter(|&t| self.doc.tokens[t].text != "-").count();
            let proper = (i..end).all(|t| {
                self.doc.tokens[t].text == "-"
                    || self.doc.tokens[t]
                        .upos
                        .as_deref()
                        .is_none_or(|u| u == "PROPN")
                    || !is_name_word(&self.doc.tokens[t].text)
            });
            let after_possessive = i >= 2
                && matches!(self.doc.tokens[i - 1].text.as_str(), "'s" | "’s")
                && self.body_at(i - 2);
            let before_body = matches!(self.word(end), "of" | "from") && {
                let b = if self.word(end + 1) == "the" {
                    end + 2
                } else {
                    end + 1
                };
                self.body_at(b)
            };
            if (2..=4).contains(&words) && proper && (after_possessive || before_body) {
                let name: Vec<String> = (i..end).map(|t| self.folded[t].clone()).collect();
                let entity = Some(format!("name:{}", name.join("_")));
                let why = if after_possessive {
                    "after a body's possessive"
                } else {
                    "before its body"
                };
                let rule = format!("ner PER (a name the NER missed, {why})");
                added.push(self.new_mention((i, end), ActorKind::Person, entity, rule));
            }
            i = end;
        }
        self.out.extend(added);
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// Token `i` lies in no mention and no NER entity.
    fn free(&self, i: usize) -> bool {
        self.mention_at(i).is_none()
            && !self
                .entities
                .iter()
                .any(|e| e.tokens[0] <= i && i < e.tokens[1])
    }

    /// Token `i` is part of a body: an organisation or group mention, a NER organisation,
    /// an acronym ("DAB"), or a capitalised name whose last word names a body ("Civic
    /// Party").
    fn body_at(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if let Some(j) = self.mention_at(i) {
            return matches!(
                self.out[j].0.kind,
                ActorKind::Organization | ActorKind::Group
            );
        }
        let org = self
            .entities
            .iter()
            .any(|e| e.label == "ORG" && e.tokens[0] <= i && i < e.tokens[1]);
        let acronym =
            (2..=6).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase());
        if org || acronym {
            return true;
        }
        let mut j = i;
        while j < self.doc.tokens.len() && j - i < 4 && is_name_word(&self.doc.tokens[j].text) {
            j += 1;
        }
        j > i && self.head_sector(j - 1).is_some()
    }
}

/// Nouns for a town or a state that, acting, stand for its government ("the state
/// spent $449,000 on the campaign": a US state's or a country's, `GOV` either way).
const TOWNS: &[&str] = &[
    "city",
    "town",
    "village",
    "state",
    "province",
    "county",
    "territory",
];

impl Resolver<'_> {
    /// "The city expects six million visitors", "The city reasoned that ...", "the state
    /// spent $449,000": a bare town or state noun after "the" that is a clause's subject or
    /// object (with no "of" phrase) acts as its government:
    /// an agent with the sector `GOV` whose country the context step gives (the nearest
    /// country, else the document's). "In the city" is a place and stays out.
    pub(super) fn acting_towns(&mut self) {
        let mut added = Vec::new();
        for i in 1..self.doc.tokens.len() {
            let word = self.folded[i].as_str();
            let acting = matches!(self.deprel(i), "nsubj" | "nsubj:pass" | "obj" | "iobj");
            // "the state of the economy" is no government
            let of_phrase = self.children(i).any(|c| self.deprel(c).starts_with("nmod"));
            if !TOWNS.contains(&word)
                || self.folded[i - 1] != "the"
                || !acting
                || of_phrase
                || self.mention_at(i).is_some()
            {
                continue;
            }
            let rule = format!("agent (\"{word}\" acting: local government)");
            let (mut m, r) = self.new_mention((i - 1, i + 1), ActorKind::Group, None, rule);
            m.sector = Some("GOV".into());
            added.push((m, r));
        }
        self.out.extend(added);
        self.out.sort_by_key(|(m, _)| m.span.start);
    }
}
