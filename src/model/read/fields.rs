//! The data file's objects read with [`Reader`]'s values: a chart (every
//! kind's fields optional: the kind's rules come after, in `check`), an
//! item, a measure, the theme.

use super::super::check::RawChart;
use super::super::json::{Json, Node};
use super::super::{Bound, Decrease, Item, Kind, Measure, PaletteSpec, RangeWord, ThemeSpec};
use super::{Reader, CHART_KEYS, ITEM_KEYS, MEASURE_KEYS, PALETTE_KEYS, THEME_KEYS};

impl Reader<'_> {
    fn item(&mut self, node: &Node, path: &str) -> Option<Item> {
        let obj = self.object(node, path, ITEM_KEYS)?;
        let label = self.required_string(&obj, "label");
        // A target in words (`text`) needs no unit.
        let unit = if obj.get("unit").is_none() && obj.get("text").is_some() {
            Some(String::new())
        } else {
            self.required_string(&obj, "unit")
        };
        let plan = self.optional_number(obj.get("plan"), &obj.path("plan"));
        let plan_to = self.optional_number(obj.get("plan_to"), &obj.path("plan_to"));
        let result = self.optional_number(obj.get("result"), &obj.path("result"));
        let bound = match obj.get("bound") {
            None => Some(Bound::Exact),
            Some(n) => self.choice(n, &obj.path("bound"), &Bound::ALL, Bound::name),
        };
        let decrease = match obj.get("decrease") {
            None => Some(None),
            Some(n) => self
                .choice(n, &obj.path("decrease"), &Decrease::ALL, Decrease::word)
                .map(Some),
        };
        let range_word = match obj.get("range_word") {
            None => Some(RangeWord::Dash),
            Some(n) => self.choice(n, &obj.path("range_word"), &RangeWord::ALL, RangeWord::word),
        };
        let text = self.optional_string(obj.get("text"), &obj.path("text"));
        let note = self.optional_string(obj.get("note"), &obj.path("note"));
        let highlight = self.boolean(obj.get("highlight"), &obj.path("highlight"));
        let group = self.optional_string(obj.get("group"), &obj.path("group"));
        // A decrease's values are written positive and held negative:
        // drawn leftwards, worded with the decrease's word.
        let decrease = decrease?;
        let sign = if decrease.is_some() { -1.0 } else { 1.0 };
        let signed = |v: Option<Option<f64>>| v.map(|v| v.map(|v| v * sign));
        Some(Item {
            label: label?,
            unit: unit?,
            plan: signed(plan)?,
            result: signed(result)?,
            plan_to: signed(plan_to)?,
            range_word: range_word?,
            bound: bound?,
            decrease,
            text: text?,
            note: note?,
            highlight: highlight?,
            group: group?,
        })
    }

    fn measure(&mut self, node: &Node, path: &str) -> Option<Measure> {
        let obj = self.object(node, path, MEASURE_KEYS)?;
        let label = self.required_string(&obj, "label");
        let unit = self.required_string(&obj, "unit");
        let whole = self
            .required(&obj, "whole")
            .and_then(|n| self.number(n, &obj.path("whole")));
        let parts = self
            .required(&obj, "parts")
            .and_then(|n| self.list_of(n, &obj.path("parts"), |r, n, p| r.number(n, p)));
        Some(Measure {
            label: label?,
            unit: unit?,
            whole: whole?,
            parts: parts?,
        })
    }

    /// A chart, every kind's fields optional (the kind's rules come after).
    pub(crate) fn chart(&mut self, node: &Node, path: &str) -> Option<RawChart> {
        let obj = self.object(node, path, CHART_KEYS)?;
        let id = self.required_string(&obj, "id");
        let kind = self
            .required(&obj, "kind")
            .and_then(|n| self.choice(n, &obj.path("kind"), &Kind::ALL, Kind::name));
        let title = self.required_string(&obj, "title");
        let subtitle = self.required_string(&obj, "subtitle");
        let source = self.required_string(&obj, "source");
        let notes = match obj.get("notes") {
            None => Some(Vec::new()),
            Some(n) => self.list_of(n, &obj.path("notes"), |r, n, p| r.string(n, p)),
        };
        let items = match obj.get("items") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("items"), |r, n, p| r.item(n, p))
                .map(Some),
        };
        let part_labels = match obj.get("part_labels") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("part_labels"), |r, n, p| r.string(n, p))
                .map(Some),
        };
        let rest_label = match obj.get("rest_label") {
            None => Some(None),
            Some(n) => self.string(n, &obj.path("rest_label")).map(Some),
        };
        let measures = match obj.get("measures") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("measures"), |r, n, p| r.measure(n, p))
                .map(Some),
        };
        let average_growth = match obj.get("average_growth") {
            None => Some(None),
            Some(n) => self.boolean(Some(n), &obj.path("average_growth")).map(Some),
        };
        Some(RawChart {
            average_growth: average_growth?,
            id: id?,
            kind: kind?,
            title: title?,
            subtitle: subtitle?,
            source: source?,
            notes: notes?,
            items: items?,
            part_labels: part_labels?,
            rest_label: rest_label?,
            measures: measures?,
        })
    }

    fn palette(&mut self, node: &Node, path: &str) -> Option<PaletteSpec> {
        let obj = self.object(node, path, PALETTE_KEYS)?;
        let accent = self.optional_string(obj.get("accent"), &obj.path("accent"));
        let base = self.optional_string(obj.get("base"), &obj.path("base"));
        Some(PaletteSpec {
            accent: accent?,
            base: base?,
        })
    }

    pub(crate) fn theme(&mut self, node: &Node) -> Option<ThemeSpec> {
        let obj = self.object(node, "theme", THEME_KEYS)?;
        let font_family = self.optional_string(obj.get("font_family"), "theme.font_family");
        let palette = |r: &mut Self, key: &str| match obj.get(key) {
            None
            | Some(Node {
                value: Json::Null, ..
            }) => Some(None),
            Some(n) => r.palette(n, &obj.path(key)).map(Some),
        };
        let light = palette(self, "light");
        let dark = palette(self, "dark");
        Some(ThemeSpec {
            font_family: font_family?,
            light: light?,
            dark: dark?,
        })
    }
}
