//! Timing of the engine's work as performance measures
//! (`infographic:redraw:ID`, `infographic:hover:ID`, `infographic:tap:ID`),
//! read by the benchmark and shown in DevTools.

/// A piece of work being timed; [`Timer::end`] records it.
pub(super) struct Timer(Option<(web_sys::Performance, String)>);

impl Timer {
    /// Starts timing `what` for chart `id`.
    pub(super) fn start(what: &str, id: &str) -> Timer {
        let name = format!("infographic:{what}:{id}");
        Timer(
            web_sys::window()
                .and_then(|w| w.performance())
                .filter(|p| p.mark(&name).is_ok())
                .map(|p| (p, name)),
        )
    }

    /// Records the measure since [`Timer::start`].
    pub(super) fn end(self) {
        if let Some((perf, name)) = self.0 {
            let _ = perf.measure_with_start_mark(&name, &name);
            perf.clear_marks_with_mark_name(&name);
        }
    }
}
