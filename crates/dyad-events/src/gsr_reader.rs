//! Reader for `PLOVER_GSR_CAMEO.txt`: the CAMEO manual's example sentences coded in PLOVER.
//!
//! The file is a JSON array; each example has a `text`, the PLOVER `event` type (with
//! `mode`, `context` when given), `source` and `target` actor lists, and a `textInfo.markup`
//! copy of the sentence with in-line spans: `(SRC: Hungarian)`, `(TAR: ...)`,
//! `(SRC/TAR: ...)` for reciprocal actors, `(EVT: agreed)`, `(LOC: ...)`. The markup was
//! partly hand-edited, so 25 markups differ slightly from their `text` and one is malformed;
//! the reader therefore keeps the marks as byte spans into the markup's own plain text, and
//! [`GsrExample::marks_in_text`] finds each marked phrase in `text` when it is there. A
//! malformed markup is kept as a per-example error, not a failure of the whole file.
//!
//! The file codes PLOVER draft 0.6, whose type names differ from the 2021 table dyad maps
//! CAMEO to; [`plover_2021_type`] converts, so a coder's output can be scored against it.

use std::path::Path;

use dyad_core::Span;
use serde::Serialize;
use serde_json::Value;

use crate::error::{read_text, EventsError};

/// A role marked in the markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkRole {
    Source,
    Target,
    /// `SRC/TAR`: both, in a reciprocal event.
    SourceTarget,
    Event,
    Location,
    /// `SRC/LOC` and `TAR/LOC`: an actor that is also the place.
    SourceLocation,
    TargetLocation,
}

/// One marked phrase: its role and byte span in [`GsrExample::plain`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub role: MarkRole,
    pub span: Span,
}

/// An actor as the file codes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GsrActor {
    pub text: String,
    pub code: Option<String>,
    pub sector: Option<String>,
}

/// One coded example.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GsrExample {
    pub id: String,
    /// The PLOVER type as the file writes it (draft 0.6: `FIGHT`, `DEMAND`, ...).
    pub event: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub text: String,
    /// The words the coder marked as the event (`eventText`).
    pub event_text: String,
    pub sources: Vec<GsrActor>,
    pub targets: Vec<GsrActor>,
    /// The markup with its marks removed (usually equal to `text`).
    pub plain: String,
    pub marks: Vec<Mark>,
    /// Why the markup could not be read, if it could not.
    pub markup_error: Option<String>,
}

impl GsrExample {
    /// The marks located in `text`: each marked phrase searched for in order, from the end
    /// of the previous one found. `None` for phrases that the edited `text` does not contain.
    pub fn marks_in_text(&self) -> Vec<(MarkRole, Option<Span>)> {
        let mut from = 0;
        let mut out = Vec::new();
        let mut sorted: Vec<&Mark> = self.marks.iter().collect();
        sorted.sort_by_key(|m| m.span.start);
        for m in sorted {
            let phrase = &self.plain[m.span.start..m.span.end];
            let found = self.text[from..]
                .find(phrase)
                .map(|i| Span::new(from + i, from + i + phrase.len()));
            if let Some(s) = found {
                from = s.end;
            }
            out.push((m.role, found));
        }
        out
    }
}

/// The PLOVER 2021 type for a draft-0.6 type name; other names are returned unchanged.
pub fn plover_2021_type(t: &str) -> &str {
    match t {
        "FIGHT" => "ASSAULT",
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        other => other,
    }
}

/// Read the file; the `DOCUMENT` entry (file-level documentation) is skipped.
pub fn read_gsr(path: &Path) -> Result<Vec<GsrExample>, EventsError> {
    let text = read_text(path)?;
    parse_gsr(&text, &path.display().to_string())
}

