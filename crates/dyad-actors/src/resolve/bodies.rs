//! Bare nouns that stand for a body named elsewhere in the story: "the company" for
//! Volkswagen, "the bank" for Monte dei Paschi, "the newspaper" for Le Monde, "the union"
//! for Force Ouvrière. Short excerpts name a company once and then call it by its kind;
//! the agents dictionary gives such a noun a sector (`BUS`) but no country, so it stayed
//! uncoded.
//!
//! "The agency" (`GOV`) joined in session 8: "the space agency" for NASA.
//!
//! Apart from `context.rs` (which links "the Church" to a body whose *name* holds the
//! noun) because here the link is by sector: the noun names the kind of body, and the body
//! it stands for is the one of that kind the story named, before it or, failing that, later
//! in the same sentence ("News of the company's deceit ... wiped billions from VW's value").
//! Only a story whose bodies of that kind share one code is linked: two companies of two
//! countries make "the company" a guess.

use super::Resolver;
use crate::mention::{ActorKind, ActorMention};

/// Nouns that name a kind of body, and the sectors of the bodies they may stand for
/// (`MNC` is how the Phoenix files code companies).
const KIND_NOUNS: &[(&str, &[&str])] = &[
    ("company", &["BUS", "MNC"]),
    ("firm", &["BUS", "MNC"]),
    ("carmaker", &["BUS", "MNC"]),
    ("maker", &["BUS", "MNC"]),
    ("manufacturer", &["BUS", "MNC"]),
    ("airline", &["BUS", "MNC"]),
    ("retailer", &["BUS", "MNC"]),
    ("bank", &["BUS", "MNC"]),
    ("lender", &["BUS", "MNC"]),
    ("conglomerate", &["BUS", "MNC"]),
    ("newspaper", &["MED"]),
    ("paper", &["MED"]),
    ("broadcaster", &["MED"]),
    ("network", &["MED"]),
    ("magazine", &["MED"]),
    ("union", &["LAB"]),
    // "the space agency" for NASA: only when the story's government bodies share a code
    ("agency", &["GOV"]),
];

impl Resolver<'_> {
    /// "the company", "the car maker", "the Bank": "the", at most one more word, and a
    /// noun of [`KIND_NOUNS`] that no name follows, with no code of its own, is the one
    /// coded body of that kind the story names (an organisation or group with a country).
    pub(super) fn kind_nouns(&mut self) {
        let n = self.doc.tokens.len();
        let mut found: Vec<((usize, usize), ActorMention, &str)> = Vec::new();
        for i in 1..n {
            let word = self.folded[i].as_str();
            let Some((noun, sectors)) = KIND_NOUNS.iter().find(|(w, _)| *w == word) else {
                continue;
            };
            // "the company", "the car maker": the noun phrase starts after "the"
            let the = (i.saturating_sub(2)..i)
                .rev()
                .find(|&t| self.folded[t] == "the");
            let Some(t) = the else {
                continue;
            };
            if (t + 1..i).any(|x| !self.doc.tokens[x].text.chars().all(char::is_alphabetic)) {
                continue;
            }
            let next = self.tok(i + 1);
            let more = next.is_some_and(|x| {
                matches!(x.upos.as_deref(), Some("NOUN" | "PROPN")) || self.word(i + 1) == "of"
            });
            // a mention of its own (an agent with a sector only) may be replaced, not a
            // coded one nor one reaching beyond the noun phrase
            let own = (t + 1..=i)
                .filter_map(|x| self.mention_at(x))
                .collect::<Vec<_>>();
            let free = own.iter().all(|&j| {
                let (m, (a, b)) = (&self.out[j].0, self.out[j].1);
                m.country.is_none() && a > t && b <= i + 1
            });
            if more || !free {
                continue;
            }
            let bodies: Vec<usize> = (0..self.out.len())
                .filter(|&j| {
                    let x = &self.out[j].0;
                    // any government actor of another country ("the Russian government",
                    // its officials) makes "the agency" a guess
                    let body = matches!(x.kind, ActorKind::Organization | ActorKind::Group)
                        || *noun == "agency";
                    body && x.country.is_some()
                        && !own.contains(&j)
                        && x.code.as_deref().is_some_and(|c| {
                            sectors
                                .iter()
                                .any(|s| x.sector.as_deref() == Some(*s) || c.starts_with(*s))
                        })
                })
                .collect();
            // one body of that kind in the story, or several with one code ("VW" and
            // "Volkswagen"): the code is the same whichever is meant
            let code = bodies.first().and_then(|&j| self.out[j].0.code.as_deref());
            if code.is_none()
                || bodies
                    .iter()
                    .any(|&j| self.out[j].0.code.as_deref() != code)
            {
                continue;
            }
            let sent = self.sent_of.get(i).copied();
            let before = bodies.iter().copied().rfind(|&j| self.out[j].1 .1 <= t);
            let after = bodies.iter().copied().find(|&j| {
                self.out[j].1 .0 > i && self.sent_of.get(self.out[j].1 .0).copied() == sent
            });
            if let Some(j) = before.or(after) {
                found.push(((t + 1, i + 1), self.out[j].0.clone(), *noun));
            }
        }
        let book = self.dict.codebook();
        for ((a, b), x, noun) in found {
            let rule = format!(
                "kind noun (\"{noun}\" -> \"{}\" at byte {})",
                x.mention, x.span.start
            );
            let (mut m, r) = self.new_mention((a, b), ActorKind::Organization, x.entity, rule);
            m.set_code(x.code.as_deref(), book);
            self.out.retain(|(_, (p, q))| !(*p >= a && *q <= b));
            self.out.push((m, r));
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }
}

