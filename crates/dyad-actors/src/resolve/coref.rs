//! Coreference steps of the resolver: later surnames and full names of a person named
//! before (or, for a dictionary person, the first word: "Xi" after "Xi Jinping"), entity
//! ids for every person, a bare given name after the full name the NER found ("Taylor" after
//! "Taylor Swift", over a listed namesake), and personal pronouns to the nearest compatible named person
//! (clause subjects first, gender from honorifics and given names, `given_names.rs`).
//!
//! Apart from `resolve.rs` because they read only the resolver's mentions and the parse,
//! never the dictionaries' vocabulary (but for the sector a title word gives, to tell a
//! title opening a NER person span from a given name).

use rustc_hash::FxHashMap;

use super::given_names::{gender_of, given_name_of_entity};
use super::Resolver;
use crate::mention::ActorKind;
use crate::normalize::fold;

/// Pronouns that refer to one person, with their gender (`true`: female).
const PRONOUNS: &[(&str, bool)] = &[("he", false), ("him", false), ("she", true), ("her", true)];
/// Honorifics that tell a person's gender.
const MALE: &[&str] = &["mr", "mr.", "sir", "king", "prince"];
const FEMALE: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "madam", "queen", "princess", "lady",
];
/// A person named before: code, entity id, and the mention as written.
type Named = (Option<String>, Option<String>, String);
/// Honorifics and titles a NER person span may open with that are no given name.
const NOT_GIVEN: &[&str] = &["dr", "dr.", "miss", "mr", "mrs", "ms", "st", "st."];
/// Last words that make a mention a body, never what "he" or "she" stands for.
const BODY_NOUNS: &[&str] = &[
    "government",
    "governments",
    "regime",
    "cabinet",
    "army",
    "military",
    "navy",
    "forces",
    "ministry",
    "hospital",
    "police",
    "court",
    "department",
    "agency",
    "office",
    "council",
    "commission",
    "committee",
    "administration",
    "authorities",
    "authority",
    "parliament",
    "senate",
    "congress",
    "assembly",
    "party",
    "company",
    "university",
    "school",
    "church",
    "television",
    "radio",
    "media",
    "newspaper",
    "network",
];
/// Nouns of a person's own group or staff ("his team", "her campaign").
const OWN_GROUPS: &[&str] = &[
    "team",
    "campaign",
    "aides",
    "associates",
    "allies",
    "supporters",
    "lawyers",
    "attorneys",
    "staff",
    "entourage",
    "backers",
    "advisers",
    "advisors",
    "followers",
    "bodyguards",
    "administration",
    "government",
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];
/// Dependency relations of a pronoun that acts in an event (not a possessive "his").
const ACTING: &[&str] = &["nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent"];

