//! The CAMEO actor codebook: which three-letter groups exist and what they are.
//!
//! A CAMEO actor code is a chain of three-letter groups, general to specific:
//! `USA`+`GOV`, `IGO`+`EUR`+`EEC`. The first group must be a country, region,
//! international type, role or religion listed in the codebook; later groups are roles or
//! organisation codes, and CAMEO leaves organisation codes open (`NAT`, `UNO`, `ALQ`), so
//! only their shape is checked. Agent codes (`~GOV`, `NGO~`) must consist of known roles,
//! religions or international types only. The codebook is `data/actors/cameo_codebook.tsv`.
//!
//! A PETRARCH dictionary may give one actor several codes joined by slashes
//! (`THE_SHIRE [FRO/BIL/SAM]`): the event coder writes one event per member. Such a joint
//! code is valid when every member is, splits into the fields its members agree on, and
//! composes member by member ([`map_members`]) so that adding a role never glues it onto
//! the last member only.

use rustc_hash::FxHashMap;

use crate::error::ActorError;

/// What a three-letter group stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupType {
    Country,
    Region,
    International,
    Role,
    Religion,
}

/// The split of an actor code into the fields of an actor record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeParts {
    /// First country or region group (`USA`, `EUR`, `WST`).
    pub country: Option<String>,
    /// First role or international-type group (`GOV`, `MIL`, `IGO`).
    pub sector: Option<String>,
    /// A trailing organisation group that is no known type (`EEC`, `NAT`, `UNO`).
    pub group: Option<String>,
}

/// Known CAMEO three-letter groups.
#[derive(Clone, Debug, Default)]
pub struct Codebook {
    groups: FxHashMap<String, (GroupType, String)>,
}

impl Codebook {
    /// Reads the `code<TAB>type<TAB>name` TSV; `file` names the source in errors.
    pub fn from_tsv(text: &str, file: &str) -> Result<Codebook, ActorError> {
        let mut groups = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 || !is_group(cols[0]) {
                return Err(ActorError::syntax(
                    file,
                    i + 1,
                    "expected CODE<TAB>type<TAB>name",
                ));
            }
            let ty = match cols[1] {
                "country" => GroupType::Country,
                "region" => GroupType::Region,
                "international" => GroupType::International,
                "role" => GroupType::Role,
                "religion" => GroupType::Religion,
                other => {
                    return Err(ActorError::syntax(
                        file,
                        i + 1,
                        format!("unknown group type {other:?}"),
                    ))
                }
            };
            groups.insert(cols[0].to_string(), (ty, cols[2].to_string()));
        }
        Ok(Codebook { groups })
    }

    /// The type of a three-letter group, if the codebook knows it.
    pub fn group_type(&self, group: &str) -> Option<GroupType> {
        self.groups.get(group).map(|g| g.0)
    }

    /// Adds a group the codebook lacks (a fictional country or role of a user dictionary);
    /// a group it knows keeps its type.
    pub fn learn(&mut self, group: &str, ty: GroupType, name: &str) {
        if is_group(group) {
            self.groups
                .entry(group.to_string())
                .or_insert_with(|| (ty, name.to_string()));
        }
    }

    /// The name of a group (`USA` -> "United States").
    pub fn name(&self, group: &str) -> Option<&str> {
        self.groups.get(group).map(|g| g.1.as_str())
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True for a full actor code: upper-case 3-letter groups, the first one known; a joint
    /// code (`FRO/BIL/SAM`) when every member is.
    pub fn is_valid_actor_code(&self, code: &str) -> bool {
        if is_joint(code) {
            return code.split('/').all(|m| self.is_valid_actor_code(m));
        }
        code.len() >= 3
            && code.len() % 3 == 0
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && self.groups.contains_key(&code[..3])
    }

    /// True for an agent code: every group a known role, religion or international type.
    /// `MUS` is both a country (Mauritius) and CAMEO's Muslim religion code; the codebook
    /// files it as the country, so it is accepted here in its religion sense.
    pub fn is_valid_agent_code(&self, code: &str) -> bool {
        code.len() >= 3
            && code.len() % 3 == 0
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && groups(code).all(|g| {
                g == "MUS"
                    || matches!(
                        self.group_type(g),
                        Some(GroupType::Role | GroupType::Religion | GroupType::International)
                    )
            })
    }

    /// Splits an actor code into country, sector and organisation group; a joint code keeps
    /// each field its members agree on.
    pub fn split(&self, code: &str) -> CodeParts {
        if is_joint(code) {
            let mut members = code.split('/').map(|m| self.split(m));
            let mut parts = members.next().unwrap_or_default();
            for m in members {
                if parts.country != m.country {
                    parts.country = None;
                }
                if parts.sector != m.sector {
                    parts.sector = None;
                }
                if parts.group != m.group {
                    parts.group = None;
                }
            }
            return parts;
        }
        let mut parts = CodeParts::default();
        let n = groups(code).count();
        for (i, g) in groups(code).enumerate() {
            // Phoenix writes Muslim `MUS` after another group (IMGMUSALQ, SYRREBMUS,
            // EGYOPPMUS); only in first place is it Mauritius (MUSGOV)
            let ty = match self.group_type(g) {
                Some(GroupType::Country) if i > 0 && g == PHOENIX_MUSLIM => {
                    Some(GroupType::Religion)
                }
                ty => ty,
            };
            match ty {
                Some(GroupType::Country | GroupType::Region) if parts.country.is_none() => {
                    parts.country = Some(g.to_string())
                }
                Some(GroupType::Role | GroupType::International) if parts.sector.is_none() => {
                    parts.sector = Some(g.to_string())
                }
                None if i == n - 1 && i > 0 => parts.group = Some(g.to_string()),
                _ => {}
            }
        }
        parts
    }
}