/// Small words a name may hold that its acronym skips ("Food and Drug Administration").
const NAME_GLUE: &[&str] = &["of", "and", "for", "the", "de", "du", "des", "la", "&"];

impl Resolver<'_> {
    /// "Canadian Blood Services (CBS)": an acronym in brackets right after a name whose
    /// capitalised words it spells is that name, not the body a dictionary knows by the
    /// same letters (CBS the US network). It takes the code of a mention spanning the name,
    /// else none; so do its later mentions.
    pub(super) fn acronym_aliases(&mut self) {
        let tokens = &self.doc.tokens;
        let mut aliases: Vec<(String, Option<usize>, String)> = Vec::new();
        for k in 0..self.out.len() {
            let (a, b) = self.out[k].1;
            let acronym = &tokens[a].text;
            let bracketed = b == a + 1
                && a >= 2
                && tokens[a - 1].text == "("
                && tokens.get(b).is_some_and(|t| t.text == ")");
            let letters =
                acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '&');
            if !bracketed || !letters {
                continue;
            }
            // the name: the capitalised words and glue before the bracket
            let end = a - 1;
            let mut start = end;
            while start > 0 && end - start < 10 {
                let t = &tokens[start - 1].text;
                let cap = t.chars().next().is_some_and(char::is_uppercase);
                if !cap && !NAME_GLUE.contains(&self.folded[start - 1].as_str()) {
                    break;
                }
                start -= 1;
            }
            while start < end
                && !tokens[start]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                start += 1;
            }
            let initials: String = (start..end)
                .map(|i| &tokens[i].text)
                .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|t| t.chars().next())
                .collect();
            // the last words of the name spell the acronym ("... the Food and Drug
            // Administration (FDA)"): trim leading words until the initials match
            let skip = initials.len().checked_sub(acronym.len());
            let Some(skip) = skip.filter(|&s| initials[s..] == *acronym) else {
                continue;
            };
            let mut from = start;
            let mut seen = 0;
            while seen < skip {
                if tokens[from]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                {
                    seen += 1;
                }
                from += 1;
            }
            let name = (from..end)
                .map(|i| tokens[i].text.as_str())
                .collect::<Vec<_>>();
            let same = (0..self.out.len()).find(|&j| self.out[j].1 == (from, end));
            aliases.push((acronym.clone(), same, name.join(" ")));
        }
        let book = self.dict.codebook();
        for (acronym, same, name) in aliases {
            let named = same.map(|j| self.out[j].0.clone());
            for k in 0..self.out.len() {
                let (a, b) = self.out[k].1;
                let m = &self.out[k].0;
                if b != a + 1 || tokens[a].text != acronym || !m.rule.starts_with("dictionary") {
                    continue;
                }
                let rule = match &named {
                    Some(x) => format!("acronym (of \"{name}\": {})", x.rule),
                    None => format!("acronym (of \"{name}\", which no dictionary knows)"),
                };
                let m = &mut self.out[k].0;
                m.set_code(named.as_ref().and_then(|x| x.code.as_deref()), book);
                m.entity = named.as_ref().and_then(|x| x.entity.clone());
                m.kind = ActorKind::Organization;
                m.rule = rule;
            }
        }
    }
}

