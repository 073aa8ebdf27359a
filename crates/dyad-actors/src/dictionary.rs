//! The actor dictionary: the repository's data compiled into one matcher, plus user
//! additions.
//!
//! The generated TSVs in `data/actors/` are embedded in the binary (`include_str!`), so
//! the product works from any directory and never reads `../shared` at run time. Building
//! parses them, validates every code against the CAMEO codebook and compiles one
//! [`Matcher`]; do it once (see [`Dictionary::builtin`]) and share the result across
//! threads.
//!
//! Priority when several sources know a phrase: user additions (in the order added), then
//! the hand-maintained `additions.tsv` (reviewed corrections: "BBC" is `GBRMED` where
//! Phoenix says a bare `MED`), `agencies.tsv` (government agencies Phoenix lacks) and
//! `organizations.tsv` (national companies, outlets, unions), Factbook leaders (dated to
//! 2025), Phoenix countries, international and non-state actors (dated to about 2014),
//! 2019 cabinets, the gazetteer, and last the agents (among which the additions' agents
//! come first).

use std::path::Path;
use std::sync::OnceLock;

use crate::codebook::{groups, Codebook, GroupType};
use crate::date::Date;
use crate::entry::{Entry, EntryKind};
use crate::error::ActorError;
use crate::matcher::{DictMatch, Matcher, Scratch};
use crate::{petrarch_reader, tsv_reader};

/// The embedded data files, in priority order, as (file name, contents).
pub const CODEBOOK_TSV: (&str, &str) = (
    "cameo_codebook.tsv",
    include_str!("../../../data/actors/cameo_codebook.tsv"),
);
pub const ACTOR_TSVS: [(&str, &str); 5] = [
    (
        "leaders.tsv",
        include_str!("../../../data/actors/leaders.tsv"),
    ),
    (
        "phoenix_countries.tsv",
        include_str!("../../../data/actors/phoenix_countries.tsv"),
    ),
    (
        "phoenix_international.tsv",
        include_str!("../../../data/actors/phoenix_international.tsv"),
    ),
    (
        "phoenix_nonstate.tsv",
        include_str!("../../../data/actors/phoenix_nonstate.tsv"),
    ),
    (
        "cabinet_2019.tsv",
        include_str!("../../../data/actors/cabinet_2019.tsv"),
    ),
];
pub const PLACES_TSV: (&str, &str) = (
    "countries.tsv",
    include_str!("../../../data/actors/countries.tsv"),
);
pub const AGENTS_TSV: (&str, &str) = (
    "agents.tsv",
    include_str!("../../../data/actors/agents.tsv"),
);
/// Hand-maintained additions in the user overlay format (not generated).
pub const ADDITIONS_TSV: (&str, &str) = (
    "additions.tsv",
    include_str!("../../../data/actors/additions.tsv"),
);
/// Hand-written government agencies, ministries and services of large countries that the
/// Phoenix files lack (user overlay format, read right after the additions).
pub const AGENCIES_TSV: (&str, &str) = (
    "agencies.tsv",
    include_str!("../../../data/actors/agencies.tsv"),
);
/// Hand-written companies, news outlets and trade unions of national standing with their
/// home country and sector (user overlay format, read after the agencies): Phoenix lists
/// companies under long legal names and outlets as bare `MED`.
pub const ORGANIZATIONS_TSV: (&str, &str) = (
    "organizations.tsv",
    include_str!("../../../data/actors/organizations.tsv"),
);

/// Collects entries from several sources, then validates and compiles them.
#[derive(Debug, Default)]
pub struct DictionaryBuilder {
    user: Vec<Entry>,
    builtin: Vec<Entry>,
    codebook: Codebook,
    warnings: Vec<ActorError>,
    skip_invalid_codes: bool,
    allow_unknown_countries: bool,
}

impl DictionaryBuilder {
    /// When set, entries whose codes fail the CAMEO codebook are dropped and reported in
    /// [`DictionaryBuilder::warnings`] instead of failing [`DictionaryBuilder::build`]
    /// (for historical dictionaries such as Phoenix, which hold fictional test countries).
    pub fn skip_invalid_codes(&mut self, yes: bool) -> &mut Self {
        self.skip_invalid_codes = yes;
        self
    }

