//! Steps of the resolver that ask the rest of the document for evidence before a name
//! keeps or takes a country, written from the errors of a tuning set of web news and
//! commentary (UD English-EWT weblogs and newsgroups, often undated):
//!
//! * `leader surname` - the Factbook leaders file gives a bare surname ("Abbas", "Thomas",
//!   "Carter", "Cheney") to one leader, though other dictionary people of other countries
//!   bear it (Mahmoud Abbas, Jimmy Carter, Dick Cheney). Such a shared surname alone is that
//!   leader only when the document names the leader's country or the leader in full; else
//!   it is the namesake whose country the document names ("Abbas" in a Palestinian story),
//!   else an unknown person, whom the document's country may code, if another country has
//!   two people or more who bear it and the leader is not in office on the document's
//!   date; else ("Clinton", "Erdogan", "Obama" in 2015) it keeps its leader.
//! * `surname of dictionary people` - blogs name "Bush", "Rumsfeld", "Arafat" by surname
//!   alone, which no dictionary lists alone: when the document names the country of
//!   exactly one of the countries whose dictionary people bear that surname, the name is
//!   one of them (Bush: the United States, not the Cayman Islands' McKeeva Bush).
//!
//! Apart from `context.rs` because these steps weigh a match by what the document names
//! elsewhere, not by the words next to it.

use super::people::derived;
use super::Resolver;
use crate::codebook::{Codebook, GroupType};
use crate::date::Date;
use crate::mention::ActorKind;
use crate::normalize::fold;

/// The leaders file, whose one-word forms are surnames made by its generator.
const LEADERS_ORIGIN: &str = "dictionary (person leaders.tsv";

