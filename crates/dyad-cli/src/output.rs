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
use dyad_actors::ActorMention;
use dyad_core::{DocMeta, Document, Span, Token};
use dyad_events::{ActorRef, Event, Location, PatternRef, Plover};
use serde::{Deserialize, Serialize};

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
                let mut out = Render {
                    buf: &mut buf,
                    to: None,
                };
                write_record(&mut out, annotated)?;
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

    /// Writes a huge document's JSON line in chunks of [`STREAM_CHUNK`] bytes instead of
    /// rendering it whole: its record is several times its text (every token is a JSON object), and
    /// holding that next to the document doubled the peak memory of a run. If the process
    /// dies in the middle, the line is incomplete; `--resume` cuts it away.
    fn write_streamed(&mut self, annotated: &Annotated) -> Result<()> {
        let mut buf = Vec::with_capacity(STREAM_CHUNK + (64 << 10));
        let mut out = Render {
            buf: &mut buf,
            to: Some(&mut self.out),
        };
        write_record(&mut out, annotated).context("cannot write output")?;
        buf.push(b'\n');
        self.out.write_all(&buf).context("cannot write output")?;
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

/// Renders `a` as one compact JSON record into `out`: the bytes `serde_json::to_writer(w,
/// &a.record())` writes (the test `the_record_writer_is_serde_json_byte_for_byte` holds it to
/// that), but each token, the bulk of a record, is written here field by field instead of
/// through serde's generic map machinery, which cost three times as much. The document's
/// other fields and the annotations go through their own `Serialize`. The structs are taken
/// apart without `..`, so a field added to `Document` or `Token` does not compile until it is
/// written here too, in the order and with the skip rule of its serde attribute.
fn write_record(out: &mut Render<'_>, a: &Annotated) -> io::Result<()> {
    let Document {
        schema,
        doc,
        text,
        offsets,
        sentences,
        tokens,
        entities,
        warnings,
    } = &a.doc;
    out.buf.extend_from_slice(b"{\"schema\":");
    json_str(out.buf, schema);
    out.buf.extend_from_slice(b",\"doc\":");
    json(out.buf, doc)?;
    out.buf.extend_from_slice(b",\"text\":");
    json_str(out.buf, text);
    out.buf.extend_from_slice(b",\"offsets\":");
    json(out.buf, offsets)?;
    out.buf.extend_from_slice(b",\"sentences\":");
    json(out.buf, sentences)?;
    out.buf.extend_from_slice(b",\"tokens\":[");
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.buf.push(b',');
        }
        write_token(out.buf, t);
        out.spill()?;
    }
    out.buf.push(b']');
    if !entities.is_empty() {
        out.buf.extend_from_slice(b",\"entities\":");
        json(out.buf, entities)?;
    }
    if !warnings.is_empty() {
        out.buf.extend_from_slice(b",\"warnings\":");
        json(out.buf, warnings)?;
    }
    if !a.actors.is_empty() {
        out.buf.extend_from_slice(b",\"actors\":[");
        for (i, m) in a.actors.iter().enumerate() {
            if i > 0 {
                out.buf.push(b',');
            }
            write_actor(out.buf, m)?;
        }
        out.buf.push(b']');
    }
    if let Some(g) = &a.gkg {
        out.buf.extend_from_slice(b",\"gkg\":");
        json(out.buf, g)?;
    }
    if !a.events.is_empty() {
        out.buf.extend_from_slice(b",\"events\":[");
        for (i, e) in a.events.iter().enumerate() {
            if i > 0 {
                out.buf.push(b',');
            }
            write_event(out.buf, e)?;
        }
        out.buf.push(b']');
    }
    out.buf.push(b'}');
    Ok(())
}

/// Where [`write_record`] renders: a buffer, and for a streamed record the writer it is
/// passed on to whenever it holds [`STREAM_CHUNK`] bytes.
struct Render<'a> {
    buf: &'a mut Vec<u8>,
    to: Option<&'a mut dyn Write>,
}

