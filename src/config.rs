//! The config file: defaults a user sets once.
//!
//! podium reads one TOML file, in the platform's usual place for
//! configuration (`dirs::config_dir()`):
//!
//! | platform | file |
//! |---|---|
//! | Linux, BSD | `$XDG_CONFIG_HOME/podium/config.toml`, else `~/.config/podium/config.toml` |
//! | macOS | `~/Library/Application Support/podium/config.toml` |
//! | Windows | `%APPDATA%\podium\config.toml` |
//!
//! `PODIUM_CONFIG=FILE` reads another file instead (it must exist), and
//! `PODIUM_CONFIG=` (empty) reads none. A missing file at the usual place
//! is no error: every setting has a default. See [`EXAMPLE`] for the
//! settings.
//!
//! Precedence, for every setting: a command-line flag, then an environment
//! variable, then this file, then the built-in default. `--index` beats
//! `PODIUM_INDEX`, which beats `index = …` here, which beats `index/`. For
//! colour the file's `color` beats `NO_COLOR`, as <https://no-color.org>
//! asks of configuration files, and `--color` beats both.
//!
//! Paths in the file may start with `~/` (the home directory); relative
//! paths are taken from the folder the file is in, so a config file means
//! the same thing from any working directory.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::render::style::{ColorChoice, Paint, Palette};

/// Environment variable naming the config file to read.
pub const CONFIG_ENV: &str = "PODIUM_CONFIG";

/// Environment variable naming a synonyms file.
pub const SYNONYMS_ENV: &str = "PODIUM_SYNONYMS";

/// An example config file, every setting shown with its default.
pub const EXAMPLE: &str = r#"# podium's config file (TOML). Every setting is optional.

# Where the index lives when neither --index nor PODIUM_INDEX says.
# index = "~/briefings/index"

# A synonyms file for searches, when PODIUM_SYNONYMS does not name one.
# synonyms = "~/briefings/synonyms.txt"

# When to colour output: "auto" (a terminal without NO_COLOR), "always", "never".
# color = "auto"

# What each part of a hit looks like: words among bold, dim, italic,
# underline, reverse, a colour (black red green yellow blue magenta cyan
# white, or bright-red …), on-COLOUR for a background, or plain.
[colors]
# speaker = "bold"
# role = "plain"
# date = "plain"
# title = "dim"
# highlight = "bold red"
# meta = "dim"
"#;

/// The file's settings, as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    index: Option<PathBuf>,
    synonyms: Option<PathBuf>,
    color: Option<ColorChoice>,
    #[serde(default)]
    colors: Colors,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colors {
    speaker: Option<String>,
    role: Option<String>,
    date: Option<String>,
    title: Option<String>,
    highlight: Option<String>,
    meta: Option<String>,
}

/// The configuration in effect: the file's settings, checked, paths
/// resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub index: Option<PathBuf>,
    pub synonyms: Option<PathBuf>,
    pub color: Option<ColorChoice>,
    pub palette: Palette,
}

/// Where a setting's value came from, for `podium config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env(&'static str),
    File,
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag => f.write_str("command line"),
            Origin::Env(name) => write!(f, "${name}"),
            Origin::File => f.write_str("config file"),
            Origin::Default => f.write_str("default"),
        }
    }
}

/// The usual config file of this platform (it may not exist).
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("podium").join("config.toml"))
}

/// The file to read: `$PODIUM_CONFIG` if set (empty: none), else the
/// usual place if the file is there. The flag says whether it must exist.
fn chosen_path() -> Option<(PathBuf, bool)> {
    match std::env::var_os(CONFIG_ENV) {
        Some(v) if v.is_empty() => None,
        Some(v) => Some((PathBuf::from(v), true)),
        None => default_path().map(|p| (p, false)),
    }
}

/// Reads the config file, if there is one. Errors name the file and say
/// what is wrong, on one line.
pub fn load() -> Result<Config, String> {
    let Some((path, required)) = chosen_path() else {
        return Ok(Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Config::default())
        }
        Err(e) => return Err(format!("config file {}: {e}", path.display())),
    };
    parse(&text, &path)
}

