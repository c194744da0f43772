// The page form's "leads to step" as a choice of the scenario's steps, not a key to type.
//
// Progressive enhancement of the Wagtail editor: each choice's target text field becomes a
// hidden field behind a list of the steps in the form (their key and first words), read
// afresh whenever the list is opened. Without JavaScript the text field stays.

const script = document.currentScript || document.querySelector("script[data-kw-target-select]");
const WORDS = {
  choose: script?.dataset.choose || "—",
  missing: script?.dataset.missing || "?",
};
const TARGET = /^graph-\d+-value-choices-\d+-value-target$/;
const KEY = /^graph-(\d+)-value-key$/;

function steps(form) {
  return [...form.querySelectorAll("input[name^='graph-'][name$='-value-key']")]
    .filter((input) => KEY.test(input.name))
    .filter((input) => {
      const number = input.name.match(KEY)[1];
      return form.querySelector(`[name='graph-${number}-deleted']`)?.value !== "1";
    })
    .map((input) => {
      const number = input.name.match(KEY)[1];
      const text = (form.querySelector(`[name='graph-${number}-value-text']`)?.value || "").replace(/\s+/g, " ").trim();
      return { key: input.value.trim(), label: text ? `${input.value.trim()}: ${text.slice(0, 60)}` : input.value.trim() };
    })
    .filter((step) => step.key);
}

function fill(select, input) {
  const current = input.value;
  const options = steps(input.form);
  select.replaceChildren();
  const empty = new Option(WORDS.choose, "");
  select.append(empty);
  for (const step of options) select.append(new Option(step.label, step.key, false, step.key === current));
  if (current && !options.some((step) => step.key === current)) {
    select.append(new Option(`${current} ${WORDS.missing}`, current, false, true));
  }
  if (!current) empty.selected = true;
}

const selects = new WeakMap();

function renameTargets(form, from, to) {
  for (const input of form.querySelectorAll("input[name$='-value-target']")) {
    if (!TARGET.test(input.name) || input.value !== from) continue;
    input.value = to;
    const select = selects.get(input);
    if (select) fill(select, input);
  }
  const start = form.querySelector("input[name='start_key']");
  if (start && start.value.trim() === from) start.value = to;
}

// The key a step had when the author started editing it, by key field.
const keyBefore = new WeakMap();

document.addEventListener("focusin", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && KEY.test(input.name)) keyBefore.set(input, input.value.trim());
});

document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !KEY.test(input.name) || !input.form) return;
  const from = keyBefore.get(input);
  const to = input.value.trim();
  keyBefore.set(input, to);
  // A new step (no key before), an emptied key or a key another step already has: nothing
  // to carry over; the check panel names the choices that point nowhere.
  if (!from || !to || from === to) return;
  if (steps(input.form).filter((step) => step.key === to).length > 1) return;
  if (steps(input.form).some((step) => step.key === from)) return;
  renameTargets(input.form, from, to);
});

function enhance(input) {
  if (input.dataset.kwTargetSelect || !input.form) return;
  input.dataset.kwTargetSelect = "1";
  // The text field keeps its id, name and type (Wagtail's editor reads it); it is only hidden.
  const select = document.createElement("select");
  const label = input.id ? document.querySelector(`label[for='${CSS.escape(input.id)}']`) : null;
  select.setAttribute("aria-label", (label?.textContent || "").replace(/[*\s]+$/, "").trim());
  input.hidden = true;
  selects.set(input, select);
  fill(select, input);
  const refresh = () => fill(select, input);
  select.addEventListener("focus", refresh);
  select.addEventListener("mousedown", refresh);
  select.addEventListener("change", () => {
    input.value = select.value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  input.after(select);
}

function scan(root = document) {
  for (const input of root.querySelectorAll("input[type='text'][name$='-value-target']")) {
    if (TARGET.test(input.name)) enhance(input);
  }
}

scan();
new MutationObserver(() => scan()).observe(document.body, { childList: true, subtree: true });