/// Parse the text of a GSR file; `file` names it in errors.
pub fn parse_gsr(text: &str, file: &str) -> Result<Vec<GsrExample>, EventsError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        EventsError::line(
            file,
            e.line(),
            format!("column {}: not valid JSON: {e}", e.column()),
        )
    })?;
    let items = root
        .as_array()
        .ok_or_else(|| EventsError::line(file, 1, "expected a JSON array of examples"))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let str_of = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
        let id = str_of("id").unwrap_or_else(|| format!("#{i}"));
        let line = text
            .find(&format!("\"{id}\""))
            .map_or(1, |at| text[..at].lines().count());
        let err = |m: &str| EventsError::line(file, line, format!("example {id}: {m}"));
        let event = str_of("event").ok_or_else(|| err("no \"event\""))?;
        if event == "DOCUMENT" {
            continue;
        }
        let sentence = str_of("text").ok_or_else(|| err("no \"text\""))?;
        let markup = match item.get("textInfo") {
            Some(Value::Object(o)) => o.get("markup").and_then(Value::as_str).map(str::to_string),
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let (plain, marks, markup_error) = match markup {
            Some(m) => match parse_markup(&m) {
                Ok((plain, marks)) => (plain, marks, None),
                Err(e) => (sentence.clone(), Vec::new(), Some(e)),
            },
            None => (sentence.clone(), Vec::new(), Some("no markup".to_string())),
        };
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        out.push(GsrExample {
            id: id.clone(),
            event,
            mode: nonempty(str_of("mode")),
            context: nonempty(str_of("context")),
            event_text: str_of("eventText").unwrap_or_default(),
            sources: actors(item.get("source")),
            targets: actors(item.get("target")),
            text: sentence,
            plain,
            marks,
            markup_error,
        });
    }
    Ok(out)
}

fn actors(v: Option<&Value>) -> Vec<GsrActor> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let s = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
            Some(GsrActor {
                text: s("actorText")?,
                code: s("code"),
                sector: s("sector"),
            })
        })
        .collect()
}