/// Parses a config file's text; `path` resolves relative paths and names
/// the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let bad = |msg: String| format!("config file {}: {msg}", path.display());
    let file: File = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        match e.span().map(|s| text[..s.start].matches('\n').count() + 1) {
            Some(line) => bad(format!("line {line}: {msg}")),
            None => bad(msg),
        }
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut palette = Palette::default();
    let c = &file.colors;
    for (slot, value, key) in [
        (&mut palette.speaker, &c.speaker, "speaker"),
        (&mut palette.role, &c.role, "role"),
        (&mut palette.date, &c.date, "date"),
        (&mut palette.title, &c.title, "title"),
        (&mut palette.highlight, &c.highlight, "highlight"),
        (&mut palette.meta, &c.meta, "meta"),
    ] {
        if let Some(spec) = value {
            *slot = Paint::parse(spec).map_err(|e| bad(format!("colors.{key}: {e}")))?;
        }
    }
    Ok(Config {
        path: Some(path.to_path_buf()),
        index: file.index.map(|p| resolve(&p, base)),
        synonyms: file.synonyms.map(|p| resolve(&p, base)),
        color: file.color,
        palette,
    })
}

/// `~/x` → home/x; a relative path → from the config file's folder.
fn resolve(p: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = p.strip_prefix("~") {
        if let Some(home) = dirs::home_dir() {
            return home.join(rest);
        }
    }
    if p.is_relative() {
        base.join(p)
    } else {
        p.to_path_buf()
    }
}

static CURRENT: OnceLock<Config> = OnceLock::new();

/// Loads the config file once for the whole process (the binary calls this
/// first, so a bad file is reported before anything runs).
pub fn init() -> Result<&'static Config, String> {
    if let Some(c) = CURRENT.get() {
        return Ok(c);
    }
    let c = load()?;
    Ok(CURRENT.get_or_init(|| c))
}

/// The configuration in effect: what [`init`] loaded, or none (the
/// defaults) when nothing loaded it, as in library use and unit tests.
pub fn current() -> &'static Config {
    CURRENT.get_or_init(Config::default)
}

/// The user's synonyms file, added to the shipped list, with where it
/// came from: `flag`, else `$PODIUM_SYNONYMS`, else the config file's,
/// else `synonyms.txt` in podium's config folder when it exists
/// ([`crate::search::synonyms::default_path`]). Searches and `podium
/// config` both ask here, so what `config` shows is what searches use.
pub fn synonyms(flag: Option<&Path>) -> Option<(PathBuf, Origin)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), Origin::Flag));
    }
    if let Some(v) = std::env::var_os(SYNONYMS_ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(v), Origin::Env(SYNONYMS_ENV)));
    }
    if let Some(p) = &current().synonyms {
        return Some((p.clone(), Origin::File));
    }
    crate::search::synonyms::default_path()
        .filter(|p| p.is_file())
        .map(|p| (p, Origin::Default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings_and_resolves_paths() {
        let c = parse(
            "index = \"idx\"\nsynonyms = \"/abs/syn.txt\"\ncolor = \"never\"\n\
             [colors]\nhighlight = \"underline yellow\"\n",
            Path::new("/home/u/.config/podium/config.toml"),
        )
        .expect("config");
        assert_eq!(
            c.index.as_deref(),
            Some(Path::new("/home/u/.config/podium/idx"))
        );
        assert_eq!(c.synonyms.as_deref(), Some(Path::new("/abs/syn.txt")));
        assert_eq!(c.color, Some(ColorChoice::Never));
        assert_eq!(c.palette.highlight.to_string(), "4;33");
        assert_eq!(c.palette.speaker, Palette::default().speaker);
    }

    #[test]
    fn errors_name_the_file_the_line_and_the_problem() {
        let p = Path::new("/etc/podium.toml");
        let e = parse("index = \"x\"\ncolour = \"always\"\n", p).unwrap_err();
        assert!(
            e.starts_with("config file /etc/podium.toml: line 2:"),
            "{e}"
        );
        assert!(e.contains("colour"), "{e}");
        assert!(!e.contains('\n'));
        let e = parse("color = \"sometimes\"\n", p).unwrap_err();
        assert!(e.contains("sometimes"), "{e}");
        let e = parse("[colors]\nspeaker = \"bold purple\"\n", p).unwrap_err();
        assert!(
            e.contains("colors.speaker: unknown colour word 'purple'"),
            "{e}"
        );
    }

    #[test]
    fn the_example_is_a_valid_config() {
        let c = parse(EXAMPLE, Path::new("/x/config.toml")).expect("example parses");
        assert_eq!(c.index, None);
        assert_eq!(c.palette, Palette::default());
    }
}
