//! The `Event` record: what `dyad code` writes under `events`, one per coded event.
//!
//! Other tools read these records, so their shape is a contract: it is documented in
//! `docs/events.md`, described by `docs/schema/event.schema.json`, and a test here checks
//! that a serialized event and the schema agree key by key. Actors are kept loosely
//! coupled: [`ActorRef`] holds the few fields the event needs (mention, span, code) and
//! carries whatever else the actor coder (crate `dyad-actors`) adds through a flattened
//! map, so that crate can grow its record without this one changing. The codebook fields
//! (`root`, `quad_class`, `goldstein`, `plover`) are derived from `cameo` by
//! [`Event::new`], so they cannot disagree with the code.

use dyad_core::Span;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codebook::Codebook;
use crate::error::EventsError;

/// An actor as an event refers to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The words of the mention, as in the text.
    pub mention: String,
    /// Byte span of the mention in the document text.
    pub span: Span,
    /// The CAMEO actor code (`USAGOV`), when the actor is in the dictionaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Anything else the actor coder records (entity id, roles, country...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The PLOVER type and mode of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub event_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// Where the event happened, when the sentence or the dateline says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    /// Span of the place name in the document text; `None` when it comes from metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// ISO 3166 alpha-3 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// The dictionary pattern that produced an event: the evidence behind its code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternRef {
    /// The dictionary file, e.g. `data/events/CAMEO.2.0.txt`.
    pub dictionary: String,
    /// Line of the pattern in that file (of the verb line when the bare verb coded it).
    pub line: usize,
    /// The verb block's name.
    pub block: String,
    /// The pattern as written (`* (TO BORDER)`), empty when the bare verb coded the event.
    pub text: String,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique within the document, e.g. `e3`.
    pub id: String,
    /// Index of the sentence in the document's `sentences`.
    pub sentence: usize,
    /// The sentence's text.
    pub text: String,
    /// Byte span of the event's evidence (source to target, verb included).
    pub span: Span,
    /// Byte span of the verb (or event noun) that triggered the event.
    pub trigger: Span,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    /// CAMEO event code, 2 to 4 digits: `042`.
    pub cameo: String,
    /// Its two-digit root: `04`.
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein scale, -10..10.
    pub goldstein: f32,
    /// `None` for CAMEO roots 01 and 02, which PLOVER does not code.
    pub plover: Option<Plover>,
    /// The event is stated as not happening ("did not attack", "refused to meet").
    pub negated: bool,
    /// `YYYY-MM-DD`, from the sentence ("on Wednesday") against the document date.
    pub date: Option<String>,
    pub location: Option<Location>,
    /// 0..1: how sure the coder is.
    pub confidence: f32,
    pub pattern: Option<PatternRef>,
    /// Tone of the event's sentence (GDELT's tone scale: percent positive minus percent
    /// negative words), filled in by the pipeline from the knowledge-graph stage; null when
    /// that stage did not run.
    #[serde(default)]
    pub tone: Option<f64>,
}

impl Event {
    /// An event with the codebook fields filled from `cameo`; actors, date, location and
    /// pattern start empty, `negated` false and `confidence` 1. Fails if `cameo` is not a
    /// code of the codebook.
    pub fn new(
        id: impl Into<String>,
        sentence: usize,
        text: impl Into<String>,
        span: Span,
        trigger: Span,
        cameo: &str,
        book: &Codebook,
    ) -> Result<Event, EventsError> {
        let code = book
            .get(cameo)
            .ok_or_else(|| EventsError::UnknownCode(cameo.to_string()))?;
        let plover = code.plover.as_ref().map(|p| Plover {
            event_type: p.event_type.clone(),
            mode: p.mode.clone(),
            context: p.context.clone(),
        });
        let mut e = Event::bare(
            id,
            sentence,
            text,
            span,
            trigger,
            &code.code,
            code.quad_class,
        );
        e.root = code.root().to_string();
        e.goldstein = code.goldstein;
        e.plover = plover;
        Ok(e)
    }

