//! A table pasted from a spreadsheet (WPS, Excel: tab-separated text, rows
//! on lines, a cell with a tab or line break in quotes) read into one
//! chart's items, and written into the data file's text in their place.
//!
//! Figures are read as editors type them: `1,234.5`, `１２３`, `15%`,
//! `377亿元`, `3 000`, `－2.5`. A figure's digits are written into the file
//! as read (`1.50` stays `1.50`); its unit comes from the cell, else a unit
//! column, else the column head (`投资额（亿元）`), else the chart's items
//! as they were. An item whose label (and group) was in the chart keeps its
//! other fields (`bound`, `highlight`, `note`…). Nothing is dropped: a cell
//! that cannot be read is a problem with its row and column, and then the
//! file is left unchanged.

use super::json::{parse, value_end, Json, Node};
use super::{Fields, Kind};

/// A cell that could not be read: 1-based row and column of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// Row in the pasted table, 1-based (a head row counts).
    pub row: usize,
    /// Column, 1-based; 0 for the whole row.
    pub column: usize,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            0 => write!(f, "第{}行：{}", self.row, self.message),
            c => write!(f, "第{}行第{}列：{}", self.row, c, self.message),
        }
    }
}

/// Splits tab-separated text into rows of cells. Quoted cells (`"a⇥b"`,
/// `"line 1↵line 2"`, `""` for a quote) are read as spreadsheets write
/// them; blank rows (the trailing line break) are left out.
pub fn cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

/// A figure read from a cell: its digits as they go into the file, and the
/// unit written after them, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// `-1234.50`: an optional minus, digits, an optional point and digits.
    pub digits: String,
    /// `亿元`, `%`, empty when the cell has none.
    pub unit: String,
}

/// Reads a figure as editors type it: full-width digits and signs, spaces,
/// thousands separators, a unit after it. `Err` says why not, in Chinese.
pub fn figure(cell: &str) -> Result<Figure, String> {
    // Full-width forms to ASCII, spaces out.
    let mut s = String::new();
    for c in cell.chars() {
        let c = match c {
            '０'..='９' | '．' | '，' | '％' | '－' | '＋' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '−' | '–' => '-',
            c => c,
        };
        if !c.is_whitespace() {
            s.push(c);
        }
    }
    let number_end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .map_or(s.len(), |(i, _)| i);
    let (number, unit) = s.split_at(number_end);
    let (negative, body) = match number.as_bytes().first() {
        Some(b'-') => (true, &number[1..]),
        Some(b'+') => (false, &number[1..]),
        _ => (false, number),
    };
    let not_a_number = || format!("“{}”不是数字", cell.trim());
    if !body.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(not_a_number());
    }
    let (whole, fraction) = match body.find(".") {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    // Thousands separators: groups of three after the first.
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3));
    let digits_only = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !grouped_well || !groups.iter().all(|g| digits_only(g)) {
        return Err(not_a_number());
    }
    let mut digits = String::new();
    if negative {
        digits.push('-');
    }
    digits.extend(groups);
    if let Some(f) = fraction {
        if f.is_empty() || !digits_only(f) {
            return Err(not_a_number());
        }
        if f.len() > 2 {
            return Err(format!("“{}”有{}位小数：最多两位", cell.trim(), f.len()));
        }
        digits.push('.');
        digits.push_str(f);
    }
    Ok(Figure {
        digits,
        unit: unit.to_string(),
    })
}

/// What a column of the table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Label,
    Unit,
    Note,
    Group,
    /// A figure under this item key (`plan`, `result`), of this group
    /// (grouped bars written wide: one column per series) when some.
    Figure(&'static str, Option<String>),
    /// A column that is left alone (its head says nothing known).
    Skip,
}

/// The item key figures go under when the table does not say.
fn default_key(kind: Kind) -> &'static str {
    if kind.takes().periods {
        "result"
    } else {
        "plan"
    }
}

