//! Parse-based composition steps of the resolver that build codes from parts: a country
//! and the head noun it modifies, plural demonyms, a title and the name after it, and the
//! country an agent takes from its context.
//!
//! They live apart from the coreference steps in `resolve.rs` because they are the
//! vocabulary-bound part of the resolver (which head nouns mean which sector) and grow
//! with it.

use super::people::DocCountry;
use super::{strip, Placed, Resolver};
use crate::codebook::{map_members, GroupType};
use crate::entry::{AgentPosition, EntryKind};
use crate::mention::{ActorKind, ActorMention};
use crate::normalize::fold;

/// Head nouns of organisations and the CAMEO sector they give a country
/// ("the New Zealand Herald" -> NZLMED, "the US State Department" -> USAGOV).
const ORG_HEADS: &[(&str, &str)] = &[
    ("department", "GOV"),
    ("ministry", "GOV"),
    ("authority", "GOV"),
    ("authorities", "GOV"),
    ("office", "GOV"),
    ("council", "GOV"),
    ("agency", "GOV"),
    ("herald", "MED"),
    ("times", "MED"),
    ("post", "MED"),
    ("gazette", "MED"),
    ("news", "MED"),
    ("television", "MED"),
    ("tv", "MED"),
    ("radio", "MED"),
    ("newspaper", "MED"),
    ("broadcaster", "MED"),
    ("journal", "MED"),
    ("tribune", "MED"),
    ("telegraph", "MED"),
    ("daily", "MED"),
    ("press", "MED"),
    ("court", "JUD"),
    ("tribunal", "JUD"),
    ("parliament", "LEG"),
    ("assembly", "LEG"),
    ("congress", "LEG"),
    ("senate", "LEG"),
    ("university", "EDU"),
    ("college", "EDU"),
    ("bank", "BUS"),
    ("company", "BUS"),
    ("corporation", "BUS"),
    ("party", "PTY"),
    ("municipality", "GOV"),
    ("municipalities", "GOV"),
    ("commission", "GOV"),
    ("bureau", "GOV"),
    ("administration", "GOV"),
    ("police", "COP"),
    ("constabulary", "COP"),
    ("institute", "EDU"),
    ("school", "EDU"),
    ("laboratory", "EDU"),
    ("church", "REL"),
    ("hospital", "HLH"),
    ("foundation", "NGO"),
    ("firm", "BUS"),
    ("inc", "BUS"),
    ("inc.", "BUS"),
    ("ltd", "BUS"),
    ("ltd.", "BUS"),
    ("corp", "BUS"),
    ("corp.", "BUS"),
    ("airlines", "BUS"),
    // company name endings (test9: "Ithaca Holdings", "Dick Clark Productions")
    ("holdings", "BUS"),
    ("productions", "BUS"),
    ("records", "BUS"),
    ("entertainment", "BUS"),
    ("technologies", "BUS"),
    ("studios", "BUS"),
    ("motors", "BUS"),
    ("pharmaceuticals", "BUS"),
    ("plc", "BUS"),
    ("llc", "BUS"),
    ("co.", "BUS"),
    ("magazine", "MED"),
    ("weekly", "MED"),
    ("channel", "MED"),
];

/// Words before "agency" that make it a news agency.
const NEWS: &[&str] = &["news", "press"];

/// Sectors of a state's own institutions.
const STATE_SECTORS: &[&str] = &["GOV", "JUD", "LEG", "MIL", "COP", "SPY"];

