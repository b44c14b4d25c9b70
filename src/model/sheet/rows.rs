//! The pasted table's rows read into items: first what each column holds
//! (from a head row, or the chart's kind), then each row's cells.

use super::super::Kind;
use super::cells::one_line;
use super::columns::{column_of, default_key, Column};
use super::number::number;
use super::splice::{members_text, quote, set, Existing};
use super::{CellProblem, Members};

/// What the table's columns hold.
struct Layout {
    /// Whether the first row is a head row.
    has_head: bool,
    /// Each column's meaning.
    columns: Vec<Column>,
    /// The unit a column's head names (`投资额（亿元）`), if any.
    head_units: Vec<Option<String>>,
}

/// A problem of the head row (row 1).
fn head_problem(column: usize, message: String) -> CellProblem {
    CellProblem {
        row: 1,
        column,
        message,
    }
}

/// Whether `first` is a head row: a cell after the first that is not a
/// value, or that names a period or a series (`2023年`, `2024年目标`).
fn is_head(first: &[String]) -> bool {
    first.iter().skip(1).any(|c| match number(c) {
        Ok(f) => {
            f.unit.starts_with(['年', '月', '季'])
                || ["目标", "实际", "计划", "完成"]
                    .iter()
                    .any(|w| f.unit.contains(*w))
        }
        Err(_) => !c.trim().is_empty(),
    })
}

/// What each column holds: as its head says, else as the kind's items
/// are usually pasted (label, then plan and result; periods: result
/// first; groups: one column per series the chart has).
fn layout_of(rows: &[Vec<String>], kind: Kind, existing: &Existing) -> Layout {
    let first = rows.first().map(Vec::as_slice).unwrap_or_default();
    let has_head = is_head(first);
    let (mut columns, head_units): (Vec<Column>, Vec<Option<String>>) = if has_head {
        first.iter().map(|h| column_of(h, kind)).unzip()
    } else {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut columns = vec![Column::Label];
        let takes = kind.takes();
        if takes.groups {
            for g in existing.groups() {
                columns.push(Column::Value("", Some(g)));
            }
        } else if takes.periods {
            columns.push(Column::Value("result", None));
            columns.push(Column::Value("plan", None));
        } else {
            columns.push(Column::Value("plan", None));
            columns.push(Column::Value("result", None));
        }
        columns.resize(width.max(columns.len()), Column::Skip);
        (columns, vec![None; width])
    };
    // A head that names no known column (`投资额`): the first such is the
    // values, when no head says where they are.
    if !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        if let Some(c) = columns.iter_mut().skip(1).find(|c| **c == Column::Skip) {
            *c = Column::Value(default_key(kind), None);
        }
    }
    Layout {
        has_head,
        columns,
        head_units,
    }
}

/// What is wrong with the columns: one with content that nothing names
/// (never dropped), no label or value column, grouped bars with no series.
fn column_problems(
    rows: &[Vec<String>],
    layout: &Layout,
    kind: Kind,
    existing: &Existing,
) -> Vec<CellProblem> {
    let first = rows.first().map(Vec::as_slice).unwrap_or_default();
    let columns = &layout.columns;
    let mut problems = Vec::new();
    for (c, column) in columns.iter().enumerate() {
        let used = rows
            .iter()
            .skip(1)
            .any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty()));
        if *column == Column::Skip && used {
            problems.push(head_problem(
                c + 1,
                format!(
                    "不知道“{}”列是什么数据：表头可写名称、数值、目标、实际、单位、备注、分组",
                    first.get(c).map_or("", |h| h.trim())
                ),
            ));
        }
    }
    if !columns.contains(&Column::Label) {
        problems.push(head_problem(
            0,
            "表头中没有名称列（如“项目”“指标”“年份”）".to_string(),
        ));
    }
    if !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        problems.push(head_problem(
            0,
            "表头中没有数值列（如“数值”“目标”“实际”）".to_string(),
        ));
    }
    if kind.takes().groups && !layout.has_head && existing.groups().is_empty() {
        problems.push(head_problem(
            0,
            "分组条形图请带表头粘贴：第一行写各组名称（如“2023年目标”）".to_string(),
        ));
    }
    problems
}

