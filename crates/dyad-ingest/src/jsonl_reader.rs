//! The JSON Lines reader: one article per line, as a JSON object.
//!
//! Field names are configurable ([`ReaderConfig`]: `text`, `title`, `date`, `url` by default),
//! since every corpus names them differently. A line that is not a JSON object, or lacks a
//! string text field, is an error item naming the file and the line, and reading goes on with
//! the next line; blank lines are skipped. A text that is HTML (by [`HtmlMode`]) goes through
//! the HTML extractor. Records are produced lazily, one per `next()`, so a large file is
//! extracted as it is consumed.

use dyad_core::{DocMeta, Span};
use serde_json::{Map, Value};

use crate::decode::Decoded;
use crate::error::{ErrorKind, ReadError};
use crate::html_reader::{check_depth, extract_html, looks_like_html};
use crate::text_reader::parse_dateline;
use crate::{HtmlMode, RawDocument, ReadItem, ReaderConfig};

/// Iterates over the records of a decoded JSON Lines input.
pub struct JsonlReader {
    source: String,
    text: String,
    pos: usize,
    line_no: usize,
    cfg: ReaderConfig,
    /// Warnings of the decoding of the whole input, given to every record.
    warnings: Vec<String>,
}

impl JsonlReader {
    pub fn new(source: &str, decoded: Decoded, cfg: &ReaderConfig) -> JsonlReader {
        JsonlReader {
            source: source.to_string(),
            text: decoded.text,
            pos: 0,
            line_no: 0,
            cfg: cfg.clone(),
            warnings: decoded.warnings,
        }
    }

