//! A series over time and its average growth (年均增长).

use super::Item;

/// A series over time: one item per period, its label the period
/// (`2014年`); a period with neither plan nor result is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The periods, in time order.
    pub items: Vec<Item>,
    /// Whether to state the average growth (年均增长) over the series.
    pub average_growth: bool,
}

impl Series {
    /// The average growth over the series, in % a year (年均增长), when
    /// asked for and computable: see [`Series::average`].
    pub fn average_growth(&self) -> Option<f64> {
        self.average_growth.then(|| self.average().ok()).flatten()
    }

    /// The average growth over the series, in % a year, or why it cannot
    /// be computed. Its periods must be years (`2014年`), in order. For a
    /// series of growth rates in %, the geometric mean of (1 + rate) over
    /// consecutive years with no gap; for levels, from the first to the
    /// last result (both above 0) over the years between them.
    pub fn average(&self) -> Result<f64, AverageProblem> {
        let mut last = 0;
        let mut results = Vec::new();
        for item in &self.items {
            let year = year_of(&item.label)
                .filter(|y| *y > last)
                .ok_or(AverageProblem::NotYears)?;
            last = year;
            if let Some(r) = item.result {
                results.push((year, r));
            }
        }
        let (Some(&(first, a)), Some(&(end, b)), true) =
            (results.first(), results.last(), results.len() >= 2)
        else {
            return Err(AverageProblem::TooFew);
        };
        let (growth, years) = if self.rates() {
            // Every year from the first result to the last has one.
            if usize::try_from(end - first + 1).ok() != Some(results.len()) {
                return Err(AverageProblem::Gap);
            }
            let product = results.iter().fold(1.0, |p, (_, g)| p * (1.0 + g / 100.0));
            (product, results.len())
        } else if a > 0.0 && b > 0.0 {
            (b / a, usize::try_from(end - first).unwrap_or(0))
        } else {
            return Err(AverageProblem::NotPositive);
        };
        nth_root(growth, years)
            .map(|root| (root - 1.0) * 100.0)
            .ok_or(AverageProblem::NotPositive)
    }

    /// Whether the series is of growth rates (its unit is %), not levels.
    fn rates(&self) -> bool {
        self.items.first().is_some_and(|i| i.unit == "%")
    }

    /// The note that says how [`Series::average_growth`] is computed.
    pub fn average_note(&self) -> &'static str {
        if self.rates() {
            "年均增长按各年增速的几何平均计算：[(1+增速₁)×(1+增速₂)×…×(1+增速ₙ)]^(1/n)−1，n为年数。"
        } else {
            "年均增长按首末两年数值计算：(末年数值÷首年数值)^(1/间隔年数)−1。"
        }
    }
}

/// Why a series' average growth cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AverageProblem {
    /// A period is not a year (`2014年`), or the years are not in order.
    NotYears,
    /// Fewer than two years have results.
    TooFew,
    /// Growth rates with a year missing between the first and the last.
    Gap,
    /// Levels whose first or last result is not above 0 (or a growth
    /// rate of −100% or less).
    NotPositive,
}

/// The year a period's label names, if it is one: `2014年` → 2014.
pub fn year_of(label: &str) -> Option<i64> {
    let digits = label.strip_suffix('年')?.as_bytes();
    if digits.len() != 4 {
        return None;
    }
    digits.iter().try_fold(0, |year, b| {
        b.is_ascii_digit().then(|| year * 10 + i64::from(b - b'0'))
    })
}

/// The `n`th root of `x` (> 0) by Newton's method: no `powf`, which would
/// link core's float power into the wasm module (ARCHITECTURE.md).
pub(crate) fn nth_root(x: f64, n: usize) -> Option<f64> {
    if !(x > 0.0 && x.is_finite()) || n == 0 {
        return None;
    }
    let k = i32::try_from(n).ok()?;
    let mut y = 1.0_f64.max(x.min(2.0));
    for _ in 0..200 {
        let next = y - (y.powi(k) - x) / (f64::from(k) * y.powi(k - 1));
        if !next.is_finite() || next <= 0.0 {
            return None;
        }
        if (next - y).abs() <= 1e-15 * y {
            return Some(next);
        }
        y = next;
    }
    Some(y)
}