/// The bytes a streamed record is written in.
const STREAM_CHUNK: usize = 1 << 20;

impl Render<'_> {
    fn spill(&mut self) -> io::Result<()> {
        match &mut self.to {
            Some(w) if self.buf.len() >= STREAM_CHUNK => {
                w.write_all(self.buf)?;
                self.buf.clear();
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// One token as its derived `Serialize` writes it: `text`, `span` (`[start,end]`, as
/// `Span` serializes), then the fields that are set.
fn write_token(buf: &mut Vec<u8>, t: &Token) {
    let Token {
        text,
        span,
        lemma,
        upos,
        xpos,
        feats,
        head,
        deprel,
    } = t;
    buf.extend_from_slice(b"{\"text\":");
    json_str(buf, text);
    buf.extend_from_slice(b",\"span\":[");
    push_uint(buf, span.start);
    buf.push(b',');
    push_uint(buf, span.end);
    buf.push(b']');
    let strings = [
        (&b",\"lemma\":"[..], lemma),
        (b",\"upos\":", upos),
        (b",\"xpos\":", xpos),
        (b",\"feats\":", feats),
    ];
    for (key, v) in strings {
        if let Some(v) = v {
            buf.extend_from_slice(key);
            json_str(buf, v);
        }
    }
    if let Some(h) = head {
        buf.extend_from_slice(b",\"head\":");
        push_uint(buf, *h);
    }
    if let Some(d) = deprel {
        buf.extend_from_slice(b",\"deprel\":");
        json_str(buf, d);
    }
    buf.push(b'}');
}

/// One actor mention as its derived `Serialize` writes it: every field in order, an absent
/// one as `null`. Taken apart without `..`, as [`write_token`] takes a token.
fn write_actor(buf: &mut Vec<u8>, m: &ActorMention) -> io::Result<()> {
    let ActorMention {
        mention,
        span,
        code,
        country,
        sector,
        group,
        kind,
        entity,
        rule,
    } = m;
    buf.extend_from_slice(b"{\"mention\":");
    json_str(buf, mention);
    buf.extend_from_slice(b",\"span\":");
    push_span(buf, *span);
    let codes = [
        (&b",\"code\":"[..], code),
        (b",\"country\":", country),
        (b",\"sector\":", sector),
        (b",\"group\":", group),
    ];
    for (key, v) in codes {
        buf.extend_from_slice(key);
        json_opt_str(buf, v.as_deref());
    }
    buf.extend_from_slice(b",\"kind\":");
    json(buf, kind)?;
    buf.extend_from_slice(b",\"entity\":");
    json_opt_str(buf, entity.as_deref());
    buf.extend_from_slice(b",\"rule\":");
    json_str(buf, rule);
    buf.push(b'}');
    Ok(())
}

/// One event as its derived `Serialize` writes it (`docs/schema/event.schema.json`): every
/// field in order, an absent one as `null`; the nested records as [`write_event_actor`],
/// [`write_location`] and their own attributes say. Numbers other than counts go through
/// serde_json, so floats are formatted as it formats them. Taken apart without `..`.
fn write_event(buf: &mut Vec<u8>, e: &Event) -> io::Result<()> {
    let Event {
        id,
        sentence,
        text,
        span,
        trigger,
        source,
        target,
        cameo,
        root,
        quad_class,
        goldstein,
        plover,
        negated,
        date,
        location,
        confidence,
        pattern,
        tone,
    } = e;
    buf.extend_from_slice(b"{\"id\":");
    json_str(buf, id);
    buf.extend_from_slice(b",\"sentence\":");
    push_uint(buf, *sentence);
    buf.extend_from_slice(b",\"text\":");
    json_str(buf, text);
    buf.extend_from_slice(b",\"span\":");
    push_span(buf, *span);
    buf.extend_from_slice(b",\"trigger\":");
    push_span(buf, *trigger);
    for (key, a) in [(&b",\"source\":"[..], source), (b",\"target\":", target)] {
        buf.extend_from_slice(key);
        match a {
            Some(a) => write_event_actor(buf, a)?,
            None => buf.extend_from_slice(b"null"),
        }
    }
    buf.extend_from_slice(b",\"cameo\":");
    json_str(buf, cameo);
    buf.extend_from_slice(b",\"root\":");
    json_str(buf, root);
    buf.extend_from_slice(b",\"quad_class\":");
    push_uint(buf, usize::from(*quad_class));
    buf.extend_from_slice(b",\"goldstein\":");
    json(buf, goldstein)?;
    buf.extend_from_slice(b",\"plover\":");
    match plover {
        Some(Plover {
            event_type,
            mode,
            context,
        }) => {
            buf.extend_from_slice(b"{\"type\":");
            json_str(buf, event_type);
            for (key, v) in [(&b",\"mode\":"[..], mode), (b",\"context\":", context)] {
                if let Some(v) = v {
                    buf.extend_from_slice(key);
                    json_str(buf, v);
                }
            }
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(if *negated {
        b",\"negated\":true"
    } else {
        b",\"negated\":false"
    });
    buf.extend_from_slice(b",\"date\":");
    json_opt_str(buf, date.as_deref());
    buf.extend_from_slice(b",\"location\":");
    match location {
        Some(l) => write_location(buf, l)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"confidence\":");
    json(buf, confidence)?;
    buf.extend_from_slice(b",\"pattern\":");
    match pattern {
        Some(PatternRef {
            dictionary,
            line,
            block,
            text,
        }) => {
            buf.extend_from_slice(b"{\"dictionary\":");
            json_str(buf, dictionary);
            buf.extend_from_slice(b",\"line\":");
            push_uint(buf, *line);
            buf.extend_from_slice(b",\"block\":");
            json_str(buf, block);
            buf.extend_from_slice(b",\"text\":");
            json_str(buf, text);
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"tone\":");
    json(buf, tone)?;
    buf.push(b'}');
    Ok(())
}

/// An event's actor: mention, span, the code when there is one, then the flattened extra
/// fields in the map's order.
fn write_event_actor(buf: &mut Vec<u8>, a: &ActorRef) -> io::Result<()> {
    let ActorRef {
        mention,
        span,
        code,
        extra,
    } = a;
    buf.extend_from_slice(b"{\"mention\":");
    json_str(buf, mention);
    buf.extend_from_slice(b",\"span\":");
    push_span(buf, *span);
    if let Some(c) = code {
        buf.extend_from_slice(b",\"code\":");
        json_str(buf, c);
    }
    for (k, v) in extra {
        buf.push(b',');
        json_str(buf, k);
        buf.push(b':');
        match v {
            serde_json::Value::String(s) => json_str(buf, s),
            v => json(buf, v)?,
        }
    }
    buf.push(b'}');
    Ok(())
}

/// Where an event happened: the name, then the fields that are set.
fn write_location(buf: &mut Vec<u8>, l: &Location) -> io::Result<()> {
    let Location {
        name,
        span,
        country,
        geonames_id,
        lat,
        lon,
    } = l;
    buf.extend_from_slice(b"{\"name\":");
    json_str(buf, name);
    if let Some(s) = span {
        buf.extend_from_slice(b",\"span\":");
        push_span(buf, *s);
    }
    if let Some(c) = country {
        buf.extend_from_slice(b",\"country\":");
        json_str(buf, c);
    }
    if let Some(g) = geonames_id {
        buf.extend_from_slice(b",\"geonames_id\":");
        json(buf, g)?;
    }
    for (key, v) in [(&b",\"lat\":"[..], lat), (b",\"lon\":", lon)] {
        if let Some(v) = v {
            buf.extend_from_slice(key);
            json(buf, v)?;
        }
    }
    buf.push(b'}');
    Ok(())
}

/// A span as `Span` serializes: `[start,end]`.
fn push_span(buf: &mut Vec<u8>, s: Span) {
    buf.push(b'[');
    push_uint(buf, s.start);
    buf.push(b',');
    push_uint(buf, s.end);
    buf.push(b']');
}

/// An optional string as serde_json writes it: the string, or `null`.
fn json_opt_str(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// `v` as serde_json writes it.
fn json<T: Serialize + ?Sized>(buf: &mut Vec<u8>, v: &T) -> io::Result<()> {
    serde_json::to_writer(buf, v).map_err(io::Error::from)
}

/// A JSON string as serde_json writes it: quoted as it is when no byte needs an escape
/// (serde_json escapes only `"`, `\\` and control characters below U+0020), else by
/// serde_json itself.
fn json_str(buf: &mut Vec<u8>, s: &str) {
    // every byte is looked at (no early exit), which the compiler turns into a loop over
    // many bytes at a time: most strings need no escape, so the whole string is read anyway
    let plain = s
        .bytes()
        .fold(true, |ok, b| ok & (b >= 0x20) & (b != b'"') & (b != b'\\'));
    if plain {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // writing a string into a vector cannot fail
        let _ = serde_json::to_writer(buf, s);
    }
}

/// `n` in decimal, as serde_json writes an integer.
fn push_uint(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
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

    /// A record with every field the writer knows set, and strings needing escapes.
    fn full_record(text: String) -> Annotated {
        use dyad_actors::{ActorKind, ActorMention};
        use dyad_core::Entity;
        use dyad_events::{ActorRef, Codebook, Event, Location};
        let mut meta = DocMeta::new("dir/a \"b\".txt", text.as_bytes());
        meta.record = Some("line 3".into());
        meta.title = Some("Tab\there, \u{1}ctl, back\\slash".into());
        meta.date = Some("2021-03-25".into());
        let mut d = Document::new(meta, text);
        let words = [
            (
                "Gondor",
                Some("Gondor"),
                Some("PROPN"),
                Some("NNP"),
                None,
                Some(1),
                "nsubj",
            ),
            (
                "\"met\"",
                Some("meet"),
                Some("VERB"),
                Some("VBD"),
                Some("Mood=Ind|Tense=Past"),
                None,
                "root",
            ),
            ("caf\u{e9}\n", None, None, None, None, None, ""),
            (
                "a\\b\u{7f}",
                Some("A\\B"),
                Some("X"),
                None,
                Some("Foreign=Yes"),
                Some(0),
                "dep",
            ),
        ];
        for (i, (w, lemma, upos, xpos, feats, head, rel)) in words.into_iter().enumerate() {
            let mut t = Token::new(Span::new(i * 2, i * 2 + 1), &d.text);
            t.text = w.into();
            t.lemma = lemma.map(str::to_string);
            t.upos = upos.map(str::to_string);
            t.xpos = xpos.map(str::to_string);
            t.feats = feats.map(str::to_string);
            t.head = head;
            t.deprel = (!rel.is_empty()).then(|| rel.to_string());
            d.tokens.push(t);
        }
        d.sentences.push(Sentence {
            span: Span::new(0, 8),
            tokens: [0, 4],
        });
        d.entities.push(Entity {
            span: Span::new(0, 1),
            label: "LOC".into(),
            tokens: [0, 1],
        });
        d.warnings.push("a \"warning\"".into());
        let actor = ActorMention {
            mention: "Gondor".into(),
            span: Span::new(0, 1),
            code: Some("GON".into()),
            country: Some("GON".into()),
            sector: None,
            group: None,
            kind: ActorKind::Country,
            entity: None,
            rule: "test".into(),
        };
        let mut e = Event::new(
            "e1",
            0,
            "Gondor \"met\"",
            Span::new(0, 3),
            Span::new(2, 3),
            "040",
            Codebook::embedded(),
        )
        .unwrap();
        e.source = Some(ActorRef {
            mention: "Gondor".into(),
            span: Span::new(0, 1),
            code: Some("GON".into()),
            extra: crate::pipeline::actor_refs(std::slice::from_ref(&actor))[0]
                .extra
                .clone(),
        });
        e.location = Some(Location {
            name: "Minas \"Tirith\"".into(),
            lat: Some(1.5),
            ..Default::default()
        });
        e.tone = Some(-2.25);
        // every field of an event set, an actor without a code, escapes everywhere
        let mut e2 = Event::new(
            "e2",
            3,
            "Rohan \\ \"Gondor\"\tfought",
            Span::new(5, 300),
            Span::new(7, 12),
            "042",
            Codebook::embedded(),
        )
        .unwrap();
        let mut extra = serde_json::Map::new();
        extra.insert("place".into(), true.into());
        extra.insert("rule".into(), "a \"rule\"".into());
        extra.insert("n".into(), 7.into());
        e2.source = Some(ActorRef {
            mention: "the\nRohirrim".into(),
            span: Span::new(5, 9),
            code: None,
            extra,
        });
        e2.target = e.source.clone();
        e2.negated = true;
        e2.date = Some("2021-03-24".into());
        e2.confidence = 0.35;
        e2.goldstein = -7.3;
        e2.location = Some(Location {
            name: "Edoras".into(),
            span: Some(Span::new(20, 26)),
            country: Some("ROH".into()),
            geonames_id: Some(123_456_789_012),
            lat: Some(-0.1 + 0.2),
            lon: Some(1e21),
        });
        e2.pattern = Some(dyad_events::PatternRef {
            dictionary: "data/events/CAMEO.2.0.txt".into(),
            line: 5440,
            block: "MEET \"PEOPLE\"".into(),
            text: "* (TO BORDER)".into(),
        });
        if let Some(p) = e2.plover.as_mut() {
            p.context = Some("ctx".into());
        }
        let full = ActorMention {
            mention: "the \"Steward\" of\nGondor".into(),
            span: Span::new(12, 345),
            code: Some("GONGOV".into()),
            country: Some("GON".into()),
            sector: Some("GOV".into()),
            group: Some("N\\A".into()),
            kind: ActorKind::Person,
            entity: Some("q\t7".into()),
            rule: String::new(),
        };
        Annotated {
            doc: d,
            actors: vec![actor, full],
            gkg: Some(dyad_gkg::Gkg::default()),
            events: vec![e, e2],
        }
    }

    fn rendered(a: &Annotated) -> Vec<u8> {
        let mut buf = Vec::new();
        write_record(
            &mut Render {
                buf: &mut buf,
                to: None,
            },
            a,
        )
        .unwrap();
        buf
    }

    #[test]
    fn the_record_writer_is_serde_json_byte_for_byte() {
        let mut a = full_record("Gondor met Rohan.".into());
        let serde = serde_json::to_vec(&a.record()).unwrap();
        assert_eq!(
            String::from_utf8(rendered(&a)).unwrap(),
            String::from_utf8(serde).unwrap()
        );
        // and with the optional parts left out
        a.doc.entities.clear();
        a.doc.warnings.clear();
        a.actors.clear();
        a.gkg = None;
        a.events.clear();
        for t in &mut a.doc.tokens {
            (t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel) =
                (None, None, None, None, None, None);
        }
        let serde = serde_json::to_vec(&a.record()).unwrap();
        assert_eq!(rendered(&a), serde);
    }

    #[test]
    fn a_streamed_record_is_the_rendered_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut lines = Vec::new();
        for text in ["short".to_string(), "x".repeat(STREAM_ABOVE + 10)] {
            let mut a = full_record(text);
            // enough tokens to pass on several chunks
            let t = a.doc.tokens[1].clone();
            a.doc.tokens.extend(std::iter::repeat_n(t, 40_000));
            let path = dir.path().join("o.jsonl");
            let mut sink = Sink::create(Some(&path), Format::Jsonl, Rows::Tokens).unwrap();
            sink.write(&a).unwrap();
            sink.finish().unwrap();
            let mut want = serde_json::to_vec(&a.record()).unwrap();
            want.push(b'\n');
            let got = std::fs::read(&path).unwrap();
            assert!(got == want, "{} bytes against {}", got.len(), want.len());
            lines.push(got.len());
        }
        assert!(lines[1] > STREAM_ABOVE + 2 * STREAM_CHUNK, "{lines:?}");
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
