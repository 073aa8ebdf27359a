//! Word classes for the recognizer, learnt from unlabelled text: a cluster path per word and
//! how often the word is written with a capital inside a sentence.
//!
//! The recognizer's training set is small (UNER EWT plus GUM names), so most names of new text
//! were never seen with a label. Two statistics of plain text carry over to such words:
//!
//! * **Cluster paths** (in the spirit of Brown clusters): each frequent word gets a vector of
//!   the words seen just left and right of it, and the vocabulary is split in two again and
//!   again (along the main direction of the vectors, then refined by 2-means), so a word's
//!   path of left/right choices is a bit string whose prefixes are coarser and coarser classes.
//!   Words used like company names ("at Azurix", "Azurix 's") share long prefixes.
//! * **Capitalisation habit**: the share of a word's non-initial occurrences that start with a
//!   capital, in five buckets. It tells a sentence-initial or all-caps "UNITED" that the word
//!   is usually a name, and a lowercase "google" that it usually is not written so.
//!
//! [`build`] computes both from tokenized sentences (the `ner_clusters` example runs it over
//! the text at hand and writes the table, see `data/models/SOURCES.md`); the recognizer reads
//! that table at training time ([`WordClasses::read_rows`], through the `--gazetteer` files)
//! and compiles it into its model file, keyed by the lowercased word hash ([`Lex::lower`]), so
//! nothing is read at run time. Everything here is deterministic: ties break by word.

use std::collections::HashMap;

use crate::codec::{Dec, Enc};
use crate::hash::{mix, IdBuild};
use crate::lex::Lex;
use crate::ModelError;

/// Header line of a class table file.
pub const HEADER: &str = "#word\tpath\tcaps\tcount";
/// Marks the word-class section of a NER payload.
pub const SECTION: u32 = 0x434c_0001;
/// Longest cluster path, in bits.
pub const MAX_DEPTH: usize = 14;
/// The path value of a word with capitalisation statistics but too rare to be clustered.
const NO_PATH: u32 = 0x1f;

/// What is known of one word: packed `path | depth << 16 | caps << 24` (see [`Class`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClasses {
    map: HashMap<u64, u32, IdBuild>,
}

/// The class of one word, unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    /// The cluster path, most significant decision first, `depth` bits long.
    pub path: u16,
    /// Length of `path`; `None` for a word too rare to be clustered or never seen.
    pub depth: Option<u8>,
    /// Capitalisation habit: 0 unknown (never seen inside a sentence), 1 almost never
    /// capitalised (< 5%), 2 rarely (< 50%), 3 mostly (< 95%), 4 almost always.
    pub caps: u8,
}

/// A row of the class table: the lowercased word, its path as `0`/`1` characters (empty if
/// too rare), its capitalisation bucket and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub word: String,
    pub path: String,
    pub caps: u8,
    pub count: u64,
}

/// How [`build`] clusters.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Words seen fewer times get no cluster (their capitalisation is still counted).
    pub min_count: u64,
    /// The most frequent words that serve as context dimensions.
    pub contexts: usize,
    /// Groups smaller than this are not split further.
    pub min_leaf: usize,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            min_count: 3,
            contexts: 400,
            min_leaf: 4,
        }
    }
}

impl Class {
    /// The first `bits` bits of the cluster path (the whole path if shorter) as a feature
    /// value; one value for all unclustered words.
    #[inline]
    pub fn prefix(self, bits: u8) -> u64 {
        match self.depth {
            None => 0xc1a5_5000,
            Some(d) => {
                let k = d.min(bits);
                mix(
                    bits as u64,
                    ((self.path as u64) >> (d - k)) | (k as u64) << 16,
                )
            }
        }
    }
}

