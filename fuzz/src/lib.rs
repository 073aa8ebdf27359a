//! The checks of every fuzz target, as plain functions (`<target>::run(&[u8])`): each
//! `fuzz_targets/<target>.rs` hands libFuzzer's input to one of them, and the tests below
//! replay the committed seeds (`seeds/<target>/`) and the minimized crashes found so far
//! (`regressions/<target>/`) through them. Those tests need no libFuzzer and no cargo-fuzz:
//! `cargo test --lib --no-default-features` in `fuzz/` runs them (no C++ build of libFuzzer),
//! which is what CI does before its short fuzz run.

pub mod automaton_cache;
pub mod conllu;
pub mod decompress;
pub mod model_loader;
pub mod petrarch_dicts;
pub mod read_html;
pub mod read_jsonl;
pub mod read_text;
pub mod read_warc;
pub mod text_pipeline;
pub mod tsv_reader;

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Runs every file of `seeds/<target>/` and `regressions/<target>/` through `run`;
    /// returns how many files there were.
    fn replay(target: &str, run: fn(&[u8])) -> usize {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut n = 0;
        for dir in ["seeds", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
                continue;
            };
            let mut files: Vec<_> = entries.map(|e| e.expect("dir entry").path()).collect();
            files.sort();
            for f in files {
                let data = std::fs::read(&f).expect("read input");
                eprintln!("{target}: {}", f.display());
                run(&data);
                n += 1;
            }
        }
        n
    }

    #[test]
    fn read_text_seeds_and_regressions() {
        assert!(
            replay("read_text", super::read_text::run) > 0,
            "no seeds for read_text"
        );
    }

    #[test]
    fn read_html_seeds_and_regressions() {
        assert!(
            replay("read_html", super::read_html::run) > 0,
            "no seeds for read_html"
        );
    }

    #[test]
    fn read_jsonl_seeds_and_regressions() {
        assert!(
            replay("read_jsonl", super::read_jsonl::run) > 0,
            "no seeds for read_jsonl"
        );
    }

    #[test]
    fn read_warc_seeds_and_regressions() {
        assert!(
            replay("read_warc", super::read_warc::run) > 0,
            "no seeds for read_warc"
        );
    }

    #[test]
    fn decompress_seeds_and_regressions() {
        assert!(
            replay("decompress", super::decompress::run) > 0,
            "no seeds for decompress"
        );
    }

    #[test]
    fn text_pipeline_seeds_and_regressions() {
        assert!(
            replay("text_pipeline", super::text_pipeline::run) > 0,
            "no seeds for text_pipeline"
        );
    }

    #[test]
    fn conllu_seeds_and_regressions() {
        assert!(
            replay("conllu", super::conllu::run) > 0,
            "no seeds for conllu"
        );
    }

    #[test]
    fn petrarch_dicts_seeds_and_regressions() {
        assert!(
            replay("petrarch_dicts", super::petrarch_dicts::run) > 0,
            "no seeds for petrarch_dicts"
        );
    }

    #[test]
    fn tsv_reader_seeds_and_regressions() {
        assert!(
            replay("tsv_reader", super::tsv_reader::run) > 0,
            "no seeds for tsv_reader"
        );
    }

    #[test]
    fn model_loader_seeds_and_regressions() {
        assert!(
            replay("model_loader", super::model_loader::run) > 0,
            "no seeds for model_loader"
        );
    }

    #[test]
    fn automaton_cache_seeds_and_regressions() {
        assert!(
            replay("automaton_cache", super::automaton_cache::run) > 0,
            "no seeds for automaton_cache"
        );
    }
}
