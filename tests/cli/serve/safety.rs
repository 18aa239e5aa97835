//! Only the embedded assets are served, every answer carries the
//! Content-Security-Policy, nothing is written, oversized or malformed
//! requests are refused, and no input stops the server.

use super::server::{enc, Server};
use crate::util::Scratch;

fn seeded() -> (Scratch, Server) {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    (scratch, server)
}

#[test]
fn serve_never_serves_a_path_outside_its_assets() {
    let (scratch, server) = seeded();
    // A file next to where it runs, which a path bug would hand out.
    scratch.write("secret.txt", "TOP-SECRET-CONTENT");
    for target in [
        "/../Cargo.toml",
        "/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/..%2f..%2fCargo.toml",
        "/app.js/../../Cargo.toml",
        "/style.css/..%2f..%2fsecret.txt",
        "/secret.txt",
        "/./secret.txt",
        "//secret.txt",
        "/idx/meta.json",
        "/src/serve/assets/app.js",
        "/api/../secret.txt",
        "/api/passages/..%2f..%2fsecret.txt",
        "/%00",
        "/index.html%00.js",
        "\\..\\secret.txt",
    ] {
        let r = server.get(target);
        assert!(
            (400..500).contains(&r.status),
            "GET {target}: {} {}",
            r.status,
            r.body
        );
        for leak in ["TOP-SECRET", "[package]", "segments", "root:"] {
            assert!(
                !r.body.contains(leak),
                "GET {target} leaked {leak}: {}",
                r.body
            );
        }
    }
    // What is served is exactly the embedded files.
    assert_eq!(server.get("/app.js").body, podium::serve::assets::APP_JS);
    assert_eq!(
        server.get("/style.css").body,
        podium::serve::assets::STYLE_CSS
    );
    assert_eq!(server.get("/?q=x").body, podium::serve::assets::INDEX_HTML);
}

#[test]
fn serve_sends_a_content_security_policy_and_no_inline_script() {
    let (_scratch, server) = seeded();
    for target in [
        "/",
        "/app.js",
        "/api/search?q=market",
        "/api/search?q=OR",
        "/nowhere",
    ] {
        let r = server.get(target);
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("no CSP on {target}"));
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{csp}"
        );
        assert!(csp.contains("default-src 'none'"), "{csp}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{target}"
        );
    }
    let page = server.get("/");
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        server.get("/app.js").header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    // Scripts are files: every <script> has a src and no body, no on*= handler.
    let html = &page.body;
    let mut rest = html.as_str();
    while let Some(i) = rest.find("<script") {
        let tag_end = rest[i..].find('>').map(|j| i + j).expect("tag end");
        assert!(
            rest[i..tag_end].contains("src=\"/app.js\""),
            "inline script in the page"
        );
        assert!(
            rest[tag_end + 1..].starts_with("</script>"),
            "script with a body"
        );
        rest = &rest[tag_end..];
    }
    let lower = html.to_ascii_lowercase();
    for handler in [
        " onclick=",
        " onload=",
        " onerror=",
        " oninput=",
        " onsubmit=",
    ] {
        assert!(!lower.contains(handler), "inline handler {handler}");
    }
    // And the script never hands text to the HTML parser.
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(
            !podium::serve::assets::APP_JS.contains(sink),
            "app.js uses {sink}"
        );
    }
}

#[test]
fn serve_is_read_only() {
    let (scratch, server) = seeded();
    let before = crate::support::stats(&scratch, &scratch.index());
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        for target in [
            "/api/search?q=x",
            "/api/passages/a055c656",
            "/",
            "/api/stats",
        ] {
            let r = server.request(method, target);
            assert_eq!(r.status, 405, "{method} {target}: {}", r.body);
        }
    }
    let body = "x".repeat(10_000);
    let r = server.raw(
        format!(
            "POST /api/search?q=x HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(r.status, 405);
    assert_eq!(server.request("HEAD", "/").status, 200);
    assert_eq!(crate::support::stats(&scratch, &scratch.index()), before);
}

#[test]
fn serve_refuses_oversized_and_malformed_requests_and_lives_on() {
    let (_scratch, mut server) = seeded();
    let huge = format!("/api/search?q={}", "a".repeat(5000));
    assert!(server.error(&huge, 414).contains("at most 4096"));
    // Headers beyond podium::serve::listen::MAX_HEADER_BYTES: refused (431) or cut off.
    let big_header = format!(
        "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\nX-Big: {}\r\n\r\n",
        "b".repeat(64 * 1024)
    );
    if let Ok(r) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        server.raw(big_header.as_bytes())
    })) {
        assert_eq!(r.status, 431, "a 64 KB header was accepted");
    }
    for garbage in [
        &b"\x00\x01\x02\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET /api/search?q=x HTTP/9.9\r\n\r\n",
        b"GET /api/search?q=\xff\xfe HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    ] {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| server.raw(garbage)));
    }
    // Odd queries: answered (200) or refused (400), never a 5xx.
    for q in [
        "\"unclosed",
        "((((((((((((((((((((((((((((((((market",
        "*",
        "a*",
        "-",
        "-market",
        "speaker:",
        "title:()",
        "\u{1b}[2J",
        "\u{202e}market",
        "OR OR OR",
        "\"\"",
        "market)))",
        "role:",
        "speaker:\"",
        "科",
        "😀",
        "a-b-c-d-e-f-g",
        "x y z ".repeat(100).as_str(),
    ] {
        let r = server.get(&format!("/api/search?q={}", enc(q)));
        assert!(
            r.status == 200 || r.status == 400,
            "{q:?}: {} {}",
            r.status,
            r.body
        );
        let r = server.get(&format!("/api/speakers?q={}", enc(q)));
        assert!(
            r.status == 200 || r.status == 400,
            "speakers {q:?}: {} {}",
            r.status,
            r.body
        );
    }
    assert!(server.alive(), "the server stopped");
    assert_eq!(server.json("/api/search?q=market")["query"], "market");
}

#[test]
fn serve_keeps_hostile_transcript_text_as_data() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&crate::util::fixtures().join("serve")]);
    let server = Server::start(scratch.path(), &scratch.index());
    let a = server.json("/api/search?q=lighthouse");
    let text = a["hits"][0]["text"].as_str().expect("text");
    // The API hands the text over as it is; the page escapes it (see browser).
    assert!(text.contains("<img src=x onerror="), "{text}");
    assert!(text.contains("<script>"), "{text}");
    let r = server.get("/api/search?q=lighthouse");
    assert!(r
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/json")));
}

#[test]
fn serve_closes_a_connection_that_trickles_its_headers() {
    use std::io::{Read, Write};
    let (_scratch, server) = seeded();
    let mut s = std::net::TcpStream::connect(server.addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(40)))
        .expect("timeout");
    let started = std::time::Instant::now();
    s.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n")
        .expect("half a request");
    // Never finished: the server must give up on it (podium::serve::listen::HEADER_TIMEOUT).
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited >= podium::serve::listen::HEADER_TIMEOUT - std::time::Duration::from_secs(1)
            && waited < std::time::Duration::from_secs(35),
        "closed after {waited:?}"
    );
    let text = String::from_utf8_lossy(&buf);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
    // Meanwhile and after, others are served.
    assert_eq!(server.json("/api/search?q=market")["query"], "market");
}