/// Phoenix's group for Muslim, also the ISO code of Mauritius (CAMEO writes `MOS`).
const PHOENIX_MUSLIM: &str = "MUS";

/// True for a joint code: several member codes joined by `/` (`ELR/GAL`).
pub fn is_joint(code: &str) -> bool {
    code.contains('/')
}

/// Applies `f` to each member of a joint code and joins the results again (`FRO/BIL` with
/// a role appended becomes `FROGOV/BILGOV`); a plain code is its own single member.
pub fn map_members(code: &str, f: impl Fn(&str) -> String) -> String {
    code.split('/').map(f).collect::<Vec<_>>().join("/")
}

fn is_group(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The three-letter groups of a code (a trailing partial group is dropped).
pub fn groups(code: &str) -> impl Iterator<Item = &str> {
    (0..code.len() / 3).filter_map(move |i| code.get(i * 3..i * 3 + 3))
}

/// Territories with their own country code, and their sovereign.
pub(crate) const TERRITORIES: &[(&str, &str)] = &[
    ("PRI", "USA"),
    ("GUM", "USA"),
    ("VIR", "USA"),
    ("ASM", "USA"),
    ("HKG", "CHN"),
    ("MAC", "CHN"),
    ("GRL", "DNK"),
    ("FRO", "DNK"),
    ("BMU", "GBR"),
    ("GIB", "GBR"),
    ("CYM", "GBR"),
    ("NCL", "FRA"),
    ("PYF", "FRA"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Codebook {
        Codebook::from_tsv(
            "# test\nUSA\tcountry\tUnited States\nEUR\tregion\tEurope\nWST\tregion\tthe West\n\
             IGO\tinternational\tigo\nGOV\trole\tgovernment\nLEG\trole\tlegislature\n",
            "test.tsv",
        )
        .unwrap()
    }

    #[test]
    fn splits_codes_into_record_fields() {
        let b = book();
        let p = b.split("IGOEUREEC");
        assert_eq!(p.country.as_deref(), Some("EUR"));
        assert_eq!(p.sector.as_deref(), Some("IGO"));
        assert_eq!(p.group.as_deref(), Some("EEC"));
        let p = b.split("USAGOVLEG");
        assert_eq!(
            (p.country.as_deref(), p.sector.as_deref()),
            (Some("USA"), Some("GOV"))
        );
        assert_eq!(p.group, None);
        assert_eq!(b.split("USA").sector, None);
    }

    #[test]
    fn validates_codes() {
        let b = book();
        assert!(b.is_valid_actor_code("USAGOV"));
        assert!(b.is_valid_actor_code("IGOWSTNAT"));
        assert!(!b.is_valid_actor_code("KNTGOV"));
        assert!(!b.is_valid_actor_code("USAGO"));
        assert!(!b.is_valid_actor_code("usagov"));
        assert!(b.is_valid_agent_code("GOVLEG"));
        assert!(!b.is_valid_agent_code("GOVXYZ"));
    }

    #[test]
    fn joint_codes_are_valid_when_every_member_is() {
        let b = book();
        assert!(b.is_valid_actor_code("USA/EUR"));
        assert!(b.is_valid_actor_code("USAGOV/EURLEG/WST"));
        assert!(!b.is_valid_actor_code("USA/KNT"));
        assert!(!b.is_valid_actor_code("USA/"));
        assert!(!b.is_valid_actor_code("/USA"));
        assert!(is_joint("USA/EUR") && !is_joint("USAGOV"));
        assert_eq!(
            map_members("USA/EUR", |m| format!("{m}GOV")),
            "USAGOV/EURGOV"
        );
        assert_eq!(map_members("USA", |m| format!("{m}GOV")), "USAGOV");
    }

    #[test]
    fn joint_codes_split_into_the_fields_members_agree_on() {
        let b = book();
        let p = b.split("USAGOV/USALEG");
        assert_eq!(p.country.as_deref(), Some("USA"));
        assert_eq!(p.sector, None);
        let p = b.split("USAGOV/EURGOV");
        assert_eq!(p.country, None);
        assert_eq!(p.sector.as_deref(), Some("GOV"));
        assert_eq!(b.split("USA/EUR/WST"), CodeParts::default());
    }

    #[test]
    fn phoenix_muslim_after_another_group_is_no_country() {
        let mut b = book();
        b.learn("MUS", GroupType::Country, "Mauritius");
        b.learn("IMG", GroupType::International, "militarized group");
        b.learn("REB", GroupType::Role, "rebels");
        let p = b.split("IMGMUSALQ");
        assert_eq!(p.country, None);
        assert_eq!(p.sector.as_deref(), Some("IMG"));
        let p = b.split("USAREBMUS");
        assert_eq!(p.country.as_deref(), Some("USA"));
        // in first place it is Mauritius
        assert_eq!(b.split("MUSGOV").country.as_deref(), Some("MUS"));
    }

    #[test]
    fn bad_codebook_line_names_file_and_line() {
        let e = Codebook::from_tsv("USA\tcountry\tUS\nXX\tcountry\n", "cb.tsv").unwrap_err();
        assert_eq!(e.to_string(), "cb.tsv:2: expected CODE<TAB>type<TAB>name");
    }
}
