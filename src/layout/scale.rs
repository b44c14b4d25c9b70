//! Scales: figures to pixels ([`Domain`], [`Linear`]) and rows or columns
//! to positions ([`Bands`], [`Columns`]), shared by every chart kind.

/// The figures a value scale must show: from the smallest to the largest,
/// zero included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Domain {
    /// The smallest figure, or 0 if none is below 0.
    pub lo: f64,
    /// The largest figure, or 0 if none is above 0.
    pub hi: f64,
}

impl Domain {
    /// Zero alone: the domain before any figure is included.
    pub const ZERO: Domain = Domain { lo: 0.0, hi: 0.0 };

    /// Widens the domain to include `v`; a figure that is not finite is
    /// left out.
    pub fn include(&mut self, v: f64) {
        if v.is_finite() {
            self.lo = self.lo.min(v);
            self.hi = self.hi.max(v);
        }
    }

    /// Whether some figure is below 0, so that bars also grow leftwards.
    pub fn has_negative(&self) -> bool {
        self.lo < 0.0
    }
}

/// A linear value scale: a [`Domain`] mapped onto a pixel range, left to
/// right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Linear {
    lo: f64,
    span: f64,
    x0: f64,
    x1: f64,
}

impl Linear {
    /// Maps `domain` onto `x0`..`x1`, a range at least 1 px wide. A domain
    /// of zero span (every figure 0) is read as 1 wide, so that 0 maps to
    /// the range's start rather than to a division by zero.
    pub fn new(domain: Domain, x0: f64, x1: f64) -> Linear {
        let Domain { lo, hi } = domain;
        let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
        Linear {
            lo,
            span,
            x0,
            x1: x1.max(x0 + 1.0),
        }
    }

    /// The position of `v`.
    pub fn at(&self, v: f64) -> f64 {
        self.x0 + (v - self.lo) / self.span * (self.x1 - self.x0)
    }
}

/// Rows stacked from the top with a gap between them, each as tall as its
/// content: a band scale for rows of unequal height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bands {
    top: f64,
    next: f64,
    gap: f64,
    count: usize,
}

impl Bands {
    /// No rows yet, the first to start at `top`.
    pub fn new(top: f64, gap: f64) -> Bands {
        Bands {
            top,
            next: top,
            gap,
            count: 0,
        }
    }

    /// Where the next row starts.
    pub fn start(&self) -> f64 {
        self.next
    }

    /// Ends the current row at `bottom`; the next starts a gap below it.
    pub fn end(&mut self, bottom: f64) {
        self.next = bottom + self.gap;
        self.count += 1;
    }

    /// Where the rows begin.
    pub fn top(&self) -> f64 {
        self.top
    }

    /// How many rows have ended.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The bottom of the last row (the top, if there is none).
    pub fn bottom(&self) -> f64 {
        (self.next - self.gap).max(self.top)
    }
}

/// Equal columns across a width with a gap between them: a band scale for
/// a grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Columns {
    /// How many columns.
    pub count: usize,
    /// The width of each (at least 1 px).
    pub width: f64,
    gap: f64,
}

impl Columns {
    /// As many columns of at least `min` px as fit in `total`, but no fewer
    /// than `fewest` and no more than `most` (then narrower than `min`).
    pub fn fit(total: f64, min: f64, gap: f64, fewest: usize, most: usize) -> Columns {
        let count = (((total + gap) / (min + gap)).floor() as usize).clamp(fewest, most);
        let width = ((total - gap * (count as f64 - 1.0)) / count as f64).max(1.0);
        Columns { count, width, gap }
    }

    /// The left edge of column `i` (from 0).
    pub fn x(&self, i: usize) -> f64 {
        i as f64 * (self.width + self.gap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The domain of `figures`, zero included.
    fn domain(figures: &[f64]) -> Domain {
        let mut d = Domain::ZERO;
        for v in figures {
            d.include(*v);
        }
        d
    }

    #[test]
    fn zero_is_always_in_the_domain() {
        let d = domain(&[3.0, 5.0]);
        assert_eq!(d, Domain { lo: 0.0, hi: 5.0 });
        let s = Linear::new(d, 100.0, 200.0);
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(5.0), 200.0);
        assert_eq!(s.at(2.5), 150.0);
        assert!(!d.has_negative());
    }

    #[test]
    fn a_negative_domain_ends_at_zero() {
        let d = domain(&[-4.0, -2.0]);
        assert_eq!(d, Domain { lo: -4.0, hi: 0.0 });
        assert!(d.has_negative());
        let s = Linear::new(d, 0.0, 40.0);
        assert_eq!(s.at(-4.0), 0.0);
        assert_eq!(s.at(-2.0), 20.0);
        assert_eq!(s.at(0.0), 40.0);
    }

    #[test]
    fn a_mixed_domain_puts_zero_inside() {
        let s = Linear::new(domain(&[-1.0, 3.0]), 0.0, 100.0);
        assert_eq!(s.at(0.0), 25.0);
    }

    #[test]
    fn figures_that_are_not_finite_are_left_out() {
        let d = domain(&[f64::NAN, f64::INFINITY, 2.0, f64::NEG_INFINITY]);
        assert_eq!(d, Domain { lo: 0.0, hi: 2.0 });
        assert_eq!(domain(&[]), Domain { lo: 0.0, hi: 0.0 });
    }

    #[test]
    fn a_degenerate_span_or_range_stays_finite() {
        // Every figure 0: zero sits at the range's start.
        let s = Linear::new(domain(&[0.0, 0.0]), 10.0, 90.0);
        assert_eq!(s.at(0.0), 10.0);
        // A range narrower than 1 px is widened to 1 px.
        let s = Linear::new(domain(&[2.0]), 50.0, 20.0);
        assert_eq!(s.at(2.0), 51.0);
        assert!(s.at(1e300).is_finite());
    }

    #[test]
    fn bands_stack_with_gaps() {
        let mut b = Bands::new(30.0, 16.0);
        assert_eq!(b.bottom(), 30.0);
        assert_eq!(b.start(), 30.0);
        b.end(50.0);
        assert_eq!(b.start(), 66.0);
        b.end(100.0);
        assert_eq!((b.top(), b.bottom(), b.count()), (30.0, 100.0, 2));
    }

    #[test]
    fn columns_fill_the_width_within_their_limits() {
        let c = Columns::fit(1000.0, 150.0, 16.0, 2, 4);
        assert_eq!(c.count, 4);
        assert_eq!(c.width, (1000.0 - 48.0) / 4.0);
        assert_eq!(c.x(1), c.width + 16.0);
        let c = Columns::fit(1.0, 150.0, 16.0, 2, 4);
        assert_eq!((c.count, c.width), (2, 1.0));
    }
}