/// The table's rows as items' members, or every cell that could not be read.
pub(super) fn read_rows(
    rows: &[Vec<String>],
    kind: Kind,
    existing: &Existing,
    text: &str,
) -> Result<Vec<Members>, Vec<CellProblem>> {
    let layout = layout_of(rows, kind, existing);
    let mut problems = column_problems(rows, &layout, kind, existing);
    if !problems.is_empty() {
        return Err(problems);
    }
    let reader = RowReader {
        layout: &layout,
        kind,
        existing,
        text,
        fallback_unit: existing.unit(),
    };
    let mut items: Vec<Members> = Vec::new();
    let skip = usize::from(layout.has_head);
    for (r, row) in rows.iter().enumerate().skip(skip) {
        reader.row(r + 1, row, &mut items, &mut problems);
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

/// Reads rows by a table's layout.
struct RowReader<'a> {
    layout: &'a Layout,
    kind: Kind,
    existing: &'a Existing<'a>,
    text: &'a str,
    /// The unit of the chart's items as they were.
    fallback_unit: Option<String>,
}

impl RowReader<'_> {
    /// The first column that holds `wanted`.
    fn column(&self, wanted: Column) -> Option<usize> {
        self.layout.columns.iter().position(|c| *c == wanted)
    }

    /// Row `row_no` (1-based) as items (one per series for grouped bars
    /// written wide, else one), or its problems.
    fn row(
        &self,
        row_no: usize,
        row: &[String],
        items: &mut Vec<Members>,
        problems: &mut Vec<CellProblem>,
    ) {
        let columns = &self.layout.columns;
        let cell = |i: usize| row.get(i).map(|c| c.trim()).unwrap_or("");
        let label_col = self.column(Column::Label).unwrap_or(0);
        let label = one_line(cell(label_col));
        if label.is_empty() {
            problems.push(CellProblem {
                row: row_no,
                column: label_col + 1,
                message: "名称是空的".to_string(),
            });
            return;
        }
        if row.len() > columns.len() && row.iter().skip(columns.len()).any(|c| !c.trim().is_empty())
        {
            problems.push(CellProblem {
                row: row_no,
                column: columns.len() + 1,
                message: "这一列没有表头，无法确定是什么数据".to_string(),
            });
        }
        let problems_before = problems.len();
        let made = self.values(row_no, row, problems);
        let note = self
            .column(Column::Note)
            .map(cell)
            .filter(|n| !n.is_empty());
        for (group, fields) in made {
            if !fields
                .iter()
                .any(|(k, v)| (k == "plan" || k == "result") && v != "null")
            {
                if self.kind.takes().groups || problems.len() > problems_before {
                    // A series with no value for this category is a gap.
                    continue;
                }
                problems.push(CellProblem {
                    row: row_no,
                    column: 0,
                    message: format!("“{label}”没有数值"),
                });
                continue;
            }
            items.push(self.item(&label, group, fields, note));
        }
    }

    /// The row's values with their units, by series (`None`: the row's own
    /// group, if any).
    fn values(
        &self,
        row_no: usize,
        row: &[String],
        problems: &mut Vec<CellProblem>,
    ) -> Vec<(Option<String>, Members)> {
        let cell = |i: usize| row.get(i).map(|c| c.trim()).unwrap_or("");
        let unit_col = self.column(Column::Unit);
        let row_group = self
            .column(Column::Group)
            .map(|i| cell(i).to_string())
            .filter(|g| !g.is_empty());
        let mut made: Vec<(Option<String>, Members)> = Vec::new();
        for (c, column) in self.layout.columns.iter().enumerate() {
            let Column::Value(key, group) = column else {
                continue;
            };
            let raw = cell(c);
            let group = group.clone().or_else(|| row_group.clone());
            let key = if key.is_empty() {
                self.existing
                    .key_of(group.as_deref().unwrap_or(""), self.kind)
            } else {
                key
            };
            let slot = match made.iter().position(|(g, _)| *g == group) {
                Some(i) => i,
                None => {
                    made.push((group.clone(), Vec::new()));
                    made.len() - 1
                }
            };
            let Some((_, fields)) = made.get_mut(slot) else {
                continue;
            };
            if raw.is_empty() || raw == "—" || raw == "-" || raw == "－" {
                // An empty cell: no value (a gap in a series, a result to come).
                if key == "result" {
                    fields.push((key.to_string(), "null".to_string()));
                }
                continue;
            }
            match number(raw) {
                Ok(f) => {
                    let unit = Some(f.unit)
                        .filter(|u| !u.is_empty())
                        .or_else(|| {
                            unit_col
                                .map(|i| cell(i).to_string())
                                .filter(|u| !u.is_empty())
                        })
                        .or_else(|| self.layout.head_units.get(c).cloned().flatten())
                        .or_else(|| self.fallback_unit.clone());
                    if let Some(unit) = unit {
                        set(fields, "unit", quote(&unit));
                    }
                    fields.push((key.to_string(), f.digits));
                }
                Err(why) => problems.push(CellProblem {
                    row: row_no,
                    column: c + 1,
                    message: why,
                }),
            }
        }
        made
    }

    /// An item: the chart's item of that label and group with its other
    /// fields kept, else a new one, with the row's values and note.
    fn item(
        &self,
        label: &str,
        group: Option<String>,
        fields: Members,
        note: Option<&str>,
    ) -> Members {
        let mut item: Members = match self.existing.find(label, group.as_deref()) {
            Some(node) => members_text(node, self.text),
            None => Vec::new(),
        };
        set(&mut item, "label", quote(label));
        if let Some(g) = &group {
            set(&mut item, "group", quote(g));
        }
        for (k, v) in fields {
            set(&mut item, &k, v);
        }
        if let Some(note) = note {
            set(&mut item, "note", quote(note));
        }
        item
    }
}
