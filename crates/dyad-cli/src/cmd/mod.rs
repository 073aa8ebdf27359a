//! The verbs of the `dyad` command line, one module each. The evaluations of the later stages
//! live in their own files (`eval_events`, `eval_events_gold`, `eval_actors`, `eval_gkg`) and
//! are merged into `dyad eval` by `eval.rs`.

pub mod actors_standoff;
pub mod eval;
pub mod eval_actors;
pub mod eval_events;
pub mod eval_events_gold;
pub mod eval_gkg;
pub mod run;
pub mod train;
pub mod train_speakers;