/// Strip `(TAG: phrase)` marks, returning the plain text and the marks' spans in it.
/// Parentheses inside a phrase nest; plain parentheses outside marks are kept as text.
/// Two slips of the file are accepted: a markup wrapped in `{...}`, and a `}` typed for the
/// `)` that closes a mark.
pub fn parse_markup(markup: &str) -> Result<(String, Vec<Mark>), String> {
    let markup = match markup.strip_prefix('{').and_then(|m| m.strip_suffix('}')) {
        Some(inner) => inner,
        None => markup,
    };
    let mut plain = String::with_capacity(markup.len());
    let mut marks = Vec::new();
    // open marks: (role, start in plain, depth of plain parentheses inside it)
    let mut open: Vec<(MarkRole, usize, usize)> = Vec::new();
    let mut rest = markup;
    while let Some(c) = rest.chars().next() {
        if c == '(' {
            if let Some((role, len)) = mark_tag(rest) {
                open.push((role, plain.len(), 0));
                rest = rest[len..].trim_start_matches(' ');
                continue;
            }
            if let Some(top) = open.last_mut() {
                top.2 += 1;
            }
        } else if c == ')' || (c == '}' && open.last().is_some_and(|t| t.2 == 0)) {
            if let Some(top) = open.last_mut() {
                if top.2 == 0 {
                    let (role, start, _) = open.pop().expect("just seen");
                    marks.push(Mark {
                        role,
                        span: Span::new(start, plain.len()),
                    });
                    rest = &rest[1..];
                    continue;
                }
                top.2 -= 1;
            }
        } else if c == '{' || c == '}' {
            return Err(format!("stray '{c}' at byte {}", markup.len() - rest.len()));
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if let Some((role, start, _)) = open.last() {
        return Err(format!(
            "mark {role:?} opened at byte {start} of the plain text is never closed"
        ));
    }
    Ok((plain, marks))
}

/// `(SRC: ` and kin at the start of `s`: the role and the length of the tag.
fn mark_tag(s: &str) -> Option<(MarkRole, usize)> {
    const TAGS: [(&str, MarkRole); 7] = [
        ("(SRC/TAR:", MarkRole::SourceTarget),
        ("(SRC/LOC:", MarkRole::SourceLocation),
        ("(TAR/LOC:", MarkRole::TargetLocation),
        ("(SRC:", MarkRole::Source),
        ("(TAR:", MarkRole::Target),
        ("(EVT:", MarkRole::Event),
        ("(LOC:", MarkRole::Location),
    ];
    TAGS.iter()
        .find(|(t, _)| s.starts_with(t))
        .map(|(t, r)| (*r, t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_spans() {
        let (plain, marks) =
            parse_markup("The (SRC: Asia-Pacific Economic Cooperation) (APEC) forum has (EVT: agreed) in (TAR: Tokyo (Japan)).")
                .unwrap();
        assert_eq!(
            plain,
            "The Asia-Pacific Economic Cooperation (APEC) forum has agreed in Tokyo (Japan)."
        );
        let got: Vec<(MarkRole, &str)> = marks
            .iter()
            .map(|m| (m.role, &plain[m.span.start..m.span.end]))
            .collect();
        assert_eq!(
            got,
            [
                (MarkRole::Source, "Asia-Pacific Economic Cooperation"),
                (MarkRole::Event, "agreed"),
                (MarkRole::Target, "Tokyo (Japan)")
            ]
        );
        let (_, m) = parse_markup("(LOC:to (TAR: Bosnia)) x").unwrap();
        assert_eq!(m.len(), 2, "nested marks, tag without a space");
        let (plain, m) = parse_markup("{(EVT: has sent} 21}").unwrap();
        assert_eq!(
            (plain.as_str(), m[0].span),
            ("has sent 21", Span::new(0, 8))
        );
        assert!(parse_markup("a} b").unwrap_err().contains("stray '}'"));
        assert!(parse_markup("(EVT: sent")
            .unwrap_err()
            .contains("never closed"));
    }

    #[test]
    fn reads_examples_and_locates_marks_in_edited_text() {
        let json = r#"[
          {"id": "D", "event": "DOCUMENT", "eventText": "doc"},
          {"id": "A1", "event": "DEMAND", "mode": "", "context": "refugees", "eventText": "urged",
           "source": [{"actorText": "Kenya", "code": "KEN", "sector": "GOV"}], "target": "",
           "text": "Kenya urged Somalia to talk.",
           "textInfo": {"markup": "(SRC: Kenya) (EVT: urged) (TAR: Somalia) to talk."}},
          {"id": "A2", "event": "FIGHT", "text": "Bad markup.", "textInfo": "(EVT: Bad markup."}
        ]"#;
        let ex = parse_gsr(json, "g.txt").unwrap();
        assert_eq!(ex.len(), 2, "DOCUMENT skipped");
        let a = &ex[0];
        assert_eq!(
            (a.mode.as_deref(), a.context.as_deref()),
            (None, Some("refugees"))
        );
        assert_eq!(a.sources[0].code.as_deref(), Some("KEN"));
        assert!(a.targets.is_empty());
        assert_eq!(
            a.marks_in_text()[2],
            (MarkRole::Target, Some(Span::new(12, 19)))
        );
        assert_eq!(plover_2021_type(&a.event), "REQUEST");
        assert!(ex[1].markup_error.is_some() && ex[1].marks.is_empty());
        let e = parse_gsr("[{\"id\": 1,}", "g.txt").unwrap_err().to_string();
        assert!(e.starts_with("g.txt:1: column "), "{e}");
        let e = parse_gsr("[{\"id\": \"x\"}]", "g.txt")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "g.txt:1: example x: no \"event\"");
        let e = parse_gsr(
            "[\n{\"id\": \"a\", \"event\": \"AID\", \"text\": \"t\"},\n{\"id\": \"b\"}]",
            "g.txt",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(e, "g.txt:3: example b: no \"event\"");
    }
}
