//! The site's built files under `/pkg` (the wasm, its JavaScript glue, the stylesheet): sent
//! as the `.br` or `.gz` copy cargo-leptos made (`--precompress`) when the browser accepts it,
//! and cached for a year when their names carry a content hash (`hash-files`): a new build has
//! new names, so a cached file is never stale. Without hashed names browsers revalidate
//! (`no-cache`, answered 304 from `Last-Modified`).

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use leptos::config::LeptosOptions;
use tower_http::services::ServeDir;

use std::sync::OnceLock;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// Where a build with `hash-files` wrote the hashes of the built files: `hash.txt` beside the
/// running binary, where Leptos reads them too (`None` when there is none).
pub fn hash_file() -> Option<std::path::PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.exists().then_some(path)
}

/// The stylesheet's address for pages rendered outside Leptos (the sign-in error and sign-out
/// pages): its hashed name from `hash.txt` beside the binary, as Leptos links it, else the plain
/// one. Read once.
pub fn stylesheet_href() -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| {
        let hash = hash_file()
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|hashes| {
                hashes.lines().find_map(|line| {
                    let (file, hash) = line.split_once(':')?;
                    (file.trim() == "css").then(|| hash.trim().to_string())
                })
            });
        match hash {
            Some(hash) => format!("/pkg/tessera.{hash}.css"),
            None => "/pkg/tessera.css".to_string(),
        }
    })
}

/// The `/pkg` service for the site `options` describe.
pub fn pkg_router<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let cache = if options.hash_files {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            cache_for(req, next, cache)
        }))
}

/// Found files get `cache`; refusals and 404s are not cached.
async fn cache_for(req: Request, next: Next, cache: &'static str) -> Response {
    let mut res = next.run(req).await;
    if res.status().is_success() || res.status() == axum::http::StatusCode::NOT_MODIFIED {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        // The same URL has a brotli, a gzip and a plain body: caches must key on the encoding.
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use tower::ServiceExt;

    use super::*;

    fn site(hashed: bool) -> (tempfile::TempDir, Router) {
        let root = tempfile::tempdir().unwrap();
        let pkg = root.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        std::fs::write(pkg.join("tessera.abc123.wasm"), b"plain wasm bytes").unwrap();
        std::fs::write(pkg.join("tessera.abc123.wasm.br"), b"brotli").unwrap();
        std::fs::write(pkg.join("tessera.abc123.wasm.gz"), b"gzip").unwrap();
        let options = LeptosOptions::builder()
            .output_name("tessera")
            .site_root(root.path().to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .hash_files(hashed)
            .build();
        let router = Router::new().nest("/pkg", pkg_router::<()>(&options));
        (root, router)
    }

    async fn get(router: &Router, path: &str, encoding: &str) -> axum::http::Response<Body> {
        let req = Request::get(path)
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .unwrap();
        router.clone().oneshot(req).await.unwrap()
    }

    #[tokio::test]
    async fn serves_the_precompressed_copy_the_browser_accepts_and_caches_hashed_names() {
        let (_root, router) = site(true);
        let res = get(&router, "/pkg/tessera.abc123.wasm", "gzip, br").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/wasm");
        assert_eq!(res.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        let res = get(&router, "/pkg/tessera.abc123.wasm", "gzip").await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let res = get(&router, "/pkg/tessera.abc123.wasm", "identity").await;
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"plain wasm bytes");
        // Missing files and escapes are 404s, never cached.
        for path in [
            "/pkg/nope.wasm",
            "/pkg/../Cargo.toml",
            "/pkg/%2e%2e/Cargo.toml",
        ] {
            let res = get(&router, path, "br").await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(res.headers().get(header::CACHE_CONTROL).is_none());
        }
        // Unhashed names (a development build) are revalidated instead.
        let (_root, router) = site(false);
        let res = get(&router, "/pkg/tessera.abc123.wasm", "br").await;
        assert_eq!(res.headers()[header::CACHE_CONTROL], REVALIDATE);
    }
}
