//! Running podium where a person would: on a real pseudo-terminal (so
//! `--color auto`, NO_COLOR and wrapping to the terminal's width are tested
//! as users meet them), and into a pipe closed early (`podium … | head`).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::Scratch;

/// `podium` as a plain `std::process::Command` with the same clean
/// environment as [`Scratch::podium`].
pub fn podium(scratch: &Scratch) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("podium"));
    c.current_dir(scratch.path())
        .env_remove("PODIUM_INDEX")
        .env_remove("NO_COLOR")
        .env_remove("PODIUM_CONFIG")
        .env_remove("PODIUM_SYNONYMS")
        .env("XDG_CONFIG_HOME", scratch.path().join(".config"))
        .env("HOME", scratch.path());
    c
}

/// Runs `cmd` with stdout and stderr on a new pseudo-terminal `cols`
/// columns wide; returns what it printed (line ends as `\n`) and its exit
/// code.
#[cfg(unix)]
pub fn run_in_pty(cmd: &mut Command, cols: u16) -> (String, i32) {
    use std::fs::File;
    use std::os::fd::FromRawFd;

    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    #[allow(unused_mut)]
    let mut size = libc::winsize {
        ws_row: 60,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given integers; the
    // name and termios pointers may be null, the winsize is read only.
    // (`&mut size`: macOS declares the pointer mutable, Linux const.)
    #[allow(clippy::unnecessary_mut_passed)]
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &mut size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned here only.
    let (mut master, slave) = unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) };
    cmd.stdin(Stdio::null())
        .stdout(slave.try_clone().expect("dup pty"))
        .stderr(slave);
    let mut child = cmd.spawn().expect("spawn podium");
    // The parent's copies of the terminal's slave side must be closed, or
    // reading never sees the end.
    drop(std::mem::replace(cmd, Command::new("true")));
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break, // EIO once the child has closed the terminal
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    let code = child.wait().expect("wait").code().unwrap_or(-1);
    (String::from_utf8_lossy(&out).replace("\r\n", "\n"), code)
}

/// Runs `cmd` with its stdout closed before it writes (as `| head` closes
/// it); returns its stderr and exit code.
pub fn run_into_closed_pipe(cmd: &mut Command) -> (String, i32) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn podium");
    drop(child.stdout.take()); // the reader is gone
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    let code = child.wait().expect("wait").code().unwrap_or(-1);
    (err, code)
}

/// The index argument pair for a scratch index.
pub fn index_args(dir: &Path) -> [std::ffi::OsString; 2] {
    ["--index".into(), dir.as_os_str().to_owned()]
}
