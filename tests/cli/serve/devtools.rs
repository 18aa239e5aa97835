//! The page driven as a person uses it: keystrokes into the search box and
//! clicks on its buttons, in real headless Chromium, over the Chrome
//! DevTools Protocol.
//!
//! `--dump-dom` ([`super::browser`]) shows what a URL renders to, but it
//! cannot type or click, and the page's two paths that start from a
//! person's hands — search as you type, and "Save as alert" — would go
//! untested. So Chromium is started with `--remote-debugging-port=0`; the
//! port it picks is read from `DevToolsActivePort` in its profile, the
//! page's target is found at `/json/list`, and commands go over that
//! target's WebSocket (`tungstenite`, synchronous: no runtime in tests).
//! Keystrokes are `Input.insertText` into the focused element, which fires
//! the same `input` events typing does; clicks are `Input.dispatchMouseEvent`
//! at the element's centre, so a hidden or covered button is not clicked.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

use super::browser::{chromium, HEADLESS};

/// How long Chromium may take to start and a page to settle (a debug
/// server on a busy 2-core box).
const PATIENCE: Duration = Duration::from_secs(60);

/// A headless Chromium showing one page, killed when dropped.
pub struct Page {
    child: Child,
    _profile: tempfile::TempDir,
    socket: WebSocket<TcpStream>,
    next: u64,
}

impl Page {
    /// Chromium at `url`, its scripts running.
    pub fn open(url: &str) -> Page {
        let profile = tempfile::tempdir().expect("profile dir");
        let child = Command::new(chromium())
            .args(HEADLESS)
            .args([
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--window-size=1200,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("run chromium");
        let port = devtools_port(profile.path().join("DevToolsActivePort"));
        let page_socket = page_target(port, url);
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to DevTools");
        // A page that never answers fails the test instead of hanging it.
        stream
            .set_read_timeout(Some(PATIENCE))
            .expect("read timeout");
        let (socket, _) = tungstenite::client(page_socket.as_str(), stream)
            .expect("DevTools WebSocket handshake");
        let mut page = Page {
            child,
            _profile: profile,
            socket,
            next: 0,
        };
        // The tab starts on about:blank, itself "complete": wait for the
        // page asked for, or typing could land before it replaces the tab.
        page.wait_for("location.protocol.startsWith('http') && document.readyState === 'complete'");
        page
    }

    /// One DevTools command, and its result (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let text = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket
            .send(Message::text(text))
            .expect("send to DevTools");
        loop {
            let msg = self.socket.read().expect("read from DevTools");
            let Message::Text(text) = msg else { continue };
            let v: Value = serde_json::from_str(text.as_str()).expect("DevTools sends JSON");
            if v["id"].as_u64() == Some(id) {
                assert!(v.get("error").is_none(), "{method} failed: {v}");
                return v["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page (promises awaited).
    pub fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "awaitPromise": true, "returnByValue": true }),
        );
        assert!(
            r.get("exceptionDetails").is_none(),
            "{expression} threw: {}",
            r["exceptionDetails"]
        );
        r["result"]["value"].clone()
    }

    /// Waits until `expression` is truthy in the page, and returns its value.
    pub fn wait_for(&mut self, expression: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.eval(expression);
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::String(s) => !s.is_empty(),
                Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return v;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the page never got to `{expression}` within {PATIENCE:?}; it shows: {}",
                self.eval("document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Types `text` into the element `#id`, as keystrokes would.
    pub fn type_into(&mut self, id: &str, text: &str) {
        self.click(id);
        self.call("Input.insertText", json!({ "text": text }));
    }

    /// Clicks the middle of the first element matching the CSS `selector`,
    /// with the mouse, so only what a person could click is clicked.
    pub fn click(&mut self, selector: &str) {
        let sel = serde_json::to_string(selector).expect("selector as JSON");
        let at = self.wait_for(&format!(
            "(() => {{ const e = document.querySelector({sel}); if (!e) return null; \
             e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); \
             return r.width > 0 && r.height > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null; }})()"
        ));
        let (x, y) = (at[0].as_f64(), at[1].as_f64());
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port Chromium chose, from the first line of `DevToolsActivePort`.
fn devtools_port(file: PathBuf) -> u16 {
    let started = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(&file) {
            if let Some(port) = text.lines().next().and_then(|l| l.trim().parse().ok()) {
                return port;
            }
        }
        assert!(
            started.elapsed() < PATIENCE,
            "Chromium did not open its DevTools port within {PATIENCE:?} ({} never appeared)",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The WebSocket of the page target showing `url` (`GET /json/list`).
fn page_target(port: u16, url: &str) -> String {
    // `url` only names the page in the failure message.
    let started = Instant::now();
    loop {
        let list = http_get(port, "/json/list");
        if let Ok(Value::Array(targets)) = serde_json::from_str::<Value>(&list) {
            // The one tab Chromium opened (its URL may already be
            // rewritten by the page's history.replaceState).
            let page = targets.iter().find(|t| t["type"] == "page");
            if let Some(ws) = page.and_then(|t| t["webSocketDebuggerUrl"].as_str()) {
                return ws.to_string();
            }
        }
        assert!(
            started.elapsed() < PATIENCE,
            "Chromium shows no page at {url} within {PATIENCE:?}: {list}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The body of `GET path` from DevTools' HTTP endpoint. It keeps the
/// connection open, so the body ends at its `Content-Length`, not at EOF.
fn http_get(port: u16, path: &str) -> String {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return String::new();
    }
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&got[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if let Some(length) = length {
                if got.len() >= end + 4 + length {
                    return String::from_utf8_lossy(&got[end + 4..end + 4 + length]).into_owned();
                }
            }
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return String::new(),
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
}
