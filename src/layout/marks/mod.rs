//! Marks: the small drawing pieces chart kinds are built from — bars,
//! labels, legends — each placed where the caller's scales say.

pub(crate) mod bar;
pub(crate) mod label;
pub(crate) mod legend;