    /// When set, well-formed codes with groups the codebook does not know are accepted and
    /// the codebook learns those groups: the first group of an actor code as a country, the
    /// groups of an agent code as roles. This is for the fictional countries and agents of
    /// PETRARCH's validation dictionaries (`ARN`, `GON`; `~GOVFRM`, `~MOP`), which the
    /// evaluation reads: learnt, they compose like real ones ("Arnor's foreign minister" is
    /// `ARNGOVFRM`) instead of being dropped or left without a country.
    pub fn allow_unknown_countries(&mut self, yes: bool) -> &mut Self {
        self.allow_unknown_countries = yes;
        self
    }

    /// A builder with the CAMEO codebook and no entries.
    pub fn empty() -> Result<DictionaryBuilder, ActorError> {
        Ok(DictionaryBuilder {
            codebook: Codebook::from_tsv(CODEBOOK_TSV.1, CODEBOOK_TSV.0)?,
            ..DictionaryBuilder::default()
        })
    }

    /// A builder with all the repository's dictionaries.
    pub fn with_builtin() -> Result<DictionaryBuilder, ActorError> {
        let mut b = DictionaryBuilder::empty()?;
        let mut parts = vec![
            tsv_reader::read_overlay(ADDITIONS_TSV.1, ADDITIONS_TSV.0)?,
            tsv_reader::read_overlay(AGENCIES_TSV.1, AGENCIES_TSV.0)?,
            tsv_reader::read_overlay(ORGANIZATIONS_TSV.1, ORGANIZATIONS_TSV.0)?,
        ];
        for (file, text) in ACTOR_TSVS {
            parts.push(tsv_reader::read_actor_tsv(text, file)?);
        }
        parts.push(tsv_reader::read_place_tsv(PLACES_TSV.1, PLACES_TSV.0)?);
        parts.push(tsv_reader::read_agent_tsv(AGENTS_TSV.1, AGENTS_TSV.0)?);
        // one list of the final size: each entry is moved once, not at every doubling
        b.builtin = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for p in parts {
            b.builtin.extend(p);
        }
        Ok(b)
    }

    /// Adds entries with priority over the built-in ones (and below earlier additions).
    pub fn add_entries(&mut self, entries: Vec<Entry>) -> &mut Self {
        self.user.extend(entries);
        self
    }

    /// Adds a user overlay TSV (see [`tsv_reader`]).
    pub fn add_overlay_file(&mut self, path: &Path) -> Result<&mut Self, ActorError> {
        let text = read(path)?;
        let entries = tsv_reader::read_overlay(&text, &path.display().to_string())?;
        Ok(self.add_entries(entries))
    }

    /// Adds a PETRARCH actor dictionary. In lenient mode malformed lines are skipped and
    /// kept in [`DictionaryBuilder::warnings`].
    pub fn add_petrarch_actors_file(
        &mut self,
        path: &Path,
        lenient: bool,
    ) -> Result<&mut Self, ActorError> {
        let text = read(path)?;
        let r = petrarch_reader::read_actors(&text, &path.display().to_string(), lenient)?;
        self.warnings.extend(r.warnings);
        Ok(self.add_entries(r.entries))
    }

    /// Adds a PETRARCH agent dictionary.
    pub fn add_petrarch_agents_file(
        &mut self,
        path: &Path,
        lenient: bool,
    ) -> Result<&mut Self, ActorError> {
        let text = read(path)?;
        let r = petrarch_reader::read_agents(&text, &path.display().to_string(), lenient)?;
        self.warnings.extend(r.warnings);
        Ok(self.add_entries(r.entries))
    }

    /// Lines skipped by lenient reads.
    pub fn warnings(&self) -> &[ActorError] {
        &self.warnings
    }