impl WordClasses {
    /// Reads a class table file (see [`HEADER`]), e.g. `data/models/ner_clusters.tsv`.
    pub fn read_file(path: &std::path::Path) -> Result<WordClasses, ModelError> {
        let what = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
            path: what.clone(),
            source,
        })?;
        if !text.starts_with(HEADER) {
            return Err(ModelError::Data {
                path: what,
                line: 1,
                message: format!("a word-class table starts with the header {HEADER:?}"),
            });
        }
        let mut c = WordClasses::default();
        c.read_rows(&text, &what)?;
        Ok(c)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The class of a word by its lowercased hash ([`Lex::lower`]).
    #[inline]
    pub fn get(&self, lower: u64) -> Class {
        match self.map.get(&lower) {
            None => Class {
                path: 0,
                depth: None,
                caps: 0,
            },
            Some(&v) => {
                let d = (v >> 16) & 0x1f;
                Class {
                    path: v as u16,
                    depth: (d != NO_PATH).then_some(d as u8),
                    caps: (v >> 24) as u8,
                }
            }
        }
    }

    /// Adds the rows of a class table (see [`HEADER`]); `what` names the source in errors.
    pub fn read_rows(&mut self, text: &str, what: &str) -> Result<usize, ModelError> {
        let mut n = 0;
        for (k, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let bad = |m: &str| ModelError::Data {
                path: what.to_string(),
                line: k + 1,
                message: m.to_string(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [word, path, caps, _count] = cols[..] else {
                return Err(bad("expected word, path, caps, count"));
            };
            let caps: u8 = caps
                .parse()
                .ok()
                .filter(|c| *c <= 4)
                .ok_or_else(|| bad("caps must be 0 to 4"))?;
            let (bits, depth) = if path == "-" {
                (0u32, NO_PATH)
            } else {
                if path.len() > MAX_DEPTH || !path.bytes().all(|b| b == b'0' || b == b'1') {
                    return Err(bad("path must be up to 14 characters 0 or 1, or -"));
                }
                let bits = path
                    .bytes()
                    .fold(0u32, |a, b| (a << 1) | (b == b'1') as u32);
                (bits, path.len() as u32)
            };
            self.map.insert(
                Lex::new(word).lower,
                bits | depth << 16 | (caps as u32) << 24,
            );
            n += 1;
        }
        Ok(n)
    }

    /// Appends the section to a model payload.
    pub fn encode(&self, e: &mut Enc) {
        let mut v: Vec<(u64, u32)> = self.map.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_unstable();
        e.u32(SECTION);
        e.len(v.len());
        for (k, c) in v {
            e.u64(k);
            e.u32(c);
        }
    }

    /// Reads the section written by [`WordClasses::encode`] (the marker already consumed).
    pub fn decode_body(d: &mut Dec) -> Result<WordClasses, ModelError> {
        let n = d.len(12)?;
        let mut map = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = d.u64()?;
            let c = d.u32()?;
            if (c >> 24) > 4 {
                return Err(d.corrupt("word class out of range"));
            }
            map.insert(k, c);
        }
        Ok(WordClasses { map })
    }
}

/// Renders rows as a class table file.
pub fn to_tsv(rows: &[Row]) -> String {
    let mut s = String::from(HEADER);
    s.push('\n');
    for r in rows {
        let p = if r.path.is_empty() { "-" } else { &r.path };
        s.push_str(&format!("{}\t{p}\t{}\t{}\n", r.word, r.caps, r.count));
    }
    s
}

fn caps_bucket(title: u64, total: u64) -> u8 {
    if total == 0 {
        0
    } else {
        let r = title as f64 / total as f64;
        if r < 0.05 {
            1
        } else if r < 0.5 {
            2
        } else if r < 0.95 {
            3
        } else {
            4
        }
    }
}

