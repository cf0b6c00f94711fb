//! The real binary under connection abuse (issue 18, item 2): a client that
//! sends part of a header and stalls is closed after the header deadline, one
//! address cannot hold more than its cap of connections, other addresses are
//! served meanwhile, and the server raised its own open-file limit.

use crate::restart::{free_port, start_with};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

const HEADER_TIMEOUT_MS: u64 = 3_000;
const PER_ADDRESS: usize = 8;
const SOFT_OPEN_FILES: libc::rlim_t = 512;

/// A connection from `local` (any 127.x.y.z works on Linux) that sends the
/// start of a request and then nothing.
async fn stalled(server: SocketAddr, local: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(format!("{local}:0").parse().unwrap()).unwrap();
    let mut stream = socket.connect(server).await.unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n").await.unwrap();
    stream
}

/// Whether the server closed `stream` within `wait` (end of file or reset).
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 512];
    loop {
        match tokio::time::timeout(wait, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue, // a 408 answer before the close
        }
    }
}

async fn health_from(server: SocketAddr, local: &str) -> String {
    let mut stream = stalled(server, local).await;
    stream.write_all(b"Connection: close\r\n\r\n").await.unwrap();
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_string(&mut answer)).await.expect("an answer").unwrap();
    answer
}

fn soft_and_hard_open_files(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = limits.lines().find(|l| l.starts_with("Max open files")).unwrap();
    let fields: Vec<&str> = line.split_whitespace().collect();
    (fields[3].to_string(), fields[4].to_string())
}

#[tokio::test]
async fn stalled_headers_time_out_one_address_is_capped_and_the_open_file_limit_is_raised() {
    let data = crate::common::tempdir().unwrap();
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.args(["--header-timeout-ms", &HEADER_TIMEOUT_MS.to_string()]);
    command.args(["--max-connections-per-address", &PER_ADDRESS.to_string()]);
    // Started under a low soft limit, as on many systems (1,024 is common).
    // SAFETY: only setrlimit runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
            limit.rlim_cur = SOFT_OPEN_FILES.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            Ok(())
        });
    }
    let path = data.path().to_path_buf();
    let mut child = tokio::task::spawn_blocking(move || start_with(port, &path, command)).await.unwrap();
    let server: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();

    let (soft, hard) = soft_and_hard_open_files(child.id());
    assert_eq!(soft, hard, "the server raised its soft open-file limit to the hard one");

    let mut held = Vec::new();
    for _ in 0..PER_ADDRESS {
        held.push(stalled(server, "127.0.0.1").await);
    }
    let mut one_too_many = stalled(server, "127.0.0.1").await;
    assert!(closed_within(&mut one_too_many, Duration::from_secs(2)).await, "connection {} from one address is refused", PER_ADDRESS + 1);
    let answer = health_from(server, "127.0.0.2").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "another address is served meanwhile: {answer}");
    assert!(!closed_within(&mut held[0], Duration::from_millis(1)).await, "the held ones are still open (before the deadline)");

    let wait = Duration::from_millis(HEADER_TIMEOUT_MS + 5_000);
    for stream in &mut held {
        assert!(closed_within(stream, wait).await, "a stalled header is closed after the deadline");
    }
    let answer = health_from(server, "127.0.0.1").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "the address is served again once its stalled connections are gone: {answer}");

    // An idle keep-alive connection is closed after the same deadline.
    let mut idle = TcpStream::connect(server).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await.unwrap();
    let mut buf = [0u8; 256];
    let n = tokio::time::timeout(Duration::from_secs(10), idle.read(&mut buf)).await.expect("an answer").unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    assert!(closed_within(&mut idle, wait).await, "an idle keep-alive connection is closed after the deadline");

    child.kill().unwrap();
    child.wait().unwrap();
}