    /// Validates every code against the codebook and compiles the matcher.
    pub fn build(mut self) -> Result<Dictionary, ActorError> {
        let mut entries = if self.user.is_empty() {
            self.builtin
        } else {
            let mut all = self.user;
            all.extend(self.builtin);
            all
        };
        // agents last: a phrase that names an actor should resolve to it
        entries.sort_by_key(|e| e.kind == EntryKind::Agent);
        let well_formed =
            |c: &str| c.len() >= 3 && c.len() % 3 == 0 && c.bytes().all(|b| b.is_ascii_uppercase());
        if self.allow_unknown_countries {
            for e in &entries {
                let codes = e.default_code.iter().chain(e.roles.iter().map(|r| &r.code));
                // the members of a joint code (`FRO/BIL/SAM`) are learnt one by one
                let members = codes.flat_map(|c| c.split('/'));
                for code in members.filter(|c| well_formed(c)) {
                    if e.kind == EntryKind::Agent {
                        for g in groups(code) {
                            self.codebook.learn(g, GroupType::Role, "(user dictionary)");
                        }
                    } else {
                        let name = "(user dictionary)";
                        self.codebook.learn(&code[..3], GroupType::Country, name);
                    }
                }
            }
        }
        // a territory under another country's code (Phoenix's `USAPRI` Puerto Rico,
        // `DNKFRO` Faroe Islands, `GBRGIB` Gibraltar) is its own country in CAMEO, as ISO
        // gives it a code of its own: the sovereign's group is dropped
        for e in entries.iter_mut().filter(|e| e.kind != EntryKind::Agent) {
            for code in e
                .default_code
                .iter_mut()
                .chain(e.roles.iter_mut().map(|r| &mut r.code))
            {
                if let Some(own) = territory_code(code) {
                    *code = own;
                }
            }
        }
        let book = &self.codebook;
        let invalid = |e: &Entry| -> Option<String> {
            let mut codes = e.default_code.iter().chain(e.roles.iter().map(|r| &r.code));
            codes
                .find(|code| {
                    !if e.kind == EntryKind::Agent {
                        book.is_valid_agent_code(code)
                    } else {
                        book.is_valid_actor_code(code)
                    }
                })
                .cloned()
        };
        let mut kept = Vec::with_capacity(entries.len());
        for e in entries {
            match invalid(&e) {
                None => kept.push(e),
                Some(code) => {
                    let err = ActorError::Code {
                        origin: e.origin.clone(),
                        code,
                    };
                    if !self.skip_invalid_codes {
                        return Err(err);
                    }
                    self.warnings.push(err);
                }
            }
        }
        let entries = kept;
        Ok(Dictionary {
            matcher: Matcher::new(entries)?,
            codebook: self.codebook,
            warnings: self.warnings,
            surnames: OnceLock::new(),
        })
    }
}

/// The code of a territory written after its own sovereign's country group (`USAPRI` ->
/// `PRI`, `USAPRIGOV` -> `PRIGOV`, by `codebook::TERRITORIES`); `None` for any other code.
/// Only listed pairs: two country groups in a row mean other things too (Phoenix's `MUS`
/// after a country is the Muslim religion; PETRARCH's unit-test dictionaries make up
/// countries of their own).
fn territory_code(code: &str) -> Option<String> {
    let (first, second) = (code.get(..3)?, code.get(3..6)?);
    (!crate::codebook::is_joint(code)
        && crate::codebook::TERRITORIES
            .iter()
            .any(|&(t, sovereign)| t == second && sovereign == first))
    .then(|| code[3..].to_string())
}