impl Resolver<'_> {
    /// Later mentions of a person's surname (or full name) take the person's code and id.
    pub(super) fn surnames(&mut self) {
        let mut known: FxHashMap<String, (Option<String>, Option<String>, String)> =
            FxHashMap::default();
        // the first word of a dictionary person named in full: "Xi" after "Xi Jinping"
        // (family name first), consulted only when no name ends with the word
        let mut given: FxHashMap<String, (Option<String>, Option<String>, String)> =
            FxHashMap::default();
        // the given name of a person the NER found in full ("Taylor" after "Taylor Swift"),
        // consulted last; `None` once two people share it
        let mut firsts: FxHashMap<String, Option<Named>> = FxHashMap::default();
        for k in 0..self.out.len() {
            let m = &self.out[k].0;
            let (a, b) = self.out[k].1;
            let last = self.folded[b - 1].clone();
            // "Emily W. Murphy ... Murphy said": a one-word organisation the NER found and
            // no dictionary knows, which is the surname of a person named before, is that
            // person (the NER reads a bare surname as a body now and then)
            let org_surname = m.kind == ActorKind::Organization
                && b == a + 1
                && m.rule.starts_with("ner ORG (no dictionary entry)")
                && known.contains_key(&last);
            if org_surname {
                self.out[k].0.kind = ActorKind::Person;
            }
            let m = &self.out[k].0;
            if m.kind != ActorKind::Person {
                continue;
            }
            let single = b - a == 1;
            // a one-word dictionary person that is the surname of someone named before
            // ("Ahmed Mohamed ... Mohamed") is that person
            let lone_dictionary = single && m.rule.starts_with("dictionary (person");
            let uncoded_name = (m.code.is_none()
                && (m.rule.starts_with("ner") || m.rule.starts_with("agent+name")))
                || (lone_dictionary && known.get(&last).is_some_and(|(_, e, _)| *e != m.entity))
                || (lone_dictionary
                    && !known.contains_key(&last)
                    && !given.contains_key(&last)
                    && firsts
                        .get(&last)
                        .and_then(Option::as_ref)
                        .is_some_and(|(_, e, _)| *e != m.entity));
            if uncoded_name {
                let from = known.get(&last).or_else(|| {
                    given
                        .get(&last)
                        .or_else(|| firsts.get(&last).and_then(Option::as_ref))
                        .filter(|_| single)
                });
                if let Some((code, entity, who)) = from.cloned() {
                    let m = &mut self.out[k].0;
                    m.rule = format!("surname (of \"{who}\")");
                    m.entity = entity;
                    m.set_code(code.as_deref(), self.dict.codebook());
                    continue;
                }
            }
            if !single {
                if let Some(first) = listed_first_name(m) {
                    given
                        .entry(first)
                        .or_insert_with(|| (m.code.clone(), m.entity.clone(), m.mention.clone()));
                }
                if let Some(first) = self.given_word((a, b)) {
                    let this = (m.code.clone(), m.entity.clone(), m.mention.clone());
                    let same = |(_, e, _): &Named| e.is_some() && *e == m.entity;
                    firsts
                        .entry(first)
                        .and_modify(|v| {
                            if !v.as_ref().is_some_and(same) {
                                *v = None;
                            }
                        })
                        .or_insert(Some(this));
                }
                known
                    .entry(last)
                    .or_insert_with(|| (m.code.clone(), m.entity.clone(), m.mention.clone()));
            }
        }
        // bare surnames neither the dictionary nor the NER marked ("Basya also believes")
        let mut added = Vec::new();
        for (i, t) in self.doc.tokens.iter().enumerate() {
            if !t.text.chars().next().is_some_and(char::is_uppercase)
                || self.mention_at(i).is_some()
            {
                continue;
            }
            let Some((code, entity, who)) = known.get(&self.folded[i]) else {
                continue;
            };
            let first = self
                .out
                .iter()
                .find(|(m, _)| m.entity == *entity && entity.is_some());
            if first.is_none_or(|(_, (a, _))| *a > i) {
                continue;
            }
            let rule = format!("surname (of \"{who}\")");
            let mut p = self.new_mention((i, i + 1), ActorKind::Person, entity.clone(), rule);
            p.0.set_code(code.as_deref(), self.dict.codebook());
            if p.0.code.is_none() {
                p.0.sector = first.and_then(|(m, _)| m.sector.clone());
            }
            added.push(p);
        }
        self.out.extend(added);
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// A full name written twice or more in a story is one person: "United States military
    /// kills Qasem Soleimani" (a headline whose parse ties the name to the body before it)
    /// and "Qasem Soleimani, head of Iran's Quds Force". When the mentions of one name (two
    /// words or more, as written) disagree, those whose code is a guess (the document's,
    /// the sentence's or the context's country, a body written next to the name) or that
    /// have none take the code of the ones the text itself codes (a dictionary, an
    /// apposition, a title), when those all agree. Runs before surname coreference, which
    /// then links later surnames to the first full name with the better code. A guess of
    /// the same country keeps its sector.
    pub(super) fn same_names(&mut self) {
        let key = |r: &Self, (a, b): (usize, usize)| -> Vec<String> {
            r.folded[a..b]
                .iter()
                .filter(|w| *w != "the")
                .cloned()
                .collect()
        };
        let names: Vec<usize> = (0..self.out.len())
            .filter(|&k| {
                let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
                m.kind == ActorKind::Person
                    && b >= a + 2
                    && !m.rule.starts_with("agent")
                    && !m.rule.starts_with("pronoun")
            })
            .collect();
        for &k in &names {
            let m = &self.out[k].0;
            if m.code.is_some() && !guessed(&m.rule) {
                continue;
            }
            let own = key(self, self.out[k].1);
            let sure: Vec<usize> = names
                .iter()
                .copied()
                .filter(|&j| j != k && key(self, self.out[j].1) == own)
                .filter(|&j| self.out[j].0.code.is_some() && !guessed(&self.out[j].0.rule))
                .collect();
            let Some(&j) = sure.first() else {
                continue;
            };
            if sure
                .iter()
                .any(|&o| self.out[o].0.code != self.out[j].0.code)
            {
                continue;
            }
            // the same country guessed: the guess keeps its own sector ("Daniel Montalvo" a
            // civilian, "Daniel Montalvo, a member of Scientology" the church's)
            if m.country.is_some() && m.country == self.out[j].0.country {
                continue;
            }
            let p = self.out[j].0.clone();
            let rule = format!(
                "same name (as \"{}\" at byte {}: {})",
                p.mention,
                p.span.start,
                super::strip(&p.rule)
            );
            let m = &mut self.out[k].0;
            let own = m.entity.take();
            take_code(m, p, rule);
            m.entity = m.entity.take().or(own);
        }
    }

    /// "The President" after "President Donald Trump": a bare title (an agent mention with
    /// no country) is the latest coded person named with that title, within a few sentences,
    /// unless a country sets that one apart ("the president of Ukraine") and a holder named
    /// without one came before, anywhere in the story.
    pub(super) fn titles(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Person || m.code.is_some() || !m.rule.starts_with("agent (") {
                continue;
            }
            let title: Vec<String> = (a..b)
                .map(|i| self.folded[i].clone())
                .filter(|w| w != "the")
                .collect();
            if title.is_empty() {
                continue;
            }
            let s = self.sent_of.get(a).copied().unwrap_or(0);
            let titled = |j: usize| {
                let (p, (pa, pb)) = (&self.out[j].0, self.out[j].1);
                if p.kind != ActorKind::Person || p.code.is_none() || pb - pa <= title.len() {
                    return false;
                }
                let words: Vec<String> = (pa..pb).map(|i| self.folded[i].clone()).collect();
                words.windows(title.len()).any(|w| w == title.as_slice())
            };
            let near = |j: usize| {
                let pa = self.out[j].1 .0;
                self.sent_of.get(pa).is_some_and(|&ps| ps + 3 >= s)
            };
            // "the president of Ukraine", "the Ukrainian president": a holder the text
            // tells apart by a country is not who a bare "the president" is when a holder
            // named without one came before ("President Trump")
            let qualified = |j: usize| {
                let r = &self.out[j].0.rule;
                r.starts_with("country+agent")
                    || r.starts_with("agent+of+country")
                    || r.starts_with("agent+modifier")
            };
            let latest = (0..k).rev().find(|&j| near(j) && titled(j));
            let plain = || (0..k).rev().find(|&p| !qualified(p) && titled(p));
            let found = latest.map(|j| {
                if qualified(j) {
                    plain().unwrap_or(j)
                } else {
                    j
                }
            });
            let Some(j) = found else {
                continue;
            };
            let p = self.out[j].0.clone();
            let rule = format!("title (of \"{}\" at byte {})", p.mention, p.span.start);
            take_code(&mut self.out[k].0, p, rule);
        }
    }

    /// Every person gets an entity id, so pronouns can share it.
    pub(super) fn person_ids(&mut self) {
        for (m, _) in &mut self.out {
            if m.kind == ActorKind::Person && m.entity.is_none() {
                m.entity = Some(format!("person:{}", m.span.start));
            }
        }
    }

    /// Personal pronouns acting in a clause, to the nearest compatible named person.
    pub(super) fn pronouns(&mut self) {
        for (i, t) in self.doc.tokens.iter().enumerate() {
            let lower = self.folded[i].as_str();
            let Some(&(_, female)) = PRONOUNS.iter().find(|(p, _)| *p == lower) else {
                continue;
            };
            let rel = t.deprel.as_deref().unwrap_or("");
            if t.deprel.is_some() && !ACTING.contains(&rel) {
                continue;
            }
            if self.mention_at(i).is_some() {
                continue;
            }
            let rule_base = format!("pronoun ({lower})");
            let found = self.antecedent(i, female);
            let mut p = self.new_mention((i, i + 1), ActorKind::Person, None, rule_base);
            if let Some(j) = found {
                let a = &self.out[j].0;
                p.0.code = a.code.clone();
                p.0.country = a.country.clone();
                p.0.sector = a.sector.clone();
                p.0.group = a.group.clone();
                p.0.entity = a.entity.clone();
                p.0.rule = format!(
                    "pronoun ({lower} -> \"{}\" at byte {})",
                    a.mention, a.span.start
                );
            }
            // pushed at once, so a later pronoun can follow this one (`antecedent`)
            self.out.push(p);
        }
    }

    /// "his team", "her campaign", "His associates": a person's own group, written with
    /// "his" or "her" and a noun no dictionary row covers, is an actor with the code of the
    /// person the pronoun stands for (found as for "he" and "she"). Only when that person
    /// has a code.
    pub(super) fn possessed_groups(&mut self) {
        let mut add = Vec::new();
        for (i, t) in self.doc.tokens.iter().enumerate() {
            let lower = self.folded[i].as_str();
            let female = match lower {
                "his" => false,
                "her" => true,
                _ => continue,
            };
            if t.deprel.as_deref() != Some("nmod:poss") {
                continue;
            }
            let Some(h) = t.head.filter(|&h| h > i && h <= i + 3) else {
                continue;
            };
            if !OWN_GROUPS.contains(&self.folded[h].as_str()) {
                continue;
            }
            if (i..=h).any(|x| self.mention_at(x).is_some()) {
                continue;
            }
            let Some(j) = self.antecedent(i, female) else {
                continue;
            };
            let a = &self.out[j].0;
            if a.code.is_none() {
                continue;
            }
            let rule = format!(
                "possessed group ({lower} -> \"{}\" at byte {})",
                a.mention, a.span.start
            );
            let code = a.code.clone();
            let (mut m, r) = self.new_mention((i, h + 1), ActorKind::Group, None, rule);
            m.set_code(code.as_deref(), self.dict.codebook());
            add.push((m, r));
        }
        self.out.extend(add);
    }

    /// A pronoun with no person to follow ("he" for a man the excerpt never names), in a
    /// document whose country is plain, takes that country alone: who he is (his sector)
    /// the text does not say.
    pub(super) fn lone_pronouns(&mut self, main: Option<&super::people::DocCountry>) {
        let Some(main) = main else {
            return;
        };
        let book = self.dict.codebook();
        if !book.is_valid_actor_code(&main.code) {
            return;
        }
        for (m, _) in &mut self.out {
            let lone = m.rule.starts_with("pronoun (") && !m.rule.contains("->");
            if !lone || m.code.is_some() {
                continue;
            }
            m.rule = format!("{} + document country ({})", m.rule, main.why);
            m.set_code(Some(&main.code), book);
        }
    }

    /// The antecedent of a pronoun at token `i`: in this sentence (before it) and up to two
    /// sentences back, the latest person that is a clause subject, else the latest person.
    /// "He" and "she" are people, not bodies: a mention ending in a body's noun ("the
    /// United States government", "a Belgian hospital", "Tonga's parliament") is taken only
    /// when no person is near and no pronoun before it has been resolved.
    fn antecedent(&self, i: usize, female: bool) -> Option<usize> {
        self.near_person(i, female, false)
            .or_else(|| self.pronoun_chain(i, female))
            .or_else(|| self.near_person(i, female, true))
    }

    /// The latest person (a clause subject first) of the pronoun's sentence or the two
    /// before it; a mention named by a body's noun only when `bodies`.
    fn near_person(&self, i: usize, female: bool, bodies: bool) -> Option<usize> {
        let s = self.sent_of.get(i).copied()?;
        for back in 0..=2 {
            let Some(cur) = s.checked_sub(back) else {
                break;
            };
            let cands: Vec<usize> = (0..self.out.len())
                .filter(|&k| {
                    let (m, (a, _)) = &self.out[k];
                    // where first: the rest is pure, and most mentions of a long
                    // document are in other sentences
                    self.sent_of.get(*a) == Some(&cur)
                        && *a < i
                        && m.kind == ActorKind::Person
                        && !m.rule.starts_with("pronoun")
                        && !m.rule.starts_with("agent ")
                        && self.gender_ok(k, female)
                        && !plural(&m.mention)
                        && (bodies || !self.named_as_body(k))
                })
                .collect();
            let subject = cands.iter().rev().find(|&&k| {
                let h = self.head_of(self.out[k].1);
                self.deprel(h).starts_with("nsubj")
            });
            if let Some(&k) = subject.or(cands.last()) {
                return Some(k);
            }
        }
        None
    }

    /// No named person that near: "she ... She ... She" in a quoted statement follows the
    /// latest resolved pronoun of the same gender within two sentences.
    fn pronoun_chain(&self, i: usize, female: bool) -> Option<usize> {
        let s = self.sent_of.get(i).copied()?;
        (0..self.out.len())
            .filter(|&k| {
                let (m, (a, _)) = &self.out[k];
                *a < i
                    && self.sent_of.get(*a).is_some_and(|&ps| ps + 2 >= s)
                    && m.rule.starts_with("pronoun (")
                    && m.rule.contains("->")
                    && PRONOUNS
                        .iter()
                        .any(|(p, f)| *p == fold(&m.mention) && *f == female)
            })
            .max_by_key(|&k| self.out[k].1 .0)
    }

    /// Mention `k` ends in a noun naming a body rather than a person.
    fn named_as_body(&self, k: usize) -> bool {
        let (a, b) = self.out[k].1;
        b > a && BODY_NOUNS.contains(&self.folded[b - 1].as_str())
    }

    fn gender_ok(&self, k: usize, female: bool) -> bool {
        let (a, b) = self.out[k].1;
        let words: Vec<String> = (a.saturating_sub(1)..b)
            .map(|i| self.folded[i].clone())
            .collect();
        let is = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        let titled = if female { !is(MALE) } else { !is(FEMALE) };
        titled && self.given_gender(k).is_none_or(|g| g == female)
    }

    /// The gender mention `k`'s given name tells: its first word when it has two or more
    /// ("Michael Horowitz"), else the first word of the entity id of a later surname
    /// ("Horowitz").
    fn given_gender(&self, k: usize) -> Option<bool> {
        let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
        let own = (b >= a + 2).then(|| gender_of(&self.folded[a])).flatten();
        // only a surname linked to a full name of this text: a one-word dictionary match
        // ("Clinton") may still carry another bearer's id
        own.or_else(|| {
            if !m.rule.starts_with("surname") {
                return None;
            }
            let given = given_name_of_entity(m.entity.as_deref()?)?;
            gender_of(&given)
        })
    }
}

