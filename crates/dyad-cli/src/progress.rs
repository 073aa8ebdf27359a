//! A progress bar for multi-document runs, on standard error, only when it is a terminal.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

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
