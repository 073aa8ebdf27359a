//! Actors that stand for several codes at once: a PETRARCH actor dictionary entry may list
//! them joined by slashes (`THE_SHIRE [FRO/BIL/SAM]`, `LORIEN [ELR/GAL]`), and PETRARCH codes
//! one event per member. The coder finds roles on the mention as one actor and splits the
//! events here, last, so the tree reading never sees the difference.

use crate::event::{ActorRef, Event};

/// The member codes of a joint code (`FRO/BIL/SAM`), or `None` for a plain one.
pub fn members(code: &str) -> Option<Vec<&str>> {
    code.contains('/').then(|| {
        code.split('/')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    })
}

fn split(a: &Option<ActorRef>) -> Vec<Option<ActorRef>> {
    let Some(actor) = a else {
        return vec![None];
    };
    match actor.code.as_deref().and_then(members) {
        Some(codes) if !codes.is_empty() => codes
            .into_iter()
            .map(|c| {
                let mut m = actor.clone();
                m.code = Some(c.to_string());
                Some(m)
            })
            .collect(),
        _ => vec![a.clone()],
    }
}

/// True when [`split`] makes more than one actor of `a` (a joint code of two members or
/// more): only then is an event expanded.
fn is_joint(a: &Option<ActorRef>) -> bool {
    a.as_ref()
        .and_then(|a| a.code.as_deref())
        .and_then(members)
        .is_some_and(|m| m.len() > 1)
}

/// One event per member of a joint source or target (every source member with every target
/// member); with `drop_self`, a member acting on itself is left out.
pub fn expand(events: Vec<Event>, drop_self: bool) -> Vec<Event> {
    // nearly every event has plain actors: it stays as it is, no actor copied
    if !events
        .iter()
        .any(|e| is_joint(&e.source) || is_joint(&e.target))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        if !is_joint(&e.source) && !is_joint(&e.target) {
            out.push(e);
            continue;
        }
        let sources = split(&e.source);
        let targets = split(&e.target);
        if sources.len() == 1 && targets.len() == 1 {
            out.push(e);
            continue;
        }
        for s in &sources {
            for t in &targets {
                let code = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone());
                if drop_self && s.is_some() && code(s) == code(t) {
                    continue;
                }
                let mut x = e.clone();
                x.source = s.clone();
                x.target = t.clone();
                out.push(x);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Span;

    fn actor(code: &str) -> Option<ActorRef> {
        Some(ActorRef {
            mention: code.into(),
            span: Span::new(0, 1),
            code: Some(code.into()),
            ..Default::default()
        })
    }

    fn event(s: &str, t: &str) -> Event {
        let book = crate::Codebook::embedded();
        let mut e = Event::new("e1", 0, "x", Span::new(0, 1), Span::new(0, 1), "041", book)
            .expect("041 is a CAMEO code");
        e.source = actor(s);
        e.target = actor(t);
        e
    }

    fn pairs(v: &[Event]) -> Vec<String> {
        let c = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone()).unwrap();
        v.iter()
            .map(|e| format!("{}>{}", c(&e.source), c(&e.target)))
            .collect()
    }

    #[test]
    fn joint_codes_give_one_event_per_member() {
        let out = expand(vec![event("FRO/BIL/SAM", "ELR/GAL")], true);
        assert_eq!(
            pairs(&out),
            ["FRO>ELR", "FRO>GAL", "BIL>ELR", "BIL>GAL", "SAM>ELR", "SAM>GAL"]
        );
        let out = expand(vec![event("GON", "OSG")], true);
        assert_eq!(pairs(&out), ["GON>OSG"]);
        // a member acting on itself is no event
        let out = expand(vec![event("FRO/BIL", "BIL")], true);
        assert_eq!(pairs(&out), ["FRO>BIL"]);
        assert_eq!(members("ARN"), None);
        // a joint code of one member is left as written, beside a plain one or a joint one
        let out = expand(vec![event("FRO/", "GON")], true);
        assert_eq!(pairs(&out), ["FRO/>GON"]);
        let out = expand(vec![event("FRO/", "ELR/GAL")], true);
        assert_eq!(pairs(&out), ["FRO>ELR", "FRO>GAL"]);
    }
}
