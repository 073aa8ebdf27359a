//! Output sinks: where documents go and in which format, kept apart from the pipeline.
//!
//! Each document is rendered to one buffer and written with a single `write_all` followed by a
//! flush, so a run that is interrupted leaves only complete records behind: a JSON Lines file
//! is valid up to its last line, a TSV file up to its last row. The exception is a document
//! of more than 1 MiB of text in JSON Lines, streamed to bound memory (see
//! [`Sink::write_streamed`]); only a crash during that write can leave a partial last line.
//!
//! A JSON Lines output can be resumed ([`Sink::resume`]): the records already in the file are
//! listed by key (source, record, content id), a last line cut short by a crash or a second
//! Ctrl-C is removed, and new records are appended. The key includes the content id so that a
//! file changed since the first run is coded again rather than silently kept.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use dyad_core::{DocMeta, Document};
use serde::Deserialize;

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
    /// GDELT GKG 2.1 rows, one per document, no header, as GDELT writes them (`code` only:
    /// the knowledge-graph fields come from its annotate stage).
    Gkg,
}

/// Which TSV layout a sink writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    Documents,
    Tokens,
}

/// Documents whose text is larger than this are written as a stream (JSON Lines only).
const STREAM_ABOVE: usize = 1 << 20;

/// A render buffer grown past this by one large record is not kept for the next ones.
const KEEP_BUFFER: usize = 8 << 20;

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

    /// Reopens the JSON Lines file at `path` to append to it, after cutting away a last line
    /// that is incomplete. A missing file is created. A complete line that is not a record is
    /// an error naming it: the file is then not ours to append to.
    pub fn resume(path: &Path) -> Result<(Sink, Resumed)> {
        let mut resumed = Resumed::default();
        match File::open(path) {
            Ok(f) => {
                let len = f.metadata().map(|m| m.len()).unwrap_or(0);
                let mut reader = BufReader::new(f);
                let mut line = Vec::new();
                let mut good = 0u64;
                let mut line_no = 0usize;
                loop {
                    line.clear();
                    let n = reader
                        .read_until(b'\n', &mut line)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    if n == 0 {
                        break;
                    }
                    line_no += 1;
                    if line.last() != Some(&b'\n') {
                        break; // cut short: dropped below, its document is coded again
                    }
                    match serde_json::from_slice::<Head>(&line) {
                        Ok(h) => {
                            resumed.keys.insert(record_key(
                                &h.doc.source,
                                h.doc.record.as_deref(),
                                &h.doc.id,
                            ));
                            resumed.records += 1;
                        }
                        Err(e) => bail!(
                            "cannot resume {}: line {line_no} is not a dyad record ({e})",
                            path.display()
                        ),
                    }
                    good += n as u64;
                }
                if good < len {
                    resumed.cut = len - good;
                    OpenOptions::new()
                        .write(true)
                        .open(path)
                        .and_then(|f| f.set_len(good))
                        .with_context(|| format!("cannot truncate {}", path.display()))?;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        let out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("cannot open output file {}", path.display()))?;
        let sink = Sink {
            out: Box::new(out),
            format: Format::Jsonl,
            rows: Rows::Tokens,
            written: 0,
            buf: Vec::with_capacity(1 << 16),
        };
        Ok((sink, resumed))
    }

    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes one document, whole.
    pub fn write(&mut self, annotated: &Annotated) -> Result<()> {
        let doc = &annotated.doc;
        if self.format == Format::Jsonl && doc.text.len() > STREAM_ABOVE {
            return self.write_streamed(annotated);
        }
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
            Format::Gkg => {
                if let Some(gkg) = &annotated.gkg {
                    buf.extend_from_slice(dyad_gkg::gkg_row(doc, gkg, &doc.doc.id).as_bytes());
                    buf.push(b'\n');
                }
            }
        }
        let result = self.emit_ref(&buf);
        if buf.capacity() > KEEP_BUFFER {
            buf = Vec::with_capacity(1 << 16);
        }
        self.buf = buf;
        result?;
        self.written += 1;
        Ok(())
    }

    /// Writes a huge document's JSON line through a small buffer instead of rendering it
    /// whole: its record is several times its text (every token is a JSON object), and
    /// holding that next to the document doubled the peak memory of a run. If the process
    /// dies in the middle, the line is incomplete; `--resume` cuts it away.
    fn write_streamed(&mut self, annotated: &Annotated) -> Result<()> {
        let mut w = io::BufWriter::with_capacity(1 << 20, &mut self.out);
        serde_json::to_writer(&mut w, &annotated.record()).context("cannot write output")?;
        w.write_all(b"\n").context("cannot write output")?;
        w.flush().context("cannot flush output")?;
        drop(w);
        self.out.flush().context("cannot flush output")?;
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

/// What [`Sink::resume`] found in the existing output.
#[derive(Debug, Default)]
pub struct Resumed {
    /// [`record_key`] of every complete record.
    pub keys: HashSet<String>,
    /// How many complete records the file held.
    pub records: usize,
    /// Bytes of an incomplete last line that were cut away.
    pub cut: u64,
}

/// The identity of a record across runs: its source, its record inside the source, and the
/// hash of its content.
pub fn record_key(source: &str, record: Option<&str>, id: &str) -> String {
    format!("{source}\u{0}{}\u{0}{id}", record.unwrap_or(""))
}

/// The key of a document about to be coded.
pub fn meta_key(meta: &DocMeta) -> String {
    record_key(&meta.source, meta.record.as_deref(), &meta.id)
}

/// The part of a written record that [`Sink::resume`] reads; serde skips the rest.
#[derive(Deserialize)]
struct Head {
    doc: HeadMeta,
}

#[derive(Deserialize)]
struct HeadMeta {
    id: String,
    source: String,
    #[serde(default)]
    record: Option<String>,
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
    fn resume_cuts_a_partial_last_line_and_lists_the_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let a = r#"{"schema":"dyad/1","doc":{"id":"x1","source":"a.txt"},"text":"A"}"#;
        let b = r#"{"schema":"dyad/1","doc":{"id":"x2","source":"b.jsonl","record":"line 2"},"text":"B"}"#;
        std::fs::write(&path, format!("{a}\n{b}\n{{\"schema\":\"dy")).unwrap();
        let (sink, r) = Sink::resume(&path).unwrap();
        drop(sink);
        assert_eq!(r.records, 2);
        assert_eq!(r.cut, 13);
        assert!(r.keys.contains(&record_key("a.txt", None, "x1")));
        assert!(r
            .keys
            .contains(&record_key("b.jsonl", Some("line 2"), "x2")));
        assert!(!r
            .keys
            .contains(&record_key("b.jsonl", Some("line 3"), "x2")));
        let left = std::fs::read_to_string(&path).unwrap();
        assert_eq!(left, format!("{a}\n{b}\n"));
    }

    #[test]
    fn resume_refuses_a_file_that_is_not_dyad_output() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "my notes\nmore\n").unwrap();
        let err = Sink::resume(&path).err().unwrap().to_string();
        assert!(err.contains("line 1 is not a dyad record"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\nmore\n");
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