impl Resolver<'_> {
    /// The sector a head noun gives, from the table above or the agents dictionary.
    pub(super) fn head_sector(&self, i: usize) -> Option<String> {
        let word = self.folded.get(i)?.as_str();
        if word == "agency" && i > 0 && NEWS.contains(&self.folded[i - 1].as_str()) {
            return Some("MED".into());
        }
        if let Some((_, s)) = ORG_HEADS.iter().find(|(w, _)| *w == word) {
            return Some(s.to_string());
        }
        let matcher = self.dict.matcher();
        matcher
            .candidate_slice(&[word])
            .iter()
            .map(|&c| &matcher.entries()[c as usize])
            .find(|e| e.kind == EntryKind::Agent)
            .and_then(|e| e.code_at(self.date))
            .filter(|c| c.len() == 3)
            .map(str::to_string)
    }

    /// "The US State Department", "Saudi Arabia's Civil Defense Authority", "South Korean
    /// puppet military": a country that modifies a nearby head noun naming a body.
    pub(super) fn country_heads(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Country || !m.rule.starts_with("dictionary") {
                continue;
            }
            let Some(country) = m.country.clone() else {
                continue;
            };
            let h = self.head_of((a, b));
            if !matches!(self.deprel(h), "amod" | "compound" | "nmod:poss") {
                continue;
            }
            let Some(head) = self.tok(h).and_then(|t| t.head) else {
                continue;
            };
            let next_start = self.out.get(k + 1).map_or(usize::MAX, |x| x.1 .0);
            let near = |i: usize| i >= b && i - b <= 4 && i < next_start;
            // climb compounds: "Saudi Arabia 's Civil Defense Authority"
            let mut head = head;
            while matches!(self.deprel(head), "compound" | "flat" | "amod")
                && self.head_sector(head).is_none()
            {
                match self.tok(head).and_then(|t| t.head) {
                    Some(up) if up > head && near(up) => head = up,
                    _ => break,
                }
            }
            if !near(head) {
                continue;
            }
            let Some(sector) = self.head_sector(head) else {
                continue;
            };
            let code = format!("{country}{sector}");
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let capital = self
                .tok(head)
                .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase));
            let kind = if capital {
                ActorKind::Organization
            } else {
                ActorKind::Group
            };
            let head_text = self.doc.tokens[head].text.clone();
            let rule = format!(
                "country+head (\"{head_text}\" -> {sector}; {})",
                m.rule.trim_start_matches("dictionary ")
            );
            let entity = Some(format!("org:{code}:{}", fold(&head_text)));
            let (mut x, r) = self.new_mention((a, head + 1), kind, entity, rule);
            x.set_code(Some(&code), book);
            self.out[k] = (x, r);
        }
    }

    /// "MSF Arnor", "an MSF Arnor diplomat": an uncoded agent of PETRARCH's prefix kind
    /// (`NGO~`) right before a mention coded with a country composes with it (`NGOARN`,
    /// `NGOARNGOV`).
    pub(super) fn prefix_agents(&mut self) {
        let mut k = 0;
        while k + 1 < self.out.len() {
            let ((x, (xa, xb)), (y, (ya, yb))) = (&self.out[k], &self.out[k + 1]);
            let adjacent = *xb == *ya && x.code.is_none() && x.rule.starts_with("agent (");
            let prefix = adjacent
                && y.country.is_some()
                && y.code
                    .as_deref()
                    .is_some_and(|c| c.get(..3) == y.country.as_deref());
            let agent = prefix
                .then(|| {
                    let texts: Vec<&str> = (*xa..*xb)
                        .map(|i| self.doc.tokens[i].text.as_str())
                        .collect();
                    let found = self.dict.find(&texts, self.date);
                    found
                        .iter()
                        .find(|f| {
                            f.tokens == (0, xb - xa)
                                && f.entry.position == Some(AgentPosition::Prefix)
                        })
                        .and_then(|f| f.code.map(str::to_string))
                })
                .flatten();
            let Some(agent) = agent else {
                k += 1;
                continue;
            };
            let (xa, yb) = (*xa, *yb);
            // member by member: `NGO` before `USAGOV/USAMIL` is `NGOUSAGOV/NGOUSAMIL`
            let code = map_members(y.code.as_deref().unwrap_or(""), |m| format!("{agent}{m}"));
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                k += 1;
                continue;
            }
            let rule = format!(
                "prefix agent+actor ({}; {})",
                strip(&x.rule),
                strip(&y.rule)
            );
            let (kind, entity) = (ActorKind::Organization, y.entity.clone());
            let (mut m, r) = self.new_mention((xa, yb), kind, entity, rule);
            m.set_code(Some(&code), book);
            self.out[k] = (m, r);
            self.out.remove(k + 1);
            k += 1;
        }
    }

    /// "Bangladeshis", "Greeks": a capitalised plural of a demonym the dictionary knows.
    pub(super) fn demonym_plurals(&mut self) {
        let mut added: Vec<Placed> = Vec::new();
        for (i, t) in self.doc.tokens.iter().enumerate() {
            let first_upper = t.text.chars().next().is_some_and(char::is_uppercase);
            if !first_upper || !t.text.ends_with('s') || t.text.len() < 5 {
                continue;
            }
            if self.mention_at(i).is_some() {
                continue;
            }
            let stem = &t.text[..t.text.len() - 1];
            let found = self.dict.find(&[stem], self.date);
            let Some(f) = found
                .iter()
                .find(|f| f.entry.kind == EntryKind::Demonym && f.code.is_some())
            else {
                continue;
            };
            let code = f.code.unwrap_or_default();
            let rule = format!("demonym plural (demonym {})", f.entry.origin);
            let entity = Some(format!("country:{}", code.get(..3).unwrap_or(code)));
            let mut p = self.new_mention((i, i + 1), ActorKind::Group, entity, rule);
            p.0.set_code(Some(code), self.dict.codebook());
            added.push(p);
        }
        self.out.extend(added);
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// "Major general Fuad Basya": an uncoded title followed by a name is that person (a
    /// one-word name only when named before or when the NER marks it a person: "Prince
    /// Andrew").
    pub(super) fn agent_names(&mut self) {
        // "Governor John Bel Edwards": the NER name right after the title, uncoded
        let mut k = 0;
        while k + 1 < self.out.len() {
            let ((m, (a, b)), (n, (c, d))) = (&self.out[k], &self.out[k + 1]);
            let joins = m.rule.starts_with("agent (")
                && m.kind == ActorKind::Person
                && m.code.is_none()
                && b == c
                && n.kind == ActorKind::Person
                && n.code.is_none()
                && n.rule.starts_with("ner PER");
            if !joins {
                k += 1;
                continue;
            }
            let (a, d) = (*a, *d);
            let rule = format!("agent+name ({})", m.rule.trim_start_matches("agent "));
            let (sector, entity) = (m.sector.clone(), n.entity.clone());
            let (mut x, r) = self.new_mention((a, d), ActorKind::Person, entity, rule);
            x.sector = sector;
            self.out[k] = (x, r);
            self.out.remove(k + 1);
            k += 1;
        }
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if !m.rule.starts_with("agent (") || m.kind != ActorKind::Person {
                continue;
            }
            let next_start = self.out.get(k + 1).map_or(usize::MAX, |x| x.1 .0);
            let mut end = b;
            while end < self.doc.tokens.len()
                && end < next_start
                && end - b < 4
                && is_name(&self.doc.tokens[end].text)
            {
                end += 1;
            }
            let known_surname = end - b == 1
                && self.out[..k].iter().any(|(p, (pa, pb))| {
                    p.kind == ActorKind::Person
                        && pb - pa >= 2
                        && self.folded[pb - 1] == self.folded[b]
                });
            // "Prince Andrew": one name word the NER takes for a person
            let ner_person = end - b == 1
                && self
                    .entities
                    .iter()
                    .any(|e| e.label == "PER" && e.tokens[0] <= b && b < e.tokens[1]);
            if end - b < 2 && !known_surname && !ner_person {
                continue;
            }
            let name: Vec<String> = (b..end).map(|i| self.folded[i].clone()).collect();
            let entity = Some(format!("name:{}", name.join("_")));
            let rule = format!("agent+name ({})", m.rule.trim_start_matches("agent "));
            let sector = m.sector.clone();
            let (mut x, r) = self.new_mention((a, end), ActorKind::Person, entity, rule);
            x.sector = sector;
            self.out[k] = (x, r);
        }
    }

    /// True for a country named only as part of a sea or landform's name ("the Gulf of
    /// Mexico", "the Bay of Bengal", "the Sea of Japan"): a place, not the country's actor,
    /// so no role noun near it takes that country.
    fn landform_name(&self, j: usize) -> bool {
        const LANDFORMS: &[&str] = &[
            "gulf", "sea", "bay", "strait", "straits", "isthmus", "gulfs", "seas",
        ];
        let a = self.out[j].1 .0;
        let word = |i: usize| self.folded.get(i).map(String::as_str);
        a >= 2 && word(a - 1) == Some("of") && word(a - 2).is_some_and(|w| LANDFORMS.contains(&w))
    }

    /// An agent with no country ("officials", "the military") takes the country of the
    /// nearest country-bearing mention in its sentence, else in the sentence before, else
    /// the document's main country (see `people.rs`). Mentions that are participants of
    /// their own (subjects, objects, possessors, non-place obliques) give no country, nor do
    /// outlets ("..., Reuters reports": where a story is reported from says little).
    pub(super) fn context_countries(&mut self, main: Option<&DocCountry>) {
        // the mentions of each sentence, in order: this step recodes mentions but neither
        // moves, adds nor drops any, so the index holds for the whole loop (a long document
        // would otherwise test every mention of every sentence for every role noun)
        let by_sentence = self.mentions_by_sentence();
        for k in 0..self.out.len() {
            let (m, (a, _)) = (&self.out[k].0, self.out[k].1);
            let open = m.rule.starts_with("agent (")
                || m.rule.starts_with("agent+name")
                || m.rule.starts_with("apposition");
            let org = m.rule.starts_with("ner ORG") && m.code.is_none();
            let sector = if org {
                // "University of Southern Indiana": the parse head; "Acme Police": the last
                let range = self.out[k].1;
                // "Znak.com", "the National Emergency Operation Centre": a name with no
                // head noun of a sector still belongs somewhere; it takes the country alone
                self.head_sector(self.head_of(range))
                    .or_else(|| self.head_sector(range.1 - 1))
                    .or_else(|| Some(String::new()))
            } else if self.named_before(k) {
                // "Professor Eastman" after "Professor Cres Eastman": surname coreference
                // links it to that person, whatever country is nearest
                None
            } else {
                m.sector.clone().filter(|_| open && m.code.is_none())
            };
            let Some(sector) = sector else {
                continue;
            };
            let s = self.sent_of.get(a).copied().unwrap_or(0);
            let book = self.dict.codebook();
            // a story framed by a territory (Hong Kong, Puerto Rico): its bare role nouns
            // ("police", "the Senate") are the territory's, not those of the sovereign
            // named near them ("protests against Chinese government encroachment")
            let sovereign_of_frame = |c: Option<&str>| {
                main.is_some_and(|d| {
                    crate::codebook::TERRITORIES
                        .iter()
                        .any(|(t, s)| d.code == *t && c == Some(*s))
                })
            };
            let bearing = |j: usize| {
                let (x, (xa, xb)) = &self.out[j];
                x.country.is_some()
                    && x.sector.as_deref() != Some("IGO")
                    && !x.rule.contains(dyad_core::CONTEXT_COUNTRY_RULE)
                    && !weak_person(x, xb - xa)
                    && x.sector.as_deref() != Some("MED")
                    && j != k
                    && !self.participant(j)
                    && !self.destination(j)
                    // "Western", "Caribbean": a region gives no role noun its country
                    && x.country.as_deref().and_then(|c| book.group_type(c))
                        != Some(GroupType::Region)
                    && !self.topic_demonym(j)
                    && !sovereign_of_frame(x.country.as_deref())
                    && !self.landform_name(j)
                    // a company's home country says nothing of which court, parliament or
                    // police a story means ("said via Twitter, ... the Court says")
                    && !(STATE_SECTORS.contains(&sector.as_str())
                        && matches!(x.sector.as_deref(), Some("BUS" | "MNC")))
            };
            let in_sentence = |sent: usize| -> Vec<usize> {
                by_sentence
                    .get(sent)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .copied()
                    .filter(|&j| bearing(j))
                    .collect()
            };
            let here = in_sentence(s);
            let near = here
                .iter()
                .min_by_key(|&&j| self.out[j].1 .0.abs_diff(a))
                .copied()
                .or_else(|| {
                    s.checked_sub(1)
                        .and_then(|p| in_sentence(p).last().copied())
                });
            // a name that has only a role's sector takes a country only from an explicit
            // one in its own sentence: an unknown person is better null than wrong
            let strict = m.rule.starts_with("apposition");
            let near = if strict {
                here.iter()
                    .min_by_key(|&&j| self.out[j].1 .0.abs_diff(a))
                    .copied()
            } else {
                near
            };
            let (country, why) = match near {
                Some(j) => (
                    self.out[j].0.country.clone().unwrap_or_default(),
                    format!("nearest \"{}\"", self.out[j].0.mention),
                ),
                None if strict => continue,
                None => match main {
                    Some(c) => (c.code.clone(), c.why.clone()),
                    None => continue,
                },
            };
            let code = format!("{country}{sector}");
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let rule = format!(
                "{} + {} ({why})",
                strip(&self.out[k].0.rule),
                dyad_core::CONTEXT_COUNTRY_RULE
            );
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}

impl Resolver<'_> {
    /// Mention `j` takes part in an event of its own rather than saying where a role noun
    /// belongs: a subject or object ("Congress is asking Obama to help Iran"), a possessor
    /// ("appreciation for China's assistance"), or an oblique that is no place ("acting
    /// against Moscow"). Such a country is another actor, so the role noun does not take it.
    fn participant(&self, j: usize) -> bool {
        let mut h = self.head_of(self.out[j].1);
        // "Dagolath and Osgiliath can cope": a conjunct plays its first conjunct's part
        for _ in 0..4 {
            match self.tok(h).and_then(|t| t.head) {
                Some(up) if self.deprel(h) == "conj" && up != h => h = up,
                _ => break,
            }
        }
        match self.deprel(h) {
            "nsubj" | "nsubj:pass" | "obj" | "iobj" | "nmod:poss" | "obl:agent" | "csubj" => true,
            "obl" | "nmod" => !self.children(h).any(|c| self.is_locative_case(c)),
            _ => false,
        }
    }

    /// Mention `j` is a demonym adjective of a noun that names no actor ("Ukrainian
    /// collusion", "Russian hacking"): it names the topic, not where the people around it
    /// belong, so it gives no role noun its country.
    pub(super) fn topic_demonym(&self, j: usize) -> bool {
        let (m, range) = (&self.out[j].0, self.out[j].1);
        if !m.rule.starts_with("dictionary (demonym") {
            return false;
        }
        let h = self.head_of(range);
        self.deprel(h) == "amod"
            && self
                .tok(h)
                .and_then(|t| t.head)
                .is_some_and(|up| self.mention_at(up).is_none())
    }

    /// Mention `k` is a person whose last word is the surname of a longer person mention
    /// before it. A bare role noun is no name on either side: "law enforcement" after "Law
    /// enforcement", "the foreign minister" after "the foreign minister" are no surnames
    /// (surname coreference would not link them, so they would keep no country).
    pub(super) fn named_before(&self, k: usize) -> bool {
        let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
        let role = |rule: &str| rule.starts_with("agent (");
        if m.kind != ActorKind::Person || b <= a || role(&m.rule) {
            return false;
        }
        let last = self.folded[b - 1].clone();
        self.out[..k].iter().any(|(p, (pa, pb))| {
            p.kind == ActorKind::Person
                && !role(&p.rule)
                && pb - pa >= 2
                && self.folded[pb - 1] == last
        })
    }
}

