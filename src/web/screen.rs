//! What the page says about where charts are shown: the viewport's
//! height, the device pixel ratio, the colour scheme the host declares,
//! the reader's media preferences, and a chart's [`Fit`].

use web_sys::Element;

/// What a chart is laid out for: its plot's width in whole CSS px,
/// rounded down as the build's bands of plot heights are, and whether it
/// shows in the dark scheme.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Fit {
    pub width: f64,
    pub dark: bool,
}

/// The fit of a chart in `el` (its plot or figure) now. The width is read
/// first: when the page's layout is stale that read lays it out once, and
/// the scheme's read then costs nothing more (read the other way round, in
/// a figure that is a size container, each read of the computed style
/// lays out the page).
pub(super) fn fit_of(el: &Element) -> Fit {
    // A hair under a whole pixel, as float layout gives, counts as that pixel.
    let width = (el.get_bounding_client_rect().width() + 0.01)
        .floor()
        .max(0.0);
    Fit {
        width,
        dark: dark_scheme(el),
    }
}

/// Whether `el` is shown in the dark scheme: the colour scheme its page
/// declares (CSS `color-scheme`, inherited; `data-theme` on the root sets
/// it, see `infographic.css`) decides, and the reader's preference only
/// when the page supports both. A page that declares nothing is light.
fn dark_scheme(el: &Element) -> bool {
    let scheme = web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    let has = |word: &str| scheme.split_ascii_whitespace().any(|t| t == word);
    has("dark") && (!has("light") || prefers("(prefers-color-scheme: dark)"))
}

/// Whether a media query matches now.
pub(super) fn prefers(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The viewport's height in CSS px (unbounded when unknown: every chart
/// then counts as in view).
pub(super) fn view_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY)
}

/// The device pixel ratio, 1 when the browser gives nonsense.
pub(super) fn pixel_ratio() -> f64 {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    }
}