/// A code the resolver guessed from around a name rather than read from the text of it.
fn guessed(rule: &str) -> bool {
    const GUESSES: &[&str] = &[
        "document country",
        "sentence country",
        dyad_core::CONTEXT_COUNTRY_RULE,
        "+ body",
        "lead country",
        "only country",
        "out of role",
    ];
    GUESSES.iter().any(|g| rule.contains(g))
}

fn plural(mention: &str) -> bool {
    let last = mention.rsplit(' ').next().unwrap_or("");
    last.chars().next().is_some_and(char::is_lowercase) && last.ends_with('s')
}

/// The first word of the dictionary name of a coded listed person ("xi" of
/// `countries:XI_JINPING`), for names written family name first.
impl Resolver<'_> {
    /// The first word of a person name of two words or more that the NER found inside
    /// `[a, b)`, folded, when it reads as a given name: a capitalised word of letters, not
    /// the person's surname too, not an honorific ("Mr", "Dr") or a title the span took in.
    fn given_word(&self, (a, b): (usize, usize)) -> Option<String> {
        let e = self.entities.iter().find(|e| {
            let (x, y) = (e.tokens[0], e.tokens[1]);
            e.label == "PER" && a <= x && y <= b && y >= x + 2
        })?;
        let (x, y) = (e.tokens[0], e.tokens[1]);
        let t = &self.doc.tokens.get(x)?.text;
        let word = t.chars().next().is_some_and(char::is_uppercase)
            && t.chars().skip(1).any(char::is_lowercase)
            && t.chars().all(char::is_alphabetic);
        let first = fold(t);
        let title = MALE.contains(&first.as_str())
            || FEMALE.contains(&first.as_str())
            || NOT_GIVEN.contains(&first.as_str())
            || self.head_sector(x).is_some();
        (word && !title && first != self.folded[y - 1]).then_some(first)
    }
}

pub(super) fn listed_first_name(m: &crate::mention::ActorMention) -> Option<String> {
    let e = m.entity.as_deref()?;
    let (source, name) = e.split_once(':')?;
    if m.code.is_none() || matches!(source, "name" | "person" | "user") {
        return None;
    }
    let mut words = name.split('_');
    let first = words.next()?;
    words.next()?;
    Some(fold(first))
}

/// `m` is the person `p` names: it takes `p`'s code, country, sector, group and entity, and
/// `rule` says why.
fn take_code(m: &mut crate::mention::ActorMention, p: crate::mention::ActorMention, rule: String) {
    m.code = p.code;
    m.country = p.country;
    m.sector = p.sector;
    m.group = p.group;
    m.entity = p.entity;
    m.rule = rule;
}
