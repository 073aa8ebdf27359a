//! `dyad eval events FILE.tsv`: the event coder against events annotated by hand in real news
//! texts (format and scoring: `docs/events.md`, section "Real-news evaluation").
//!
//! A gold file lists, after `# file: PATH` lines naming the annotated texts (relative to the
//! gold file's folder; each is annotated exhaustively), one row per dyadic event: the byte
//! span and text of its trigger, source and target as written and as CAMEO actor codes, and
//! the CAMEO event code. Every text runs through exactly what `dyad code FILE` runs (the
//! same reader with its header and dateline recognition, so the same document date, the
//! same [`Pipeline`] and coder configuration); its non-negated events with a source and a
//! target are the system's events, their triggers mapped back to the file's bytes through
//! the cleaner's offset map. Events without a target (monadic) and negated events are
//! counted and reported, not scored.
//!
//! Matching is one-to-one within a file; a gold and a system event can pair when their
//! triggers overlap. A pair reaches a level: `trigger` (overlap only), `root` (+ same CAMEO
//! root), `dyad` (+ same source and target country, the codes' first three characters),
//! `exact` (+ same full CAMEO code and actor codes). The pairing is built from the strictest
//! level down: a maximum matching among the `exact` pairs, then, keeping those pairs, a
//! maximum matching among the remaining events at `dyad`, then `root`, then `trigger`. The
//! matches of a level are the pairs reaching it or a stricter one, so the counts can only
//! grow from `exact` to `trigger`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use clap::Subcommand;
use dyad_actors::Date;
use dyad_events::{Codebook, Event};
use dyad_gkg::eval::{json_body, Prf};

use crate::cmd::actors_standoff::{locate, JsonCache};
use dyad_ingest::ReaderConfig;
use serde::Serialize;

use crate::cmd::eval::{file_name, print_json, print_out};
use crate::cmd::eval_gkg::GoldArgs;
use crate::cmd::run::Stage;
use crate::pipeline::{Annotated, Pipeline};
use crate::table::{pct, render};

#[derive(Subcommand, Debug)]
pub enum GoldEval {
    /// Events annotated by hand in news texts (tsv): P/R/F1 at the trigger, root, dyad and
    /// exact levels
    Events(GoldArgs),
}

/// The header line of a gold file.
pub const HEADER: &str =
    "file\tstart\tend\ttrigger\tsource\tsource_code\ttarget\ttarget_code\tcameo";

/// One hand-annotated event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoldEvent {
    /// Line of the row in the gold file (1-based).
    pub line: usize,
    /// Byte offsets of the trigger in the text file.
    pub start: usize,
    pub end: usize,
    pub trigger: String,
    pub source: String,
    pub source_code: String,
    pub target: String,
    pub target_code: String,
    pub cameo: String,
}

/// One annotated text: its path as the gold file writes it and the events annotated in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldText {
    pub rel: String,
    /// The document date given on the `# file:` line after the path, if any.
    pub date: Option<String>,
    /// Line of the `# file:` line.
    pub line: usize,
    pub events: Vec<GoldEvent>,
}

/// An event of the system, as the matcher sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SystemEvent {
    /// Byte offsets of the trigger in the text file.
    pub start: usize,
    pub end: usize,
    pub trigger: String,
    pub source_code: String,
    pub target_code: String,
    pub cameo: String,
    /// The dictionary pattern that made the event (none when the bare verb did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The sentence, as the pipeline cleaned it.
    pub sentence: String,
}

/// How far a gold and a system event agree; ordered from loosest to strictest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Trigger,
    Root,
    Dyad,
    Exact,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Trigger, Level::Root, Level::Dyad, Level::Exact];

    pub fn name(self) -> &'static str {
        match self {
            Level::Trigger => "trigger",
            Level::Root => "root",
            Level::Dyad => "dyad",
            Level::Exact => "exact",
        }
    }
}

/// Parses the text of a gold file named `name` (for the messages). Checks the shape of
/// every line; the spans are checked against the texts by [`check_spans`].
pub fn parse_gold(name: &str, input: &str) -> Result<Vec<GoldText>> {
    let mut texts: Vec<GoldText> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // rows in file order, each with the text it names, resolved once all `# file:` are read
    let mut rows: Vec<(String, GoldEvent)> = Vec::new();
    let mut header_seen = false;
    for (i, raw) in input.lines().enumerate() {
        let line = i + 1;
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let at = || format!("{name}:{line}");
        if let Some(comment) = text.strip_prefix('#') {
            if let Some(path) = comment.trim_start().strip_prefix("file:") {
                let (path, date) = file_and_date(path.trim());
                if path.is_empty() {
                    bail!("{}: `# file:` line without a path", at());
                }
                if let Some(&k) = index.get(path) {
                    bail!(
                        "{}: file {path} is already listed at line {}",
                        at(),
                        texts[k].line
                    );
                }
                index.insert(path.to_string(), texts.len());
                texts.push(GoldText {
                    rel: path.to_string(),
                    date: date.map(str::to_string),
                    line,
                    events: Vec::new(),
                });
            }
            continue;
        }
        if text.trim().is_empty() {
            continue;
        }
        if !header_seen {
            if text.trim_end() != HEADER {
                bail!(
                    "{}: expected the header line `{}`, found `{}`",
                    at(),
                    HEADER.replace('\t', "<TAB>"),
                    text.replace('\t', "<TAB>")
                );
            }
            header_seen = true;
            continue;
        }
        let row = parse_row(text).map_err(|e| anyhow!("{}: {e}", at()))?;
        rows.push((row.0, GoldEvent { line, ..row.1 }));
    }
    if texts.is_empty() {
        bail!("{name}: no `# file: PATH` line, so no text to score");
    }
    for (file, ev) in rows {
        let Some(&k) = index.get(&file) else {
            bail!(
                "{name}:{}: file {file} has no `# file: {file}` line in this gold file",
                ev.line
            );
        };
        texts[k].events.push(ev);
    }
    Ok(texts)
}

