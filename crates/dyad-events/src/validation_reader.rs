//! Reader for PETRARCH validation files (`PETR.UnitTest.records.xml` and kin).
//!
//! A validation file has an `<Environment>` naming the dictionaries to code with, then
//! `<Sentence>` records, each with the expected `<EventCoding>`s, the `<Text>` and a
//! `<Parse>`; `<Config>` elements between records change options for the records after
//! them. The files are not all well-formed XML: `UniversalPetrarch_PETR2_GSR_validation.xml`
//! writes `<Sentence .../>` self-closed, with its codings, text and parse as siblings
//! followed by a stray `</Sentence>`. So the reader walks the flat event stream (quick-xml
//! with end-name checks off) instead of building a tree: a `Sentence` start opens a record,
//! and everything up to the next `Sentence` (or its end tag) belongs to it. That reads both
//! shapes the same way. Errors name the file and the byte offset.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;

use crate::discards::Discards;
use crate::error::{read_text, EventsError};
use crate::verb_dictionary::VerbDictionary;

/// One expected (or produced) coding: source actor code, target actor code, event code.
/// Actor codes are kept as written; a quoted one (`"INJURY TOLL"`) is a new actor that is
/// not in the dictionaries, named by its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// The `<Environment>` of a file: dictionaries, included categories, options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Environment {
    pub verb_files: Vec<String>,
    pub actor_files: Vec<String>,
    pub agent_files: Vec<String>,
    pub discard_files: Vec<String>,
    /// Categories to run (`<Include>`, without its leading `valid` keyword); empty = all.
    pub include: Vec<String>,
    /// Other elements (`Errorfile`, `PICOfile`, `Pause`...) by name.
    pub other: BTreeMap<String, String>,
    /// `<Config option=.. value=..>` given inside the environment.
    pub config: BTreeMap<String, String>,
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ValidationRecord {
    pub id: String,
    /// The `category` attribute (or `source`, which UniversalPetrarch's files use instead).
    pub category: String,
    /// `YYYYMMDD` as written.
    pub date: String,
    /// The `sentence` attribute (`false` marks records PETRARCH does not treat as a sentence).
    pub sentence: Option<bool>,
    /// The `evaluate` attribute of the GSR file.
    pub evaluate: Option<bool>,
    /// The `<Text>` with runs of white space (the file's line breaks) made single spaces.
    pub text: String,
    /// The `<Parse>` as given (Penn Treebank or CoNLL-U); dyad codes from `text` instead.
    pub parse: Option<String>,
    /// Expected codings; empty when `no_events` or `error` is set.
    pub expected: Vec<Coding>,
    /// `<EventCoding noevents="True">`: the record must produce nothing.
    pub no_events: bool,
    /// `<EventCoding error="...">`: PETRARCH is expected to reject the input for this reason.
    pub error: Option<String>,
    /// How many `<EventCoding>` elements the record has (codings, `noevents` and `error`).
    pub coding_elements: usize,
    /// Options in force for this record (environment plus the `<Config>`s before it).
    pub config: BTreeMap<String, String>,
    /// Byte offset of the record's `<Sentence` tag in the file.
    pub offset: u64,
}

/// A whole validation file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ValidationFile {
    pub file: String,
    pub environment: Environment,
    pub records: Vec<ValidationRecord>,
}

impl ValidationFile {
    pub fn read(path: &Path) -> Result<ValidationFile, EventsError> {
        let text = read_text(path)?;
        ValidationFile::parse(&text, &path.display().to_string())
    }