fn read(path: &Path) -> Result<String, ActorError> {
    std::fs::read_to_string(path).map_err(|source| ActorError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Compiled actor dictionaries: immutable, `Send + Sync`, built once.
#[derive(Debug)]
pub struct Dictionary {
    matcher: Matcher,
    codebook: Codebook,
    warnings: Vec<ActorError>,
    /// The hash of the folded last word (high 32 bits) and the entry id (low 32 bits) of
    /// every person phrase of two words or more whose last word is all letters, sorted;
    /// built on first use (see [`Dictionary::persons_by_surname`]). Hashes and ids rather
    /// than a map of words to lists: no allocation per surname, half the cost of a map.
    surnames: OnceLock<Vec<u64>>,
}

impl Dictionary {
    /// The repository's dictionaries, compiled on first use and shared process-wide.
    pub fn builtin() -> Result<&'static Dictionary, ActorError> {
        static BUILTIN: OnceLock<Result<Dictionary, String>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                DictionaryBuilder::with_builtin()
                    .and_then(DictionaryBuilder::build)
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| ActorError::Build(e.clone()))
    }

    /// Lines and entries skipped while building (lenient reads, skipped invalid codes).
    pub fn warnings(&self) -> &[ActorError] {
        &self.warnings
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    pub fn entries(&self) -> &[Entry] {
        self.matcher.entries()
    }

    /// The person entries one of whose phrases of two words or more ends in `surname`
    /// (folded: "cheney" gives the entries of "dick cheney" and "richard b. cheney"). For
    /// weighing a bare surname against every person the dictionaries know by it, not only
    /// the one that owns the bare form. Built on first use.
    pub fn persons_by_surname(&self, surname: &str) -> impl Iterator<Item = &Entry> + '_ {
        let index = self.surnames.get_or_init(|| {
            let mut keys: Vec<u64> = Vec::new();
            let mut last = String::new();
            for (i, e) in self.entries().iter().enumerate() {
                if e.kind != EntryKind::Person {
                    continue;
                }
                let Some(raw) = surname_of(&e.phrase) else {
                    continue;
                };
                // an ASCII word folds to its lower case: tested and hashed as it stands
                let folded = if raw.is_ascii() {
                    raw
                } else {
                    crate::normalize::fold_into(raw, &mut last);
                    last.as_str()
                };
                let alphabetic = if folded.is_ascii() {
                    folded.bytes().all(|b| b.is_ascii_alphabetic())
                } else {
                    folded.chars().all(char::is_alphabetic)
                };
                if alphabetic {
                    keys.push(surname_hash(folded) | i as u64);
                }
            }
            keys.sort_unstable();
            keys
        });
        let h = surname_hash(surname);
        let from = index.partition_point(|&x| x < h);
        let entries = self.entries();
        let found: Vec<&Entry> = index[from..]
            .iter()
            .take_while(|&&x| x & !0xFFFF_FFFF == h)
            .map(|&x| &entries[(x & 0xFFFF_FFFF) as usize])
            // not another surname of the same hash (the index holds hashes, not the words)
            .filter(|e| surname_of(&e.phrase).is_some_and(|raw| folds_to(raw, surname)))
            .collect();
        found.into_iter()
    }

    /// Dictionary pass over one token sequence (e.g. a sentence's `Token.text`s).
    pub fn find_into<'d, S: AsRef<str>>(
        &'d self,
        tokens: &[S],
        date: Option<Date>,
        scratch: &mut Scratch,
        out: &mut Vec<DictMatch<'d>>,
    ) {
        if !tokens.iter().any(|t| joined(t.as_ref())) {
            return self.matcher.find_into(tokens, date, scratch, out);
        }
        // "Dol_Amroth": PETRARCH-style texts join a name's words with underscores, the
        // dictionaries list them as words; split such tokens, then map matches back,
        // keeping those that start and end on whole tokens
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len() + 4);
        let mut first = Vec::with_capacity(tokens.len() + 4);
        for (i, t) in tokens.iter().enumerate() {
            let t = t.as_ref();
            let start = words.len();
            if joined(t) {
                words.extend(t.split('_').filter(|w| !w.is_empty()));
            } else {
                words.push(t);
            }
            first.extend(std::iter::repeat_n(i, words.len() - start));
        }
        let mut found = Vec::new();
        self.matcher.find_into(&words, date, scratch, &mut found);
        for mut m in found {
            let (a, b) = m.tokens;
            let starts_token = a == 0 || first[a - 1] != first[a];
            let ends_token = b == words.len() || first[b] != first[b - 1];
            if starts_token && ends_token {
                m.tokens = (first[a], first[b - 1] + 1);
                out.push(m);
            }
        }
    }

    /// Allocating form of [`Dictionary::find_into`].
    pub fn find<'d, S: AsRef<str>>(
        &'d self,
        tokens: &[S],
        date: Option<Date>,
    ) -> Vec<DictMatch<'d>> {
        let mut out = Vec::new();
        crate::matcher::with_scratch(|scratch| self.find_into(tokens, date, scratch, &mut out));
        out
    }
}

