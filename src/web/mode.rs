//! What this build and this page do, chosen once at start ([`Mode`]) and
//! handed to every part that differs by it.

/// Whether this is the full build (`--features full`).
const FULL: bool = cfg!(feature = "full");
/// Whether this is the workbench's build (`--features editor`).
const EDITOR: bool = cfg!(feature = "editor");

/// The build and the page, as the engine started on them. Each question
/// below tests its build first, a constant, so that a build without a
/// mode's code (the readers' has no preview, no problems' words, no
/// figure markup) drops it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    /// The readers' build: takes pre-rendered figures over, nothing else.
    Readers,
    /// The full build on an article: also writes a bare figure and shows a
    /// chart's problems in its place.
    Full,
    /// The full build on a page opened with `?preview`: every figure
    /// written afresh from the data file, which it watches.
    Preview,
    /// The editors' workbench (`editor.html`): figures written afresh, no
    /// banner or polling, every chart drawn at once and at rest.
    Workbench,
}

impl Mode {
    /// The mode of an article's page: the build's, and preview when the
    /// page's address asks for it (`?preview`).
    pub(super) fn of_page() -> Mode {
        if !FULL {
            Mode::Readers
        } else if crate::web::address::is_preview() {
            Mode::Preview
        } else {
            Mode::Full
        }
    }

    /// Whether this build writes a figure's markup (a bare figure, a
    /// chart's problems in words): the full build's modes.
    pub(super) fn writes_figures(self) -> bool {
        FULL && self != Mode::Readers
    }

    /// Whether the page is in preview: the banner, the polling.
    pub(super) fn preview(self) -> bool {
        FULL && self == Mode::Preview
    }

    /// Whether the page is the workbench.
    pub(super) fn workbench(self) -> bool {
        EDITOR && self == Mode::Workbench
    }

    /// Whether figures are written afresh rather than adopted (the data
    /// may be newer than the page).
    pub(super) fn rewrites(self) -> bool {
        self.preview() || self.workbench()
    }
}