    /// Parse the text of a validation file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<ValidationFile, EventsError> {
        parse(text, file)
    }

    /// The records whose category the environment includes (all when it names none).
    pub fn included(&self) -> impl Iterator<Item = &ValidationRecord> {
        let inc = &self.environment.include;
        self.records
            .iter()
            .filter(move |r| inc.is_empty() || inc.contains(&r.category))
    }

    /// Find a dictionary the environment names: the first of `dirs` that holds it.
    pub fn find_dictionary(name: &str, dirs: &[&Path]) -> Option<PathBuf> {
        dirs.iter().map(|d| d.join(name)).find(|p| p.is_file())
    }

    /// The discard list the environment names, read from the first of `dirs` holding it;
    /// PETRARCH2's `Phoenix.discards.txt` falls back to the copy compiled into dyad. `None`
    /// when the environment names none or a list that is nowhere to be found, as PETRARCH
    /// then codes without discards.
    pub fn discards(&self, dirs: &[&Path]) -> Result<Option<Discards>, EventsError> {
        for name in &self.environment.discard_files {
            match ValidationFile::find_dictionary(name, dirs) {
                Some(p) => return Discards::read(&p).map(Some),
                None if name == "Phoenix.discards.txt" => return Ok(Some(Discards::phoenix())),
                None => {}
            }
        }
        Ok(None)
    }

    /// The verb dictionary the environment names, read leniently from the first of `dirs`
    /// holding it; PETRARCH2's `CAMEO.2.0.txt` falls back to the copy compiled into dyad.
    pub fn verb_dictionary(
        &self,
        dirs: &[&Path],
    ) -> Result<Cow<'static, VerbDictionary>, EventsError> {
        let name = match self.environment.verb_files.as_slice() {
            [one] => one,
            [] => {
                return Err(EventsError::xml(
                    &self.file,
                    0,
                    "the <Environment> names no <Verbfile>",
                ))
            }
            more => {
                return Err(EventsError::xml(
                    &self.file,
                    0,
                    format!(
                        "the <Environment> names {} verb files; dyad reads one",
                        more.len()
                    ),
                ))
            }
        };
        match ValidationFile::find_dictionary(name, dirs) {
            Some(p) => Ok(Cow::Owned(VerbDictionary::read_lenient(&p)?)),
            None if name == "CAMEO.2.0.txt" => Ok(Cow::Borrowed(VerbDictionary::cameo())),
            None => Err(EventsError::xml(
                &self.file,
                0,
                format!("verb dictionary {name} not found in {dirs:?}"),
            )),
        }
    }

    /// `<EventCoding>` elements over all records, including `noevents` and `error` ones.
    pub fn coding_elements(&self) -> usize {
        self.records.iter().map(|r| r.coding_elements).sum()
    }

    /// Expected codings over all records (each `<EventCoding>` with an event code).
    pub fn expected_codings(&self) -> usize {
        self.records.iter().map(|r| r.expected.len()).sum()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Text,
    Parse,
    Env,
}

