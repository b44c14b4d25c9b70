//! Unsaved changes survive a reload: the text and what it was last saved
//! as are kept in the browser's storage until saved or discarded.

use crate::web::dom::object;
use js_sys::{Reflect, JSON};

const KEY: &str = "infographic-workbench-draft";

/// What is kept of an unsaved file.
pub(super) struct Draft {
    /// The file's name.
    pub name: String,
    /// The text being edited.
    pub text: String,
    /// The text as last opened or saved (the draft is unsaved if it differs).
    pub saved: String,
    /// Line breaks to write (`\r\n`) and a byte-order mark, as opened.
    pub crlf: bool,
    /// See `crlf`.
    pub bom: bool,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps `draft` (a full storage or private mode keeps nothing, silently:
/// the tab's own copy is unaffected).
pub(super) fn keep(draft: &Draft) {
    let Some(storage) = storage() else {
        return;
    };
    let o = object(&[
        ("name", draft.name.as_str().into()),
        ("text", draft.text.as_str().into()),
        ("saved", draft.saved.as_str().into()),
        ("crlf", draft.crlf.into()),
        ("bom", draft.bom.into()),
    ]);
    if let Ok(json) = JSON::stringify(&o) {
        let _ = storage.set_item(KEY, &String::from(json));
    }
}

/// The draft kept, if any and if unsaved.
pub(super) fn kept() -> Option<Draft> {
    let json = storage()?.get_item(KEY).ok()??;
    let o = JSON::parse(&json).ok()?;
    let text = |k: &str| Reflect::get(&o, &k.into()).ok()?.as_string();
    let flag = |k: &str| {
        Reflect::get(&o, &k.into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    };
    let draft = Draft {
        name: text("name")?,
        text: text("text")?,
        saved: text("saved")?,
        crlf: flag("crlf"),
        bom: flag("bom"),
    };
    (draft.text != draft.saved).then_some(draft)
}

/// Forgets the draft (saved, or discarded by the editor).
pub(super) fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