/// The path and the optional document date of a `# file:` line (`PATH [YYYY-MM-DD]`).
fn file_and_date(spec: &str) -> (&str, Option<&str>) {
    match spec.rsplit_once(char::is_whitespace) {
        Some((path, date)) if Date::parse_iso(date).is_some() => (path.trim_end(), Some(date)),
        _ => (spec, None),
    }
}

/// One event row: the file column and the event (line left at 0).
fn parse_row(text: &str) -> Result<(String, GoldEvent)> {
    let cols: Vec<&str> = text.split('\t').collect();
    if cols.len() != 9 {
        bail!(
            "expected 9 tab-separated columns ({}), found {}",
            HEADER.replace('\t', ", "),
            cols.len()
        );
    }
    let offset = |name: &str, v: &str| -> Result<usize> {
        v.trim()
            .parse::<usize>()
            .map_err(|_| anyhow!("{name} `{v}` is not a byte offset (a non-negative integer)"))
    };
    let (start, end) = (offset("start", cols[1])?, offset("end", cols[2])?);
    if start >= end {
        bail!("start {start} is not before end {end}");
    }
    let file = cols[0].trim();
    if file.is_empty() {
        bail!("empty file column");
    }
    if cols[3].is_empty() {
        bail!("empty trigger column");
    }
    let actor = |name: &str, v: &str| -> Result<String> {
        let v = v.trim();
        let ok = v.len() >= 3
            && v.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            bail!("{name} `{v}` is not a CAMEO actor code (three or more of A-Z, 0-9, -)");
        }
        Ok(v.to_string())
    };
    let source_code = actor("source_code", cols[5])?;
    let target_code = actor("target_code", cols[7])?;
    let cameo = cols[8].trim();
    let digits = (3..=4).contains(&cameo.len()) && cameo.bytes().all(|b| b.is_ascii_digit());
    if !digits || Codebook::embedded().get(cameo).is_none() {
        bail!("cameo `{cameo}` is not a CAMEO event code of 3 or 4 digits");
    }
    Ok((
        file.to_string(),
        GoldEvent {
            line: 0,
            start,
            end,
            trigger: cols[3].to_string(),
            source: cols[4].trim().to_string(),
            source_code,
            target: cols[6].trim().to_string(),
            target_code,
            cameo: cameo.to_string(),
        },
    ))
}

/// Checks every event of `gold` against `text`, the content of its file: the span lies in the
/// text, on character boundaries, and its bytes are the trigger column.
pub fn check_spans(name: &str, gold: &GoldText, text: &str) -> Result<()> {
    for e in &gold.events {
        let at = format!("{name}:{}", e.line);
        if e.end > text.len() {
            bail!(
                "{at}: end {} is beyond the end of {} ({} bytes)",
                e.end,
                gold.rel,
                text.len()
            );
        }
        for (what, pos) in [("start", e.start), ("end", e.end)] {
            if !text.is_char_boundary(pos) {
                bail!(
                    "{at}: {what} {pos} is inside a character of {} (not a UTF-8 boundary)",
                    gold.rel
                );
            }
        }
        let found = &text[e.start..e.end];
        if found != e.trigger {
            bail!(
                "{at}: bytes {}..{} of {} are `{found}`, not the trigger `{}`",
                e.start,
                e.end,
                gold.rel,
                e.trigger
            );
        }
    }
    Ok(())
}

/// Rows that repeat an earlier row's event (same span, codes and CAMEO code), likely slips of
/// the annotation: (line, line of the first).
fn repeated_rows(events: &[GoldEvent]) -> Vec<(usize, usize)> {
    let key = |e: &GoldEvent| {
        (
            e.start,
            e.end,
            e.source_code.clone(),
            e.target_code.clone(),
            e.cameo.clone(),
        )
    };
    let mut first = HashMap::new();
    let mut out = Vec::new();
    for e in events {
        match first.get(&key(e)) {
            Some(&l) => out.push((e.line, l)),
            None => {
                first.insert(key(e), e.line);
            }
        }
    }
    out
}

/// The first three characters of an actor code: its country (`---` when unknown).
fn country(code: &str) -> &str {
    code.char_indices().nth(3).map_or(code, |(i, _)| &code[..i])
}

