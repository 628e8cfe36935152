//! The web console: the Vue app built into `web/dist/`, embedded in the
//! binary (read from disk in debug builds) and served at `/` with a fallback
//! to `index.html` for the console's own routes, long-cache headers on hashed
//! assets and a strict Content-Security-Policy. The console is a client of the
//! public API like any other; nothing here knows about its screens.

use poem::http::{HeaderValue, Method, StatusCode, header};
use poem::{Request, Response};

#[derive(rust_embed::RustEmbed)]
#[folder = "web/dist/"]
struct Dist;

/// No inline script or style, nothing from another origin, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Paths the server itself answers; everything else a browser asks for is the console's.
fn is_server_path(path: &str) -> bool {
    const PREFIXES: [&str; 3] = ["/api/", "/docs", "/bench/"];
    const EXACT: [&str; 6] = [
        "/api",
        "/openapi.json",
        "/health",
        "/ready",
        "/metrics",
        "/problems",
    ];
    PREFIXES.iter().any(|p| path.starts_with(p)) || EXACT.contains(&path)
}

/// The console's answer to `req`, or `None` when the request is the API's.
/// A file of the build is served as is; any other path a browser navigates to
/// (it accepts `text/html`) is a client route and gets `index.html`.
pub fn respond(req: &Request) -> Option<Response> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || is_server_path(req.uri().path()) {
        return None;
    }
    let path = req.uri().path().trim_start_matches('/');
    let navigates = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let (name, file) = match Dist::get(path).filter(|_| !path.is_empty()) {
        Some(file) => (path, file),
        None if path.is_empty() || navigates => ("index.html", Dist::get("index.html")?),
        None => return None,
    };
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..16]));
    // Vite names everything under assets/ by its content hash.
    let cache = if name.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let builder = Response::builder()
        .header(header::CACHE_CONTROL, cache)
        .header(header::ETAG, etag);
    let mut resp = if fresh {
        builder.status(StatusCode::NOT_MODIFIED).finish()
    } else {
        builder
            .content_type(file.metadata.mimetype())
            .body(file.data.into_owned())
    };
    secure(&mut resp);
    Some(resp)
}

/// The security headers of every console response.
fn secure(resp: &mut Response) {
    let headers = resp.headers_mut();
    for (name, value) in [
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::is_server_path;

    #[test]
    fn the_api_and_operational_paths_stay_the_servers() {
        for p in [
            "/api/v1/me",
            "/docs",
            "/docs/index.css",
            "/openapi.json",
            "/health",
            "/ready",
            "/metrics",
            "/problems",
        ] {
            assert!(is_server_path(p), "{p}");
        }
        for p in [
            "/",
            "/contracts/1",
            "/assets/index-abc.js",
            "/apis",
            "/healthy",
        ] {
            assert!(!is_server_path(p), "{p}");
        }
    }
}
