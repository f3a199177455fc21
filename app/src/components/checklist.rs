use leptos::prelude::*;

/// One pickable item: id, label and an optional hint under it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    /// A role as a choice: its hint says its type ("User role", "Machine-to-machine role"),
    /// then its description.
    pub fn role(id: String, name: String, role_type: &str, description: Option<String>) -> Choice {
        let kind = match role_type {
            "MachineToMachine" => "Machine-to-machine role",
            _ => "User role",
        };
        let hint = match description.filter(|d| !d.trim().is_empty()) {
            Some(d) => format!("{kind} · {d}"),
            None => kind.to_string(),
        };
        Choice {
            id,
            label: name,
            hint: Some(hint),
        }
    }
}

/// A searchable multi-select: the picked items as chips (each removable), a search box that
/// narrows the list by label or hint, and the list of checkboxes writing the picked ids to
/// `selected`. With `searched_elsewhere`, the caller searches (on the server) and shows what
/// was picked across searches itself: only the checkboxes render.
#[component]
pub fn CheckList(
    #[prop(into)] label: String,
    choices: Vec<Choice>,
    selected: RwSignal<Vec<String>>,
    #[prop(into)] empty: String,
    #[prop(optional)] searched_elsewhere: bool,
) -> impl IntoView {
    if choices.is_empty() {
        return view! { <p class="muted checklist-empty">{empty}</p> }.into_any();
    }
    let choices = StoredValue::new(choices);
    let filter = RwSignal::new(String::new());
    let label_of = move |id: &str| {
        choices.with_value(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.label.clone())
        })
    };
    let visible = move || {
        let needle = filter.get().trim().to_lowercase();
        choices.with_value(|cs| {
            cs.iter()
                .filter(|c| {
                    needle.is_empty()
                        || c.label.to_lowercase().contains(&needle)
                        || c.hint
                            .as_deref()
                            .is_some_and(|h| h.to_lowercase().contains(&needle))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let search_label = format!("Search {}", label.to_lowercase());
    view! {
        <div class="picker">
            <Show when=move || !searched_elsewhere>
            <PickedChips selected=selected label_of=label_of/>
            <input type="search" class="picker-search" placeholder="Type to filter"
                aria-label=search_label.clone() prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))/>
            </Show>
            <fieldset class="checklist">
                <legend class="sr-only">{label}</legend>
                <For each=visible key=|c| c.id.clone() let:c>
                    {
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
                                    {c.label.clone()}
                                    {c.hint.clone().map(|h| view! { <span class="muted hint">{h}</span> })}
                                </span>
                            </label>
                        }
                    }
                </For>
                <Show when=move || visible().is_empty()>
                    <p class="muted checklist-empty">"Nothing matches."</p>
                </Show>
            </fieldset>
        </div>
    }
    .into_any()
}

/// What is picked, as chips (each with a button removing it from `selected`); `label_of`
/// names an id.
#[component]
pub fn PickedChips<L>(selected: RwSignal<Vec<String>>, label_of: L) -> impl IntoView
where
    L: Fn(&str) -> String + Copy + Send + Sync + 'static,
{
    view! {
        <span class="chips picked" aria-live="polite">
            <For each=move || selected.get() key=|id| id.clone() let:id>
                {
                    let name = label_of(&id);
                    let remove_label = format!("Remove {name}");
                    view! {
                        <span class="chip">
                            {name}
                            <button type="button" class="chip-remove" aria-label=remove_label
                                on:click=move |_| selected.update(|s| s.retain(|x| x != &id))>"×"</button>
                        </span>
                    }
                }
            </For>
        </span>
    }
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
