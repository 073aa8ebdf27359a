//! What the integration tests share: finding the evaluation data in ../shared, which only the
//! developers' machines and CI have; a test without it prints why it skips.

use std::path::PathBuf;

/// `../shared/data/events/<rel>` next to the repository, or `None` (with a SKIP line) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIP: {} is absent (../shared is only on the developers' machines)",
            p.display()
        );
        None
    }
}
