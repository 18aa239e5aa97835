//! `podium serve`: the JSON API and the web page, on loopback unless
//! another address is asked for.

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Args;

use super::args::{open_or_build, SynonymArgs};
use super::IndexLocation;
use podium::search::Options;
use podium::serve::{self, AppState};

/// Where `podium serve` listens by default: this machine only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7878";

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Address and port to listen on; port 0 picks a free one. Another address than loopback makes the index readable by anyone who can reach it.
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub synonyms: SynonymArgs,
}

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let options = Options {
        synonyms: args.synonyms.load()?,
    };
    let index = open_or_build(&args.location)?;
    index.manifest()?;
    let dir = index.dir.display().to_string();
    keep_serving_on_panic();
    let state = AppState::new(index, options);
    serve::run(state, args.addr, |bound| {
        if !bound.ip().is_loopback() {
            eprintln!(
                "podium: warning: listening on {bound}, not loopback: anyone who can reach this address can search the index"
            );
        }
        // Tests and scripts read the address from this line.
        eprintln!(
            "podium: serving {} at http://{bound}/ (Ctrl-C stops)",
            podium::render::sanitize(&dir)
        );
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A panic while answering one request is a bug, but must not stop the
/// server for everyone: report it in one line and let the request fail
/// with a 500 (the CLI's hook would end the process).
fn keep_serving_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("podium: error: internal error while answering a request{place}");
    }));
}
