//! Interaction geometry that needs no browser: where a tooltip goes and
//! which mark a key moves to. Hit-testing itself is [`Scene::hit`].
//!
//! [`Scene::hit`]: crate::layout::Scene::hit

use crate::layout::Point;

/// Space kept between a tooltip and the viewport's edges, CSS px.
pub const EDGE: f64 = 8.0;

/// Where a tooltip of size `tip` goes, in viewport coordinates (left, top).
///
/// It is centred over `at` (the pointer, or the top of a mark for the
/// keyboard) and sits above it — high enough above a fingertip on touch
/// screens that the finger does not cover it. Without room above it goes
/// below `below` (the bottom of the mark). It never leaves the viewport.
pub fn place_tip(
    at: Point,
    below: f64,
    tip: (f64, f64),
    viewport: (f64, f64),
    touch: bool,
) -> (f64, f64) {
    let (w, h) = tip;
    let (vw, vh) = viewport;
    let x = (at.x - w / 2.0).min(vw - w - EDGE).max(EDGE);
    let clearance = if touch { 32.0 } else { 14.0 };
    let above = at.y - clearance - h;
    let y = if above >= EDGE {
        above
    } else {
        below.max(at.y) + if touch { 24.0 } else { 12.0 }
    };
    let y = y.min(vh - h - EDGE).max(EDGE);
    (x, y)
}

/// What a key does to the active mark among `count`: `Some(next)` when the
/// key is handled (arrows step, Home/End jump, Escape clears), `None` when
/// the key is not ours.
pub fn step(active: Option<usize>, key: &str, count: usize) -> Option<Option<usize>> {
    if count == 0 {
        return (key == "Escape").then_some(None);
    }
    let last = count - 1;
    Some(match key {
        "ArrowRight" | "ArrowDown" => Some(active.map_or(0, |i| (i + 1).min(last))),
        "ArrowLeft" | "ArrowUp" => Some(active.map_or(last, |i| i.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(last),
        "Escape" => None,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_walk_the_marks() {
        assert_eq!(step(None, "ArrowRight", 3), Some(Some(0)));
        assert_eq!(step(Some(0), "ArrowDown", 3), Some(Some(1)));
        assert_eq!(step(Some(2), "ArrowRight", 3), Some(Some(2)));
        assert_eq!(step(Some(1), "ArrowLeft", 3), Some(Some(0)));
        assert_eq!(step(None, "ArrowUp", 3), Some(Some(2)));
        assert_eq!(step(Some(1), "Home", 3), Some(Some(0)));
        assert_eq!(step(Some(0), "End", 3), Some(Some(2)));
        assert_eq!(step(Some(1), "Escape", 3), Some(None));
        assert_eq!(step(Some(1), "a", 3), None);
        assert_eq!(step(None, "ArrowRight", 0), None);
    }

    #[test]
    fn tips_stay_in_the_viewport_and_off_the_finger() {
        let vp = (320.0, 640.0);
        let tip = (200.0, 60.0);
        // Left and right edges.
        let (x, _) = place_tip(Point { x: 2.0, y: 300.0 }, 320.0, tip, vp, true);
        assert_eq!(x, EDGE);
        let (x, _) = place_tip(Point { x: 318.0, y: 300.0 }, 320.0, tip, vp, true);
        assert_eq!(x, 320.0 - 200.0 - EDGE);
        // Above the finger, clear of it.
        let (_, y) = place_tip(Point { x: 160.0, y: 300.0 }, 320.0, tip, vp, true);
        assert!(y + tip.1 <= 300.0 - 30.0);
        // No room above: below the mark.
        let (_, y) = place_tip(Point { x: 160.0, y: 40.0 }, 70.0, tip, vp, true);
        assert!(y >= 70.0);
        // A tip wider than the viewport keeps its left edge in view.
        let (x, _) = place_tip(
            Point { x: 160.0, y: 300.0 },
            320.0,
            (400.0, 60.0),
            vp,
            false,
        );
        assert_eq!(x, EDGE);
    }
}
