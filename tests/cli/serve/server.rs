//! Starts `podium serve` on a free port, waits until it says where it
//! listens, and stops it when dropped; plus a small HTTP/1.1 client over
//! `std::net::TcpStream`, raw enough to send paths that real clients
//! would normalise (`/../Cargo.toml`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

/// How long the server may take to start (a debug build on a busy box).
const STARTUP: Duration = Duration::from_secs(60);

/// A running `podium serve`.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    /// Everything it printed on stderr so far.
    pub stderr: Arc<Mutex<String>>,
}

impl Server {
    /// `podium serve --index INDEX --addr 127.0.0.1:0` in `cwd`.
    pub fn start(cwd: &Path, index: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["serve", "--addr", "127.0.0.1:0", "--index"])
            .arg(index)
            .current_dir(cwd)
            .env_remove("PODIUM_INDEX")
            .env_remove("PODIUM_CONFIG")
            .env_remove("PODIUM_SYNONYMS")
            .env("XDG_CONFIG_HOME", cwd.join(".config"))
            .env("HOME", cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn podium serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let pipe = child.stderr.take().expect("stderr pipe");
        let log = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("http://").nth(1) {
                    if let Ok(a) = rest
                        .trim_end_matches(|c| c != '/')
                        .trim_end_matches('/')
                        .parse::<SocketAddr>()
                    {
                        let _ = tx.send(a);
                    }
                }
                log.lock().expect("log").push_str(&(line + "\n"));
            }
        });
        let addr = match rx.recv_timeout(STARTUP) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "podium serve did not say where it listens within {STARTUP:?}; stderr: {}",
                    stderr.lock().expect("log")
                );
            }
        };
        Server {
            child,
            addr,
            stderr,
        }
    }

    /// `GET target` (sent as is).
    pub fn get(&self, target: &str) -> Response {
        self.request("GET", target)
    }

    /// A request with no body, `target` written into the request line as is.
    pub fn request(&self, method: &str, target: &str) -> Response {
        self.raw(
            format!(
                "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.addr
            )
            .as_bytes(),
        )
    }

    /// Sends `bytes` and reads the answer to the end.
    pub fn raw(&self, bytes: &[u8]) -> Response {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        s.write_all(bytes).expect("send");
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).expect("read answer");
        Response::parse(&buf)
    }

    /// `GET target`, which must answer 200 with JSON.
    pub fn json(&self, target: &str) -> Value {
        let r = self.get(target);
        assert_eq!(r.status, 200, "GET {target}: {}", r.body);
        r.json()
    }

    /// `GET target`, which must fail with `status`; the `error` message.
    pub fn error(&self, target: &str, status: u16) -> String {
        let r = self.get(target);
        assert_eq!(r.status, status, "GET {target}: {}", r.body);
        r.json()["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error message: {}", r.body))
            .to_string()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    fn parse(buf: &[u8]) -> Response {
        let text = String::from_utf8_lossy(buf);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status line in {text:?}"));
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        assert!(
            !headers
                .iter()
                .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")),
            "chunked answers are not expected"
        );
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// `s` percent-encoded for a query string.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
