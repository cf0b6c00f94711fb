//! `plenaria-load`: a meeting simulator. Starts the release server on a fresh
//! database, signs in a committee, coordinators and participants over the
//! same HTTP and realtime protocol browsers use, drives them, and checks at
//! the end that no acknowledged write was lost or duplicated and that every
//! client heard of the last change. Exits non-zero when that check fails or
//! the server answered 5xx — never because of timings.
//!
//! cargo run --release -p plenaria-load -- steady   (see `--help`)

mod actors;
mod floor;
mod http;
mod report;
mod run;
mod screens;
mod server_proc;
mod shape;
mod sse;
mod verify;

use clap::{Parser, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Scenario {
    /// 300 participants, 6 coordinators, 2 projectors (defaults), no faults.
    Steady,
    /// Adds participants step by step; reports the most clients whose
    /// fan-out p99 stayed under `--p99-limit-ms`.
    Ramp,
    /// kill -9 of the server mid-run and a restart on the same database.
    Restart,
    /// As steady, with one participant that stops reading its realtime link.
    SlowConsumer,
    /// The short correctness run for CI: 44 participants, 6 coordinators, 20 s, one restart,
    /// and one participant whose link drops for 2 s (it must get exactly what it missed).
    Ci,
    /// Open screens reading the programme (`--screens`, each size against the floor and
    /// Plenaria), 6 coordinators saving, the clock changed every second: clock latency.
    Screens,
    /// Internal: the bare SSE server `screens` compares Plenaria with (`floor.rs`).
    FloorServer,
}

#[derive(Clone, Debug, Parser)]
#[command(name = "plenaria-load", about = "Simulates a Plenaria meeting against a real server and checks nothing acknowledged is lost.")]
pub struct Opts {
    #[arg(value_enum)]
    pub scenario: Scenario,
    #[arg(long, default_value_t = 300)]
    pub participants: usize,
    /// At most 6: one per group of sessions 1–2.
    #[arg(long, default_value_t = 6)]
    pub coordinators: usize,
    #[arg(long, default_value_t = 2)]
    pub projectors: usize,
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// Matrix saves per second per coordinator.
    #[arg(long, default_value_t = 4.0)]
    pub save_rate: f64,
    /// Seconds between two answers of one participant.
    #[arg(long, default_value_t = 10.0)]
    pub answer_every: f64,
    /// Restart: seconds into the run when the server is killed.
    #[arg(long, default_value_t = 20)]
    pub restart_after: u64,
    /// Ramp: participants added per step, seconds per step, and the ceiling.
    #[arg(long, default_value_t = 200)]
    pub ramp_step: usize,
    #[arg(long, default_value_t = 10)]
    pub ramp_every: u64,
    #[arg(long, default_value_t = 2000)]
    pub ramp_max: usize,
    #[arg(long, default_value_t = 100)]
    pub p99_limit_ms: u64,
    /// Screens: the sizes to measure, each against the floor and Plenaria.
    #[arg(long, value_delimiter = ',', default_values_t = [1000, 10000])]
    pub screens: Vec<usize>,
    #[arg(long, default_value = "target/release/server")]
    pub server: PathBuf,
    #[arg(long, default_value = "seeds/meeting.toml")]
    pub seed: PathBuf,
    /// The meeting's groups, questions and a dimension, read from `seed`.
    #[arg(skip)]
    pub shape: shape::Shape,
    #[arg(long, default_value = "target/site")]
    pub site_root: PathBuf,
    #[arg(long, default_value_t = 3301)]
    pub port: u16,
    /// Where the JSON report goes.
    #[arg(long, default_value = "target/load-report.json")]
    pub out: PathBuf,
}

impl Opts {
    /// The CI run's fixed shape.
    fn normalised(mut self) -> Result<Self, String> {
        if self.scenario == Scenario::Ci {
            (self.participants, self.coordinators, self.projectors, self.seconds, self.restart_after) = (44, 6, 0, 20, 10);
        }
        if self.scenario != Scenario::FloorServer {
            self.shape = shape::read(&self.seed)?;
        }
        self.coordinators = self.coordinators.min(self.shape.groups.len());
        Ok(self)
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let opts = match Opts::parse().normalised() {
        Ok(opts) => opts,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    server_proc::raise_open_file_limit();
    let outcome = match opts.scenario {
        Scenario::FloorServer => {
            return match floor::serve(opts.port).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(2)
                }
            }
        }
        Scenario::Screens => screens::run(&opts).await,
        _ => run::run(&opts).await,
    };
    match outcome {
        Ok(report) => {
            let text = serde_json::to_string_pretty(&report).unwrap_or_default();
            if let Err(e) = std::fs::write(&opts.out, &text) {
                eprintln!("cannot write {}: {e}", opts.out.display());
            }
            println!("{}", report::summary(&report));
            println!("JSON report: {}", opts.out.display());
            if report["pass"].as_bool() == Some(true) {
                ExitCode::SUCCESS
            } else {
                eprintln!("FAILED: lost or duplicated writes, 5xx answers, or a client that missed the last change");
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("plenaria-load: {e}");
            ExitCode::from(2)
        }
    }
}
