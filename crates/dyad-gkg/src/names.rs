//! Names: the persons, organizations and other proper names of a document with their counts
//! and offsets (GDELT V2Persons, V2Organizations, V2.1AllNames).
//!
//! Mentions come from the NER entities of the document (`PER`, `ORG`, and any other label but
//! places, which the geoparser reports) and from the actor mentions the caller passes (the
//! dictionary actors of the pipeline). Overlapping mentions keep the longer one, and take the
//! actor stage's kind when it has one (its dictionaries are surer than the NER model about
//! who is a person). Mentions that are mostly a place the geoparser resolved, and lower-case
//! ones, are dropped. Person names lose their titles ("U.S. President Joe Biden" → "Joe Biden"); a
//! person mentioned by surname after the full name ("Blinken" after "Antony Blinken") counts
//! under the full name, as one person.

use dyad_core::{Document, Span};
use serde::{Deserialize, Serialize};

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Person,
    Organization,
    /// Another proper name (an event, a law, a product).
    Other,
}

/// One name of a document and its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The fullest form the document gives.
    pub name: String,
    pub kind: NameKind,
    pub count: usize,
    /// Byte offsets of the mentions in [`Document::text`].
    pub offsets: Vec<usize>,
}

const PLACE_LABELS: &[&str] = &["LOC", "GPE", "FAC"];

/// The names of `doc`, in order of first mention. `people` and `orgs` are actor mentions of
/// an earlier stage.
pub fn find_names(doc: &Document, people: &[Span], orgs: &[Span]) -> Vec<Name> {
    find_names_except(doc, people, orgs, &[])
}

/// [`find_names`] leaving out mentions that overlap `places` (the geoparser's spans).
pub fn find_names_except(
    doc: &Document,
    people: &[Span],
    orgs: &[Span],
    places: &[Span],
) -> Vec<Name> {
    let mut mentions: Vec<(Span, NameKind)> = Vec::new();
    for e in &doc.entities {
        let kind = match e.label.as_str() {
            "PER" | "PERSON" => NameKind::Person,
            "ORG" => NameKind::Organization,
            l if PLACE_LABELS.contains(&l) => continue,
            _ => NameKind::Other,
        };
        mentions.push((e.span, kind));
    }
    mentions.extend(people.iter().map(|s| (*s, NameKind::Person)));
    mentions.extend(orgs.iter().map(|s| (*s, NameKind::Organization)));
    mentions.retain(|(s, _)| {
        s.get(&doc.text)
            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
            && !places.iter().any(|p| {
                // Mostly a place ("Brussels", "United States'"), not a name holding one.
                let inter = p.end.min(s.end).saturating_sub(p.start.max(s.start));
                5 * inter >= 4 * s.len()
            })
    });
    // Longer first, so a mention inside a kept one is dropped.
    mentions.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.start.cmp(&b.0.start)));
    let mut kept: Vec<(Span, NameKind)> = Vec::new();
    for m in mentions {
        if !kept.iter().any(|k| k.0.overlaps(m.0)) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.0.start);
    for (span, kind) in &mut kept {
        if people.iter().any(|p| p.overlaps(*span)) {
            *kind = NameKind::Person;
        } else if orgs.iter().any(|o| o.overlaps(*span)) {
            *kind = NameKind::Organization;
        }
    }
    let text_of = |s: Span| clean(s.get(&doc.text).unwrap_or_default());
    let mut out: Vec<Name> = Vec::new();
    for (span, kind) in kept {
        let t = text_of(span);
        let key = if kind == NameKind::Person {
            full_person(&out, &crate::quotes::untitled(&t))
        } else {
            t
        };
        match out.iter_mut().find(|n| n.name == key && n.kind == kind) {
            Some(n) => {
                n.count += 1;
                n.offsets.push(span.start);
            }
            None => out.push(Name {
                name: key,
                kind,
                count: 1,
                offsets: vec![span.start],
            }),
        }
    }
    out
}

