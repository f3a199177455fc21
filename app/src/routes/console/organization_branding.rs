//! The brand colours and custom CSS of an organization's hosted sign-in pages, part of its
//! Settings form, with a live preview of the branded sign-in card in light and dark mode.

use leptos::prelude::*;

use crate::components::FieldError;
use crate::components::contrast::{DARK_CARD, LIGHT_CARD, link_on, rgb, text_on};
use crate::error::AppError;
use crate::model::OrganizationSettings;

/// Tessera's own primary colours (style/main.css), previewed when none is set.
const DEFAULT_LIGHT: &str = "#4f46e5";
const DEFAULT_DARK: &str = "#818cf8";

/// A colour the preview can use: a complete `#rgb` / `#rrggbb`, else `fallback`.
fn usable(color: &str, fallback: &str) -> String {
    let hex = color.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6) && rgb(color).is_some() {
        color.to_string()
    } else {
        fallback.to_string()
    }
}

#[component]
pub fn BrandColors(
    form: RwSignal<OrganizationSettings>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let light = move || usable(&form.get().primary_color, DEFAULT_LIGHT);
    let dark = move || {
        let f = form.get();
        let light = usable(&f.primary_color, DEFAULT_LIGHT);
        usable(
            &f.dark_primary_color,
            if f.primary_color.is_empty() {
                DEFAULT_DARK
            } else {
                &light
            },
        )
    };
    let color_input = move |id: &'static str,
                            label: &'static str,
                            get: fn(&OrganizationSettings) -> String,
                            set: fn(&mut OrganizationSettings, String)| {
        let picker_label = format!("{label} picker");
        view! {
            <label for=id>{label}</label>
            <div class="color-field">
                <input type="color" aria-label=picker_label
                    prop:value=move || usable(&form.with(get), "#000000")
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
                <input id=id name=id placeholder="#4f46e5" autocomplete="off" spellcheck="false"
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev).trim().to_string()))/>
            </div>
            <FieldError error=error field=id/>
        }
    };
    view! {
        <h2>"Sign-in page"</h2>
        <div class="logo-grid">
            <div>
                {color_input("primary_color", "Brand colour", |f| f.primary_color.clone(), |f, v| f.primary_color = v)}
                <p class="help">"Buttons and links of this organization's sign-in pages. Empty: Tessera's."</p>
            </div>
            <div>
                {color_input("dark_primary_color", "Dark mode brand colour", |f| f.dark_primary_color.clone(), |f, v| f.dark_primary_color = v)}
                <p class="help">"Used when the visitor's system is in dark mode. Empty: the brand colour."</p>
            </div>
        </div>
        <label for="custom_css">"Custom CSS"</label>
        <textarea id="custom_css" name="custom_css" class="code" rows="4" spellcheck="false"
            placeholder=".hosted-card { border-radius: 16px; }"
            prop:value=move || form.get().custom_css
            on:input=move |ev| form.update(|f| f.custom_css = event_target_value(&ev))></textarea>
        <p class="help">"Added to this organization's hosted sign-in pages only (not to this preview)."</p>
        <FieldError error=error field="custom_css"/>
        <p class="picker-title">"Preview"</p>
        <div class="brand-previews" aria-label="Preview of the branded sign-in card">
            <BrandPreview mode="Light" color=Signal::derive(light) card="#ffffff" text="#1c1d26" muted="#5b5f73"
                border="#e1e3ec" card_rgb=LIGHT_CARD name=Signal::derive(move || form.get().name)/>
            <BrandPreview mode="Dark" color=Signal::derive(dark) card="#1b1c26" text="#eceef6" muted="#a3a7bb"
                border="#2e3040" card_rgb=DARK_CARD name=Signal::derive(move || form.get().name)/>
        </div>
    }
}

/// A miniature of the hosted sign-in card in one mode, coloured as the pages will be.
#[component]
fn BrandPreview(
    mode: &'static str,
    color: Signal<String>,
    card: &'static str,
    text: &'static str,
    muted: &'static str,
    border: &'static str,
    card_rgb: [f64; 3],
    name: Signal<String>,
) -> impl IntoView {
    let style = move || {
        let c = color.get();
        let link = link_on(&c, card_rgb).replace("var(--text)", text);
        format!(
            "--preview-primary:{c};--preview-on-primary:{};--preview-link:{link};\
             background:{card};color:{text};border-color:{border}",
            text_on(&c)
        )
    };
    view! {
        <div class="brand-preview" style=style data-testid=format!("preview-{}", mode.to_lowercase())>
            <p class="preview-mode" style=format!("color:{muted}")>{mode}</p>
            <p class="preview-name">{move || name.get()}</p>
            <p class="preview-title">"Sign in"</p>
            <div class="preview-input" style=format!("border-color:{border};color:{muted}")>"Username or email"</div>
            <div class="preview-button">"Sign in"</div>
            <p class="preview-switch" style=format!("color:{muted}")>"No account? " <span class="preview-link">"Create one"</span></p>
        </div>
    }
}