/// The column a head names: `(column, unit in the head)`.
fn column_of(head: &str, kind: Kind) -> (Column, Option<String>) {
    let head = head.trim();
    // `投资额（亿元）`, `增速(%)`: the unit in brackets.
    let (name, unit) = match head.find(['（', '(']) {
        Some(i) => {
            let inner = head[i..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            (
                head[..i].trim(),
                (!inner.is_empty()).then(|| inner.to_string()),
            )
        }
        None => (head, None),
    };
    let has = |words: &[&str]| words.iter().any(|w| name.find(w).is_some());
    let column = if has(&["单位"]) {
        Column::Unit
    } else if has(&["备注", "说明", "注"]) {
        Column::Note
    } else if has(&["分组", "系列"]) {
        Column::Group
    } else if has(&["实际", "完成", "结果", "实绩"]) && !kind.takes().groups {
        Column::Figure("result", None)
    } else if has(&["目标", "计划", "预期"]) && !kind.takes().groups {
        Column::Figure("plan", None)
    } else if has(&["数值", "金额", "数量", "数据", "值"]) {
        Column::Figure(default_key(kind), None)
    } else if has(&[
        "名称", "项目", "指标", "类别", "年份", "时间", "时期", "企业", "地区",
    ]) {
        Column::Label
    } else if kind.takes().groups && !name.is_empty() {
        // Grouped bars written wide: each further head names a series.
        Column::Figure("", Some(name.to_string()))
    } else {
        Column::Skip
    };
    (column, unit)
}

/// One item read from a row: its keys in order, each with its JSON text.
type Members = Vec<(String, String)>;

/// The chart's items as they are in the file, by label and group.
struct Existing<'a> {
    items: Vec<&'a Node>,
}

impl<'a> Existing<'a> {
    fn text(node: &Node, key: &str) -> Option<String> {
        match &node.member(key)?.value {
            Json::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// The item with this label (and group), if the chart had it.
    fn find(&self, label: &str, group: Option<&str>) -> Option<&'a Node> {
        self.items.iter().copied().find(|n| {
            Self::text(n, "label").as_deref() == Some(label)
                && Self::text(n, "group").as_deref() == group
        })
    }

    /// The unit of the chart's first item with one.
    fn unit(&self) -> Option<String> {
        self.items.iter().find_map(|n| Self::text(n, "unit"))
    }

    /// The series' names of grouped bars, in their first order.
    fn groups(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for g in self.items.iter().filter_map(|n| Self::text(n, "group")) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }

    /// The figure key the chart's items of `group` use (grouped bars: a
    /// 目标 series under `plan`, a 实际 one under `result`).
    fn key_of(&self, group: &str, kind: Kind) -> &'static str {
        let of_group = self
            .items
            .iter()
            .find(|n| Self::text(n, "group").as_deref() == Some(group));
        match of_group {
            Some(n) if n.member("plan").is_none() && n.member("result").is_some() => "result",
            Some(_) => "plan",
            None if group.find("实际").or(group.find("完成")).is_some() => "result",
            None => default_key(kind),
        }
    }
}

/// Reads `table` (pasted text) as the items of the chart `id` of the data
/// file `text`, and returns the file's text with them in place of the
/// chart's items, the rest unchanged byte for byte. Part-to-whole charts
/// take no items.
pub fn paste(text: &str, id: &str, table: &str) -> Result<String, Vec<CellProblem>> {
    let whole = |message: &str| {
        vec![CellProblem {
            row: 0,
            column: 0,
            message: message.to_string(),
        }]
    };
    let root = parse(text).map_err(|_| whole("数据文件有语法错误，请先改正"))?;
    let charts = match root.member("charts").map(|n| &n.value) {
        Some(Json::Array(charts)) => charts,
        _ => return Err(whole("数据文件没有 charts 列表")),
    };
    let chart = charts
        .iter()
        .find(|c| matches!(c.member("id").map(|n| &n.value), Some(Json::String(s)) if s == id))
        .ok_or_else(|| whole(&format!("没有 id 为“{id}”的图表")))?;
    let kind = match chart.member("kind").map(|n| &n.value) {
        Some(Json::String(k)) => Kind::named(k).ok_or_else(|| whole("图表的 kind 无法识别"))?,
        _ => return Err(whole("图表缺少 kind")),
    };
    if kind.fields() == Fields::Parts {
        return Err(whole(&format!(
            "构成图（{}）的数据不是逐项列表，请直接修改 measures",
            kind.name()
        )));
    }
    let items_node = chart.member("items");
    let existing = Existing {
        items: match items_node.map(|n| &n.value) {
            Some(Json::Array(items)) => items.iter().collect(),
            _ => Vec::new(),
        },
    };
    let rows = cells(table);
    if rows.is_empty() {
        return Err(whole("粘贴的内容是空的"));
    }
    let read = read_rows(&rows, kind, &existing, text)?;
    let indent = line_indent(text, chart.at) + "  ";
    let written = write_items(&read, &indent);
    match items_node {
        Some(node) => {
            let mut out = String::with_capacity(text.len() + written.len());
            let end = value_end(text, node.at).unwrap_or(text.len());
            out.push_str(text.get(..node.at).unwrap_or(""));
            out.push_str(&written);
            out.push_str(text.get(end..).unwrap_or(""));
            Ok(out)
        }
        None => Err(whole("图表缺少 items 列表：请先写 \"items\": []")),
    }
}

