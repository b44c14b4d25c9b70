//! What the page's address says: a query parameter, and preview.

/// A query parameter of the page's address.
pub(super) fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Preview mode: `?preview` in the page's address (`main.js` then loads
/// the full build; only it asks, see `Mode::of_page`).
pub(super) fn is_preview() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .is_some_and(|p| p.has("preview"))
}