fn parse(text: &str, file: &str) -> Result<ValidationFile, EventsError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    reader.config_mut().allow_unmatched_ends = true;
    let mut out = ValidationFile {
        file: file.to_string(),
        ..Default::default()
    };
    let mut config: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<ValidationRecord> = None;
    let mut capture: Option<(Field, String, String)> = None; // field, element name, text
    let mut in_env = false;
    loop {
        let offset = pos(reader.buffer_position());
        let ev = reader.read_event().map_err(|e| {
            EventsError::xml(
                file,
                pos(reader.error_position()),
                format!("malformed XML: {e}"),
            )
        })?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match name.as_str() {
                    "Environment" => in_env = !empty,
                    "Sentence" => {
                        if let Some(r) = current.take() {
                            out.records.push(r);
                        }
                        current = Some(record(e, file, offset, &config)?);
                    }
                    "EventCoding" => {
                        let r = current.as_mut().ok_or_else(|| {
                            EventsError::xml(file, offset, "<EventCoding> outside a <Sentence>")
                        })?;
                        event_coding(e, file, offset, r)?;
                    }
                    "Config" => {
                        let a = attrs(e, file, offset)?;
                        let (Some(opt), Some(val)) = (a.get("option"), a.get("value")) else {
                            return Err(EventsError::xml(
                                file,
                                offset,
                                "<Config> needs option and value",
                            ));
                        };
                        if in_env {
                            out.environment.config.insert(opt.clone(), val.clone());
                        }
                        config.insert(opt.clone(), val.clone());
                    }
                    "Text" | "Parse" if !empty => {
                        let f = if name == "Text" {
                            Field::Text
                        } else {
                            Field::Parse
                        };
                        capture = Some((f, name, String::new()));
                    }
                    _ if in_env && !empty => capture = Some((Field::Env, name, String::new())),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, _, buf)) = capture.as_mut() {
                    let s = t.unescape().map_err(|e| {
                        EventsError::xml(file, offset, format!("bad character reference: {e}"))
                    })?;
                    buf.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some((_, _, buf)) = capture.as_mut() {
                    buf.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = String::from_utf8_lossy(name.as_ref());
                if matches!(&capture, Some((_, n, _)) if *n == name) {
                    let (field, name, buf) = capture.take().expect("matched above");
                    match field {
                        Field::Text | Field::Parse => {
                            let r = current.as_mut().ok_or_else(|| {
                                EventsError::xml(
                                    file,
                                    offset,
                                    format!("<{name}> outside a <Sentence>"),
                                )
                            })?;
                            if field == Field::Text {
                                r.text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
                            } else {
                                r.parse = Some(buf.trim().to_string());
                            }
                        }
                        Field::Env => environment_field(&mut out.environment, &name, buf.trim()),
                    }
                } else if name == "Environment" {
                    in_env = false;
                } else if name == "Sentence" {
                    if let Some(r) = current.take() {
                        out.records.push(r);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some((_, name, _)) = capture {
        return Err(EventsError::xml(
            file,
            text.len() as u64,
            format!("<{name}> is never closed"),
        ));
    }
    if let Some(r) = current.take() {
        out.records.push(r);
    }
    Ok(out)
}

fn pos<T: TryInto<u64>>(p: T) -> u64 {
    p.try_into().unwrap_or(u64::MAX)
}

fn environment_field(env: &mut Environment, name: &str, value: &str) {
    let list = || -> Vec<String> {
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    match name {
        "Verbfile" => env.verb_files = list(),
        "Actorfile" => env.actor_files = list(),
        "Agentfile" => env.agent_files = list(),
        "Discardfile" => env.discard_files = list(),
        "Include" => {
            env.include = value
                .split_whitespace()
                .filter(|w| !w.eq_ignore_ascii_case("valid"))
                .map(str::to_string)
                .collect()
        }
        _ => {
            env.other.insert(name.to_string(), value.to_string());
        }
    }
}

fn attrs(e: &BytesStart, file: &str, offset: u64) -> Result<BTreeMap<String, String>, EventsError> {
    let mut out = BTreeMap::new();
    for a in e.attributes() {
        let a = a.map_err(|err| EventsError::xml(file, offset, format!("bad attribute: {err}")))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .unescape_value()
            .map_err(|err| EventsError::xml(file, offset, format!("bad attribute {key}: {err}")))?;
        out.insert(key, value.into_owned());
    }
    Ok(out)
}

fn flag(v: Option<&String>) -> Option<bool> {
    v.map(|s| s.trim().eq_ignore_ascii_case("true"))
}

fn record(
    e: &BytesStart,
    file: &str,
    offset: u64,
    config: &BTreeMap<String, String>,
) -> Result<ValidationRecord, EventsError> {
    let a = attrs(e, file, offset)?;
    let id = a
        .get("id")
        .cloned()
        .ok_or_else(|| EventsError::xml(file, offset, "<Sentence> without an id"))?;
    Ok(ValidationRecord {
        id,
        // UniversalPetrarch's files name the category `source`.
        category: a
            .get("category")
            .or_else(|| a.get("source"))
            .cloned()
            .unwrap_or_default(),
        date: a.get("date").cloned().unwrap_or_default(),
        sentence: flag(a.get("sentence")),
        evaluate: flag(a.get("evaluate")),
        config: config.clone(),
        offset,
        ..Default::default()
    })
}

fn event_coding(
    e: &BytesStart,
    file: &str,
    offset: u64,
    r: &mut ValidationRecord,
) -> Result<(), EventsError> {
    let a = attrs(e, file, offset)?;
    r.coding_elements += 1;
    if let Some(err) = a.get("error") {
        r.error = Some(err.clone());
        return Ok(());
    }
    if a.contains_key("noevents") {
        r.no_events = true;
        return Ok(());
    }
    let get = |k: &str| {
        a.get(k).cloned().ok_or_else(|| {
            EventsError::xml(
                file,
                offset,
                format!("<EventCoding> of record {} without {k}", r.id),
            )
        })
    };
    let coding = Coding {
        source: get("sourcecode")?,
        target: get("targetcode")?,
        code: get("eventcode")?,
    };
    r.expected.push(coding);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<Validation>
# free text outside elements, as in the GSR file
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>A.txt, B.txt</Actorfile>
    <Include>valid DEMO VERB</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date = "19950101" id ="DEMO-00" category="DEMO" sentence="true">
<!-- comment with <actor> tags -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"/>
<Text>
Arnor is about to restore  ties
with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence category="AFP" date="20080804" id="X_1" evaluate="true"/>
<EventCoding noevents="True"/>
<Text>Nothing here.</Text>
<Parse>1	Nothing</Parse></Sentence>
<Sentence category="ERROR" date="20080804" id="X_2">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_both_record_shapes() {
        let f = ValidationFile::parse(SMALL, "small.xml").unwrap();
        assert_eq!(f.environment.verb_files, ["PETR.Validate.verbs.txt"]);
        assert_eq!(f.environment.actor_files, ["A.txt", "B.txt"]);
        assert_eq!(f.environment.include, ["DEMO", "VERB"]);
        assert_eq!(f.environment.config["stop_on_error"], "True");
        assert_eq!(f.records.len(), 3);
        let r = &f.records[0];
        assert_eq!(
            (r.id.as_str(), r.category.as_str(), r.date.as_str()),
            ("DEMO-00", "DEMO", "19950101")
        );
        assert_eq!(
            r.text,
            "Arnor is about to restore ties with Gondor & Rohan."
        );
        assert_eq!(r.expected.len(), 2);
        assert_eq!(r.expected[1].source, "\"INJURY TOLL\"");
        assert_eq!(r.sentence, Some(true));
        assert!(!r.config.contains_key("require_dyad"));
        assert_eq!(
            &SMALL[r.offset as usize..r.offset as usize + 9],
            "<Sentence"
        );
        let r = &f.records[1];
        assert!(r.no_events && r.expected.is_empty());
        assert_eq!(r.parse.as_deref(), Some("1\tNothing"));
        assert_eq!(r.config["require_dyad"], "false");
        assert_eq!(r.evaluate, Some(true));
        assert_eq!(f.records[2].error.as_deref(), Some("bad_input_parse"));
        assert_eq!(f.included().count(), 1);
        assert_eq!(f.expected_codings(), 2);
        assert_eq!(f.coding_elements(), 4);
    }

    #[test]
    fn errors_name_file_and_offset() {
        let bad = "<Validation><Sentence id=\"a\"><EventCoding sourcecode=\"A\" eventcode=\"01\"/></Sentence></Validation>";
        let e = ValidationFile::parse(bad, "v.xml").unwrap_err().to_string();
        assert_eq!(
            e,
            "v.xml: byte 29: <EventCoding> of record a without targetcode"
        );
        let e = ValidationFile::parse("<Validation><EventCoding/>", "v.xml")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "v.xml: byte 12: <EventCoding> outside a <Sentence>");
        let e = ValidationFile::parse("<V><Sentence category=\"x\"></Sentence></V>", "v.xml")
            .unwrap_err();
        assert_eq!(e.to_string(), "v.xml: byte 3: <Sentence> without an id");
        let e = ValidationFile::parse("<V><Sentence id=\"a\"><Text>abc", "v.xml").unwrap_err();
        assert!(e.to_string().contains("<Text> is never closed"), "{e}");
        let e = ValidationFile::parse(
            "<V><Sentence id=\"a\"><Text>a &bogus; b</Text></Sentence></V>",
            "v.xml",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("v.xml: byte "), "{e}");
        let e = ValidationFile::parse("<V><Sentence id=\"a\" x=></V>", "v.xml").unwrap_err();
        assert!(e.to_string().starts_with("v.xml: byte "), "{e}");
    }
}
