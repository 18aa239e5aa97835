//! Two invented briefings for the search tests (no names from the seeds),
//! indexed once per test run, and helpers to run podium against them.
//!
//! The texts are built so that each ranking rule has a case it decides:
//! "tram network" stands together in a long passage and apart in a short
//! one (proximity); a journalist's question quotes "ferry terminal" in
//! fewer words than the official's answer (role weight); "Green Bond
//! Facility" and "GBF" name one fund (user synonyms); "People's Bank of
//! China" is in the shipped list (as PBOC).

use std::process::Output;
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::{json_lines, s, Scratch};

pub const RIVERSIDE: &str = "\
Home > Newsroom > Briefings >
Riverside Council press conference on the tram network and the Green Bond Facility

Date: 9 May 2023

Speakers:
Óscar Valdés, mayor of Riverside
Ms. Petra Lindholm, director of the Riverside Finance Bureau
Moderator:
Mr. Jonas Ekberg, spokesperson of the Riverside Council

Jonas Ekberg:
Good morning. Welcome to this press conference of the Riverside Council. Mayor Valdés will brief you first.

Óscar Valdés:
Thank you. This year the tram network will reach the northern districts, with twelve new stops, longer platforms and a new depot near the old brewery.

The Green Bond Facility raised four hundred million for the new depots and the electric buses.

Petra Lindholm:
Tram fares stay the same; the electricity supply for the whole city network will be upgraded.

Our bureau works with the People's Bank of China branch on settlement for foreign investors who buy the bonds.

Riverside Radio:
Last month you told us that the ferry terminal would reopen this summer, but the old pier is still closed and commuters are waiting. When exactly?

Jonas Ekberg:
Mayor Valdés, please.

Óscar Valdés:
The repairs on the old pier took longer than planned because the river flooded twice in the spring, and the inspectors asked for new piles under the waiting hall. The ferry terminal reopens on the first of July.

Harbour Weekly:
How will the GBF money be spent beyond the trams?

Petra Lindholm:
The GBF pays for cycle lanes and charging points for buses, and the council audits every project twice a year.

Jonas Ekberg:
That concludes today's press conference. Thank you all.
";

pub const VALLEY: &str = "\
Valley Herald | 2 February 2024

Grain prices steady as silo capacity grows

The valley cooperative opened a new grain silo on Monday, doubling storage for the winter.

\"The silo lets farmers hold grain until prices recover,\" said Marta Kowalczyk, chair of the cooperative.

The cooperative will also build a drying plant near the grain market, with loans from rural banks.
";

/// A user synonyms file for the fixture's fund.
pub const USER_SYNONYMS: &str = "# the fund's two names\nGreen Bond Facility = GBF\n";

/// The fixture index (both briefings), built once; `syn.txt` holds
/// [`USER_SYNONYMS`].
pub fn fixture() -> &'static Scratch {
    static FIXTURE: OnceLock<Scratch> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let scratch = Scratch::new();
        let a = scratch.write("briefings/riverside.txt", RIVERSIDE);
        let b = scratch.write("briefings/valley.txt", VALLEY);
        scratch.write("syn.txt", USER_SYNONYMS);
        scratch.index_paths(&[&a, &b]);
        scratch
    })
}

/// The seeds' index, built once.
pub fn seeds() -> &'static Scratch {
    static SEEDS: OnceLock<Scratch> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let scratch = Scratch::new();
        scratch.index_seeds();
        scratch
    })
}

/// `podium ARGS… --index IDX` in the scratch directory, raw.
pub fn run(scratch: &Scratch, args: &[&str]) -> Output {
    scratch
        .podium()
        .args(args)
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("run podium")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `podium search QUERY --json EXTRA…`: hits, exit code and stderr.
pub fn search(scratch: &Scratch, query: &str, extra: &[&str]) -> (Vec<Value>, i32, String) {
    let mut args = vec!["search", query, "--json"];
    args.extend_from_slice(extra);
    let o = run(scratch, &args);
    let code = o.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "search {query:?} {extra:?} exited {code}: {}",
        stderr(&o)
    );
    (json_lines(&o.stdout), code, stderr(&o))
}

/// The speakers of hits, in rank order.
pub fn speakers(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| s(h, "speaker")).collect()
}

/// The rank (1-based) of the first hit whose text contains `needle`.
pub fn rank_of(hits: &[Value], needle: &str) -> Option<usize> {
    hits.iter()
        .position(|h| s(h, "text").contains(needle))
        .map(|i| i + 1)
}
