//! Joint PETRARCH codes (`LOW_COUNTRIES_ [BEL/NLD]`) through the real text pipeline and
//! models: the code stays as written, the record fields keep only what the members share,
//! and composing with an agent never glues a role onto the last member alone.

#[allow(dead_code)] // resolved::resolve uses the built-in dictionary only
mod resolved;

use std::io::Write;

use dyad_actors::{ActorMention, Date, Dictionary, DictionaryBuilder};
use resolved::{annotated, find};

fn dictionary() -> Dictionary {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        f,
        "LOW_COUNTRIES_ [BEL/NLD]\nJOINT_TASK_FORCE_ [USAGOV/USAMIL]"
    )
    .unwrap();
    let mut b = DictionaryBuilder::with_builtin().unwrap();
    b.add_petrarch_actors_file(f.path(), false).unwrap();
    b.build().unwrap()
}

fn resolve(dict: &Dictionary, text: &str) -> Vec<ActorMention> {
    dict.resolve(&annotated(text), Date::parse_iso("2015-05-07"))
}

#[test]
fn a_joint_code_is_kept_with_the_fields_its_members_share() {
    let dict = dictionary();
    let ms = resolve(
        &dict,
        "The Low Countries protested the new tariff on Monday.",
    );
    let m = find(&ms, "Low Countries");
    assert_eq!(m.code.as_deref(), Some("BEL/NLD"), "{ms:#?}");
    assert_eq!((m.country.as_deref(), m.sector.as_deref()), (None, None));

    let ms = resolve(&dict, "The Joint Task Force arrived in the capital.");
    let m = find(&ms, "Joint Task Force");
    assert_eq!(m.code.as_deref(), Some("USAGOV/USAMIL"), "{ms:#?}");
    assert_eq!(m.country.as_deref(), Some("USA"));
    assert_eq!(m.sector, None);
}

/// A role composed onto a joint code goes onto every member or onto none: `BELGOV/NLD`
/// or `BEL/NLDGOV` would be valid member by member, yet wrong.
#[test]
fn an_agent_next_to_a_joint_code_never_garbles_it() {
    let dict = dictionary();
    for (text, allowed) in [
        (
            "Low Countries officials protested the new tariff on Monday.",
            &["BELGOV/NLDGOV"][..],
        ),
        (
            "The foreign ministers of the Low Countries met in Brussels.",
            &["BEL/NLD", "BELGOV/NLDGOV"][..],
        ),
        (
            "Joint Task Force troops arrived in the capital.",
            &["USAGOV/USAMIL", "USAGOVMIL/USAMIL"][..],
        ),
    ] {
        let ms = resolve(&dict, text);
        let joint: Vec<&str> = ms
            .iter()
            .filter_map(|m| m.code.as_deref())
            .filter(|c| c.contains('/'))
            .collect();
        assert!(!joint.is_empty(), "{text}: no joint code in {ms:#?}");
        for code in joint {
            assert!(allowed.contains(&code), "{text}: {code} in {ms:#?}");
        }
    }
}