impl Resolver<'_> {
    /// A one-word leader surname that other dictionary persons of other countries share
    /// is weighed against the document (see the module docs).
    pub(super) fn leader_surnames(&mut self) {
        let book = self.dict.codebook();
        let mut places: Option<Vec<String>> = None;
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if b != a + 1 || !m.rule.starts_with(LEADERS_ORIGIN) || m.kind != ActorKind::Person {
                continue;
            }
            let Some(country) = m.country.clone() else {
                continue;
            };
            // the entity's name is longer than the surname matched
            let full_name = m
                .entity
                .as_deref()
                .and_then(|e| e.rsplit(':').next())
                .is_some_and(|n| n.contains('_'));
            if !full_name {
                continue;
            }
            let places = places.get_or_insert_with(|| self.place_countries());
            if self.country_named(&country, k, places) {
                continue;
            }
            // the pre-parse layer linked it to a person named in full: the leader, or a
            // namesake of another country ("Mahmoud Abbas ... Abbas"), whose code it takes
            if let Some(j) = self.named_in_full(k) {
                let x = self.out[j].0.clone();
                if x.country.as_deref() != Some(country.as_str()) {
                    let rule = format!(
                        "surname (of \"{}\" at byte {}, not the {country} leader of {})",
                        x.mention,
                        x.span.start,
                        m.rule.trim_start_matches("dictionary ")
                    );
                    let m = &mut self.out[k].0;
                    m.set_code(x.code.as_deref(), book);
                    m.rule = rule;
                }
                continue;
            }
            // the other countries' people of that surname, by country
            let surname = fold(&m.mention);
            let mut others: Vec<(String, &crate::entry::Entry)> = Vec::new();
            for e in self.dict.persons_by_surname(&surname) {
                let Some(c) = person_country(e, self.date, book) else {
                    continue;
                };
                if c != country && Some(e.entity.as_str()) != m.entity.as_deref() {
                    others.push((c, e));
                }
            }
            let mut named: Vec<&str> = others
                .iter()
                .map(|(c, _)| c.as_str())
                .filter(|c| self.country_named(c, k, places))
                .collect();
            named.sort_unstable();
            named.dedup();
            let mention = m.mention.clone();
            let origin = m.rule.trim_start_matches("dictionary ").to_string();
            if let [c] = named.as_slice() {
                // one namesake's country is named: that namesake, coded on the date when
                // all of that country's namesakes agree, else by country alone
                let c = c.to_string();
                let same: Vec<&crate::entry::Entry> = others
                    .iter()
                    .filter(|(x, _)| *x == c)
                    .map(|(_, e)| *e)
                    .collect();
                let mut codes: Vec<&str> = same
                    .iter()
                    .filter_map(|e| e.code_at(self.date))
                    .filter(|code| code.starts_with(c.as_str()))
                    .collect();
                codes.dedup();
                let code = match codes.as_slice() {
                    [one] => one.to_string(),
                    _ => c.clone(),
                };
                let entities: Vec<&str> = same.iter().map(|e| e.entity.as_str()).collect();
                let entity = (entities.iter().all(|e| *e == entities[0]))
                    .then(|| entities[0].to_string())
                    .or_else(|| Some(format!("name:{surname}")));
                let rule = format!(
                    "leader surname (\"{mention}\": {origin}; the document names {c}, not \
                     {country}: a namesake of {c})"
                );
                let (mut x, r) = self.new_mention((a, b), ActorKind::Person, entity, rule);
                x.set_code(Some(&code), book);
                self.out[k] = (x, r);
                continue;
            }
            // no namesake's country named either: the surname stays the leader's unless
            // another country has two people or more who bear it ("Clinton" stays
            // American though Haiti had a minister Harry Clinton; "Abbas" is also borne by
            // two Algerian ministers)
            let people = |c: &str| {
                let mut ids: Vec<&str> = others
                    .iter()
                    .filter(|(x, _)| x == c)
                    .map(|(_, e)| e.entity.as_str())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            };
            // a leader in office on the document's date keeps the surname ("Obama" in
            // 2015, though two Equatoguinean leaders bore it)
            let in_office = self.date.is_some() && m.sector.as_deref() == Some("GOV");
            if in_office || others.iter().all(|(c, _)| people(c) < 2) {
                continue;
            }
            let rule = format!(
                "ner PER (dictionary knows only \"{mention}\": {origin}; leader surname, the \
                 document names neither {country} nor the leader in full, and other \
                 countries' people bear it)"
            );
            let entity = Some(format!("name:{surname}"));
            self.out[k] = self.new_mention((a, b), ActorKind::Person, entity, rule);
        }
    }

    /// A one-word name no dictionary lists alone ("Bush", "Rumsfeld") that is the surname
    /// of dictionary people, of whose countries the document names exactly one, is one of
    /// that country's bearers: the country, with their code on the date when they all
    /// agree. A surname named in full in the document is left to surname coreference.
    pub(super) fn dictionary_surnames(&mut self) {
        let book = self.dict.codebook();
        let mut places: Option<Vec<String>> = None;
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            let word = self.doc.tokens[a].text.as_str();
            let name = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && word.chars().count() >= 3;
            // "Bush House": a capitalised word next to it makes it part of another name
            let capital = |i: usize| {
                self.tok(i).is_some_and(|t| {
                    t.text.chars().next().is_some_and(char::is_uppercase)
                        && self.sent_of.get(i) == self.sent_of.get(a)
                })
            };
            let inside_name =
                capital(b) || (a > 0 && capital(a - 1) && !self.sentence_start(a - 1));
            if b != a + 1
                || !name
                || inside_name
                || m.kind != ActorKind::Person
                || !m.rule.starts_with("ner PER (no dictionary entry)")
                || self.named_before(k)
            {
                continue;
            }
            let surname = fold(word);
            // the countries of the people bearing it that the document names: one only
            let mut people: Vec<(String, &crate::entry::Entry)> = Vec::new();
            for e in self.dict.persons_by_surname(&surname) {
                if let Some(c) = person_country(e, self.date, book) {
                    people.push((c, e));
                }
            }
            let mut named: Vec<&str> = people.iter().map(|(c, _)| c.as_str()).collect();
            named.sort_unstable();
            named.dedup();
            if people.is_empty() {
                continue;
            }
            let places = places.get_or_insert_with(|| self.place_countries());
            named.retain(|c| self.country_named(c, k, places));
            let [c] = named.as_slice() else {
                continue;
            };
            let c = c.to_string();
            let mut codes: Vec<&str> = Vec::new();
            let mut entities: Vec<&str> = Vec::new();
            for (x, e) in &people {
                if *x == c {
                    codes.push(e.code_at(self.date).unwrap_or(""));
                    entities.push(e.entity.as_str());
                }
            }
            codes.sort_unstable();
            codes.dedup();
            entities.sort_unstable();
            entities.dedup();
            let code = match codes.as_slice() {
                [one] if one.starts_with(c.as_str()) => one.to_string(),
                _ => c.clone(),
            };
            let entity = match entities.as_slice() {
                [one] => one.to_string(),
                _ => format!("name:{surname}"),
            };
            let rule = format!(
                "surname of dictionary people (\"{word}\": {} of {c}, the only country of \
                 its bearers the document names)",
                entities.len()
            );
            let (mut x, r) = self.new_mention((a, b), ActorKind::Person, Some(entity), rule);
            x.set_code(Some(&code), book);
            self.out[k] = (x, r);
        }
    }

    /// Token `i` opens its sentence.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.sent_of.get(i - 1) != self.sent_of.get(i)
    }

    /// Another mention than `k` gives `country` from the text itself (not copied, not a
    /// one-word leader surname), or a place the NER found lies in it (`places`, from
    /// [`Resolver::place_countries`], worked out once per step and only when needed).
    fn country_named(&self, country: &str, k: usize, places: &[String]) -> bool {
        let by_mention = self.out.iter().enumerate().any(|(j, (x, (xa, xb)))| {
            j != k
                && x.country.as_deref() == Some(country)
                && !derived(&x.rule)
                && !(xb - xa == 1 && x.rule.starts_with(LEADERS_ORIGIN))
        });
        by_mention || places.iter().any(|c| c == country)
    }

    /// The countries of the places the NER found outside every mention.
    fn place_countries(&self) -> Vec<String> {
        self.entities
            .iter()
            .filter_map(|e| {
                let (a, b) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
                let place = matches!(e.label.as_str(), "LOC" | "GPE")
                    && a < b
                    && self.mention_at(a).is_none();
                place.then(|| self.place_country(a, b)).flatten()
            })
            .collect()
    }

    /// A longer mention of the entity of mention `k`.
    fn named_in_full(&self, k: usize) -> Option<usize> {
        let (m, _) = &self.out[k];
        self.out
            .iter()
            .enumerate()
            .position(|(j, (x, (xa, xb)))| j != k && xb - xa >= 2 && x.entity == m.entity)
    }
}

/// The country of a dictionary person: of its code on `date`, else of its roles.
fn person_country(e: &crate::entry::Entry, date: Option<Date>, book: &Codebook) -> Option<String> {
    let country = |code: &str| {
        book.split(code)
            .country
            .filter(|c| book.group_type(c) == Some(GroupType::Country))
    };
    e.code_at(date)
        .and_then(country)
        .or_else(|| e.roles.iter().find_map(|r| country(&r.code)))
}
