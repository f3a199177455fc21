//! An organization's logo, colours and custom CSS around the hosted card.

use leptos::prelude::*;

use crate::components::contrast::{DARK_CARD, LIGHT_CARD, link_on, text_on};
use crate::model::Branding;

/// A colour accepted into a style attribute: `#rgb`, `#rrggbb` or `#rrggbbaa` only.
fn safe_color(c: &Option<String>) -> Option<String> {
    c.as_ref()
        .filter(|c| {
            let hex = c.strip_prefix('#').unwrap_or("");
            matches!(hex.len(), 3 | 6 | 8) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
        })
        .cloned()
}

/// Custom CSS cannot close its `<style>` element: `<` is dropped.
fn safe_css(css: &Option<String>) -> Option<String> {
    css.as_ref().map(|c| c.replace('<', ""))
}

#[component]
pub fn Branded(branding: Branding, children: Children) -> impl IntoView {
    let light = safe_color(&branding.primary_color);
    let dark = safe_color(&branding.dark_primary_color).or_else(|| light.clone());
    let colors = match (&light, &dark) {
        (Some(l), Some(d)) => format!(
            ":root{{--primary:{l};--primary-hover:{l};--primary-text:{};--link:{};}}\
             @media (prefers-color-scheme: dark){{:root{{--primary:{d};--primary-hover:{d};\
             --primary-text:{};--link:{};}}}}",
            text_on(l),
            link_on(l, LIGHT_CARD),
            text_on(d),
            link_on(d, DARK_CARD),
        ),
        _ => String::new(),
    };
    let css = safe_css(&branding.custom_css).unwrap_or_default();
    let name = branding.organization_name.clone();
    let logo = branding.logo_url.clone();
    let dark_logo = branding.dark_logo_url.clone().or_else(|| logo.clone());
    view! {
        <style>{colors}{css}</style>
        <section class="hosted-card">
            {match (logo, dark_logo) {
                (Some(light), Some(dark)) => view! {
                    <picture class="hosted-logo">
                        <source srcset=dark media="(prefers-color-scheme: dark)"/>
                        <img src=light alt=name.clone().unwrap_or_else(|| "Logo".into())/>
                    </picture>
                }
                .into_any(),
                _ => view! {
                    <div class="brand-mark">{name.clone().unwrap_or_else(|| "Tessera".into())}</div>
                }
                .into_any(),
            }}
            {children()}
        </section>
    }
}
