//! Output sinks: where documents go and in which format, kept apart from the pipeline.
//!
//! Each document is rendered to one buffer and written with a single `write_all` followed by a
//! flush, so a run that is interrupted leaves only complete records behind: a JSON Lines file
//! is valid up to its last line, a TSV file up to its last row.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use clap::ValueEnum;
use dyad_core::Document;

use crate::pipeline::Annotated;

/// Output formats of `dyad read` and `dyad code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document record per line.
    Jsonl,
    /// A JSON array of document records, pretty-printed.
    Json,
    /// Tab-separated rows: one per document for `read`, one per token for `code`.
    Tsv,
}

/// Which TSV layout a sink writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    Documents,
    Tokens,
}

pub struct Sink {
    out: Box<dyn Write>,
    format: Format,
    rows: Rows,
    written: usize,
    buf: Vec<u8>,
}

impl Sink {
    /// A sink writing to `path`, or to standard output when `path` is `None` or `-`.
    pub fn create(path: Option<&Path>, format: Format, rows: Rows) -> Result<Sink> {
        let out: Box<dyn Write> = match path {
            Some(p) if p.as_os_str() != "-" => Box::new(
                File::create(p)
                    .with_context(|| format!("cannot create output file {}", p.display()))?,
            ),
            _ => Box::new(io::stdout()),
        };
        let mut sink = Sink {
            out,
            format,
            rows,
            written: 0,
            buf: Vec::with_capacity(1 << 16),
        };
        if format == Format::Tsv {
            let header = match rows {
                Rows::Documents => "id\tsource\trecord\tdate\ttitle\ttext\n",
                Rows::Tokens => {
                    "doc\tsentence\ttoken\tstart\tend\ttext\tlemma\tupos\txpos\thead\tdeprel\n"
                }
            };
            sink.emit(header.as_bytes().to_vec())?;
        }
        if format == Format::Json {
            sink.emit(b"[\n".to_vec())?;
        }
        Ok(sink)
    }

    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes one document, whole.
    pub fn write(&mut self, annotated: &Annotated) -> Result<()> {
        let doc = &annotated.doc;
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut buf, &annotated.record())?;
                buf.push(b'\n');
            }
            Format::Json => {
                if self.written > 0 {
                    buf.extend_from_slice(b",\n");
                }
                serde_json::to_writer_pretty(&mut buf, &annotated.record())?;
            }
            Format::Tsv => match self.rows {
                Rows::Documents => document_row(doc, &mut buf),
                Rows::Tokens => token_rows(doc, &mut buf),
            },
        }
        let result = self.emit_ref(&buf);
        self.buf = buf;
        result?;
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array's bracket) and flushes it.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Format::Json {
            let tail: &[u8] = if self.written > 0 { b"\n]\n" } else { b"]\n" };
            self.emit(tail.to_vec())?;
        }
        Ok(())
    }

    fn emit(&mut self, bytes: Vec<u8>) -> Result<()> {
        self.emit_ref(&bytes)
    }

    fn emit_ref(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).context("cannot write output")?;
        self.out.flush().context("cannot flush output")
    }
}

/// A TSV cell: tabs, newlines and backslashes escaped so a row stays one line.
fn cell(s: &str, buf: &mut Vec<u8>) {
    for c in s.chars() {
        match c {
            '\t' => buf.extend_from_slice(b"\\t"),
            '\n' => buf.extend_from_slice(b"\\n"),
            '\r' => buf.extend_from_slice(b"\\r"),
            '\\' => buf.extend_from_slice(b"\\\\"),
            _ => {
                let mut tmp = [0u8; 4];
                buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
}

fn document_row(doc: &Document, buf: &mut Vec<u8>) {
    let m = &doc.doc;
    let cells = [
        m.id.as_str(),
        m.source.as_str(),
        m.record.as_deref().unwrap_or(""),
        m.date.as_deref().unwrap_or(""),
        m.title.as_deref().unwrap_or(""),
        doc.text.as_str(),
    ];
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            buf.push(b'\t');
        }
        cell(c, buf);
    }
    buf.push(b'\n');
}

fn token_rows(doc: &Document, buf: &mut Vec<u8>) {
    for (si, s) in doc.sentences.iter().enumerate() {
        for ti in s.tokens[0]..s.tokens[1] {
            let t = &doc.tokens[ti];
            let head = match (t.head, t.deprel.is_some()) {
                (Some(h), _) => h.to_string(),
                (None, true) => "root".to_string(),
                (None, false) => String::new(),
            };
            let cells = [
                doc.doc.id.clone(),
                si.to_string(),
                ti.to_string(),
                t.span.start.to_string(),
                t.span.end.to_string(),
                t.text.clone(),
                t.lemma.clone().unwrap_or_default(),
                t.upos.clone().unwrap_or_default(),
                t.xpos.clone().unwrap_or_default(),
                head,
                t.deprel.clone().unwrap_or_default(),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    buf.push(b'\t');
                }
                cell(c, buf);
            }
            buf.push(b'\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{DocMeta, Sentence, Span, Token};

    fn doc() -> Document {
        let text = "Hi\tthere.".to_string();
        let mut d = Document::new(DocMeta::new("a.txt", text.as_bytes()), text.clone());
        d.tokens.push(Token::new(Span::new(0, 8), &text));
        d.tokens.push(Token::new(Span::new(8, 9), &text));
        d.sentences.push(Sentence {
            span: Span::new(0, 9),
            tokens: [0, 2],
        });
        d
    }

    #[test]
    fn tsv_escapes_and_lays_out_tokens() {
        let mut buf = Vec::new();
        token_rows(&doc(), &mut buf);
        let s = String::from_utf8(buf).unwrap();
        let rows: Vec<&str> = s.lines().collect();
        assert_eq!(rows.len(), 2);
        let cols: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(cols.len(), 11);
        assert_eq!(cols[5], "Hi\\tthere");
        assert_eq!(cols[3], "0");
        assert_eq!(cols[4], "8");
    }

    #[test]
    fn document_row_is_one_line() {
        let mut d = doc();
        d.text = "a\nb".into();
        let mut buf = Vec::new();
        document_row(&d, &mut buf);
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s.matches('\n').count(), 1);
        assert!(s.ends_with("a\\nb\n"));
    }
}
