//! Small parts: no source file in `src/` over 400 lines and no function
//! over 80, so that a file one opens fits in one's head. Functions are
//! found by parsing each file with `syn`, from `fn` to the body's closing
//! brace (a function's doc comment does not count).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use syn::spanned::Spanned;
use syn::visit::Visit;

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 80;

/// The functions of a file longer than the limit: `name: N lines`.
struct LongFns {
    long: Vec<String>,
}

impl LongFns {
    fn check(&mut self, name: &syn::Ident, from: proc_macro2::Span, to: proc_macro2::Span) {
        let lines = to.end().line + 1 - from.start().line;
        if lines > MAX_FN_LINES {
            self.long.push(format!(
                "{name} (line {}): {lines} lines",
                from.start().line
            ));
        }
    }
}

impl<'ast> Visit<'ast> for LongFns {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.check(&f.sig.ident, f.sig.span(), f.block.brace_token.span.close());
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.check(&f.sig.ident, f.sig.span(), f.block.brace_token.span.close());
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.check(&f.sig.ident, f.sig.span(), block.brace_token.span.close());
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

/// What is too long in one file's text: the file, and each function.
fn too_long(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lines = text.lines().count();
    if lines > MAX_FILE_LINES {
        found.push(format!("{lines} lines (at most {MAX_FILE_LINES})"));
    }
    let file = syn::parse_file(text).unwrap();
    let mut fns = LongFns { long: Vec::new() };
    fns.visit_file(&file);
    found.extend(
        fns.long
            .into_iter()
            .map(|f| format!("fn {f} (at most {MAX_FN_LINES})")),
    );
    found
}

#[test]
fn no_file_or_function_is_too_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for path in common::rust_sources(&root) {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        for p in too_long(&text) {
            problems.push(format!("src/{name}: {p}"));
        }
    }
    assert!(problems.is_empty(), "too long:\n{}", problems.join("\n"));
}

/// The check itself: it finds a long file, a long function and a long
/// method, and lets short ones and doc comments be.
#[test]
fn the_check_finds_what_is_too_long() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES - 2);
    let long_fn = format!("/// Doc.\nfn long() {{\n{body}}}\n");
    assert_eq!(
        too_long(&long_fn),
        Vec::<String>::new(),
        "exactly the limit"
    );
    let over = format!("fn over() {{\n{body}    let y = 2;\n}}\n");
    assert_eq!(
        too_long(&over),
        vec![format!(
            "fn over (line 1): 81 lines (at most {MAX_FN_LINES})"
        )]
    );
    let method =
        format!("struct S;\nimpl S {{\n    fn m(&self) {{\n{body}    let y = 2;\n    }}\n}}\n");
    assert_eq!(too_long(&method).len(), 1, "{:?}", too_long(&method));
    let docs = format!(
        "{}fn short() {{}}\n",
        "/// Doc.\n".repeat(MAX_FILE_LINES + 1)
    );
    assert_eq!(too_long(&docs).len(), 1, "a long file");
}
