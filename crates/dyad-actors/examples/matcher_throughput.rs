//! Throughput of the dictionary pass, in tokens per second on one core.
//!
//! ```text
//! cargo run --release -p dyad-actors --example matcher_throughput -- [FILE...]
//! ```
//!
//! FILEs are `.conllu` (tokens from the FORM column, one sentence per block) or plain
//! text (split at blanks and punctuation, a sentence per `.`, `!`, `?`); by default the
//! repository sample. The token sequences are repeated until at least 5 million tokens
//! are matched. Two baselines run on the same tokens: the unavoidable per-token work of any
//! dictionary lookup (folding each token and probing a hash set of dictionary words), and
//! the naive dictionary pass (a hash map of whole phrases probed with every n-gram, longest
//! first, at every position).
//! Both are reported per wall-clock second and per second of this thread's CPU time
//! (Linux `/proc/thread-self/schedstat`), which is the per-core figure on a shared
//! machine where the thread is often descheduled.

use std::hint::black_box;
use std::time::Instant;

use dyad_actors::normalize::{fold, fold_into, phrase_words};
use dyad_actors::{Date, Dictionary, DictionaryBuilder, Scratch};
use rustc_hash::{FxHashMap, FxHashSet};

/// Nanoseconds this thread has run on a CPU, if the kernel says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

struct Clock(Instant, Option<u64>);

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }
    /// (wall seconds, cpu seconds)
    fn stop(&self) -> (f64, Option<f64>) {
        let cpu = match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => Some((b - a) as f64 / 1e9),
            _ => None,
        };
        (self.0.elapsed().as_secs_f64(), cpu)
    }
}

fn rate(label: &str, tokens: usize, (wall, cpu): (f64, Option<f64>), extra: &str) {
    let cpu_rate = cpu.map_or("n/a".to_string(), |c| {
        format!("{:.2}", tokens as f64 / c / 1e6)
    });
    println!(
        "{label:<26} {:>6.2} M tokens/s wall, {cpu_rate:>6} M tokens/s per CPU-second{extra}",
        tokens as f64 / wall / 1e6
    );
}

fn text_sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    for w in text.split_whitespace() {
        let mut w = w;
        let mut tail = Vec::new();
        while let Some(c) = w.chars().last().filter(|c| !c.is_alphanumeric()) {
            tail.push(c.to_string());
            w = &w[..w.len() - c.len_utf8()];
        }
        if !w.is_empty() {
            out.last_mut().unwrap().push(w.to_string());
        }
        for t in tail.into_iter().rev() {
            let end = matches!(t.as_str(), "." | "!" | "?");
            out.last_mut().unwrap().push(t);
            if end {
                out.push(Vec::new());
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn conllu_sentences(text: &str) -> Vec<Vec<String>> {
    text.split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter(|l| {
                    l.split('\t')
                        .next()
                        .is_some_and(|id| id.parse::<usize>().is_ok())
                })
                .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files.push(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../samples/devdiscourse-2021-03-25-blinken.txt"
            )
            .to_string(),
        );
    }
    let mut sentences = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        if f.ends_with(".conllu") {
            sentences.extend(conllu_sentences(&text));
        } else {
            sentences.extend(text_sentences(&text));
        }
    }
    let corpus_tokens: usize = sentences.iter().map(Vec::len).sum();
    assert!(corpus_tokens > 0, "no tokens in {files:?}");

    let t0 = Instant::now();
    let dict: Dictionary = DictionaryBuilder::with_builtin().unwrap().build().unwrap();
    let load = t0.elapsed();
    println!(
        "dictionary: {} entries, {} phrases, built in {:.0} ms",
        dict.entries().len(),
        dict.matcher().pattern_count(),
        load.as_secs_f64() * 1e3
    );

    let reps = (5_000_000 / corpus_tokens).max(1) + 1;
    let total = corpus_tokens * reps;
    println!(
        "corpus: {} sentences, {corpus_tokens} tokens from {files:?}; x{reps} = {total} tokens",
        sentences.len()
    );
    let date = Date::parse_iso("2021-03-25");

    // baseline: fold + hash probe per token
    let words: FxHashSet<String> = dict
        .entries()
        .iter()
        .flat_map(|e| phrase_words(&e.phrase))
        .collect();
    let mut buf = String::new();
    let t = Clock::start();
    let mut hits = 0usize;
    for _ in 0..reps {
        for s in &sentences {
            for tok in s {
                fold_into(tok, &mut buf);
                hits += words.contains(buf.as_str()) as usize;
            }
        }
    }
    black_box(hits);
    let base = t.stop();

    let mut scratch = Scratch::default();
    let matcher = dict.matcher();
    // warm-up
    black_box(matcher.dictionary_pass(&sentences, date, &mut scratch));
    let t = Clock::start();
    let mut matches = 0usize;
    for _ in 0..reps {
        matches += matcher.dictionary_pass(&sentences, date, &mut scratch);
    }
    let pass = t.stop();
    // baseline 2: the naive dictionary pass, a hash map of whole phrases probed with every
    // n-gram (longest first) at every position, as a straightforward implementation does
    let phrases: FxHashMap<String, usize> = dict
        .entries()
        .iter()
        .enumerate()
        .map(|(i, e)| (phrase_words(&e.phrase).join(" "), i))
        .collect();
    let max_len = phrases
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut folded: Vec<String> = Vec::new();
    let mut key = String::new();
    let t = Clock::start();
    let mut naive_hits = 0usize;
    for _ in 0..reps {
        for s in &sentences {
            folded.clear();
            folded.extend(s.iter().map(|t| fold(t)));
            let mut i = 0;
            while i < folded.len() {
                let mut step = 1;
                for n in (1..=max_len.min(folded.len() - i)).rev() {
                    key.clear();
                    for (j, w) in folded[i..i + n].iter().enumerate() {
                        if j > 0 {
                            key.push(' ');
                        }
                        key.push_str(w);
                    }
                    if phrases.contains_key(key.as_str()) {
                        naive_hits += 1;
                        step = n;
                        break;
                    }
                }
                i += step;
            }
        }
    }
    black_box(naive_hits);
    let naive = t.stop();
    rate("baseline fold+hash probe:", total, base, "");
    rate(
        "baseline naive n-gram map:",
        total,
        naive,
        &format!("  (phrases up to {max_len} words, {naive_hits} matches)"),
    );
    let extra = format!(
        "  ({matches} matches, {:.1} per 100 tokens)",
        matches as f64 * 100.0 / total as f64
    );
    rate("dictionary pass:", total, pass, &extra);
    let ratio = |x: (f64, Option<f64>), y: (f64, Option<f64>)| match (x.1, y.1) {
        (Some(a), Some(b)) => a / b,
        _ => x.0 / y.0,
    };
    println!(
        "ratios (CPU time): naive n-gram map / dictionary pass = {:.1}x slower; \
         dictionary pass / fold+hash probe = {:.2}x the time",
        ratio(naive, pass),
        ratio(pass, base)
    );
}
