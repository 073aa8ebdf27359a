//! Steps of the resolver for actors no dictionary knows: the country a document is set in,
//! organisations named after a place ("the Massachusetts Institute of Technology"), people
//! named with the body they serve ("NASA Administrator Charles Bolden", "Tunisia's coach
//! Nabil Maaloul") and people with no evidence but the document's country.
//!
//! Apart from `compose.rs` because these steps guess: each one is gated on evidence that
//! is plain in the text (a dateline, one country dominating the places and actors, a body
//! written right next to the name) and says in its rule which evidence decided, since a
//! wrong code is worse than a null one.

use rustc_hash::FxHashMap;

use super::{strip, Resolver};
use crate::mention::ActorKind;
use crate::normalize::fold;

/// Dashes that close a dateline ("Taipei, Taiwan — ...").
const DATELINE_DASH: &[&str] = &["—", "–", "-", "--"];
/// Case markers that tie a person to the body after the name ("X of the Civic Party",
/// "Lydia Buchtmann for Food Standards Australia New Zealand").
const MEMBER_OF: &[&str] = &["of", "from", "at", "for"];

/// A mention whose country was copied from another mention (coreference, apposition, a
/// body, the context): no new evidence of where the document is set.
pub(super) fn derived(rule: &str) -> bool {
    const COPIED: &[&str] = &[
        "apposition",
        "surname",
        "pronoun",
        "title",
        "agent+modifier",
        "kind noun",
    ];
    COPIED.iter().any(|p| rule.starts_with(p))
        || rule.contains(dyad_core::CONTEXT_COUNTRY_RULE)
        || rule.contains("document country")
        || rule.contains("lead country")
        || rule.contains("dateline ")
        || rule.contains("+ body")
}

/// A match that says little about where a document is set: a one-word dictionary person
/// (often a coincidence of surnames) or a person named on a date none of its roles covers.
fn weak_evidence(m: &crate::mention::ActorMention, (a, b): (usize, usize)) -> bool {
    m.kind == ActorKind::Person
        && ((b == a + 1 && m.rule.starts_with("dictionary (person"))
            || m.rule.contains("out of role"))
}

/// The sentences that open a story: headline, date line and lead.
const LEAD: usize = 4;

/// The lead's country: the only country the opening sentences name, named twice there
/// ("... in Hong Kong legislative election" / "The Hong Kong legislative election was
/// held ..."), when the counts over the whole story are too close to choose.
fn lead_country(lead: &FxHashMap<String, usize>) -> Option<DocCountry> {
    let mut named = lead.iter();
    match (named.next(), named.next()) {
        (Some((c, &n)), None) if n >= 2 => Some(DocCountry {
            code: c.clone(),
            why: format!("lead country {c}"),
        }),
        _ => None,
    }
}

/// Sentences up to which a story is an excerpt too short for the counts of
/// [`Resolver::document_country`] (PUD keeps one to five sentences of an article).
const SHORT: usize = 6;

/// The only country a short excerpt names: "Michael Fallon said ... new Royal Navy orders
/// to secure the Clyde shipbuilding industry". With one to five sentences no country can
/// be seen twice in two sentences, yet a story that names one country and no other is set
/// there far more often than not. It needs a weight of two (an actor with a sector, or two
/// names) and no second country at all; outlets do not count ("told the Associated Press"
/// in a Mexican story).
fn sole_country(counts: &FxHashMap<String, usize>, sentences: usize) -> Option<DocCountry> {
    let mut named = counts.iter();
    match (named.next(), named.next()) {
        (Some((c, &n)), None) if n >= 2 && sentences <= SHORT => Some(DocCountry {
            code: c.clone(),
            why: format!("only country {c}"),
        }),
        _ => None,
    }
}

/// The country a document is set in, and what showed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DocCountry {
    pub code: String,
    pub why: String,
}

