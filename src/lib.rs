//! podium: full-text search over press-briefing transcripts — who said what, when.
//!
//! Data flows in one direction, one module per step:
//!
//! raw text → [`transcript`] ([`Transcript`]: title, date, roster, speaker
//! turns) → [`passage`] ([`Passage`]: one paragraph of one speaker, with its
//! date and briefing) → [`index`] (a tantivy index on disk) → [`search`]
//! ([`Hit`]: a ranked passage with a highlighted snippet) → [`render`]
//! (text for people, JSON lines for programs).
//!
//! Around that flow: [`corpus`] finds and reads transcript files (with
//! [`input`] for HTML, Markdown and JSON lines), [`registry`] knows every
//! speaker of an index, [`export`] hands an index to other engines,
//! [`config`] holds the user's defaults, [`watch`] saves searches and says
//! what is new for them, and [`serve`] answers over HTTP. [`hash`] is the
//! ground floor: the stable hash every stored id is made with.
//!
//! The command line is not here: it lives in the `podium` binary
//! (`src/main.rs` and `src/cli/`), the one place that turns these typed
//! errors ([`Error`]) into `anyhow` reports and exit codes. Every public
//! function of this library returns [`Result`].

pub mod bench;
pub mod config;
pub mod corpus;
pub mod error;
pub mod export;
pub mod generate;
pub mod hash;
pub mod index;
pub mod input;
pub mod passage;
pub mod registry;
pub mod render;
pub mod search;
pub mod serve;
pub mod transcript;
pub mod watch;

pub use error::{Error, Result, Warning};
pub use passage::Passage;
pub use search::Hit;
pub use transcript::{Role, Transcript, Turn};