/// The last word of a phrase of two words or more (words cut at blanks and underscores),
/// unfolded.
fn surname_of(phrase: &str) -> Option<&str> {
    // blanks and underscores are ASCII, never inside a multi-byte character: cut bytes
    let cut = |b: &u8| *b == b' ' || *b == b'_';
    let bytes = phrase.as_bytes();
    let end = bytes.iter().rposition(|b| !cut(b))? + 1;
    let start = bytes[..end].iter().rposition(cut).map_or(0, |i| i + 1);
    bytes[..start]
        .iter()
        .any(|b| !cut(b))
        .then(|| &phrase[start..end])
}

/// The index key of a folded surname: its hash in the high 32 bits (the entry id goes in
/// the low ones, so sorting the keys sorts by hash, then id). ASCII letters are hashed
/// lower-cased, so a word and its fold ([`crate::normalize::fold`]) hash alike when the
/// word is ASCII.
fn surname_hash(folded: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for b in folded.bytes() {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish() & !0xFFFF_FFFF
}

/// Whether `raw` folds to `folded` ([`crate::normalize::fold`]).
fn folds_to(raw: &str, folded: &str) -> bool {
    if raw.is_ascii() {
        raw.len() == folded.len()
            && raw
                .bytes()
                .zip(folded.bytes())
                .all(|(r, f)| r.to_ascii_lowercase() == f)
    } else {
        crate::normalize::fold(raw) == folded
    }
}

/// A token of words joined by underscores ("Dol_Amroth"), not a bare "_".
fn joined(t: &str) -> bool {
    // a plain loop: tokens are short, and this runs on every token of every lookup
    t.bytes().any(|b| b == b'_') && t.split('_').filter(|w| !w.is_empty()).count() > 1
}

#[cfg(test)]
mod tests {

    /// Regression (session 9): any two country groups in a row were read as a territory
    /// under its sovereign, which rewrote codes of PETRARCH's unit-test dictionaries and
    /// cost six codings of PETR.UnitTest.records.xml.
    #[test]
    fn only_listed_territories_leave_their_sovereign() {
        assert_eq!(territory_code("USAPRI").as_deref(), Some("PRI"));
        assert_eq!(territory_code("USAPRIGOV").as_deref(), Some("PRIGOV"));
        assert_eq!(territory_code("CHNHKGCOP").as_deref(), Some("HKGCOP"));
        assert_eq!(territory_code("USAGBR"), None);
        assert_eq!(territory_code("GBRPRI"), None);
        assert_eq!(territory_code("USAGOV"), None);
        assert_eq!(territory_code("PRI"), None);
    }

    use super::*;
    use std::io::Write;

    #[test]
    fn surname_of_is_the_last_of_two_words_or_more() {
        fn by_split(phrase: &str) -> Option<&str> {
            let mut words = phrase.split([' ', '_']).filter(|w| !w.is_empty());
            let last = words.next_back().unwrap_or("");
            words.next().map(|_| last)
        }
        for p in [
            "",
            " ",
            "_",
            "dick cheney",
            "DICK_CHENEY_",
            "_cheney",
            "cheney",
            " a  b ",
            "José_Martí",
            "a__",
            "x_y z",
            "Ōbama",
            "ß ß",
        ] {
            assert_eq!(surname_of(p), by_split(p), "{p:?}");
        }
    }

    #[test]
    fn persons_are_found_by_surname() {
        let d = Dictionary::builtin().unwrap();
        let found: Vec<&str> = d
            .persons_by_surname("cheney")
            .map(|e| e.phrase.as_str())
            .collect();
        assert!(!found.is_empty());
        let last = |p: &&str| surname_of(p).map(crate::normalize::fold);
        assert!(
            found.iter().all(|p| last(p).as_deref() == Some("cheney")),
            "{found:?}"
        );
        // every person of two words or more ending in that name, in dictionary order
        let all: Vec<&str> = d
            .entries()
            .iter()
            .filter(|e| {
                e.kind == EntryKind::Person && last(&e.phrase.as_str()).as_deref() == Some("cheney")
            })
            .map(|e| e.phrase.as_str())
            .collect();
        assert_eq!(found, all);
        assert_eq!(d.persons_by_surname("zzqxj").count(), 0);
        assert_eq!(d.persons_by_surname("").count(), 0);
    }

    #[test]
    fn the_surname_index_agrees_with_a_scan_of_every_person() {
        let d = Dictionary::builtin().unwrap();
        let last = |p: &str| surname_of(p).map(crate::normalize::fold);
        let alphabetic = |w: &str| w.chars().all(char::is_alphabetic);
        // surnames of every 50th person, ASCII or not, and one never used
        let mut words: Vec<String> = d
            .entries()
            .iter()
            .filter(|e| e.kind == EntryKind::Person)
            .step_by(50)
            .filter_map(|e| last(&e.phrase))
            .collect();
        words.extend(["müller", "özil", "zzqxj", "Cheney"].map(String::from));
        assert!(words.iter().any(|w| !w.is_ascii()));
        for w in &words {
            let found: Vec<*const Entry> = d.persons_by_surname(w).map(|e| e as *const _).collect();
            let all: Vec<*const Entry> = d
                .entries()
                .iter()
                .filter(|e| {
                    e.kind == EntryKind::Person
                        && last(&e.phrase).is_some_and(|l| alphabetic(&l) && l == *w)
                })
                .map(|e| e as *const _)
                .collect();
            assert_eq!(found, all, "{w:?}");
        }
    }

    #[test]
    fn words_joined_by_underscores_match_the_dictionary_phrase() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        writeln!(f, "actor\tPrince of Dol Amroth\tFRA").unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.add_overlay_file(f.path()).unwrap();
        let d = b.build().unwrap();
        let m = d.find(&["the", "Prince", "of", "Dol_Amroth", "."], None);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].tokens, m[0].code), ((1, 4), Some("FRA")));
        // a match ending inside a joined token is no match
        let m = d.find(&["Prince", "of", "Dol", "Amroth_Tanks"], None);
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn user_overlay_takes_priority_and_bad_codes_name_the_line() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        writeln!(
            f,
            "# mine\nactor\tAntony Blinken\t-\tUSAGOV@2021-01-26..\tperson"
        )
        .unwrap();
        writeln!(f, "actor\tBelgium\tFRA").unwrap();
        let mut b = DictionaryBuilder::with_builtin().unwrap();
        b.add_overlay_file(f.path()).unwrap();
        let d = b.build().unwrap();
        let m = d.find(
            &["Antony", "Blinken", "and", "Belgium"],
            Date::parse_iso("2021-03-25"),
        );
        assert_eq!(m[0].code, Some("USAGOV"));
        assert_eq!(
            m[1].code,
            Some("FRA"),
            "overlay wins over the built-in entry"
        );

        let mut g = tempfile::NamedTempFile::new().unwrap();
        writeln!(g, "actor\tSomeone\tUSAGOV\nactor\tNobody\tXYZGOV").unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.add_overlay_file(g.path()).unwrap();
        let e = b.build().unwrap_err().to_string();
        assert!(
            e.ends_with(":2: code \"XYZGOV\" is not valid against the CAMEO codebook"),
            "{e}"
        );
    }

    #[test]
    fn invalid_codes_can_be_skipped_with_warnings() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        writeln!(f, "KINAKUTA_ [KNT]\nBELGIUM_ [BEL]").unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.add_petrarch_actors_file(f.path(), false).unwrap();
        b.skip_invalid_codes(true);
        let d = b.build().unwrap();
        assert_eq!(d.entries().len(), 1);
        assert_eq!(d.warnings().len(), 1);
        assert!(d.warnings()[0]
            .to_string()
            .ends_with(":1: code \"KNT\" is not valid against the CAMEO codebook"));
        assert_eq!(d.find(&["Belgium"], None)[0].code, Some("BEL"));
    }

    #[test]
    fn unknown_countries_and_agent_groups_are_learnt_when_allowed() {
        let mut actors = tempfile::NamedTempFile::new().unwrap();
        writeln!(actors, "ARNOR_ [ARN]\nBELGIUM_ [BEL]").unwrap();
        let mut agents = tempfile::NamedTempFile::new().unwrap();
        writeln!(
            agents,
            "FOREIGN_MINISTER [~GOVFRM]\nMAIN_OPPOSITION_GROUP [~MOP]"
        )
        .unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.skip_invalid_codes(true).allow_unknown_countries(true);
        b.add_petrarch_actors_file(actors.path(), false).unwrap();
        b.add_petrarch_agents_file(agents.path(), false).unwrap();
        let d = b.build().unwrap();
        assert!(d.warnings().is_empty(), "{:?}", d.warnings());
        let m = d.find(&["Arnor", "foreign", "minister"], None);
        let codes: Vec<Option<&str>> = m.iter().map(|f| f.code).collect();
        assert_eq!(codes, [Some("ARN"), Some("GOVFRM")]);
        let book = d.codebook();
        assert!(book.is_valid_actor_code("ARNGOVFRM"));
        assert!(book.is_valid_actor_code("ARNMOP"));
        assert_eq!(book.split("ARNGOVFRM").country.as_deref(), Some("ARN"));

        // without the switch the same agent is dropped with a warning
        let mut b = DictionaryBuilder::empty().unwrap();
        b.skip_invalid_codes(true);
        b.add_petrarch_actors_file(actors.path(), false).unwrap();
        b.add_petrarch_agents_file(agents.path(), false).unwrap();
        let d = b.build().unwrap();
        let dropped: Vec<String> = d.warnings().iter().map(|w| w.to_string()).collect();
        assert!(
            dropped.iter().any(|w| w.contains("\"GOVFRM\"")),
            "{dropped:?}"
        );
        assert!(d
            .find(&["foreign", "minister"], None)
            .iter()
            .all(|f| f.code != Some("GOVFRM")));
        assert!(!d.codebook().is_valid_actor_code("ARNGOV"));
    }

    #[test]
    fn joint_codes_are_kept_when_every_member_is_valid() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        writeln!(f, "LOW_COUNTRIES_ [BEL/NLD]\nODD_PAIR_ [BEL/KNT]").unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.add_petrarch_actors_file(f.path(), false).unwrap();
        b.skip_invalid_codes(true);
        let d = b.build().unwrap();
        assert_eq!(d.find(&["Low", "Countries"], None)[0].code, Some("BEL/NLD"));
        let dropped: Vec<String> = d.warnings().iter().map(|w| w.to_string()).collect();
        assert_eq!(dropped.len(), 1, "{dropped:?}");
        assert!(dropped[0].contains("\"BEL/KNT\""), "{dropped:?}");

        // with unknown countries allowed, each member is learnt as a country
        let mut f = tempfile::NamedTempFile::new().unwrap();
        writeln!(f, "SHIRE_ [FRO/BIL/SAM]").unwrap();
        let mut b = DictionaryBuilder::empty().unwrap();
        b.skip_invalid_codes(true).allow_unknown_countries(true);
        b.add_petrarch_actors_file(f.path(), false).unwrap();
        let d = b.build().unwrap();
        assert!(d.warnings().is_empty(), "{:?}", d.warnings());
        assert_eq!(d.find(&["Shire"], None)[0].code, Some("FRO/BIL/SAM"));
        assert!(d.codebook().is_valid_actor_code("SAM"));
    }

    #[test]
    fn missing_file_is_an_io_error_with_path() {
        let mut b = DictionaryBuilder::empty().unwrap();
        let e = b
            .add_petrarch_actors_file(Path::new("/nonexistent/x.actors"), false)
            .unwrap_err();
        assert!(e.to_string().starts_with("/nonexistent/x.actors:"), "{e}");
    }
}