fn root(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

/// The strictest level `g` and `s` reach together, or `None` when their triggers do not
/// overlap.
pub fn pair_level(g: &GoldEvent, s: &SystemEvent) -> Option<Level> {
    if !(g.start < s.end && s.start < g.end) {
        return None;
    }
    if root(&g.cameo) != root(&s.cameo) {
        return Some(Level::Trigger);
    }
    if country(&g.source_code) != country(&s.source_code)
        || country(&g.target_code) != country(&s.target_code)
    {
        return Some(Level::Root);
    }
    if g.cameo == s.cameo && g.source_code == s.source_code && g.target_code == s.target_code {
        Some(Level::Exact)
    } else {
        Some(Level::Dyad)
    }
}

/// Pairs the gold and system events of one text one to one: `(gold, system, level)` in
/// gold order. Level by level from `exact` down, a maximum matching (augmenting paths)
/// among the events still unpaired whose pair reaches that level; pairs made at a stricter
/// level are kept.
pub fn pair_events(gold: &[GoldEvent], system: &[SystemEvent]) -> Vec<(usize, usize, Level)> {
    let levels: Vec<Vec<Option<Level>>> = gold
        .iter()
        .map(|g| system.iter().map(|s| pair_level(g, s)).collect())
        .collect();
    let mut gold_of: Vec<Option<usize>> = vec![None; system.len()];
    let mut fixed_gold = vec![false; gold.len()];
    let mut fixed_sys = vec![false; system.len()];
    for &level in Level::ALL.iter().rev() {
        // this round's matching, over the events no stricter round paired
        let mut round: Vec<Option<usize>> = vec![None; system.len()];
        for (g, _) in fixed_gold.iter().enumerate().filter(|(_, f)| !**f) {
            let mut seen = vec![false; system.len()];
            augment(g, level, &levels, &fixed_sys, &mut round, &mut seen);
        }
        for (s, g) in round.iter().enumerate() {
            if let Some(g) = *g {
                gold_of[s] = Some(g);
                fixed_gold[g] = true;
                fixed_sys[s] = true;
            }
        }
    }
    let mut pairs: Vec<(usize, usize, Level)> = gold_of
        .iter()
        .enumerate()
        .filter_map(|(s, g)| g.and_then(|g| levels[g][s].map(|l| (g, s, l))))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Kuhn's augmenting path from gold `g` over the pairs reaching `level`.
fn augment(
    g: usize,
    level: Level,
    levels: &[Vec<Option<Level>>],
    fixed_sys: &[bool],
    round: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for s in 0..round.len() {
        if seen[s] || fixed_sys[s] || levels[g][s].is_none_or(|l| l < level) {
            continue;
        }
        seen[s] = true;
        let free = match round[s] {
            None => true,
            Some(other) => augment(other, level, levels, fixed_sys, round, seen),
        };
        if free {
            round[s] = Some(g);
            return true;
        }
    }
    false
}

/// Counts of one group of events (all, a QuadClass, a CAMEO root).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Tally {
    pub gold: usize,
    pub system: usize,
    /// Matches per level, loosest first (trigger, root, dyad, exact).
    pub matched: [usize; 4],
}

impl Tally {
    pub fn prf(&self, level: Level) -> Prf {
        Prf {
            gold: self.gold,
            system: self.system,
            matched: self.matched[level as usize],
        }
    }

    /// One pair reaching `level`: a match at that level and every looser one.
    fn count(&mut self, level: Level) {
        for l in Level::ALL.into_iter().filter(|&l| l <= level) {
            self.matched[l as usize] += 1;
        }
    }

    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.system += o.system;
        for (a, b) in self.matched.iter_mut().zip(o.matched) {
            *a += b;
        }
    }
}

/// A miss, a false positive or a pair short of `exact`, for `--errors`.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorItem {
    /// `miss`, `false_positive`, or the level a pair reached (`trigger`, `root`, `dyad`).
    pub kind: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<GoldEvent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemEvent>,
    /// The sentence of the event (the system's sentence when there is a system event).
    pub sentence: String,
}

/// The score of one text.
#[derive(Clone, Debug, Default, Serialize)]
pub struct TextScore {
    pub file: String,
    #[serde(flatten)]
    pub tally: Tally,
    /// System events without a target: not scored.
    pub monadic: usize,
    /// Negated system events: not scored.
    pub negated: usize,
    /// Gold events outside every sentence dyad codes (in the headline or the date line,
    /// which the reader takes as metadata): misses whatever the coder does.
    pub gold_outside: usize,
    /// Per QuadClass (1..4) and per CAMEO root; matches count at the root level and up.
    #[serde(skip)]
    pub quad: BTreeMap<u8, Tally>,
    #[serde(skip)]
    pub roots: BTreeMap<String, Tally>,
    #[serde(skip)]
    pub errors: Vec<ErrorItem>,
}

fn quad_of(cameo: &str) -> u8 {
    Codebook::embedded().quad_class(cameo).unwrap_or(0)
}

