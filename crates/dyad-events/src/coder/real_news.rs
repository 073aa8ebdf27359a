//! Readings that real news needs and PETRARCH's test sentences never exercised: what a
//! clause states as unreal (a condition, a counterfactual), verbs whose subject suffers
//! rather than acts ("died"), opinions ("I think ..."), the one clause a date belongs to,
//! and products named by their maker ("a Volvo").

use dyad_core::calendar::Day;
use dyad_core::Document;

use crate::clause_tree::{lemma, rel as deprel, Tree};
use crate::event::{ActorRef, Event};
use crate::event_date::day_words;

/// Verbs whose subject undergoes what happens ("two victims *died*"): the subject is who
/// suffered it, never the one who did it.
const UNDERGOERS: &[&str] = &["die", "perish", "drown", "starve"];

/// True when the clause of verb `v` has an undergoer verb.
pub(super) fn undergoer(tree: &Tree, v: usize) -> bool {
    UNDERGOERS.contains(&lemma(tree.token(v)).as_str())
}

/// Prepositions that say where something happened, not who did it ("died *at* the
/// hospital", "*near* the border").
pub(super) fn locative(prep: &str) -> bool {
    matches!(
        prep.to_lowercase().as_str(),
        "at" | "in" | "near" | "on" | "inside" | "outside" | "outside of"
    )
}

/// True when a phrase with preposition `prep` names a role its clause's subject holds or
/// held ("served *as* district attorney", "rose to fame *as* a critic of Putin"), never
/// a party the act was aimed at.
pub(super) fn role_phrase(prep: &str) -> bool {
    prep.eq_ignore_ascii_case("as")
}

/// True when verb `v` states something unreal: the condition of a conditional ("*if* she
/// had stayed", "*unless* he returned") or a counterfactual, a modal with the perfect
/// ("we *could have* found forgiveness", "she'*d have* stayed").
pub(super) fn hypothetical(tree: &Tree, v: usize) -> bool {
    // a conjunct shares its head's condition ("if she had stayed *and faced* us")
    if deprel(tree.token(v)) == "conj" {
        if let Some(h) = tree.head(v).filter(|&h| h != v) {
            if unreal(tree, h) {
                return true;
            }
        }
    }
    unreal(tree, v)
}

fn unreal(tree: &Tree, v: usize) -> bool {
    let kids = tree.dependents(v);
    let condition = kids.iter().any(|&k| {
        let t = tree.token(k);
        deprel(t) == "mark" && matches!(lemma(t).as_str(), "if" | "unless")
    });
    let aux = |k: &usize| deprel(tree.token(*k)) == "aux";
    let modal = kids.iter().filter(|k| aux(k)).any(|&k| {
        let w = tree.token(k).text.to_lowercase();
        matches!(w.as_str(), "could" | "would" | "might" | "'d" | "’d")
    });
    let perfect = kids
        .iter()
        .filter(|k| aux(k))
        .any(|&k| tree.token(k).text.eq_ignore_ascii_case("have"));
    condition || (modal && perfect)
}

/// Verbs of opinion: with a clausal complement ("I *think* everybody's sympathies are with
/// the family") they state a view, not an act.
const OPINION_VERBS: &[&str] = &["think", "feel", "guess", "suppose", "reckon"];

/// True when verb `v` is a verb of opinion with a clausal complement.
pub(super) fn opinion(tree: &Tree, v: usize) -> bool {
    OPINION_VERBS.contains(&lemma(tree.token(v)).as_str())
        && tree
            .dependents(v)
            .iter()
            .any(|&k| deprel(tree.token(k)) == "ccomp")
}

/// Verbs of wish and expectation: what their clause says is hoped for, not done ("I
/// hope that Gondor will engage with Arnor").
const WISH_VERBS: &[&str] = &["hope", "wish", "want", "expect", "pray"];

/// True when verb `v` is a verb of wish or expectation.
pub(super) fn wish(tree: &Tree, v: usize) -> bool {
    WISH_VERBS.contains(&lemma(tree.token(v)).as_str())
}

