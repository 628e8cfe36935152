//! Connection hygiene: a client must send a request's complete header within
//! `header_read_timeout` of its first byte, and a connection with no traffic
//! for `idle_timeout` (an idle keep-alive, or a body that stopped arriving)
//! is closed. Without this, slow or stalled clients hold a descriptor each,
//! indefinitely (slowloris).
//!
//! The acceptor wraps each TCP stream; the wrapper watches the bytes read for
//! the blank line that ends an HTTP/1 header and resets at every response
//! write (the next bytes begin the next request). A timed-out read fails with
//! `TimedOut`, which makes hyper drop the connection.

use std::{
    io,
    pin::Pin,
    task::{Context, Poll},
    time::Duration,
};

use poem::{
    http::uri::Scheme,
    listener::Acceptor,
    web::{LocalAddr, RemoteAddr},
};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    time::{Instant, Sleep},
};

/// The two limits.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub header_read: Duration,
    pub idle: Duration,
}

/// An acceptor whose connections obey [`Timeouts`].
pub struct TimeoutAcceptor<A> {
    inner: A,
    timeouts: Timeouts,
}

impl<A> TimeoutAcceptor<A> {
    pub fn new(inner: A, timeouts: Timeouts) -> Self {
        Self { inner, timeouts }
    }
}

impl<A: Acceptor> Acceptor for TimeoutAcceptor<A> {
    type Io = Guarded<A::Io>;

    fn local_addr(&self) -> Vec<LocalAddr> {
        self.inner.local_addr()
    }

    async fn accept(&mut self) -> io::Result<(Self::Io, LocalAddr, RemoteAddr, Scheme)> {
        let (io, local, remote, scheme) = self.inner.accept().await?;
        Ok((Guarded::new(io, self.timeouts), local, remote, scheme))
    }
}

/// A stream that fails its reads once a limit is exceeded.
pub struct Guarded<T> {
    inner: T,
    timeouts: Timeouts,
    timer: Pin<Box<Sleep>>,
    last_activity: Instant,
    /// When the first byte of the current request header arrived; `None`
    /// between requests and while a body is read.
    head_started: Option<Instant>,
    /// Reading a request header (not a body).
    in_head: bool,
    /// How much of `\r\n\r\n` the last bytes matched.
    matched: u8,
}

impl<T> Guarded<T> {
    fn new(inner: T, timeouts: Timeouts) -> Self {
        let now = Instant::now();
        Self {
            inner,
            timeouts,
            timer: Box::pin(tokio::time::sleep_until(now + timeouts.idle)),
            last_activity: now,
            head_started: None,
            in_head: true,
            matched: 0,
        }
    }

    fn deadline(&self) -> Instant {
        let idle = self.last_activity + self.timeouts.idle;
        match self.head_started {
            Some(start) => idle.min(start + self.timeouts.header_read),
            None => idle,
        }
    }

    fn saw(&mut self, bytes: &[u8]) {
        let now = Instant::now();
        self.last_activity = now;
        if !self.in_head {
            return;
        }
        self.head_started.get_or_insert(now);
        const END: &[u8; 4] = b"\r\n\r\n";
        for b in bytes {
            self.matched = if *b == END[self.matched as usize] {
                self.matched + 1
            } else if *b == b'\r' {
                1
            } else {
                0
            };
            if self.matched == 4 {
                // Header complete: the body (if any) is bounded by the idle limit only.
                self.in_head = false;
                self.head_started = None;
                self.matched = 0;
                return;
            }
        }
    }
}

impl<T> Guarded<T> {
    /// After a write: a response is going out, so what is read next begins
    /// a new request.
    fn wrote(&mut self, r: &Poll<io::Result<usize>>) {
        if let Poll::Ready(Ok(n)) = r
            && *n > 0
        {
            self.last_activity = Instant::now();
            self.in_head = true;
            self.head_started = None;
            self.matched = 0;
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let new = &buf.filled()[before..];
                if !new.is_empty() {
                    this.saw(new);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                // The timer is moved earlier at once but later only when it
                // fires (activity pushes the deadline on every request; a
                // lazy re-arm keeps the timer wheel out of the hot path).
                let deadline = this.deadline();
                if deadline < this.timer.deadline() {
                    this.timer.as_mut().reset(deadline);
                }
                while this.timer.as_mut().poll(cx).is_ready() {
                    if Instant::now() >= deadline {
                        return Poll::Ready(Err(io::Error::new(
                            io::ErrorKind::TimedOut,
                            "connection timed out (header or idle limit)",
                        )));
                    }
                    this.timer.as_mut().reset(deadline);
                }
                Poll::Pending
            }
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let r = Pin::new(&mut this.inner).poll_write(cx, data);
        this.wrote(&r);
        r
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let r = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.wrote(&r);
        r
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
