//! The preview banner at the top of a root: when the data file was loaded
//! and how many problems it has.

use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Writes (or rewrites) the banner of `root` for a file with `problems`.
pub(super) fn banner(
    document: &web_sys::Document,
    root: &Element,
    problems: usize,
) -> Result<(), JsValue> {
    let el = match root.query_selector(":scope > .ig-preview")? {
        Some(el) => el,
        None => {
            let el = document.create_element("p")?;
            el.set_class_name("ig-preview");
            el.set_attribute("role", "status")?;
            root.insert_before(&el, root.first_child().as_ref())?;
            el
        }
    };
    let time = js_sys::Date::new_0().to_locale_time_string("zh-CN");
    let state = if problems == 0 {
        "没有发现问题".to_string()
    } else {
        format!("发现 {problems} 个问题，见各图表位置")
    };
    // A built page's static figures are those of the build: the engine
    // redraws from the saved file, the built page only on the next build.
    let built = if root.has_attribute("data-infographic-source") {
        "；页面中预渲染的静态图要重新构建后才会更新"
    } else {
        ""
    };
    el.set_text_content(Some(&format!(
        "预览模式：保存数据文件后页面自动更新（{time} 载入，{state}{built}）"
    )));
    Ok(())
}
