//! The examples every `--help` (and man page) ends with, in one table.
//!
//! Each subcommand's help used to carry its own `"Examples:\n  …"`
//! string; here the examples are data, one row per command, and
//! [`after_help`] lays them out the same way for all of them, so a new
//! example is a line in [`EXAMPLES`] and the layout cannot drift between
//! commands. `tests/cli/help.rs` checks that every subcommand has some.

/// One command's examples: its path (`"podium"` for the top level,
/// `"watch add"` for a nested one), the command lines, and a paragraph to
/// follow them (empty for none).
pub struct Examples {
    pub command: &'static str,
    pub lines: &'static [&'static str],
    pub then: &'static str,
}

/// Every command's examples.
pub const EXAMPLES: &[Examples] = &[
    Examples {
        command: "podium",
        lines: &[
            "podium search \"STAR Market\"",
            "podium search \"STAR Market\" --speaker \"Gong Zheng\" --since 2024-01-01",
            "podium search 科创板 --format tsv | cut -f3,4",
            "podium index transcripts/ --index my-index",
            "podium parse seeds/003_5e6a9a4541243482.txt --explain",
            "podium completions bash > ~/.local/share/bash-completion/completions/podium",
        ],
        then: "Configuration: podium config (see `podium config --example`).",
    },
    Examples {
        command: "index",
        lines: &[
            "podium index",
            "podium index transcripts/ more/briefing.txt --index my-index",
            "podium index transcripts/ --prune",
            "podium index transcripts/ --rebuild",
            "podium index scans/ --date 2024-03-28",
            "podium index scraped.jsonl",
        ],
        then: "",
    },
    Examples {
        command: "search",
        lines: &[
            "podium search \"STAR Market\"",
            "podium search \"container throughput\" --speaker gong --role official",
            "podium search \"angel investment\" --since 2024-03 --until 2024 -n 5 --json",
        ],
        then: "",
    },
    Examples {
        command: "parse",
        lines: &[
            "podium parse seeds/003_5e6a9a4541243482.txt",
            "podium parse seeds/*.txt --json",
            "podium parse briefing.txt --explain",
        ],
        then: "",
    },
    Examples {
        command: "generate",
        lines: &[
            "podium generate /tmp/corpus --passages 1000000",
            "podium index /tmp/corpus --index /tmp/corpus-index",
            "podium bench --index /tmp/corpus-index --queries /tmp/corpus/queries.mix",
        ],
        then: "",
    },
    Examples {
        command: "bench",
        lines: &[
            "podium bench",
            "podium bench --index /tmp/corpus-index --queries /tmp/corpus/queries.mix --json",
        ],
        then: "",
    },
    Examples {
        command: "show",
        lines: &[
            "podium show 708b03575f3f69eb",
            "podium show 708b0357 --context 2",
            "podium show 708b03575f3f69eb --json",
        ],
        then: "",
    },
    Examples {
        command: "similar",
        lines: &[
            "podium similar 708b03575f3f69eb",
            "podium similar 708b0357 --role official --since 2024 -n 5",
            "podium similar 708b0357 --format json",
        ],
        then: "",
    },
    Examples {
        command: "speakers",
        lines: &[
            "podium speakers",
            "podium speakers \"STAR Market\"",
            "podium speakers tariffs --role official --json",
        ],
        then: "",
    },
    Examples {
        command: "docs",
        lines: &[
            "podium docs",
            "podium docs --json",
        ],
        then: "",
    },
    Examples {
        command: "export",
        lines: &[
            "podium export --format quickwit",
            "podium export --format quickwit --out /data/qw --index-id briefings",
            "podium export --index my-index --tokenizer chinese_compatible",
            "podium export --quickwit-version 0.8   (a Quickwit 0.8 cluster: en_stem)",
        ],
        then: "Then (Quickwit 0.9):\n  quickwit run   (in another terminal)\n  quickwit index create --index-config podium-quickwit/index-config.yaml\n  quickwit index ingest --index podium --input-path podium-quickwit/passages.ndjson --wait",
    },
    Examples {
        command: "completions",
        lines: &[
            "podium completions bash > ~/.local/share/bash-completion/completions/podium",
            "podium completions zsh > ~/.zfunc/_podium",
            "podium completions fish > ~/.config/fish/completions/podium.fish",
        ],
        then: "",
    },
    Examples {
        command: "man",
        lines: &[
            "podium man | man -l -",
            "podium man --dir ~/.local/share/man/man1",
        ],
        then: "",
    },
    Examples {
        command: "config",
        lines: &[
            "podium config",
            "podium config --example > \"$(podium config --path)\"",
            "PODIUM_INDEX=/data/idx podium config",
        ],
        then: "",
    },
    Examples {
        command: "stats",
        lines: &[
            "podium stats",
            "podium stats --index my-index --json",
        ],
        then: "",
    },
    Examples {
        command: "serve",
        lines: &[
            "podium serve",
            "podium serve --index my-index --addr 127.0.0.1:8080",
            "curl 'http://127.0.0.1:7878/api/search?q=STAR+Market&n=3'",
        ],
        then: "",
    },
    Examples {
        command: "watch",
        lines: &[
            "podium watch add tariffs tariffs --role official",
            "podium watch check",
            "podium watch list --json",
            "podium watch remove tariffs",
        ],
        then: "From cron (exit 0: something new, 1: nothing, 2: error):\n  */30 * * * * cd ~/briefings && podium index new/ && podium watch check --format tsv >> alerts.tsv\n\n`podium serve` publishes each saved search as an Atom feed at /feeds/NAME.atom.",
    },
    Examples {
        command: "watch add",
        lines: &[
            "podium watch add tariffs tariffs",
            "podium watch add star-market \"STAR Market\" --speaker gong --since 2024",
            "podium watch add gong \"\" --speaker \"Gong Zheng\"",
        ],
        then: "",
    },
    Examples {
        command: "watch list",
        lines: &[
            "podium watch list",
            "podium watch list --json",
        ],
        then: "",
    },
    Examples {
        command: "watch remove",
        lines: &[
            "podium watch remove tariffs",
        ],
        then: "",
    },
    Examples {
        command: "watch check",
        lines: &[
            "podium watch check",
            "podium watch check tariffs --format json",
            "podium index new/ && podium watch check --format tsv >> alerts.tsv",
        ],
        then: "",
    },
];

/// The help text that ends `command`'s `--help`: "Examples:", each line
/// indented by two spaces, then the paragraph after a blank line.
///
/// # Panics
///
/// When `command` has no row: a subcommand without examples is a bug the
/// first `--help` (and the help test) shows.
pub fn after_help(command: &str) -> String {
    let e = EXAMPLES
        .iter()
        .find(|e| e.command == command)
        .unwrap_or_else(|| panic!("no examples for `{command}`"));
    let mut out = String::from("Examples:");
    for line in e.lines {
        out.push_str("\n  ");
        out.push_str(line);
    }
    if !e.then.is_empty() {
        out.push_str("\n\n");
        out.push_str(e.then);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_laid_out_alike() {
        assert_eq!(
            after_help("docs"),
            "Examples:\n  podium docs\n  podium docs --json"
        );
        for e in EXAMPLES {
            assert!(!e.lines.is_empty(), "{}", e.command);
            assert!(after_help(e.command).starts_with("Examples:\n  podium "));
        }
    }
}
