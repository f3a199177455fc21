//! Keyboard focus for modal dialogs (WAI-ARIA dialog pattern): into the dialog on open, kept
//! inside while it is open, back to the opener on close. Does nothing on the server.

/// What can take focus by Tab inside a dialog.
#[cfg(feature = "hydrate")]
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

#[cfg(feature = "hydrate")]
fn focusables(panel: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let Ok(list) = panel.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

#[cfg(feature = "hydrate")]
fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// Focuses the dialog's first field (or, without fields, its first button: Cancel in a
/// confirmation, the safe choice).
pub fn first_inside(panel: &web_sys::HtmlElement) {
    #[cfg(feature = "hydrate")]
    {
        let all = focusables(panel);
        let field = all
            .iter()
            .find(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if let Some(el) = field.or(all.first()) {
            let _ = el.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = panel;
}

/// Moves focus from the last focusable element to the first (or, going back, from the first to
/// the last); `true` when it did, so the key's default move must not happen.
pub fn wrap(panel: &web_sys::HtmlElement, backwards: bool) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let all = focusables(panel);
        let (Some(first), Some(last)) = (all.first(), all.last()) else {
            return true;
        };
        let active = active_element();
        let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref());
        let inside = active
            .as_ref()
            .is_some_and(|a| panel.contains(Some(a.as_ref())));
        let target = match (backwards, inside) {
            (true, true) if at(first) => last,
            (false, true) if at(last) => first,
            (true, false) => last,
            (false, false) => first,
            _ => return false,
        };
        let _ = target.focus();
        true
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (panel, backwards);
        false
    }
}

/// The element that had focus when a dialog opened.
pub struct Opener {
    #[cfg(feature = "hydrate")]
    element: send_wrapper::SendWrapper<Option<web_sys::HtmlElement>>,
}

impl Opener {
    pub fn remember() -> Self {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let element =
                active_element().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            Opener {
                element: send_wrapper::SendWrapper::new(element),
            }
        }
        #[cfg(not(feature = "hydrate"))]
        Opener {}
    }

    /// Gives focus back, if the opener is still on the page.
    pub fn restore(self) {
        #[cfg(feature = "hydrate")]
        if let Some(el) = self.element.take()
            && el.is_connected()
        {
            let _ = el.focus();
        }
    }
}
