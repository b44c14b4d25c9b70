//! Interaction geometry that needs no browser: where a tooltip goes and
//! which mark a key moves to. Hit-testing itself is [`Scene::hit`].
//!
//! [`Scene::hit`]: crate::layout::Scene::hit

/// Space kept between a tooltip and the viewport's edges, CSS px.
pub const EDGE: f64 = 8.0;

/// Where a tooltip of size `tip` goes, in viewport coordinates (left, top).
///
/// It is centred on `x` (the pointer, or the middle of the mark for the
/// keyboard) and never covers its mark, which spans `mark` (top, bottom):
/// above it, or below it when there is no room above — so a finger on the
/// mark does not hide it either. It touches the mark's hit area (which
/// already keeps half a row's gap around the bar), so a pointer moving
/// onto it crosses no other mark. Only a mark taller than the viewport
/// leaves no room on either side. It never leaves the viewport.
pub fn place_tip(x: f64, mark: (f64, f64), tip: (f64, f64), viewport: (f64, f64)) -> (f64, f64) {
    let (w, h) = tip;
    let (vw, vh) = viewport;
    let (top, bottom) = mark;
    let left = (x - w / 2.0).min(vw - w - EDGE).max(EDGE);
    let above = top - h;
    let below = bottom;
    let y = if above >= EDGE || above >= vh - below - h {
        above
    } else {
        below
    };
    (left, y.min(vh - h - EDGE).max(EDGE))
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
    fn tips_stay_in_the_viewport_and_off_their_mark() {
        let vp = (320.0, 640.0);
        let tip = (200.0, 60.0);
        // Left and right edges.
        assert_eq!(place_tip(2.0, (280.0, 320.0), tip, vp).0, EDGE);
        assert_eq!(
            place_tip(318.0, (280.0, 320.0), tip, vp).0,
            320.0 - 200.0 - EDGE
        );
        // Above the mark, clear of it (and of a finger on it).
        let (_, y) = place_tip(160.0, (280.0, 320.0), tip, vp);
        assert!(y + tip.1 <= 280.0, "{y}");
        // No room above: below the mark.
        let (_, y) = place_tip(160.0, (30.0, 70.0), tip, vp);
        assert!(y >= 70.0, "{y}");
        // A tall mark in a short viewport: the side with more room.
        let (_, y) = place_tip(160.0, (20.0, 230.0), tip, (320.0, 256.0));
        assert!(y >= EDGE && y + tip.1 <= 256.0 - EDGE, "{y}");
        // A tip wider than the viewport keeps its left edge in view.
        assert_eq!(place_tip(160.0, (280.0, 320.0), (400.0, 60.0), vp).0, EDGE);
    }
}