impl Resolver<'_> {
    /// "the National Hurricane Center ... The NHC said": an acronym the NER found and no
    /// dictionary knows, or a capitalised acronym nothing marked, written after a coded body
    /// whose capitalised words it spells, is that body (the bracketed "Name (NHC)" is
    /// `acronym_aliases`). Bodies of different codes spelling the same letters leave it
    /// uncoded. Runs again once context has coded unknown bodies ("The National
    /// Telecommunications Commission (NTC)" in a Philippine story, then "the NTC"); only
    /// then (`late`) does an acronym nothing marked become a mention, so that it lends no
    /// country to the role nouns around it.
    pub(super) fn initials_of_bodies(&mut self, late: bool) {
        let book = self.dict.codebook();
        let n = self.doc.tokens.len();
        for i in 0..n {
            let doc = self.doc;
            let acronym = doc.tokens[i].text.as_str();
            let letters = acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase());
            if !letters {
                continue;
            }
            let own = self.mention_at(i);
            let open = match own {
                Some(k) => {
                    let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
                    (a, b) == (i, i + 1) && m.code.is_none() && m.rule.starts_with("ner ORG")
                }
                None => late,
            };
            if !open {
                continue;
            }
            let bodies: Vec<usize> = (0..self.out.len())
                .filter(|&j| {
                    let (x, (xa, xb)) = (&self.out[j].0, self.out[j].1);
                    xb <= i
                        && xb >= xa + 2
                        && x.code.is_some()
                        && x.kind == ActorKind::Organization
                        && (xa..xb)
                            .filter(|&t| !NAME_GLUE.contains(&self.folded[t].as_str()))
                            .map(|t| self.doc.tokens[t].text.chars().next().unwrap_or(' '))
                            .collect::<String>()
                            == acronym
                })
                .collect();
            let Some(&j) = bodies.first() else {
                continue;
            };
            if bodies
                .iter()
                .any(|&o| self.out[o].0.code != self.out[j].0.code)
            {
                continue;
            }
            let x = self.out[j].0.clone();
            let rule = format!(
                "acronym (initials of \"{}\": {})",
                x.mention,
                super::strip(&x.rule)
            );
            match own {
                Some(k) => {
                    let m = &mut self.out[k].0;
                    m.set_code(x.code.as_deref(), book);
                    m.entity = x.entity.clone();
                    m.rule = rule;
                }
                None => {
                    let (mut m, r) =
                        self.new_mention((i, i + 1), ActorKind::Organization, x.entity, rule);
                    m.set_code(x.code.as_deref(), book);
                    self.out.push((m, r));
                }
            }
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }
}

/// Adjectives that, after "the" and with no noun after them, name people hurt or left by
/// an event: "the injured were taken to hospital", "relatives of the dead".
const PEOPLE_ADJECTIVES: &[&str] = &["dead", "displaced", "homeless", "injured", "wounded"];

impl Resolver<'_> {
    /// "the injured", "the wounded": a definite adjective of [`PEOPLE_ADJECTIVES`] with no
    /// noun after it is a group of civilians (`CVL`), left without a country here so that
    /// the context gives it one, as it does to "the victims".
    pub(super) fn adjective_people(&mut self) {
        let n = self.doc.tokens.len();
        let mut found = Vec::new();
        for i in 1..n {
            let word = self.folded[i].as_str();
            if !PEOPLE_ADJECTIVES.contains(&word)
                || self.folded[i - 1] != "the"
                || self.mention_at(i).is_some()
            {
                continue;
            }
            let noun_after = self.tok(i + 1).is_some_and(|t| {
                matches!(
                    t.upos.as_deref(),
                    Some("NOUN" | "PROPN" | "ADJ" | "NUM" | "PRON")
                )
            });
            if !noun_after {
                found.push(i);
            }
        }
        for i in found {
            let rule = format!("agent (the + adjective \"{}\")", self.doc.tokens[i].text);
            let (mut m, r) = self.new_mention((i, i + 1), ActorKind::Group, None, rule);
            m.sector = Some("CVL".into());
            self.out.push((m, r));
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }
}
