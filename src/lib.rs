//! Interactive news infographics from one JSON data file.
//!
//! The data flows through one module per step:
//!
//! 1. [`model`]: the data file's types; [`model::load`] decodes, parses and
//!    validates, returning every problem with its path and position.
//! 2. [`layout`]: pure geometry. A chart at a width becomes a
//!    [`layout::Scene`] of marks in CSS px.
//! 3. [`render`]: draws a scene on any plotters `DrawingBackend` (canvas in
//!    the browser, SVG natively).
//! 4. `web` (wasm32 only): the one module that touches the browser: mount,
//!    resize, devicePixelRatio, events.
//!
//! [`format`] writes Chinese numbers and units; [`theme`] holds colours and
//! type; [`markup`] is a chart's figure as HTML, which `site` (native, at
//! build time) pre-renders into pages and `web` adopts. Everything but
//! `web` builds and tests natively.

pub mod color;
pub mod describe;
pub mod format;
pub mod interact;
pub mod layout;
pub mod markup;
pub mod model;
pub mod render;
pub mod theme;

#[cfg(not(target_arch = "wasm32"))]
pub mod site;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The wasm module's allocator: a free list kept sorted and coalesced, about
/// 3 KB (gzipped) smaller than the default dlmalloc. The page allocates
/// little (a layout, a frame's strings), so its O(free list) steps do not
/// show; the page tests check that memory stays flat over 1,000 redraws.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
