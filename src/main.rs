//! The `newsie` command: parse the command line, run, map the outcome to an exit status.

mod cli;
mod input;
mod outdir;
mod run;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc serves the many small, short-lived allocations of extraction (names, keys, record
/// strings) faster than the system allocator; the library itself leaves the choice to its user.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.into_config().and_then(run::run) {
        Ok(status) => status,
        Err(e) if run::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsie: {e:#}");
            ExitCode::from(2)
        }
    }
}