impl Resolver<'_> {
    /// The document's main country: its dateline ("Evansville, Indiana, United States -"),
    /// else the country holding most of the evidence (actors with a country written in the
    /// text, twice for those with a sector, never those that copied their country from
    /// another mention; places the NER found, through the gazetteer) when it has at least
    /// three, is seen in two sentences or more, and no other country has more than two
    /// thirds of its count; else the only country the opening sentences name twice.
    /// One-word leader matches, people out of role and shared party names are no evidence.
    /// A territory (Puerto Rico, Hong Kong) seen in two sentences with at least its
    /// sovereign's evidence takes the sovereign out of the count (`TERRITORIES`).
    pub(super) fn document_country(&self) -> Option<DocCountry> {
        if let Some(code) = self.dateline_country() {
            return Some(DocCountry {
                why: format!("dateline {code}"),
                code,
            });
        }
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        // the same without outlets, for a short excerpt's only country
        let mut sole: FxHashMap<String, usize> = FxHashMap::default();
        // the sentences each country is seen in: one sentence is no document evidence
        let mut seen: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        // how often each country is named in the opening sentences
        let mut lead: FxHashMap<String, usize> = FxHashMap::default();
        let mut see = |c: &str, at: usize| {
            let s = self.sent_of.get(at).copied().unwrap_or(0);
            if s < LEAD {
                *lead.entry(c.to_string()).or_default() += 1;
            }
            let v = seen.entry(c.to_string()).or_default();
            if !v.contains(&s) {
                v.push(s);
            }
        };
        for (k, (m, (a, _))) in self.out.iter().enumerate() {
            if let Some(c) = m
                .country
                .as_ref()
                .filter(|_| m.sector.as_deref() != Some("IGO"))
                .filter(|_| !derived(&m.rule))
                .filter(|_| !weak_evidence(m, self.out[k].1))
                .filter(|_| !self.shared_party(k))
            {
                // where an outlet is based says little of where a story is set: "according
                // to CNN", "the BBC reported" in a story of the Bahamas
                if m.sector.as_deref() == Some("MED") {
                    continue;
                }
                let weight = if m.sector.is_some() { 2 } else { 1 };
                *counts.entry(c.clone()).or_default() += weight;
                *sole.entry(c.clone()).or_default() += weight;
                see(c, *a);
            }
        }
        for e in &self.entities {
            if e.label != "LOC" && e.label != "GPE" {
                continue;
            }
            let (a, b) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            if a >= b || (a..b).any(|i| self.mention_at(i).is_some()) {
                continue;
            }
            let place = self.place_country(a, b).or_else(|| self.city_country(a, b));
            if let Some(c) = place {
                see(&c, a);
                *sole.entry(c.clone()).or_default() += 1;
                *counts.entry(c).or_default() += 1;
            }
        }
        // a territory seen in two sentences with at least half its sovereign's evidence
        // is the story's frame: the sovereign named around it ("a commonwealth of the
        // United States", "the Chinese government") does not compete with it
        for (t, sovereign) in crate::codebook::TERRITORIES {
            let tn = counts.get(*t).copied().unwrap_or(0);
            let sn = counts.get(*sovereign).copied().unwrap_or(0);
            // or, with less evidence than its sovereign, more of it in the opening
            // sentences: "Puerto Rico's governor resigns" over "the U.S. Senate" further on
            let leads =
                lead.get(*t).copied().unwrap_or(0) > lead.get(*sovereign).copied().unwrap_or(0);
            if tn >= 3 && (tn >= sn || leads) && seen.get(*t).is_some_and(|v| v.len() >= 2) {
                counts.remove(*sovereign);
            }
        }
        let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
        ranked.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
        match ranked.as_slice() {
            [(c, n), rest @ ..]
                if **n >= 3
                    && rest.first().is_none_or(|r| *r.1 * 3 <= **n * 2)
                    && seen.get(*c).is_some_and(|v| v.len() >= 2) =>
            {
                Some(DocCountry {
                    code: (*c).clone(),
                    why: format!("document country {c}"),
                })
            }
            // no country dominates the story as a whole: the one that has most of it and
            // most of its opening sentences ("Prime Minister Igor Matovic of the Slovak
            // Republic ..." with the leaders he met named after)
            [(c, n), (d, m), ..]
                if **n >= 3
                    && n > m
                    && seen.get(*c).is_some_and(|v| v.len() >= 2)
                    && lead.get(*c).copied().unwrap_or(0) > lead.get(*d).copied().unwrap_or(0) =>
            {
                Some(DocCountry {
                    code: (*c).clone(),
                    why: format!("lead country {c}, most of the story"),
                })
            }
            _ => lead_country(&lead).or_else(|| sole_country(&sole, self.doc.sentences.len())),
        }
    }

    /// The country of a place name spanning tokens `[a, b)`, through the gazetteer.
    pub(super) fn place_country(&self, a: usize, b: usize) -> Option<String> {
        let texts: Vec<&str> = (a..b).map(|i| self.doc.tokens[i].text.as_str()).collect();
        let found = self.dict.find(&texts, self.date);
        found
            .iter()
            .filter(|f| f.entry.kind.is_country_like() && f.code.is_some())
            .filter_map(|f| f.code.filter(|c| !crate::codebook::is_joint(c)))
            .filter_map(|c| c.get(..3))
            .find(|c| self.dict.codebook().is_valid_actor_code(c))
            .map(str::to_string)
    }

    /// The country of a place the NER found and no dictionary knows, through the GeoNames
    /// cities and US states (`geonames.rs`), never for a name the NER also takes for a
    /// person somewhere in the document ("Gloria"; "KENNEDY" after "Anthony Kennedy": names
    /// are compared case-folded).
    pub(super) fn city_country(&self, a: usize, b: usize) -> Option<String> {
        let texts: Vec<&str> = (a..b).map(|i| self.doc.tokens[i].text.as_str()).collect();
        let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
        let person = self.entities.iter().any(|e| {
            let (x, y) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            e.label == "PER" && (x..y).any(|i| folded.contains(&self.folded[i]))
        });
        if person || !self.dict.find(&texts, self.date).is_empty() {
            return None;
        }
        crate::geonames::place_country(&texts)
            .filter(|c| self.dict.codebook().is_valid_actor_code(c))
            .map(str::to_string)
    }

    /// "Taipei, Taiwan — ...": one of the first sentences, or a line among the first
    /// tokens (a headline may run into it), opens with places and commas up to a dash; the
    /// part after the last comma names the country (or a state of it).
    fn dateline_country(&self) -> Option<String> {
        let n = self.doc.tokens.len();
        let line_starts = (1..n.min(80)).filter(|&i| {
            let (prev, cur) = (&self.doc.tokens[i - 1], &self.doc.tokens[i]);
            self.doc
                .text
                .get(prev.span.end..cur.span.start)
                .is_some_and(|gap| gap.contains('\n'))
        });
        let starts: Vec<usize> = self
            .doc
            .sentences
            .iter()
            .take(4)
            .map(|s| s.tokens[0])
            .chain(line_starts)
            .collect();
        for a in starts {
            let Some(dash) = (a..n.min(a + 10))
                .find(|&i| DATELINE_DASH.contains(&self.doc.tokens[i].text.as_str()))
            else {
                continue;
            };
            let words: Vec<usize> = (a..dash)
                .filter(|&i| self.doc.tokens[i].text != ",")
                .collect();
            let plain = !words.is_empty()
                && words.iter().all(|&i| {
                    let t = &self.doc.tokens[i].text;
                    t.chars().next().is_some_and(char::is_uppercase)
                });
            let last_comma = (a..dash).rev().find(|&i| self.doc.tokens[i].text == ",");
            let Some(c) = last_comma.filter(|_| plain) else {
                continue;
            };
            if let Some(country) = self.place_country(c + 1, dash) {
                return Some(country);
            }
        }
        None
    }

    /// "the Massachusetts Institute of Technology", "University of Southern Indiana": an
    /// organisation the NER found whose head noun names a sector and which holds exactly one
    /// place the dictionary matched: the place gives the country, the head the sector.
    pub(super) fn place_organizations(&mut self) {
        for e in &self.entities {
            if e.label != "ORG" {
                continue;
            }
            let (a, b) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            if b < a + 2 {
                continue;
            }
            let inside: Vec<usize> = (0..self.out.len())
                .filter(|&k| {
                    let (x, y) = self.out[k].1;
                    x < b && a < y
                })
                .collect();
            let [k] = inside.as_slice() else {
                continue;
            };
            let (m, (x, y)) = (&self.out[*k].0, self.out[*k].1);
            let place = matches!(m.kind, ActorKind::Country) && m.rule.starts_with("dictionary");
            if !place || x < a || y > b || (x, y) == (a, b) {
                continue;
            }
            let h = self.head_of((a, b));
            if (x..y).contains(&h) {
                continue;
            }
            let Some(sector) = self.head_sector(h) else {
                continue;
            };
            let Some(country) = m.country.clone() else {
                continue;
            };
            let code = format!("{country}{sector}");
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let a = if self.folded[a] == "the" { a + 1 } else { a };
            let head = self.doc.tokens[h].text.clone();
            let rule = format!(
                "org+place (\"{}\" -> {country}; \"{head}\" -> {sector})",
                m.mention
            );
            let name: Vec<String> = (a..b).map(|i| self.folded[i].clone()).collect();
            let entity = Some(format!("name:{}", name.join("_")));
            let (mut p, r) = self.new_mention((a, b), ActorKind::Organization, entity, rule);
            p.set_code(Some(&code), book);
            self.out[*k] = (p, r);
        }
    }

    /// A person no dictionary knows, written next to a coded body or country: "NASA
    /// Administrator Charles Bolden", "Tunisia's coach Nabil Maaloul" (before the name, with
    /// at most a title and a possessive between), "Matthew Ingram of The Globe and Mail"
    /// (after it, as the name's "of"/"from"/"at"/"for" modifier). A body gives its whole code (a
    /// member is coded as the body); a country gives its code with the person's sector, or
    /// `CVL` when no title says one.
    pub(super) fn person_bodies(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            let open = m.rule.starts_with("ner PER") || m.rule.starts_with("agent+name");
            if m.kind != ActorKind::Person || m.code.is_some() || !open {
                continue;
            }
            let Some(j) = self.body_before(a).or_else(|| self.body_after((a, b))) else {
                continue;
            };
            let body = self.out[j].0.clone();
            let code = if body.kind == ActorKind::Country {
                let sector = m.sector.clone().unwrap_or_else(|| "CVL".into());
                body.country.as_ref().map(|c| format!("{c}{sector}"))
            } else {
                body.code.clone()
            };
            let book = self.dict.codebook();
            let Some(code) = code.filter(|c| book.is_valid_actor_code(c)) else {
                continue;
            };
            let rule = format!(
                "{} + body (\"{}\": {})",
                strip(&m.rule),
                body.mention,
                strip(&body.rule)
            );
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }

    /// A coded non-person mention ending right before token `a`, with at most two title
    /// words or a possessive in between.
    fn body_before(&self, a: usize) -> Option<usize> {
        let sent = self.sent_of.get(a).copied()?;
        let mut i = a;
        for _ in 0..=3 {
            let prev = i.checked_sub(1)?;
            if self.sent_of.get(prev) != Some(&sent) {
                return None;
            }
            if let Some(j) = self.mention_at(prev) {
                // "Ambassador to the European Union Gordon Sondland": the title's code
                if self.destination(j) {
                    return self.diplomat_title(j);
                }
                let x = &self.out[j].0;
                // "Italian economic development minister Stefano Patuanelli": a coded
                // title right before the name is the same person's
                let title = x.kind == ActorKind::Person
                    && x.rule.starts_with("agent")
                    && self.out[j].1 .1 == a;
                return (x.code.is_some() && (x.kind != ActorKind::Person || title)).then_some(j);
            }
            let t = &self.doc.tokens[prev];
            let word = t.text.chars().all(|c| c.is_alphabetic() || c == '-');
            let possessive = matches!(t.text.as_str(), "'s" | "’s");
            // "Italian economic development minister X", "Libyan national X": a lower-case
            // adjective is part of the title too
            let lower = t.text.chars().next().is_some_and(char::is_lowercase);
            let title = word
                && (matches!(t.upos.as_deref(), Some("NOUN" | "PROPN") | None)
                    || (lower && t.upos.as_deref() == Some("ADJ")));
            if !(possessive || title) {
                return None;
            }
            i = prev;
        }
        None
    }

    /// A coded organisation that is the name's "of"/"from"/"at"/"for" modifier.
    fn body_after(&self, range: (usize, usize)) -> Option<usize> {
        let h = self.head_of(range);
        self.children(h)
            .filter(|&c| c >= range.1 && self.deprel(c) == "nmod")
            .filter(|&c| {
                self.children(c).any(|g| {
                    self.deprel(g) == "case" && MEMBER_OF.contains(&self.folded[g].as_str())
                })
            })
            .filter_map(|c| self.mention_at(c))
            .find(|&j| {
                let x = &self.out[j].0;
                x.code.is_some() && matches!(x.kind, ActorKind::Organization | ActorKind::Group)
            })
    }

    /// A person with no code and no body, in a document whose country is plain, takes that
    /// country and the sector its title or apposition gave, else `CVL` (a private person).
    /// A later mention of a surname already named is left to surname coreference.
    pub(super) fn unknown_persons(&mut self, main: Option<&DocCountry>) {
        let Some(main) = main else {
            return;
        };
        let mut named: Vec<String> = Vec::new();
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Person || b <= a || b > self.doc.tokens.len() {
                continue;
            }
            let last = self.folded[b - 1].clone();
            // "ner PER (dictionary knows only ...)": a name the dictionary knows only part of
            let open = m.rule.starts_with("ner PER")
                || m.rule.starts_with("agent+name")
                || m.rule.starts_with("apposition");
            // "Xi" after "Xi Jinping": surname coreference takes it
            if let Some(first) = super::coref::listed_first_name(m) {
                named.push(first);
            }
            if m.code.is_some() || !open || named.contains(&last) {
                if b - a >= 2 {
                    named.push(last);
                }
                continue;
            }
            if b - a >= 2 {
                named.push(last);
            }
            let sector = m.sector.clone().unwrap_or_else(|| "CVL".into());
            let code = format!("{}{sector}", main.code);
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let rule = format!("{} + document country ({})", strip(&m.rule), main.why);
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}
