//! Time to get the built-in dictionary ready in a fresh process, split by step.
//!
//! ```text
//! cargo run --release -p dyad-actors --example load_time
//! ```

use std::time::Instant;

use dyad_actors::{Dictionary, DictionaryBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let b = DictionaryBuilder::with_builtin()?;
    let read = t.elapsed();
    let t2 = Instant::now();
    let d = b.build()?;
    let build = t2.elapsed();
    println!(
        "from text: read TSVs {:.3} s, validate+compile {:.3} s, total {:.3} s ({} entries)",
        read.as_secs_f64(),
        build.as_secs_f64(),
        (read + build).as_secs_f64(),
        d.entries().len()
    );
    let t3 = Instant::now();
    let d = Dictionary::builtin()?;
    println!(
        "Dictionary::builtin(): {:.3} s ({} entries)",
        t3.elapsed().as_secs_f64(),
        d.entries().len()
    );
    Ok(())
}
