use leptos::prelude::*;

/// One pickable item: id, label and an optional hint under it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A scrolling list of checkboxes writing the picked ids to `selected`.
#[component]
pub fn CheckList(
    #[prop(into)] label: String,
    choices: Vec<Choice>,
    selected: RwSignal<Vec<String>>,
    #[prop(into)] empty: String,
) -> impl IntoView {
    if choices.is_empty() {
        return view! { <p class="muted checklist-empty">{empty}</p> }.into_any();
    }
    view! {
        <fieldset class="checklist">
            <legend class="sr-only">{label}</legend>
            {choices.into_iter().map(|c| {
                let id = c.id.clone();
                let checked = {
                    let id = id.clone();
                    move || selected.with(|s| s.contains(&id))
                };
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    selected.update(|s| {
                        s.retain(|x| x != &id);
                        if on {
                            s.push(id.clone());
                        }
                    });
                };
                view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=checked on:change=toggle/>
                        <span>
                            {c.label}
                            {c.hint.map(|h| view! { <span class="muted hint">{h}</span> })}
                        </span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// Names as small chips (roles of a member, permissions of a role).
#[component]
pub fn Chips(items: Vec<String>, #[prop(into)] empty: String) -> impl IntoView {
    if items.is_empty() {
        return view! { <span class="muted">{empty}</span> }.into_any();
    }
    view! {
        <span class="chips">
            {items.into_iter().map(|i| view! { <span class="chip">{i}</span> }).collect_view()}
        </span>
    }
    .into_any()
}