/// Verbs that also name ("called the crisis *the worst*", "a group *called* the Sea Org").
const NAMING_VERBS: &[&str] = &["call", "name", "dub", "label", "term"];

/// True when verb `v` names or labels something rather than acts: a naming verb with a
/// nominal or adjectival predicate of its object ("called X's admission *a maneuver*") or
/// a participle naming the noun it modifies ("a group *called* the Sea Org").
pub(super) fn naming(tree: &Tree, v: usize) -> bool {
    if !NAMING_VERBS.contains(&lemma(tree.token(v)).as_str()) {
        return false;
    }
    // "called off the strike" is no naming
    if tree
        .dependents(v)
        .iter()
        .any(|&k| deprel(tree.token(k)) == "compound:prt")
    {
        return false;
    }
    let participle = deprel(tree.token(v)) == "acl";
    let predicate = tree.dependents(v).iter().any(|&k| {
        let t = tree.token(k);
        let nominal = matches!(t.upos.as_deref(), Some("NOUN" | "PROPN" | "ADJ" | "PRON"));
        k > v && nominal && matches!(deprel(t), "xcomp" | "obl:unmarked" | "obl:npmod")
    });
    participle || predicate
}

/// True when verb `v` is coordinated under verb `h` ("come back *and engage*").
pub(super) fn conjunct_of(tree: &Tree, v: usize, h: usize) -> bool {
    v != h && deprel(tree.token(v)) == "conj" && tree.head(v) == Some(h)
}

/// True when the verb's own subject was passive ("a coalition *which was joined* by
/// Arnor, Gondor and Rohan"), whatever the clause builder turned it into.
pub(super) fn passive_voice(tree: &Tree, v: usize) -> bool {
    tree.dependents(v)
        .iter()
        .any(|&k| matches!(deprel(tree.token(k)), "aux:pass" | "nsubj:pass"))
}

/// The day an event of verb `v` took place: a day named in its own clause ("Late on
/// Sunday, X announced ... after Gondor began an offensive *on Wednesday*": the offensive
/// is Wednesday's), else the nearest governing clause's, else the sentence's first.
/// `verbs` are the sentence's clause verbs; `future` reads a bare weekday ahead.
pub(super) fn event_day(
    tree: &Tree,
    verbs: &[usize],
    v: usize,
    today: Day,
    future: bool,
) -> Option<Day> {
    let words = day_words(tree.tokens(), today, future);
    if words.is_empty() {
        return None;
    }
    // the clause each day word stands in: its nearest verb above
    let clause_of = |t: usize| above(tree, t).find(|h| verbs.contains(h));
    let placed: Vec<(Option<usize>, Day)> = words.iter().map(|&(i, d)| (clause_of(i), d)).collect();
    // the verb itself, then its governors
    std::iter::once(v)
        .chain(above(tree, v))
        .find_map(|c| placed.iter().find(|(k, _)| *k == Some(c)).map(|&(_, d)| d))
        .or_else(|| words.first().map(|&(_, d)| d))
}

/// The heads above token `t`, nearest first (at most 64: a malformed parse may loop).
fn above<'t>(tree: &'t Tree, t: usize) -> impl Iterator<Item = usize> + 't {
    std::iter::successors(tree.head(t), move |&h| tree.head(h)).take(64)
}

/// True when `a` is a news medium or its people (sector `MED`: "reporters", "NBC News").
pub(super) fn media(a: Option<&ActorRef>) -> bool {
    a.and_then(|a| a.code.as_deref())
        .is_some_and(|c| c.ends_with("MED"))
}