/// Computes the class table of the words of `sents` (tokenized sentences). Rows are sorted by
/// count, then word; only words with a letter get a row.
pub fn build(sents: &[Vec<String>], opts: &BuildOptions) -> Vec<Row> {
    // Counts and capitalisation per lowercased word.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut stats: Vec<[u64; 3]> = Vec::new(); // count, non-initial, non-initial capitalised
    let mut seqs: Vec<Vec<usize>> = Vec::with_capacity(sents.len());
    for s in sents {
        let mut seq = Vec::with_capacity(s.len());
        let mut initial = true;
        for w in s {
            let lower = w.to_lowercase();
            let id = *ids.entry(lower.clone()).or_insert_with(|| {
                words.push(lower);
                stats.push([0; 3]);
                words.len() - 1
            });
            let st = &mut stats[id];
            st[0] += 1;
            let alpha = w.chars().any(char::is_alphabetic);
            if alpha && !initial {
                st[1] += 1;
                st[2] += w.chars().next().is_some_and(char::is_uppercase) as u64;
            }
            if alpha {
                initial = false;
            }
            seq.push(id);
        }
        seqs.push(seq);
    }
    // Frequency order, ties by word.
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by(|&a, &b| stats[b][0].cmp(&stats[a][0]).then(words[a].cmp(&words[b])));
    // Context dimensions: the most frequent words, then four buckets for the others (by
    // shape: capitalised, lowercase, digits, other) and one for the sentence edge.
    let nctx = opts.contexts.min(order.len());
    let mut ctx_of = vec![usize::MAX; words.len()];
    for (k, &w) in order.iter().take(nctx).enumerate() {
        ctx_of[w] = k;
    }
    let side = nctx + 5;
    let bucket = |w: &str| -> usize {
        let c = w.chars().next().unwrap_or(' ');
        nctx + if c.is_uppercase() {
            0
        } else if c.is_lowercase() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            3
        }
    };
    // Vectors of the words to cluster.
    let clustered: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&w| stats[w][0] >= opts.min_count && words[w].chars().any(char::is_alphabetic))
        .collect();
    let mut row_of = vec![usize::MAX; words.len()];
    for (r, &w) in clustered.iter().enumerate() {
        row_of[w] = r;
    }
    let dim = 2 * side;
    let mut vecs = vec![0f32; clustered.len() * dim];
    for (s, seq) in sents.iter().zip(&seqs) {
        for (i, &w) in seq.iter().enumerate() {
            let r = row_of[w];
            if r == usize::MAX {
                continue;
            }
            let ctx = |j: Option<usize>| -> usize {
                match j.and_then(|j| seq.get(j).map(|&c| (j, c))) {
                    None => nctx + 4,
                    Some((j, c)) if ctx_of[c] == usize::MAX => bucket(&s[j]),
                    Some((_, c)) => ctx_of[c],
                }
            };
            let (l, rr) = (ctx(i.checked_sub(1)), ctx(Some(i + 1)));
            vecs[r * dim + l] += 1.0;
            vecs[r * dim + side + rr] += 1.0;
        }
    }
    for v in vecs.chunks_mut(dim) {
        for x in v.iter_mut() {
            *x = x.sqrt();
        }
        normalize(v);
    }
    let mut paths = vec![String::new(); clustered.len()];
    let all: Vec<usize> = (0..clustered.len()).collect();
    bisect(&vecs, dim, all, String::new(), opts, &mut paths);
    let mut rows = Vec::new();
    for &w in &order {
        if !words[w].chars().any(char::is_alphabetic) {
            continue;
        }
        let r = row_of[w];
        rows.push(Row {
            word: words[w].clone(),
            path: if r == usize::MAX {
                String::new()
            } else {
                std::mem::take(&mut paths[r])
            },
            caps: caps_bucket(stats[w][2], stats[w][1]),
            count: stats[w][0],
        });
    }
    rows
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Splits `members` (rows of `vecs`) in two, recursively, writing each word's path.
fn bisect(
    vecs: &[f32],
    dim: usize,
    members: Vec<usize>,
    path: String,
    opts: &BuildOptions,
    out: &mut [String],
) {
    let row = |i: usize| &vecs[i * dim..(i + 1) * dim];
    if path.len() >= MAX_DEPTH || members.len() < 2 * opts.min_leaf.max(1) {
        for &m in &members {
            out[m] = path.clone();
        }
        return;
    }
    // Main direction of the centred vectors (power iteration from the most frequent word).
    let n = members.len() as f32;
    let mut mean = vec![0f32; dim];
    for &m in &members {
        mean.iter_mut().zip(row(m)).for_each(|(a, x)| *a += x / n);
    }
    let mut dir: Vec<f32> = row(members[0])
        .iter()
        .zip(&mean)
        .map(|(x, m)| x - m)
        .collect();
    normalize(&mut dir);
    for _ in 0..8 {
        let mut next = vec![0f32; dim];
        for &m in &members {
            let x = row(m);
            let p = dot(x, &dir) - dot(&mean, &dir);
            next.iter_mut()
                .zip(x.iter().zip(&mean))
                .for_each(|(a, (x, mu))| *a += p * (x - mu));
        }
        normalize(&mut next);
        dir = next;
    }
    let md = dot(&mean, &dir);
    let mut side: Vec<bool> = members.iter().map(|&m| dot(row(m), &dir) > md).collect();
    // 2-means refinement (cosine to the two centroids).
    for _ in 0..6 {
        let mut c = [vec![0f32; dim], vec![0f32; dim]];
        for (&m, &s) in members.iter().zip(&side) {
            c[s as usize]
                .iter_mut()
                .zip(row(m))
                .for_each(|(a, x)| *a += x);
        }
        normalize(&mut c[0]);
        normalize(&mut c[1]);
        let next: Vec<bool> = members
            .iter()
            .map(|&m| dot(row(m), &c[1]) > dot(row(m), &c[0]))
            .collect();
        if next == side {
            break;
        }
        side = next;
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (&m, &s) in members.iter().zip(&side) {
        if s {
            right.push(m);
        } else {
            left.push(m);
        }
    }
    if left.is_empty() || right.is_empty() {
        for &m in &members {
            out[m] = path.clone();
        }
        return;
    }
    bisect(vecs, dim, left, format!("{path}0"), opts, out);
    bisect(vecs, dim, right, format!("{path}1"), opts, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split_whitespace().map(String::from).collect())
            .collect()
    }

    /// Company names share contexts ("works at X", "X hired"), places theirs ("lives in X",
    /// "X is sunny"): the two groups end up on different branches, each group together.
    #[test]
    fn words_of_like_contexts_share_paths() {
        let mut text = String::new();
        for org in ["Acme", "Globex", "Initech"] {
            for _ in 0..6 {
                text.push_str(&format!("she works at {org} now .\n{org} hired him .\n"));
            }
        }
        for loc in ["Paris", "Oslo", "Lima"] {
            for _ in 0..6 {
                text.push_str(&format!("he lives in {loc} today .\n{loc} is sunny .\n"));
            }
        }
        text.push_str("the acme of it .\n");
        let opts = BuildOptions {
            min_count: 3,
            contexts: 20,
            min_leaf: 1,
        };
        let rows = build(&sents(&text), &opts);
        let row = |w: &str| rows.iter().find(|r| r.word == w).unwrap().clone();
        let common = |a: &str, b: &str| {
            let (a, b) = (row(a).path, row(b).path);
            a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
        };
        for (a, b, other) in [
            ("acme", "globex", "paris"),
            ("globex", "initech", "oslo"),
            ("paris", "lima", "acme"),
        ] {
            assert!(common(a, b) > common(a, other), "{a} {b}: {rows:?}");
        }
        // Capitalised inside sentences 12 times of 13 (the lowercase "acme" once): bucket 3.
        assert_eq!(row("acme").caps, 3);
        assert_eq!(row("oslo").caps, 4);
        assert_eq!(row("works").caps, 1);
        // "she" only opens sentences: capitalisation unknown; "of" too rare for a path.
        assert_eq!(row("she").caps, 0);
        assert_eq!(row("of").path, "");
        assert!(rows.iter().all(|r| r.word.chars().any(char::is_alphabetic)));

        // The table round-trips through its file form and the model section.
        let tsv = to_tsv(&rows);
        let mut wc = WordClasses::default();
        assert_eq!(wc.read_rows(&tsv, "t.tsv").unwrap(), rows.len());
        let acme = wc.get(Lex::new("ACME").lower);
        assert_eq!(
            (acme.depth.map(usize::from), acme.caps),
            (Some(row("acme").path.len()), 3)
        );
        assert_eq!(wc.get(Lex::new("of").lower).depth, None);
        assert_eq!(wc.get(Lex::new("zzz").lower).caps, 0);
        let mut e = Enc::default();
        wc.encode(&mut e);
        let mut d = Dec::new(&e.buf);
        assert_eq!(d.u32().unwrap(), SECTION);
        let back = WordClasses::decode_body(&mut d).unwrap();
        assert_eq!(back.get(Lex::new("Acme").lower), acme);
        assert_eq!(back.len(), wc.len());
    }

    #[test]
    fn prefixes_cut_the_path_from_its_start() {
        let mut wc = WordClasses::default();
        let t = "#word\tpath\tcaps\tcount\nrome\t010011\t4\t9\nparis\t010010\t4\t9\n\
                 oslo\t0100\t4\t3\nrare\t-\t2\t1\n";
        assert_eq!(wc.read_rows(t, "t.tsv").unwrap(), 4);
        let c = |w: &str| wc.get(Lex::new(w).lower);
        // Five shared bits: same prefixes up to 5 bits, different ones beyond.
        for bits in [1, 4, 5] {
            assert_eq!(c("Rome").prefix(bits), c("paris").prefix(bits), "{bits}");
        }
        assert_ne!(c("rome").prefix(6), c("paris").prefix(6));
        assert_ne!(c("rome").prefix(14), c("paris").prefix(14));
        assert_eq!(c("rome").prefix(4), c("oslo").prefix(4));
        assert_ne!(c("rome").prefix(6), c("oslo").prefix(6));
        // A path shorter than the prefix is the whole path, not padded into another class.
        assert_ne!(c("oslo").prefix(14), c("rome").prefix(14));
        // Unclustered and unknown words share one value.
        assert_eq!(c("rare").prefix(6), c("unseen").prefix(6));
        assert_ne!(c("rare").prefix(6), c("rome").prefix(6));
    }

    #[test]
    fn class_files_are_read_with_their_header() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("c.tsv");
        std::fs::write(&ok, format!("{HEADER}\nrome\t01\t4\t9\n")).unwrap();
        assert_eq!(WordClasses::read_file(&ok).unwrap().len(), 1);
        let bad = dir.path().join("names.tsv");
        std::fs::write(&bad, "rome\tLOC\n").unwrap();
        let err = WordClasses::read_file(&bad).unwrap_err().to_string();
        assert!(err.contains("names.tsv") && err.contains("header"), "{err}");
        let missing = dir.path().join("none.tsv");
        assert!(WordClasses::read_file(&missing).is_err());
    }

    #[test]
    fn bad_rows_are_errors_with_their_line() {
        let mut wc = WordClasses::default();
        for bad in [
            "#word\tpath\tcaps\tcount\nacme\t0102\t1\t5\n",
            "#word\tpath\tcaps\tcount\nacme\t01\t9\t5\n",
            "#word\tpath\tcaps\tcount\nacme\t01\n",
        ] {
            let err = wc.read_rows(bad, "c.tsv").unwrap_err().to_string();
            assert!(err.contains("c.tsv") && err.contains('2'), "{err}");
        }
        assert!(wc.is_empty());
    }
}
