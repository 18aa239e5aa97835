//! Load on `podium serve`: 16 concurrent clients on loopback, each with a
//! keep-alive connection, sending a mix of searches, facet counts and
//! passage look-ups; prints requests per second and p50/p90/p99 latency.
//!
//! Bounded in count and time: `PODIUM_SERVE_REQUESTS` requests in all
//! (default 4000) or `PODIUM_SERVE_SECONDS` seconds (default 30), whichever
//! ends first; `-- --test` (as CI runs benches) sends 160. Traffic goes to
//! 127.0.0.1 only. The index is built from the seeds, or is
//! `PODIUM_SERVE_INDEX` (an existing index, for a larger corpus).
//!
//! ```sh
//! cargo bench --bench serve
//! PODIUM_SERVE_INDEX=/tmp/wh-index cargo bench --bench serve
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

const CLIENTS: usize = 16;

/// What clients ask, in turn: typed searches (words, a phrase, a prefix,
/// filters), the page's facet request, and an id look-up with context.
const TARGETS: &[&str] = &[
    "/api/search?q=STAR+Market&n=10",
    "/api/search?q=%22capital+market%22&n=10",
    "/api/search?q=invest*&n=10",
    "/api/search?q=container+throughput&role=official&n=10",
    "/api/search?q=technology+innovation&since=2024&n=10",
    "/api/speakers?q=market&n=30",
    "/api/search?q=president+economy&n=10",
    "/api/search?q=vaccine+OR+vaccines&n=10",
];

struct Server(Child, SocketAddr);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(index: &PathBuf) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(index)
        .env_remove("PODIUM_CONFIG")
        .env_remove("PODIUM_SYNONYMS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn podium serve");
    let pipe = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                if let Ok(a) = rest.split('/').next().unwrap_or("").parse::<SocketAddr>() {
                    let _ = tx.send(a);
                }
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("podium serve did not start");
    Server(child, addr)
}

/// One keep-alive connection: a GET, and its status and body length.
struct Client {
    reader: BufReader<TcpStream>,
}

impl Client {
    fn connect(addr: SocketAddr) -> Client {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_nodelay(true).expect("nodelay");
        s.set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        Client {
            reader: BufReader::new(s),
        }
    }

    fn get(&mut self, target: &str) -> std::io::Result<(u16, usize)> {
        write!(
            self.reader.get_mut(),
            "GET {target} HTTP/1.1\r\nHost: bench\r\n\r\n"
        )?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let mut len = 0;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body)?;
        Ok((status, len))
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let test = std::env::args().any(|a| a == "--test");
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let total = if test {
        160
    } else {
        env("PODIUM_SERVE_REQUESTS", 4000) as usize
    };
    let seconds = env("PODIUM_SERVE_SECONDS", 30);
    let scratch = tempfile::tempdir().expect("tempdir");
    let index = match std::env::var_os("PODIUM_SERVE_INDEX") {
        Some(p) => PathBuf::from(p),
        None => {
            let dir = scratch.path().join("idx");
            let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
            let ok = Command::new(env!("CARGO_BIN_EXE_podium"))
                .args(["index", "-q", "--index"])
                .arg(&dir)
                .arg(seeds)
                .status()
                .expect("podium index");
            assert!(ok.success(), "podium index failed");
            dir
        }
    };
    let server = start(&index);
    let addr = server.1;
    // Warm up: every target once, each must answer 200.
    let mut warm = Client::connect(addr);
    for t in TARGETS {
        let (status, _) = warm.get(t).expect("warm-up request");
        assert_eq!(status, 200, "{t}");
    }

    let next = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let next = Arc::clone(&next);
            std::thread::spawn(move || {
                let mut client = Client::connect(addr);
                let mut times = Vec::new();
                let mut errors = 0usize;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || Instant::now() >= deadline {
                        break;
                    }
                    let t0 = Instant::now();
                    match client.get(TARGETS[i % TARGETS.len()]) {
                        Ok((200, _)) => times.push(t0.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            client = Client::connect(addr);
                        }
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (t, e) = w.join().expect("client thread");
        times.extend(t);
        errors += e;
    }
    let elapsed = started.elapsed();
    drop(server);
    times.sort();
    assert!(!times.is_empty(), "no request succeeded");
    assert_eq!(errors, 0, "{errors} requests failed");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "serve: {} requests, {CLIENTS} clients, {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; index {}",
        times.len(),
        elapsed.as_secs_f64(),
        times.len() as f64 / elapsed.as_secs_f64(),
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.90)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().expect("times")),
        index.display()
    );
}