/// A one-word dictionary person ("Mohamed", "Thomas") is too often a coincidence of
/// names to say where a story happens: surname coreference, which runs later, may still
/// relink it to a local person, so it is no evidence for a context country. Nor is a
/// person named on a date none of its roles covers (often a namesake).
fn weak_person(m: &ActorMention, tokens: usize) -> bool {
    m.kind == ActorKind::Person
        && ((tokens == 1 && m.rule.starts_with("dictionary (person"))
            || m.rule.contains("out of role"))
}

impl Resolver<'_> {
    /// A dictionary person on a date none of its roles covers keeps the country of its
    /// roles; a former official ("USAELI") named with a title and no "former" is coded in
    /// office ("President Barack Obama did so in 2009").
    pub(super) fn person_roles(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Person {
                continue;
            }
            let titled =
                m.rule.starts_with("agent+person") || m.rule.starts_with("country+agent+person");
            let before = a.checked_sub(1).map(|i| self.folded[i].clone());
            let former = before.is_some_and(|w| matches!(w.as_str(), "former" | "ex" | "ex-"));
            // "the Obama administration" is that person's government while it governed,
            // whatever the person does today
            let governs = b > a + 1
                && matches!(
                    self.folded[b - 1].as_str(),
                    "administration" | "government" | "presidency"
                );
            if (titled || governs) && !former && m.sector.as_deref() == Some("ELI") {
                let code = format!("{}GOV", m.country.clone().unwrap_or_default());
                if self.dict.codebook().is_valid_actor_code(&code) {
                    let rule = format!("{} + title in office", m.rule);
                    let book = self.dict.codebook();
                    let m = &mut self.out[k].0;
                    m.set_code(Some(&code), book);
                    m.rule = rule;
                }
                continue;
            }
            // a titled person out of role keeps its country and takes the title's sector
            // ("Shadow Home Secretary Yvette Cooper" in 2023: GBR + OPP)
            let title_sector = m.sector.clone().filter(|_| titled);
            if m.code.is_some() || !(titled || m.rule.starts_with("dictionary (person")) {
                continue;
            }
            let texts: Vec<&str> = (a..b).map(|i| self.doc.tokens[i].text.as_str()).collect();
            let found = self.dict.find(&texts, self.date);
            let Some(country) = found
                .iter()
                .filter(|f| f.entry.kind == EntryKind::Person)
                .flat_map(|f| f.entry.roles.iter().map(|r| r.code.get(..3).unwrap_or("")))
                .find(|c| self.dict.codebook().is_valid_actor_code(c))
            else {
                continue;
            };
            let book = self.dict.codebook();
            let code = match &title_sector {
                Some(sec) if book.is_valid_actor_code(&format!("{country}{sec}")) => {
                    format!("{country}{sec}")
                }
                _ => country.to_string(),
            };
            let rule = format!(
                "{} + out of role on this date (country of its roles{})",
                m.rule,
                if code.len() > 3 {
                    ", sector of its title"
                } else {
                    ""
                }
            );
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}

/// A capitalised word that can be part of a name (not an acronym, not punctuation).
fn is_name(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && t.chars().any(char::is_lowercase)
}
