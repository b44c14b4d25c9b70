//! A part-to-whole chart: each whole and its parts with their shares.

use super::Table;
use crate::format::{quantity, share};
use crate::model::{Bound, Part};

/// Each whole, then each part (the remainder last) with its share.
pub(super) fn summary(part: &Part) -> String {
    part.measures
        .iter()
        .map(|m| {
            let mut s = format!(
                "{}共{}，其中",
                m.label,
                quantity(m.whole, &m.unit, Bound::Exact)
            );
            let parts: Vec<String> = part
                .part_labels
                .iter()
                .zip(&m.parts)
                .map(|(l, v)| (l.as_str(), *v))
                .chain(std::iter::once((part.rest_label.as_str(), m.rest())))
                .map(|(l, v)| {
                    format!(
                        "{l}{}，占{}",
                        quantity(v, &m.unit, Bound::Exact),
                        share(v, m.whole)
                    )
                })
                .collect();
            s.push_str(&parts.join("；"));
            s.push('。');
            s
        })
        .collect()
}

/// Each whole with its parts (value and share) and the whole.
pub(super) fn table(part: &Part) -> Table {
    let mut head = vec!["指标".to_string()];
    head.extend(part.part_labels.iter().cloned());
    head.push(part.rest_label.clone());
    head.push("合计".into());
    let rows = part
        .measures
        .iter()
        .map(|m| {
            let mut row = vec![m.label.clone()];
            for v in m.parts.iter().chain(std::iter::once(&m.rest())) {
                row.push(format!(
                    "{}（{}）",
                    quantity(*v, &m.unit, Bound::Exact),
                    share(*v, m.whole)
                ));
            }
            row.push(quantity(m.whole, &m.unit, Bound::Exact).to_string());
            row
        })
        .collect();
    Table {
        head,
        rows,
        groups: Vec::new(),
    }
}
