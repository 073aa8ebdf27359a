//! The life of a corpus run: a progress bar on standard error (only when it is a terminal)
//! and the Ctrl-C flag.
//!
//! Ctrl-C (SIGINT) and SIGTERM do not kill a run: they set a flag that the run checks between
//! documents, so the document being coded is finished and written whole, the summary is
//! printed and the process exits with 130. A second signal while the first is pending exits
//! at once (status 130) for a run stuck in one huge document; its output can then end in a
//! partial line, which `--resume` cuts away.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counts inputs and documents, and shows documents per second while a run goes on.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    docs: usize,
}

impl Progress {
    /// A bar over `inputs` input files; hidden when `quiet`, stderr is not a terminal, or there
    /// is a single input.
    pub fn new(inputs: usize, quiet: bool) -> Progress {
        let show = !quiet && inputs > 1 && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(inputs as u64),
                ProgressDrawTarget::stderr_with_hz(8),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} inputs  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            docs: 0,
        }
    }

    pub fn document_done(&mut self) {
        self.docs += 1;
        if let Some(bar) = &self.bar {
            if self.docs % 16 == 1 {
                bar.set_message(format!("{} docs, {:.1} docs/s", self.docs, self.rate()));
            }
        }
    }

    pub fn input_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn rate(&self) -> f64 {
        let secs = self.start.elapsed().as_secs_f64();
        if secs > 0.0 {
            self.docs as f64 / secs
        } else {
            0.0
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Set when SIGINT or SIGTERM arrives; checked by the run between documents.
#[derive(Clone)]
pub struct Interrupt {
    flag: Arc<AtomicBool>,
}

impl Interrupt {
    /// Installs the handlers for SIGINT and SIGTERM.
    pub fn install() -> Result<Interrupt> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let flag = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGTERM] {
            // Registered first, so it sees the flag as it was before this signal: only a
            // second signal exits at once.
            signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&flag))
                .context("cannot install the signal handler")?;
            signal_hook::flag::register(sig, Arc::clone(&flag))
                .context("cannot install the signal handler")?;
        }
        Ok(Interrupt { flag })
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}