/// Whitespace runs (a name over a line break) collapsed to one space, a trailing possessive
/// dropped ("United States'").
fn clean(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(&s);
    s.trim_end_matches(['\'', '’']).to_string()
}

/// The full name already seen that ends with the words of `t`, or `t` itself.
fn full_person(seen: &[Name], t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    seen.iter()
        .filter(|n| n.kind == NameKind::Person)
        .map(|n| n.name.as_str())
        // More words than `t`, ending with its words (compared from the end, no copy: this
        // runs for every person mention against every person seen).
        .filter(|n| {
            let mut w = n.split_whitespace().rev();
            words.iter().rev().all(|x| w.next() == Some(*x)) && w.next().is_some()
        })
        .max_by_key(|n| n.len())
        .unwrap_or(t)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{DocMeta, Entity};

    #[test]
    fn persons_and_organizations_with_counts() {
        let text =
            "Antony Blinken met NATO officials. Blinken said NATO and the EU agreed in Brussels.";
        let mut d = Document::new(DocMeta::new("t", text.as_bytes()), text.to_string());
        let ent = |s: &str, n: usize, label: &str| {
            let start = text.match_indices(s).nth(n).unwrap().0;
            Entity {
                span: Span::new(start, start + s.len()),
                label: label.into(),
                tokens: [0, 0],
            }
        };
        d.entities = vec![
            ent("Antony Blinken", 0, "PER"),
            ent("NATO", 0, "ORG"),
            ent("Blinken", 1, "PER"),
            ent("Brussels", 0, "LOC"),
        ];
        // The actor stage found the second NATO and the EU; its "Blinken" span overlaps NER's.
        let nato2 = text.match_indices("NATO").nth(1).unwrap().0;
        let eu = text.find("EU").unwrap();
        let names = find_names(
            &d,
            &[Span::new(0, 14)],
            &[Span::new(nato2, nato2 + 4), Span::new(eu, eu + 2)],
        );
        let got: Vec<(&str, NameKind, usize)> = names
            .iter()
            .map(|n| (n.name.as_str(), n.kind, n.count))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Antony Blinken", NameKind::Person, 2),
                ("NATO", NameKind::Organization, 2),
                ("EU", NameKind::Organization, 1),
            ]
        );
        assert_eq!(
            names[0].offsets,
            vec![0, text.find("Blinken said").unwrap()]
        );
    }

    #[test]
    fn titles_places_and_actor_kinds() {
        let text = "U.S. President Joe Biden spoke. Biden met Belgium's Foreign Minister Sophie Wilmes in Brussels.";
        let mut d = Document::new(DocMeta::new("t", text.as_bytes()), text.to_string());
        let span = |s: &str| {
            let a = text.find(s).unwrap();
            Span::new(a, a + s.len())
        };
        let ent = |s: &str, label: &str| Entity {
            span: span(s),
            label: label.into(),
            tokens: [0, 0],
        };
        d.entities = vec![
            ent("U.S. President Joe Biden", "ORG"),
            Entity {
                span: Span::new(
                    text.rfind("Biden").unwrap(),
                    text.rfind("Biden").unwrap() + 5,
                ),
                label: "PER".into(),
                tokens: [0, 0],
            },
            ent("Belgium's Foreign Minister Sophie Wilmes", "PER"),
            ent("Brussels", "PER"),
        ];
        let names = find_names_except(&d, &[span("Joe Biden")], &[], &[span("Brussels")]);
        let got: Vec<(&str, NameKind, usize)> = names
            .iter()
            .map(|n| (n.name.as_str(), n.kind, n.count))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Joe Biden", NameKind::Person, 2),
                ("Sophie Wilmes", NameKind::Person, 1),
            ]
        );
    }

    #[test]
    fn no_entities_no_names() {
        let d = Document::new(DocMeta::new("t", b"x"), "Nothing here.".into());
        assert!(find_names(&d, &[], &[]).is_empty());
    }
}