/// Scores the events of one text. `gold_sentence` gives the sentence of a gold event (for
/// the error listing).
pub fn score_text(
    file: &str,
    gold: &[GoldEvent],
    system: &[SystemEvent],
    gold_sentence: impl Fn(&GoldEvent) -> String,
) -> TextScore {
    let pairs = pair_events(gold, system);
    let mut t = TextScore {
        file: file.to_string(),
        ..TextScore::default()
    };
    t.tally.gold = gold.len();
    t.tally.system = system.len();
    for g in gold {
        t.quad.entry(quad_of(&g.cameo)).or_default().gold += 1;
        t.roots.entry(root(&g.cameo).to_string()).or_default().gold += 1;
    }
    for s in system {
        t.quad.entry(quad_of(&s.cameo)).or_default().system += 1;
        t.roots
            .entry(root(&s.cameo).to_string())
            .or_default()
            .system += 1;
    }
    let mut gold_paired = vec![false; gold.len()];
    let mut sys_paired = vec![false; system.len()];
    for &(g, s, level) in &pairs {
        gold_paired[g] = true;
        sys_paired[s] = true;
        t.tally.count(level);
        if level >= Level::Root {
            // same root, so same QuadClass: the match counts in the gold event's groups
            t.quad
                .entry(quad_of(&gold[g].cameo))
                .or_default()
                .count(level);
            t.roots
                .entry(root(&gold[g].cameo).to_string())
                .or_default()
                .count(level);
        }
        if level < Level::Exact {
            t.errors.push(ErrorItem {
                kind: level.name().to_string(),
                file: file.to_string(),
                gold: Some(gold[g].clone()),
                system: Some(system[s].clone()),
                sentence: system[s].sentence.clone(),
            });
        }
    }
    for (_, e) in gold.iter().enumerate().filter(|(g, _)| !gold_paired[*g]) {
        t.errors.push(ErrorItem {
            kind: "miss".into(),
            file: file.to_string(),
            gold: Some(e.clone()),
            system: None,
            sentence: gold_sentence(e),
        });
    }
    for (_, e) in system.iter().enumerate().filter(|(s, _)| !sys_paired[*s]) {
        t.errors.push(ErrorItem {
            kind: "false_positive".into(),
            file: file.to_string(),
            gold: None,
            system: Some(e.clone()),
            sentence: e.sentence.clone(),
        });
    }
    let start = |e: &ErrorItem| {
        e.gold
            .as_ref()
            .map(|g| g.start)
            .or(e.system.as_ref().map(|s| s.start))
            .unwrap_or(0)
    };
    t.errors.sort_by_key(|e| start(e));
    t
}

/// One space between words.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The system events of a coded text, with their triggers as byte offsets of the file
/// (`shift`: the bytes the reader dropped before the text, a byte-order mark), and the
/// counts of monadic and negated events left out.
fn system_events(ann: &Annotated, text: &str, shift: usize) -> (Vec<SystemEvent>, usize, usize) {
    let (mut out, mut monadic, mut negated) = (Vec::new(), 0, 0);
    for e in &ann.events {
        if e.negated {
            negated += 1;
            continue;
        }
        if e.target.is_none() {
            monadic += 1;
            continue;
        }
        out.push(system_event(ann, e, text, shift));
    }
    (out, monadic, negated)
}

fn system_event(ann: &Annotated, e: &Event, text: &str, shift: usize) -> SystemEvent {
    let span = ann.doc.offsets.map_span(e.trigger);
    let (start, end) = (span.start + shift, span.end + shift);
    let code = |a: &Option<dyad_events::ActorRef>| {
        a.as_ref()
            .and_then(|a| a.code.clone())
            .unwrap_or_else(|| "-".to_string())
    };
    SystemEvent {
        start,
        end,
        trigger: text.get(start..end).unwrap_or_default().to_string(),
        source_code: code(&e.source),
        target_code: code(&e.target),
        cameo: e.cameo.clone(),
        pattern: e
            .pattern
            .as_ref()
            .filter(|p| !p.text.is_empty())
            .map(|p| p.text.clone()),
        sentence: squeeze(&e.text),
    }
}

/// Runs `dyad code`'s reader and pipeline on the text file `path` holding `text`, or, for a
/// page of a JSON benchmark file (`json`), on the JSON Lines record `{"text", "date"}` that
/// `dyad code` would read it from. Returns the annotated document and the number of bytes
/// the reader dropped before the text.
fn code_text(
    pipeline: &Pipeline,
    path: &Path,
    text: &str,
    date: Option<&str>,
    json: bool,
) -> Result<(Annotated, usize)> {
    let source = path.display().to_string();
    let (name, bytes) = if json {
        let record = serde_json::json!({ "text": text, "date": date });
        (
            format!("{source}.jsonl"),
            format!("{record}\n").into_bytes(),
        )
    } else {
        (source.clone(), text.as_bytes().to_vec())
    };
    let mut docs = dyad_ingest::read_bytes(&name, bytes, &ReaderConfig::default());
    let raw = match docs.next() {
        Some(Ok(raw)) => raw,
        Some(Err(e)) => bail!("{e}"),
        None => bail!("{source}: no document read"),
    };
    if docs.next().is_some() {
        bail!("{source}: the reader found more than one document in it; a gold text must be one plain-text article");
    }
    let mut raw = raw;
    if raw.meta.date.is_none() {
        raw.meta.date = date.map(str::to_string);
    }
    let shift = if raw.text == text {
        0
    } else if text.strip_prefix('\u{feff}') == Some(raw.text.as_str()) {
        '\u{feff}'.len_utf8()
    } else {
        bail!("{source}: the reader changed the text while decoding it, so byte offsets into the file cannot be compared");
    };
    Ok((pipeline.process(raw), shift))
}

/// The sentences of the coded document as byte spans of the file, with their cleaned text.
fn file_sentences(ann: &Annotated, shift: usize) -> Vec<(usize, usize, &str)> {
    ann.doc
        .sentences
        .iter()
        .map(|s| {
            let span = ann.doc.offsets.map_span(s.span);
            let text = s.span.get(&ann.doc.text).unwrap_or_default();
            (span.start + shift, span.end + shift, text)
        })
        .collect()
}