/// True when an event of `code` between `source` and `target` is the press at work: a
/// statement to a medium (010); a statement (01), consultation (04) or material help (06)
/// given to a news outlet (not a journalist); a consultation an outlet starts. Praise, demands, criticism, threats, arrests and
/// bans of or by the press stay events.
pub(super) fn press_work(code: &str, source: Option<&ActorRef>, target: Option<&ActorRef>) -> bool {
    if code == "010" && media(target) {
        return true;
    }
    // an outlet, not a journalist: what is done to a reporter ("accepted responsibility
    // for the killing of the journalist") is an event
    let outlet = |a: Option<&ActorRef>| {
        media(a) && a.and_then(|a| a.extra.get("kind")).and_then(|k| k.as_str()) != Some("person")
    };
    match code.get(..2) {
        // an interview either way: "spoke with Wikinews", "Wikinews contacted Lusk"
        Some("04") => outlet(source) != outlet(target),
        // said to or helped by its source: "provided Wikinews with an image" (a paper that
        // restores diplomatic ties, as PETRARCH's unit tests have it, stays an event)
        Some("01" | "06") => outlet(target) && !outlet(source),
        _ => false,
    }
}

/// True when `a` names a product by its maker, not the company acting: a business after
/// an article ("struck by *a Volvo*", "*the* Volvo had come from the base") or naming the
/// model it modifies ("a *Volvo* XC90", "a *Boeing* 737").
pub(super) fn product(doc: &Document, a: &ActorRef) -> bool {
    let sector = a.extra.get("sector").and_then(|s| s.as_str());
    // a name, not a role noun ("*the company* said" is the company)
    let name = a.mention.chars().next().is_some_and(char::is_uppercase);
    if sector != Some("BUS") || !name {
        return false;
    }
    let toks = &doc.tokens;
    let Some(first) = toks.iter().position(|t| t.span.start == a.span.start) else {
        return false;
    };
    let Some(last) = toks[first..]
        .iter()
        .position(|t| t.span.end >= a.span.end)
        .map(|k| first + k)
    else {
        return false;
    };
    let article = first
        .checked_sub(1)
        .is_some_and(|p| matches!(toks[p].text.as_str(), "a" | "an" | "the" | "A" | "An"));
    let model = deprel(&toks[last]) == "compound"
        && toks[last].head.is_some_and(|h| {
            h > last
                && (toks[h].text.chars().any(|c| c.is_ascii_digit())
                    || toks[h].upos.as_deref() == Some("NUM"))
        });
    article || model
}

/// One report of each act at a trigger: an event repeated with the same code, source and
/// target is dropped, and so is one without a target beside the same source's event with
/// one ("Gondor began an offensive into Mordor" is Gondor against Mordor, not also Gondor
/// against no one).
pub(super) fn one_per_trigger(events: Vec<Event>) -> Vec<Event> {
    fn key(a: &Option<ActorRef>) -> Option<(dyad_core::Span, Option<&str>)> {
        a.as_ref().map(|a| (a.span, a.code.as_deref()))
    }
    let mut keep = vec![true; events.len()];
    for (i, e) in events.iter().enumerate() {
        keep[i] = !events.iter().enumerate().any(|(j, f)| {
            j != i
                && f.trigger == e.trigger
                && f.cameo == e.cameo
                && f.negated == e.negated
                && key(&f.source) == key(&e.source)
                && if e.target.is_none() {
                    f.target.is_some()
                } else {
                    // the first of identical events stays
                    j < i && key(&f.target) == key(&e.target)
                }
        });
    }
    events
        .into_iter()
        .zip(keep)
        .filter_map(|(e, k)| k.then_some(e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Span;

    fn event(trigger: usize, source: &str, target: Option<&str>) -> Event {
        let actor = |c: &str, at: usize| ActorRef {
            mention: c.into(),
            span: Span::new(at, at + 1),
            code: Some(c.into()),
            ..Default::default()
        };
        let t = Span::new(trigger, trigger + 1);
        let mut e = Event::bare("", 0, "", t, t, "190", 4);
        e.source = Some(actor(source, 0));
        e.target = target.map(|t| actor(t, 50));
        e
    }

    #[test]
    fn one_report_of_each_act_at_a_trigger() {
        let got = one_per_trigger(vec![
            event(10, "GON", None),
            event(10, "GON", Some("MOR")),
            event(10, "GON", Some("MOR")),
            event(20, "GON", None),
        ]);
        let t: Vec<(usize, bool)> = got
            .iter()
            .map(|e| (e.trigger.start, e.target.is_some()))
            .collect();
        assert_eq!(t, vec![(10, true), (20, false)]);
    }
}