/// The whitespace that starts the line holding byte `at`.
fn line_indent(text: &str, at: usize) -> String {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// The table's rows as items' fields, or every cell that could not be read.
fn read_rows(
    rows: &[Vec<String>],
    kind: Kind,
    existing: &Existing,
    text: &str,
) -> Result<Vec<Members>, Vec<CellProblem>> {
    let first = rows.first().map(Vec::as_slice).unwrap_or_default();
    // A head row: a cell after the first that is not a figure, or that
    // names a period or a series (`2023年`, `2024年目标`).
    let has_head = first.iter().skip(1).any(|c| match figure(c) {
        Ok(f) => {
            f.unit.starts_with(['年', '月', '季'])
                || ["目标", "实际", "计划", "完成"]
                    .iter()
                    .any(|w| f.unit.find(w).is_some())
        }
        Err(_) => !c.trim().is_empty(),
    });
    let (mut columns, head_units): (Vec<Column>, Vec<Option<String>>) = if has_head {
        first.iter().map(|h| column_of(h, kind)).unzip()
    } else {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut columns = vec![Column::Label];
        let takes = kind.takes();
        if takes.groups {
            for g in existing.groups() {
                columns.push(Column::Figure("", Some(g)));
            }
        } else if takes.periods {
            columns.push(Column::Figure("result", None));
            columns.push(Column::Figure("plan", None));
        } else {
            columns.push(Column::Figure("plan", None));
            columns.push(Column::Figure("result", None));
        }
        columns.resize(width.max(columns.len()), Column::Skip);
        (columns, vec![None; width])
    };
    // A head that names no known column (`投资额`): the first such is the
    // figures, when no head says where they are.
    if !columns.iter().any(|c| matches!(c, Column::Figure(..))) {
        if let Some(c) = columns.iter_mut().skip(1).find(|c| **c == Column::Skip) {
            *c = Column::Figure(default_key(kind), None);
        }
    }
    let mut problems = Vec::new();
    // Any other column with content is named, never dropped.
    for (c, column) in columns.iter().enumerate() {
        let used = rows
            .iter()
            .skip(1)
            .any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty()));
        if *column == Column::Skip && used {
            problems.push(CellProblem {
                row: 1,
                column: c + 1,
                message: format!(
                    "不知道“{}”列是什么数据：表头可写名称、数值、目标、实际、单位、备注、分组",
                    first.get(c).map_or("", |h| h.trim())
                ),
            });
        }
    }
    if !columns.contains(&Column::Label) {
        problems.push(CellProblem {
            row: 1,
            column: 0,
            message: "表头中没有名称列（如“项目”“指标”“年份”）".to_string(),
        });
    }
    if !columns.iter().any(|c| matches!(c, Column::Figure(..))) {
        problems.push(CellProblem {
            row: 1,
            column: 0,
            message: "表头中没有数值列（如“数值”“目标”“实际”）".to_string(),
        });
    }
    if kind.takes().groups && !has_head && existing.groups().is_empty() {
        problems.push(CellProblem {
            row: 1,
            column: 0,
            message: "分组条形图请带表头粘贴：第一行写各组名称（如“2023年目标”）".to_string(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let fallback_unit = existing.unit();
    let at = |wanted: Column| columns.iter().position(|c| *c == wanted);
    let label_col = at(Column::Label).unwrap_or(0);
    let unit_col = at(Column::Unit);
    let note_col = at(Column::Note);
    let group_col = at(Column::Group);
    let mut items: Vec<Members> = Vec::new();
    let skip = usize::from(has_head);
    for (r, row) in rows.iter().enumerate().skip(skip) {
        let row_no = r + 1;
        let cell = |i: usize| row.get(i).map(|c| c.trim()).unwrap_or("");
        let label = one_line(cell(label_col));
        if label.is_empty() {
            problems.push(CellProblem {
                row: row_no,
                column: label_col + 1,
                message: "名称是空的".to_string(),
            });
            continue;
        }
        if row.len() > columns.len() && row.iter().skip(columns.len()).any(|c| !c.trim().is_empty())
        {
            problems.push(CellProblem {
                row: row_no,
                column: columns.len() + 1,
                message: "这一列没有表头，无法确定是什么数据".to_string(),
            });
        }
        let row_group = group_col
            .map(|i| cell(i).to_string())
            .filter(|g| !g.is_empty());
        let problems_before = problems.len();
        // One item per series for grouped bars written wide, else one.
        let mut made: Vec<(Option<String>, Members)> = Vec::new();
        for (c, column) in columns.iter().enumerate() {
            let Column::Figure(key, group) = column else {
                continue;
            };
            let raw = cell(c);
            let group = group.clone().or_else(|| row_group.clone());
            let key = if key.is_empty() {
                existing.key_of(group.as_deref().unwrap_or(""), kind)
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
                // An empty cell: no figure (a gap in a series, a result to come).
                if key == "result" {
                    fields.push((key.to_string(), "null".to_string()));
                }
                continue;
            }
            match figure(raw) {
                Ok(f) => {
                    let unit = Some(f.unit)
                        .filter(|u| !u.is_empty())
                        .or_else(|| {
                            unit_col
                                .map(|i| cell(i).to_string())
                                .filter(|u| !u.is_empty())
                        })
                        .or_else(|| head_units.get(c).cloned().flatten())
                        .or_else(|| fallback_unit.clone());
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
        for (group, fields) in made {
            if !fields
                .iter()
                .any(|(k, v)| (k == "plan" || k == "result") && v != "null")
            {
                if kind.takes().groups || problems.len() > problems_before {
                    // A series with no figure for this category is a gap.
                    continue;
                }
                problems.push(CellProblem {
                    row: row_no,
                    column: 0,
                    message: format!("“{label}”没有数值"),
                });
                continue;
            }
            let mut item: Members = match existing.find(&label, group.as_deref()) {
                Some(node) => members_text(node, text),
                None => Vec::new(),
            };
            set(&mut item, "label", quote(&label));
            if let Some(g) = &group {
                set(&mut item, "group", quote(g));
            }
            for (k, v) in fields {
                set(&mut item, &k, v);
            }
            if let Some(note) = note_col.map(cell).filter(|n| !n.is_empty()) {
                set(&mut item, "note", quote(note));
            }
            items.push(item);
        }
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

/// A cell written over several lines (Alt+Enter in a spreadsheet) as one
/// line: lines of Chinese joined as they are, others with a space.
fn one_line(cell: &str) -> String {
    let mut out = String::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let ascii_edge = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_edge {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// An object's members with each value's text as written in the file.
fn members_text(node: &Node, text: &str) -> Members {
    match &node.value {
        Json::Object(members) => members
            .iter()
            .map(|(k, _, v)| {
                let raw = value_end(text, v.at).and_then(|end| text.get(v.at..end));
                (k.clone(), raw.unwrap_or("null").to_string())
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Sets `key` in `fields`, in its place if it is there, else at the end.
fn set(fields: &mut Members, key: &str, value: String) {
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => fields.push((key.to_string(), value)),
    }
}

/// A string as JSON text.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [(c as usize) >> 4, (c as usize) & 15] {
                    out.push(HEX.get(nibble).map_or('0', |b| char::from(*b)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Items as the data files write them: one object a line, `indent` deep.
fn write_items(items: &[Members], indent: &str) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let mut out = String::from("[\n");
    for (i, item) in items.iter().enumerate() {
        out.push_str(indent);
        out.push_str("  { ");
        let members: Vec<String> = item
            .iter()
            .map(|(k, v)| format!("{}: {v}", quote(k)))
            .collect();
        out.push_str(&members.join(", "));
        out.push_str(if i + 1 < items.len() { " },\n" } else { " }\n" });
    }
    out.push_str(indent);
    out.push(']');
    out
}