/// The sentence around byte `pos` of the file: one of `sentences`, else the file's line
/// (the headline or the date line, which `dyad code` does not code).
fn sentence_at(sentences: &[(usize, usize, &str)], text: &str, pos: usize) -> String {
    if let Some((_, _, s)) = sentences.iter().find(|(a, b, _)| *a <= pos && pos < *b) {
        return squeeze(s);
    }
    let pos = (0..=pos.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let from = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let to = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    squeeze(&text[from..to])
}

/// Everything `dyad eval events` measured over its gold files.
#[derive(Default)]
struct Report {
    gold_files: Vec<String>,
    texts: Vec<TextScore>,
    total: Tally,
    monadic: usize,
    negated: usize,
    gold_outside: usize,
    quad: BTreeMap<u8, Tally>,
    roots: BTreeMap<String, Tally>,
}

impl Report {
    fn add(&mut self, t: TextScore) {
        self.total.add(&t.tally);
        self.monadic += t.monadic;
        self.negated += t.negated;
        self.gold_outside += t.gold_outside;
        for (q, x) in &t.quad {
            self.quad.entry(*q).or_default().add(x);
        }
        for (r, x) in &t.roots {
            self.roots.entry(r.clone()).or_default().add(x);
        }
        self.texts.push(t);
    }
}

pub fn run(cmd: &GoldEval) -> Result<()> {
    let GoldEval::Events(a) = cmd;
    // every gold file and text is read and checked before the models load
    let mut work = Vec::new();
    let mut cache = JsonCache::new();
    for path in &a.files {
        let name = path.display().to_string();
        let input = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        for gold in parse_gold(&name, &input)? {
            // a page of a JSON benchmark file (`FILE.json#KEY-PREFIX`): its articleBody,
            // which stays outside the repository
            if let Some((json, prefix)) = gold.rel.split_once('#') {
                let found = locate(path, json).ok_or_else(|| {
                    anyhow!(
                        "{name}:{}: {json} not found beside or above the gold file (the text \
                         lives outside the repository; this set needs that data to be evaluated)",
                        gold.line
                    )
                })?;
                let text = json_body(&found, prefix, &mut cache)
                    .map_err(|e| anyhow!("{name}:{}: {e}", gold.line))?;
                check_spans(&name, &gold, &text)?;
                warn_repeated(&name, &gold);
                let page = PathBuf::from(format!("{}#{prefix}", found.display()));
                work.push((name.clone(), gold, page, text, true));
                continue;
            }
            let text_path = dir.join(&gold.rel);
            let bytes = std::fs::read(&text_path).map_err(|e| {
                anyhow!(
                    "{name}:{}: cannot read the text file {} ({}): {e}",
                    gold.line,
                    gold.rel,
                    text_path.display()
                )
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                anyhow!(
                    "{name}:{}: the text file {} is not UTF-8 (invalid byte at {})",
                    gold.line,
                    gold.rel,
                    e.utf8_error().valid_up_to()
                )
            })?;
            check_spans(&name, &gold, &text)?;
            warn_repeated(&name, &gold);
            work.push((name.clone(), gold, text_path, text, false));
        }
    }
    let pipeline = Pipeline::new(Stage::Annotate, a.models.as_deref())?;
    let mut report = Report {
        gold_files: a.files.iter().map(|p| p.display().to_string()).collect(),
        ..Report::default()
    };
    for (name, gold, text_path, text, json) in &work {
        let (ann, shift) = code_text(&pipeline, text_path, text, gold.date.as_deref(), *json)
            .with_context(|| format!("{name}:{}: cannot code {}", gold.line, gold.rel))?;
        let (system, monadic, negated) = system_events(&ann, text, shift);
        let sentences = file_sentences(&ann, shift);
        let mut t = score_text(&file_name(text_path), &gold.events, &system, |g| {
            sentence_at(&sentences, text, g.start)
        });
        t.monadic = monadic;
        t.negated = negated;
        t.gold_outside = gold
            .events
            .iter()
            .filter(|g| !sentences.iter().any(|(a, b, _)| g.start < *b && *a < g.end))
            .count();
        report.add(t);
    }
    if a.json {
        return print_json(&json(&report, a.errors));
    }
    print_out(&table(&report, a.errors))
}

fn warn_repeated(name: &str, gold: &GoldText) {
    for (line, first) in repeated_rows(&gold.events) {
        eprintln!("dyad: warning: {name}:{line}: the same event as line {first}");
    }
}

const QUAD_NAMES: [&str; 5] = [
    "unknown",
    "1 verbal cooperation",
    "2 material cooperation",
    "3 verbal conflict",
    "4 material conflict",
];

fn prf_json(t: &Tally, level: Level) -> serde_json::Value {
    let p = t.prf(level);
    serde_json::json!({
        "level": level.name(),
        "gold": p.gold,
        "system": p.system,
        "matched": p.matched,
        "precision": p.precision(),
        "recall": p.recall(),
        "f1": p.f1(),
    })
}

fn group_json(t: &Tally) -> serde_json::Value {
    serde_json::json!({
        "gold": t.gold,
        "system": t.system,
        "matched_root": t.matched[Level::Root as usize],
        "matched_exact": t.matched[Level::Exact as usize],
    })
}

fn json(r: &Report, errors: bool) -> serde_json::Value {
    let levels: Vec<_> = Level::ALL.iter().map(|&l| prf_json(&r.total, l)).collect();
    let quad: serde_json::Map<String, serde_json::Value> = r
        .quad
        .iter()
        .map(|(q, t)| (q.to_string(), group_json(t)))
        .collect();
    let roots: serde_json::Map<String, serde_json::Value> = r
        .roots
        .iter()
        .map(|(k, t)| (k.clone(), group_json(t)))
        .collect();
    let mut v = serde_json::json!({
        "gold_files": r.gold_files,
        "files": r.texts.len(),
        "levels": levels,
        "monadic_not_scored": r.monadic,
        "negated_not_scored": r.negated,
        "gold_outside_coded_text": r.gold_outside,
        "quad_class": quad,
        "root": roots,
        "per_file": r.texts,
    });
    if errors {
        let all: Vec<&ErrorItem> = r.texts.iter().flat_map(|t| &t.errors).collect();
        v["errors"] = serde_json::json!(all);
    }
    v
}

/// A table of gold, system, matched, P, R and F1, one row per labelled count.
fn prf_table(first: &str, rows: impl Iterator<Item = (String, Prf)>) -> String {
    let rows: Vec<Vec<String>> = rows
        .map(|(label, p)| {
            vec![
                label,
                p.gold.to_string(),
                p.system.to_string(),
                p.matched.to_string(),
                pct(p.precision()),
                pct(p.recall()),
                pct(p.f1()),
            ]
        })
        .collect();
    render(&[first, "gold", "system", "matched", "P", "R", "F1"], &rows)
}

fn table(r: &Report, errors: bool) -> String {
    let mut out = format!(
        "Events in news texts, {} ({} file{}); one-to-one matching on overlapping triggers\n",
        r.gold_files.join(", "),
        r.texts.len(),
        if r.texts.len() == 1 { "" } else { "s" }
    );
    let levels = Level::ALL
        .iter()
        .map(|&l| (l.name().to_string(), r.total.prf(l)));
    out.push_str(&prf_table("level", levels));
    out.push_str(&format!(
        "system events not scored: {} monadic (no target), {} negated\n",
        r.monadic, r.negated
    ));
    if r.gold_outside > 0 {
        out.push_str(&format!(
            "gold events outside the text dyad codes (headline, date line): {}\n",
            r.gold_outside
        ));
    }
    out.push('\n');
    let quad = r.quad.iter().map(|(q, t)| {
        let name = QUAD_NAMES.get(*q as usize).unwrap_or(&"?").to_string();
        (name, t.prf(Level::Root))
    });
    out.push_str("Per QuadClass (matched: same CAMEO root or better)\n");
    out.push_str(&prf_table("QuadClass", quad));
    let roots = r.roots.iter().map(|(k, t)| (k.clone(), t.prf(Level::Root)));
    out.push_str("\nPer CAMEO root (matched: same root or better)\n");
    out.push_str(&prf_table("root", roots));
    out.push('\n');
    let rows: Vec<Vec<String>> = r
        .texts
        .iter()
        .map(|t| {
            let mut row = vec![
                t.file.clone(),
                t.tally.gold.to_string(),
                t.tally.system.to_string(),
                t.monadic.to_string(),
            ];
            row.extend(t.tally.matched.iter().map(usize::to_string));
            row
        })
        .collect();
    out.push_str("Per file (matches per level)\n");
    out.push_str(&render(
        &[
            "file", "gold", "system", "monadic", "trigger", "root", "dyad", "exact",
        ],
        &rows,
    ));
    if errors {
        out.push('\n');
        for e in r.texts.iter().flat_map(|t| &t.errors) {
            out.push_str(&error_line(e));
            out.push('\n');
        }
    }
    out
}

fn error_line(e: &ErrorItem) -> String {
    let gold = |g: &GoldEvent| {
        format!(
            "gold {}>{} {} (line {})",
            g.source_code, g.target_code, g.cameo, g.line
        )
    };
    let sys = |s: &SystemEvent| {
        let pattern = s
            .pattern
            .as_deref()
            .map_or(String::new(), |p| format!(" [{p}]"));
        format!(
            "system {}>{} {}{pattern}",
            s.source_code, s.target_code, s.cameo
        )
    };
    let (start, end, trigger) = match (&e.gold, &e.system) {
        (Some(g), _) => (g.start, g.end, g.trigger.as_str()),
        (None, Some(s)) => (s.start, s.end, s.trigger.as_str()),
        (None, None) => (0, 0, ""),
    };
    let kind = match e.kind.as_str() {
        "miss" => "MISS".to_string(),
        "false_positive" => "FP".to_string(),
        level => format!("PAIR@{level}"),
    };
    let what = [e.gold.as_ref().map(gold), e.system.as_ref().map(sys)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "{kind}\t{}:{start}-{end}\t\"{trigger}\"\t{what}\t| {}",
        e.file, e.sentence
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize, src: &str, tgt: &str, cameo: &str) -> GoldEvent {
        GoldEvent {
            line: 0,
            start,
            end,
            trigger: "x".into(),
            source: String::new(),
            source_code: src.into(),
            target: String::new(),
            target_code: tgt.into(),
            cameo: cameo.into(),
        }
    }

    fn sys(start: usize, end: usize, src: &str, tgt: &str, cameo: &str) -> SystemEvent {
        SystemEvent {
            start,
            end,
            trigger: "x".into(),
            source_code: src.into(),
            target_code: tgt.into(),
            cameo: cameo.into(),
            pattern: None,
            sentence: String::new(),
        }
    }

    #[test]
    fn levels_of_a_pair() {
        let g = gold(10, 18, "RUSMIL", "UKR", "190");
        let cases = [
            // (system start, end, source, target, cameo), level
            ((20, 25, "RUSMIL", "UKR", "190"), None),
            ((18, 25, "RUSMIL", "UKR", "190"), None),
            ((17, 25, "RUSMIL", "UKR", "190"), Some(Level::Exact)),
            ((10, 18, "RUS", "UKR", "190"), Some(Level::Dyad)),
            ((10, 18, "RUSMIL", "UKR", "193"), Some(Level::Dyad)),
            ((10, 18, "RUSMIL", "UKRGOV", "193"), Some(Level::Dyad)),
            ((10, 18, "BLR", "UKR", "190"), Some(Level::Root)),
            // source and target swapped: same countries, wrong direction
            ((10, 18, "UKR", "RUSMIL", "190"), Some(Level::Root)),
            ((10, 18, "RUSMIL", "UKR", "111"), Some(Level::Trigger)),
        ];
        for ((a, b, src, tgt, cameo), want) in cases {
            let s = sys(a, b, src, tgt, cameo);
            assert_eq!(pair_level(&g, &s), want, "{s:?}");
        }
        // an unknown country matches only an unknown country
        let g = gold(0, 4, "---GOV", "USA", "040");
        let unknown = sys(0, 4, "---", "USA", "040");
        assert_eq!(pair_level(&g, &unknown), Some(Level::Dyad));
        let uncoded = sys(0, 4, "-", "USA", "040");
        assert_eq!(pair_level(&g, &uncoded), Some(Level::Root));
    }

    #[test]
    fn pairing_is_one_to_one_and_prefers_the_strictest_level() {
        // two events on one trigger ("Japan will host talks with India"): each gold row
        // takes the system event that agrees with it exactly, whatever the order
        let g = vec![
            gold(5, 9, "JPN", "IND", "036"),
            gold(5, 9, "IND", "JPN", "036"),
        ];
        let s = vec![
            sys(5, 9, "IND", "JPN", "036"),
            sys(5, 9, "JPN", "IND", "036"),
        ];
        assert_eq!(
            pair_events(&g, &s),
            vec![(0, 1, Level::Exact), (1, 0, Level::Exact)]
        );
        // one gold, two system events on the trigger: one pair, the better one; the other
        // is a false positive
        let g = vec![gold(5, 9, "JPN", "IND", "036")];
        let s = vec![
            sys(5, 9, "JPN", "CHN", "036"),
            sys(5, 9, "JPN", "IND", "036"),
        ];
        assert_eq!(pair_events(&g, &s), vec![(0, 1, Level::Exact)]);
        let t = score_text("f", &g, &s, |_| String::new());
        assert_eq!((t.tally.gold, t.tally.system), (1, 2));
        assert_eq!(t.tally.matched, [1, 1, 1, 1]);
        assert_eq!(t.errors.len(), 1);
        assert_eq!(t.errors[0].kind, "false_positive");
        assert_eq!(t.errors[0].system.as_ref().unwrap().target_code, "CHN");
    }

    #[test]
    fn lower_levels_use_augmenting_paths() {
        // g0 overlaps s0 and s1, g1 only s0, all at the trigger level: a greedy pairing
        // (g0-s0) would leave g1 alone; the maximum matching pairs both
        let g = vec![gold(0, 10, "A", "B", "010"), gold(0, 3, "A", "B", "010")];
        let g: Vec<GoldEvent> = g
            .into_iter()
            .map(|mut e| {
                e.source_code = "AAA".into();
                e.target_code = "BBB".into();
                e
            })
            .collect();
        let s = vec![
            sys(2, 4, "AAA", "BBB", "190"),
            sys(6, 8, "AAA", "BBB", "190"),
        ];
        assert_eq!(
            pair_events(&g, &s),
            vec![(0, 1, Level::Trigger), (1, 0, Level::Trigger)]
        );
    }

    #[test]
    fn a_text_is_scored_at_every_level() {
        let g = vec![
            gold(0, 8, "RUS", "UKR", "190"),      // exact
            gold(20, 30, "FRA", "RUS", "120"),    // wrong root
            gold(40, 47, "DEU", "POLGOV", "051"), // right dyad, not exact
            gold(60, 65, "LTU", "LVA", "043"),    // missed
        ];
        let s = vec![
            sys(0, 8, "RUS", "UKR", "190"),
            sys(20, 30, "FRA", "RUS", "111"),
            sys(40, 47, "DEU", "POL", "051"),
            sys(70, 79, "ESP", "ITA", "111"), // false positive
        ];
        let t = score_text("f.txt", &g, &s, |e| format!("sentence of {}", e.start));
        assert_eq!((t.tally.gold, t.tally.system), (4, 4));
        assert_eq!(t.tally.matched, [3, 2, 2, 1]);
        let p = t.tally.prf(Level::Trigger);
        assert!((p.precision() - 0.75).abs() < 1e-9 && (p.recall() - 0.75).abs() < 1e-9);
        assert!((t.tally.prf(Level::Exact).f1() - 0.25).abs() < 1e-9);
        // QuadClass: 190 is 4, 120 and 111 are 3, 051 and 043 are 1
        assert_eq!(t.quad[&1].gold, 2);
        assert_eq!(t.quad[&1].system, 1);
        assert_eq!(t.quad[&1].matched[Level::Root as usize], 1);
        assert_eq!(t.quad[&3].gold, 1);
        assert_eq!(t.quad[&3].system, 2);
        assert_eq!(t.quad[&3].matched[Level::Root as usize], 0);
        assert_eq!(t.quad[&4].matched[Level::Exact as usize], 1);
        assert_eq!(t.roots["11"].system, 2);
        assert_eq!(t.roots["12"].gold, 1);
        let kinds: Vec<&str> = t.errors.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["trigger", "dyad", "miss", "false_positive"]);
        assert_eq!(t.errors[2].sentence, "sentence of 60");
    }

    const HEAD: &str = "file\tstart\tend\ttrigger\tsource\tsource_code\ttarget\ttarget_code\tcameo";

    fn parse(rows: &str) -> Result<Vec<GoldText>> {
        parse_gold(
            "g.tsv",
            &format!("# a comment\n# file: a.txt\n{HEAD}\n{rows}"),
        )
    }

    fn err(rows: &str) -> String {
        format!("{:#}", parse(rows).expect_err("a parse error"))
    }

    #[test]
    fn a_file_line_may_give_the_document_date() {
        assert_eq!(file_and_date("a.txt"), ("a.txt", None));
        assert_eq!(
            file_and_date("b.json#ab12 2019-11-20"),
            ("b.json#ab12", Some("2019-11-20"))
        );
        assert_eq!(file_and_date("my file.txt"), ("my file.txt", None));
        let t = parse_gold("g.tsv", &format!("# file: a.txt  2020-01-02\n{HEAD}\n")).unwrap();
        assert_eq!(
            (t[0].rel.as_str(), t[0].date.as_deref()),
            ("a.txt", Some("2020-01-02"))
        );
    }

    #[test]
    fn reads_a_gold_file() {
        let t = parse(
            "a.txt\t0\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t190\n\
             \n\
             a.txt\t9\t13\ttalk\tJapan\tJPNGOV\tIndia\tIND\t0311\r\n",
        )
        .unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].rel.as_str(), t[0].line), ("a.txt", 2));
        assert_eq!(t[0].events.len(), 2);
        assert_eq!(t[0].events[0].line, 4);
        assert_eq!(t[0].events[1].line, 6);
        assert_eq!(t[0].events[1].cameo, "0311");
        assert_eq!(t[0].events[1].source_code, "JPNGOV");
        // a file listed with no rows is a text without events
        let t = parse_gold("g.tsv", &format!("# file: a.txt\n# file: b.txt\n{HEAD}\n")).unwrap();
        assert_eq!(t.len(), 2);
        assert!(t.iter().all(|t| t.events.is_empty()));
    }

    #[test]
    fn malformed_lines_name_the_file_and_line() {
        assert!(err("a.txt\t0\t8\tattacked\tRussia\tRUS\tUkraine\tUKR").starts_with("g.tsv:4: "));
        assert!(err("a.txt\tx\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t190")
            .contains("g.tsv:4: start `x`"));
        assert!(err("a.txt\t8\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t190")
            .contains("g.tsv:4: start 8 is not before end 8"));
        assert!(err("a.txt\t0\t8\tattacked\tRussia\trus\tUkraine\tUKR\t190")
            .contains("g.tsv:4: source_code `rus`"));
        assert!(err("a.txt\t0\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t19")
            .contains("g.tsv:4: cameo `19`"));
        assert!(err("a.txt\t0\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t999")
            .contains("g.tsv:4: cameo `999`"));
        assert!(
            err("\nb.txt\t0\t8\tattacked\tRussia\tRUS\tUkraine\tUKR\t190")
                .contains("g.tsv:5: file b.txt has no `# file: b.txt` line")
        );
        let e = parse_gold("g.tsv", "# file: a.txt\nfile\tstart\n").unwrap_err();
        assert!(format!("{e}").starts_with("g.tsv:2: expected the header line"));
        let e = parse_gold("g.tsv", "# file: a.txt\n# file: a.txt\n").unwrap_err();
        assert!(format!("{e}").contains("g.tsv:2: file a.txt is already listed at line 1"));
        let e = parse_gold("g.tsv", "# file:   \n").unwrap_err();
        assert!(format!("{e}").starts_with("g.tsv:1: "));
        let e = parse_gold("g.tsv", &format!("# a comment\n{HEAD}\n")).unwrap_err();
        assert!(format!("{e}").contains("g.tsv: no `# file: PATH` line"));
    }

    #[test]
    fn repeated_rows_are_found() {
        let mut a = gold(0, 8, "RUS", "UKR", "190");
        a.line = 4;
        let mut b = a.clone();
        b.line = 9;
        let mut c = a.clone();
        c.line = 10;
        c.target_code = "UKRMIL".into();
        assert_eq!(repeated_rows(&[a, c, b]), [(9, 4)]);
    }

    #[test]
    fn spans_are_checked_against_the_text() {
        let text = "Russia attacked Kyiv’s suburbs.";
        let t = |rows: &str| parse(rows).unwrap().remove(0);
        let ok = t("a.txt\t7\t15\tattacked\tRussia\tRUS\tKyiv\tUKR\t190");
        assert!(check_spans("g.tsv", &ok, text).is_ok());
        let e = check_spans(
            "g.tsv",
            &t("a.txt\t0\t6\tattack\tRussia\tRUS\tKyiv\tUKR\t190"),
            text,
        )
        .unwrap_err();
        assert_eq!(
            format!("{e}"),
            "g.tsv:4: bytes 0..6 of a.txt are `Russia`, not the trigger `attack`"
        );
        let e = check_spans(
            "g.tsv",
            &t("a.txt\t7\t99\tattacked\tRussia\tRUS\tKyiv\tUKR\t190"),
            text,
        )
        .unwrap_err();
        assert!(format!("{e}").contains("g.tsv:4: end 99 is beyond the end of a.txt"));
        // the apostrophe is three bytes, 20..23
        let e = check_spans(
            "g.tsv",
            &t("a.txt\t16\t21\tKyiv’\tRussia\tRUS\tKyiv\tUKR\t190"),
            text,
        )
        .unwrap_err();
        assert!(format!("{e}").contains("g.tsv:4: end 21 is inside a character"));
    }
}
