//! CPU time of building the embedded tables of the knowledge-graph stage (gazetteer, tone
//! lexicon, issue table), which the first document of a run pays for:
//! `cargo run --release -p dyad-gkg --example gkg_tables -- [ROUNDS]` prints the best of
//! ROUNDS (default 5) for each table, in milliseconds.

use dyad_gkg::{Gazetteer, IssueTable, ToneLexicon};
use dyad_models::cputime::thread_cpu_seconds as cpu;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gkg");
    let read = |f: &str| std::fs::read_to_string(root.join(f)).expect("data/gkg table");
    let (places, aliases) = (read("places.tsv"), read("country_aliases.tsv"));
    let (vader, issues) = (read("vader.tsv"), read("issues.tsv"));
    let mut best = [f64::MAX; 3];
    for _ in 0..rounds {
        let t = cpu();
        let g = Gazetteer::parse(&places, &aliases).expect("places parse");
        best[0] = best[0].min(cpu() - t);
        std::hint::black_box(g);
        let t = cpu();
        let l = ToneLexicon::parse(&vader, "vader.tsv").expect("lexicon parses");
        best[1] = best[1].min(cpu() - t);
        std::hint::black_box(l);
        let t = cpu();
        let i = IssueTable::parse(&issues, "issues.tsv").expect("issues parse");
        best[2] = best[2].min(cpu() - t);
        std::hint::black_box(i);
    }
    let [g, l, i] = best.map(|s| s * 1e3);
    println!("gazetteer {g:.1} ms, tone lexicon {l:.1} ms, issue table {i:.1} ms");
}