    /// An event with the given code, its first two digits as root and the given quad class;
    /// no Goldstein score or PLOVER type, the other fields empty as in [`Event::new`]. For
    /// codes the codebook does not list (the WEIS-era codes of PETRARCH's test dictionaries).
    pub(crate) fn bare(
        id: impl Into<String>,
        sentence: usize,
        text: impl Into<String>,
        span: Span,
        trigger: Span,
        cameo: &str,
        quad_class: u8,
    ) -> Event {
        Event {
            id: id.into(),
            sentence,
            text: text.into(),
            span,
            trigger,
            source: None,
            target: None,
            cameo: cameo.to_string(),
            root: cameo.get(..2).unwrap_or(cameo).to_string(),
            quad_class,
            goldstein: 0.0,
            plover: None,
            negated: false,
            date: None,
            location: None,
            confidence: 1.0,
            pattern: None,
            tone: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Event {
        let book = Codebook::embedded();
        let text = "Blinken met Wilmes in Brussels on Wednesday.";
        let mut e = Event::new(
            "e1",
            0,
            text,
            Span::new(0, 18),
            Span::new(8, 11),
            "040",
            book,
        )
        .unwrap();
        let mut extra = Map::new();
        extra.insert("entity".into(), Value::String("leaders:USA:BLINKEN".into()));
        e.source = Some(ActorRef {
            mention: "Blinken".into(),
            span: Span::new(0, 7),
            code: Some("USAGOV".into()),
            extra,
        });
        e.target = Some(ActorRef {
            mention: "Wilmes".into(),
            span: Span::new(12, 18),
            code: Some("BELGOV".into()),
            extra: Map::new(),
        });
        e.date = Some("2021-03-24".into());
        e.location = Some(Location {
            name: "Brussels".into(),
            span: Some(Span::new(22, 30)),
            country: Some("BEL".into()),
            ..Default::default()
        });
        e.confidence = 0.9;
        e.pattern = Some(PatternRef {
            dictionary: "data/events/CAMEO.2.0.txt".into(),
            line: 5440,
            block: "MEET_PEOPLE".into(),
            text: String::new(),
        });
        e
    }

    #[test]
    fn codebook_fields_follow_the_code() {
        let e = example();
        assert_eq!((e.root.as_str(), e.quad_class, e.goldstein), ("04", 1, 1.0));
        let p = e.plover.as_ref().unwrap();
        assert_eq!(
            (p.event_type.as_str(), p.mode.as_deref()),
            ("CONSULT", None)
        );
        let book = Codebook::embedded();
        let e = Event::new("e2", 0, "", Span::default(), Span::default(), "042", book).unwrap();
        let p = e.plover.as_ref().unwrap();
        assert_eq!(
            (p.event_type.as_str(), p.mode.as_deref(), e.goldstein),
            ("CONSULT", Some("visit"), 1.9)
        );
        let e = Event::new("e2", 0, "", Span::default(), Span::default(), "106", book).unwrap();
        assert_eq!((e.goldstein, e.quad_class), (-5.0, 3));
        let e = Event::new("e3", 0, "", Span::default(), Span::default(), "013", book).unwrap();
        assert!(e.plover.is_none(), "root 01 has no PLOVER type");
        let err =
            Event::new("e4", 0, "", Span::default(), Span::default(), "999", book).unwrap_err();
        assert_eq!(err.to_string(), "unknown CAMEO event code \"999\"");
    }

    #[test]
    fn json_round_trip_and_shape() {
        let e = example();
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["span"], serde_json::json!([0, 18]));
        assert_eq!(
            v["source"]["entity"], "leaders:USA:BLINKEN",
            "extra actor fields flatten"
        );
        assert_eq!(v["plover"]["type"], "CONSULT");
        assert_eq!(v["cameo"], "040");
        assert!(
            v["plover"].get("mode").is_none(),
            "absent optional fields are not written"
        );
        let back: Event = serde_json::from_value(v).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn schema_file_describes_the_record() {
        let schema: Value =
            serde_json::from_str(include_str!("../../../docs/schema/event.schema.json")).unwrap();
        let props = schema["properties"].as_object().unwrap();
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let v = serde_json::to_value(example()).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        // every key written is described, every described key is written, all are required
        for k in &keys {
            assert!(props.contains_key(k.as_str()), "schema lacks {k}");
            assert!(required.contains(&k.as_str()), "{k} not required");
        }
        assert_eq!(props.len(), keys.len());
        // nested records: the schema's properties cover what is written
        let defs = &schema["$defs"];
        for (def, value) in [
            ("actor", &v["source"]),
            ("plover", &v["plover"]),
            ("location", &v["location"]),
            ("pattern", &v["pattern"]),
        ] {
            let p = defs[def]["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("$defs.{def}"));
            for k in value.as_object().unwrap().keys() {
                if def == "actor" && k == "entity" {
                    continue; // an extra field, allowed by additionalProperties
                }
                assert!(p.contains_key(k), "$defs.{def} lacks {k}");
            }
        }
        assert_eq!(defs["actor"]["additionalProperties"], Value::Bool(true));
        // every PLOVER type the codebook can produce is allowed by the schema
        let types = defs["plover"]["properties"]["type"]["enum"]
            .as_array()
            .unwrap();
        for c in Codebook::embedded().codes() {
            if let Some(p) = &c.plover {
                assert!(
                    types.contains(&Value::String(p.event_type.clone())),
                    "{}",
                    p.event_type
                );
            }
        }
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
    }
}