    fn record(&self, line: &str) -> ReadItem {
        let at = format!("line {}", self.line_no);
        let err = |kind, msg: String| ReadError::at(&self.source, at.clone(), kind, msg);
        let mut obj: Map<String, Value> = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => o,
            Ok(other) => {
                return Err(err(
                    ErrorKind::Json,
                    format!("expected a JSON object, found {}", json_type(&other)),
                ))
            }
            Err(e) => return Err(err(ErrorKind::Json, format!("expected a JSON object: {e}"))),
        };
        let field = |name: &str| obj.get(name).and_then(Value::as_str).map(str::to_string);
        let cfg = &self.cfg;
        let title = field(&cfg.title_field).filter(|s| !s.trim().is_empty());
        let date = field(&cfg.date_field).filter(|s| !s.trim().is_empty());
        let url = field(&cfg.url_field).filter(|s| !s.trim().is_empty());
        // the text, the bulk of the line, is taken out of the parsed object, not copied
        let text_value = obj.remove(&cfg.text_field);
        let Some(Value::String(raw_text)) = text_value else {
            let what = if text_value.is_some() {
                "is not a string"
            } else {
                "is missing"
            };
            return Err(err(
                ErrorKind::Json,
                format!(
                    "the text field `{}` {what}; set the text field name if it is called otherwise",
                    cfg.text_field
                ),
            ));
        };
        let mut meta = DocMeta {
            format: "jsonl".into(),
            record: Some(at.clone()),
            title,
            date,
            url,
            ..DocMeta::new(&self.source, line.as_bytes())
        };
        let mut warnings = self.warnings.clone();
        let is_html = match cfg.jsonl_html {
            HtmlMode::Always => true,
            HtmlMode::Never => false,
            HtmlMode::Detect => looks_like_html(raw_text.trim_start()),
        };
        let text = if is_html {
            check_depth(&meta.source, meta.record.as_deref(), &raw_text)?;
            let x = extract_html(&raw_text, meta.url.as_deref());
            meta.title = meta.title.or(x.title);
            meta.date = meta.date.or(x.date);
            meta.author = x.author;
            meta.language = x.language;
            meta.url = meta.url.or(x.url);
            warnings.extend(x.warnings);
            x.text
        } else {
            raw_text
        };
        if text.trim().is_empty() {
            return Err(err(
                ErrorKind::Empty,
                format!("the text field `{}` is empty", cfg.text_field),
            ));
        }
        let lead = text.len() - text.trim_start().len();
        let mut start = lead;
        if let Some((place, agency, len)) = parse_dateline(&text[lead..]) {
            meta.dateline = Some(place);
            meta.agency = agency;
            start += len;
        }
        let end = text.trim_end().len().max(start);
        Ok(RawDocument {
            meta,
            body: Span::new(start, end),
            text,
            warnings,
        })
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for JsonlReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        while self.pos < self.text.len() {
            let start = self.pos;
            let rest = &self.text[start..];
            let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let end = start + rest[..len].trim_end_matches(['\n', '\r']).len();
            self.pos += len;
            self.line_no += 1;
            let line = &self.text[start..end];
            if line.trim().is_empty() {
                continue;
            }
            return Some(self.record(line));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str, cfg: &ReaderConfig) -> Vec<ReadItem> {
        let d = Decoded {
            text: input.to_string(),
            encoding: "UTF-8",
            warnings: vec![],
        };
        JsonlReader::new("in.jsonl", d, cfg).collect()
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = "{\"text\": \"First story.\", \"title\": \"One\", \"date\": \"2021-03-25\", \"url\": \"http://a/1\"}\n\
                     [1, 2]\n\
                     \n\
                     {\"body\": \"no text field\"}\n\
                     {not json\n\
                     {\"text\": \"LONDON (Reuters) - Second story.\"}\n";
        let items = read(input, &ReaderConfig::default());
        assert_eq!(items.len(), 5);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.text, "First story.");
        assert_eq!(first.meta.title.as_deref(), Some("One"));
        assert_eq!(first.meta.date.as_deref(), Some("2021-03-25"));
        assert_eq!(first.meta.url.as_deref(), Some("http://a/1"));
        assert_eq!(first.meta.record.as_deref(), Some("line 1"));
        assert_eq!(first.meta.format, "jsonl");
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.jsonl: line 2: expected a JSON object, found an array"
        );
        let e = items[2].as_ref().unwrap_err();
        assert!(
            e.to_string()
                .starts_with("in.jsonl: line 4: the text field `text` is missing"),
            "{e}"
        );
        let e = items[3].as_ref().unwrap_err();
        assert!(
            e.to_string()
                .starts_with("in.jsonl: line 5: expected a JSON object"),
            "{e}"
        );
        let last = items[4].as_ref().unwrap();
        assert_eq!(last.meta.record.as_deref(), Some("line 6"));
        assert_eq!(last.meta.agency.as_deref(), Some("Reuters"));
        assert_eq!(last.body_text(), "Second story.");
        assert_eq!(
            last.meta.id,
            dyad_core::content_id(b"{\"text\": \"LONDON (Reuters) - Second story.\"}")
        );
    }

    #[test]
    fn field_names_are_configurable_and_html_is_extracted() {
        let cfg = ReaderConfig {
            text_field: "content".into(),
            title_field: "headline".into(),
            ..ReaderConfig::default()
        };
        let para = "The foreign ministers met in Brussels on Thursday and agreed to work together on climate and trade. ";
        let html = format!(
            "<html><head><title>T</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><p>{}</p><p>{}</p></article></body></html>",
            para.repeat(3),
            para.repeat(2)
        );
        let line = serde_json::json!({ "content": html, "headline": "Ministers meet" }).to_string();
        let items = read(&line, &cfg);
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.meta.title.as_deref(), Some("Ministers meet"));
        assert!(d.text.starts_with("The foreign ministers"), "{}", d.text);
        assert!(
            d.text.contains("\n\n"),
            "paragraphs are separated: {}",
            d.text
        );
        assert!(!d.text.contains("Home"));
        let never = ReaderConfig {
            jsonl_html: HtmlMode::Never,
            ..cfg
        };
        let d = read(&line, &never).remove(0).unwrap();
        assert!(d.text.starts_with("<html>"));
    }
}

#[cfg(test)]
mod depth_tests {
    use crate::{read_bytes, ErrorKind, ReaderConfig};

    /// Regression: HTML in a JSON Lines record skipped the nesting limit of HTML files.
    #[test]
    fn deeply_nested_html_record_is_refused_and_the_next_line_read() {
        let deep = format!("<html><body>{}x</body></html>", "<div>".repeat(5000));
        let input = format!(
            "{}\n{}\n",
            serde_json::json!({ "text": deep }),
            serde_json::json!({ "text": "Troops withdrew from the border on Friday." })
        );
        let items: Vec<_> =
            read_bytes("c.jsonl", input.into_bytes(), &ReaderConfig::default()).collect();
        assert_eq!(items.len(), 2);
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Html);
        assert_eq!(e.record.as_deref(), Some("line 1"));
        assert!(items[1].is_ok());
    }
}
