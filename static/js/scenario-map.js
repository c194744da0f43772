// The scenario map editor (Kantelwerk admin): steps as cards, choices as arrows, a side panel.
//
// A plain ES module, no build step. It edits the scenario as the exchange-format document the
// server sends (each step with a "position"), asks the server to check it after every change
// (the problems come back worded by scenarios/problem_messages.py) and saves it as a new draft
// revision. Keys are made from the texts; nobody types one.

const root = document.getElementById("scenario-map");
const DATA = JSON.parse(document.getElementById("scenario-map-data").textContent);
const TEXT = JSON.parse(document.getElementById("scenario-map-text").textContent);
const CARD_W = DATA.card.width;
const CARD_H = DATA.card.height;
const GAP = 56;
const SVG_NS = "http://www.w3.org/2000/svg";
const QUALITY_STYLE = {
  desired: { colour: "#146c2e", dash: "" },
  acceptable: { colour: "#8a5300", dash: "9 5" },
  less_desired: { colour: "#b42318", dash: "2 5" },
};
const SCORES = [-2, -1, 0, 1, 2];

let doc = DATA.document;
let revision = DATA.revision;
let problems = DATA.problems;
// Advice about the score (scenarios/engine/advice.py): never blocks publishing.
let advice = DATA.advice || [];
let selected = null;
let history = [];
let dirty = false;
let checkTimer = null;
let checkNumber = 0;
let fieldSnapshotTaken = null;
let pubState = DATA.state || "draft";

for (const node of doc.nodes) node.choices = node.choices || [];

// ------------------------------------------------------------------ words

function t(name, values = {}) {
  const form = values.count === 1 && TEXT[`${name}_one`] ? `${name}_one` : name;
  return (TEXT[form] || name).replace(/%\((\w+)\)s/g, (_, key) => String(values[key] ?? ""));
}

function firstWords(text, limit = 60) {
  const flat = (text || "").replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[ ,.;:]+$/, "") + "…";
}

function speakerLabel(node) {
  if (node.speaker === "other" && node.speaker_name) return node.speaker_name;
  const found = DATA.speakers.find(([value]) => value === (node.speaker || "resident"));
  return found ? found[1] : node.speaker;
}

function qualityLabel(value) {
  const found = DATA.qualities.find(([v]) => v === value);
  return found ? found[1] : value;
}

function stepTitle(node) {
  // Steps with no text yet are told apart by their number on the map ("Stap 4 (nog geen tekst)").
  const words = firstWords(node.text, 48) || `${t("step_n", { number: doc.nodes.indexOf(node) + 1 })} ${t("no_text")}`;
  return `${speakerLabel(node)}: ${words}`;
}

// ------------------------------------------------------------------ keys

function slugify(text) {
  return (
    (text || "")
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 4)
      .join("-")
      .slice(0, 40)
      .replace(/-+$/, "")
  );
}

function uniqueKey(base, taken) {
  let key = base;
  let number = 2;
  while (taken.has(key)) key = `${base}-${number++}`;
  return key;
}

function nodeByKey(key) {
  return doc.nodes.find((node) => node.key === key);
}

function renameStep(node, wanted) {
  const taken = new Set(doc.nodes.filter((n) => n !== node).map((n) => n.key));
  const key = uniqueKey(wanted, taken);
  if (key === node.key) return;
  const old = node.key;
  for (const other of doc.nodes) {
    for (const choice of other.choices) if (choice.target === old) choice.target = key;
  }
  if (doc.start === old) doc.start = key;
  if (selected === old) selected = key;
  node.key = key;
}

function renameChoice(node, choice, wanted) {
  const taken = new Set(node.choices.filter((c) => c !== choice).map((c) => c.key));
  choice.key = uniqueKey(wanted, taken);
}

// ------------------------------------------------------------------ changes and undo

function snapshot() {
  return JSON.stringify({ doc, selected });
}

function remember() {
  history.push(snapshot());
  if (history.length > 100) history.shift();
}

function changed({ panel = true } = {}) {
  dirty = true;
  say(""); // "saved" or "undone" is no longer the news once something changes

  render({ panel });
  scheduleCheck();
}

function undo() {
  const last = history.pop();
  if (!last) return;
  const state = JSON.parse(last);
  doc = state.doc;
  selected = state.selected && nodeByKey(state.selected) ? state.selected : null;
  changed();
  say(t("undone"));
  keepFocus();
}

function keepFocus(preferred = null) {
  // After a change rebuilt the panel or removed a card, the focus goes to a card (the one
  // given, else the selected one, else the first) instead of falling to the page.
  const active = document.activeElement;
  if (!preferred && active && active !== document.body && active.isConnected && !active.disabled) return;
  const card = cardFor(preferred) || cardFor(selected) || cardLayer.querySelector("[data-map-card]");
  (card || cardLayer).focus({ preventScroll: Boolean(!card) });
  card?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function serialise() {
  return JSON.parse(JSON.stringify(doc, (key, value) => (key.startsWith("_") ? undefined : value)));
}

// ------------------------------------------------------------------ the server

function post(url, body) {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": DATA.csrf },
    body: JSON.stringify(body),
  }).then(async (response) => {
    let payload = {};
    try {
      payload = await response.json();
    } catch (error) {
      payload = { error: t("server_error") };
    }
    return { ok: response.ok, status: response.status, payload };
  });
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 250);
}

async function check() {
  const number = ++checkNumber;
  const result = await post(DATA.urls.check, { document: serialise() }).catch(() => null);
  if (!result || number !== checkNumber) return;
  if (result.ok) {
    problems = result.payload.problems;
    advice = result.payload.advice || [];
    render({ panel: false });
    renderPanelProblems();
  }
}

let saving = false;

async function save(publish = false) {
  if (saving) return; // a double click saves once
  saving = true;
  try {
    await saveNow(publish);
  } finally {
    saving = false;
  }
}

async function saveNow(publish) {
  clearTimeout(checkTimer);
  say(publish ? t("publishing") : t("saving"));
  const result = await post(DATA.urls.save, {
    document: serialise(),
    revision,
    publish,
  }).catch(() => ({ ok: false, payload: { error: t("server_error") } }));
  if (!result.ok) {
    if (result.payload.problems && result.payload.problems.length) problems = result.payload.problems;
    render({ panel: false });
    renderPanelProblems();
    say(t("not_saved")); // never left on "Saving…"
    alertBox(result.payload.error || t("server_error"));
    return;
  }
  revision = result.payload.revision;
  problems = result.payload.problems;
  advice = result.payload.advice || [];
  dirty = false;
  alertBox("");
  render({ panel: false });
  renderPanelProblems();
  if (result.payload.state) pubState = result.payload.state;
  if (result.payload.live !== undefined) DATA.urls.live = result.payload.live;
  renderToolbar();
  say(result.payload.published ? t("published") : t("saved"), { live: result.payload.published });
}

function play(key) {
  const form = root.querySelector("[data-map-play]");
  form.action = `${DATA.urls.play}#stap-${key}`;
  form.querySelector("[name=document]").value = JSON.stringify(serialise());
  form.submit();
}

// ------------------------------------------------------------------ status

function say(message, { live = false } = {}) {
  root.querySelector("[data-map-status]").textContent = message;
  const link = root.querySelector("[data-map-live]");
  link.hidden = !(live && DATA.urls.live);
  if (!link.hidden) {
    link.href = DATA.urls.live;
    link.textContent = t("view_live");
  }
}

function alertBox(message) {
  const box = root.querySelector("[data-map-alert]");
  box.hidden = !message;
  box.querySelector("p").textContent = message;
}

function problemsOf(nodeKey, choiceKey = null) {
  return problems.filter((p) => p.node === nodeKey && (p.choice || null) === choiceKey);
}

function cardProblems(node) {
  // A problem with a choice that has no arrow (its target is not drawn) shows on the card.
  const drawn = new Set(node.choices.filter((c) => nodeByKey(c.target)).map((c) => c.key));
  return problems.filter((p) => p.node === node.key && !(p.choice && drawn.has(p.choice)));
}

// ------------------------------------------------------------------ the map

const canvas = root.querySelector("[data-map-canvas]");
const svg = root.querySelector("[data-map-arrows]");
const cardLayer = root.querySelector("[data-map-cards]");

function render({ panel = true } = {}) {
  const focusedKey = document.activeElement?.closest?.("[data-map-card]")?.dataset.key;
  renderCards();
  renderArrows();
  renderToolbar();
  renderProblemList();
  renderAdviceList();
  renderTextVersion();
  if (panel) renderPanel();
  if (focusedKey) cardFor(focusedKey)?.focus({ preventScroll: true });
}

function cardFor(key) {
  return [...cardLayer.querySelectorAll("[data-map-card]")].find((card) => card.dataset.key === key);
}

function renderCards() {
  cardLayer.replaceChildren();
  let width = 0;
  let height = 0;
  for (const node of doc.nodes) {
    const [x, y] = node.position || [0, 0];
    width = Math.max(width, x + CARD_W);
    height = Math.max(height, y + CARD_H);
    const card = document.createElement("button");
    card.type = "button";
    card.className = "kw-card";
    card.dataset.mapCard = "";
    card.dataset.key = node.key;
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
    card.style.width = `${CARD_W}px`;
    card.style.height = `${CARD_H}px`;
    const issues = cardProblems(node);
    if (node.end) card.classList.add("kw-card--end");
    if (issues.length) card.classList.add("kw-card--problem");
    if (node.key === selected) card.classList.add("kw-card--selected");
    card.setAttribute("aria-pressed", node.key === selected ? "true" : "false");
    const tags = [];
    if (node.key === doc.start) tags.push(`<span class="kw-tag kw-tag--start">${esc(t("start"))}</span>`);
    if (node.end) tags.push(`<span class="kw-tag">${esc(t("ending"))}</span>`);
    card.innerHTML =
      `<span class="kw-card__head"><span class="kw-card__who">${esc(speakerLabel(node))}</span>${tags.join("")}</span>` +
      `<span class="kw-card__text">${esc(firstWords(node.text, 70) || t("no_text"))}</span>` +
      (issues.length ? `<span class="kw-card__alert" aria-hidden="true">! ${issues.length}</span>` : "") +
      (node.end ? "" : `<span class="kw-card__handle" data-map-handle aria-hidden="true" title="${esc(t("drag_to_connect"))}"></span>`);
    card.setAttribute("aria-label", cardLabel(node, issues));
    card.title = issues.map((p) => p.text).join("\n");
    cardLayer.append(card);
  }
  const w = Math.max(width + 80, 600);
  const h = Math.max(height + 60, 300);
  cardLayer.style.width = `${w}px`;
  cardLayer.style.height = `${h}px`;
  svg.setAttribute("width", w);
  svg.setAttribute("height", h);
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
}

function cardLabel(node, issues) {
  const parts = [stepTitle(node)];
  if (node.key === doc.start) parts.push(t("start"));
  if (node.end) parts.push(t("ending"));
  else parts.push(t("choices_count", { count: node.choices.length }));
  for (const choice of node.choices) {
    const target = nodeByKey(choice.target);
    parts.push(
      t("choice_alt", {
        text: firstWords(choice.text, 40) || t("no_text"),
        quality: qualityLabel(choice.quality),
        target: target ? firstWords(target.text, 30) || t("no_text") : t("no_step"),
      }),
    );
  }
  if (issues.length) parts.push(t("problem_count", { count: issues.length }));
  for (const problem of issues) parts.push(problem.text);
  parts.push(t("card_help"));
  return parts.join(". ");
}

function renderArrows() {
  svg.replaceChildren();
  const defs = document.createElementNS(SVG_NS, "defs");
  for (const [quality, style] of Object.entries(QUALITY_STYLE)) {
    const marker = document.createElementNS(SVG_NS, "marker");
    marker.id = `kw-arrow-${quality}`;
    for (const [k, v] of Object.entries({ viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 9, markerHeight: 9, orient: "auto", markerUnits: "userSpaceOnUse" })) marker.setAttribute(k, v);
    const tip = document.createElementNS(SVG_NS, "path");
    tip.setAttribute("d", "M0 0 L10 5 L0 10 z");
    tip.setAttribute("fill", style.colour);
    marker.append(tip);
    defs.append(marker);
  }
  svg.append(defs);
  const labels = [];
  for (const node of doc.nodes) {
    node.choices.forEach((choice, index) => {
      const target = nodeByKey(choice.target);
      if (!target) return;
      const { d, label } = arrowPath(node, target, index, node.choices.length);
      const style = QUALITY_STYLE[choice.quality] || QUALITY_STYLE.acceptable;
      const issues = problemsOf(node.key, choice.key);
      const group = document.createElementNS(SVG_NS, "g");
      group.setAttribute("class", `kw-arrow${issues.length ? " kw-arrow--problem" : ""}`);
      group.dataset.node = node.key;
      group.dataset.choice = choice.key;
      const title = document.createElementNS(SVG_NS, "title");
      title.textContent = [`${qualityLabel(choice.quality)}: ${choice.text}`, ...issues.map((p) => p.text)].join("\n");
      const hit = document.createElementNS(SVG_NS, "path");
      hit.setAttribute("d", d);
      hit.setAttribute("class", "kw-arrow__hit");
      const path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      path.setAttribute("stroke", issues.length ? "#b42318" : style.colour);
      path.setAttribute("stroke-width", issues.length ? 4 : 2);
      path.setAttribute("fill", "none");
      if (style.dash) path.setAttribute("stroke-dasharray", style.dash);
      path.setAttribute("marker-end", `url(#kw-arrow-${choice.quality in QUALITY_STYLE ? choice.quality : "acceptable"})`);
      group.append(title, hit, path);
      svg.append(group);
      labels.push({ group, label, choice, style, issues });
    });
  }
  for (const { group, label, choice, style, issues } of labels) {
    const text = document.createElementNS(SVG_NS, "text");
    text.setAttribute("x", label[0]);
    text.setAttribute("y", label[1]);
    text.setAttribute("class", "kw-arrow__label");
    text.setAttribute("fill", issues.length ? "#b42318" : style.colour);
    text.textContent = (issues.length ? "! " : "") + (firstWords(choice.text, 22) || t("no_text"));
    group.append(text);
  }
}

function arrowPath(source, target, index, count) {
  const [sx0, sy0] = source.position;
  const [tx0, ty0] = target.position;
  const sx = sx0 + (CARD_W * (index + 1)) / (count + 1);
  const sy = sy0 + CARD_H;
  if (source === target) {
    const x = sx0 + CARD_W;
    const y = sy0;
    return { d: `M${x} ${y + 20} C${x + 44} ${y + 6} ${x + 44} ${y + 70} ${x + 4} ${y + 60}`, label: [x + 30, y + CARD_H + 14] };
  }
  if (ty0 >= sy) {
    const tx = tx0 + CARD_W / 2 + (index - (count - 1) / 2) * 12;
    const ty = ty0 - 3;
    const bend = Math.max(30, (ty - sy) / 2);
    const d = `M${sx} ${sy} C${sx} ${sy + bend} ${tx} ${ty - bend} ${tx} ${ty}`;
    const mid = bezier([sx, sy], [sx, sy + bend], [tx, ty - bend], [tx, ty], 0.35);
    return { d, label: [mid[0], mid[1] + 4] };
  }
  // Back up the map: leave from the right side and come in at the target's right side.
  const x1 = sx0 + CARD_W;
  const y1 = sy0 + CARD_H / 2 + (index - (count - 1) / 2) * 10;
  const x2 = tx0 + CARD_W + 3;
  const y2 = ty0 + CARD_H / 2;
  const out = Math.max(x1, x2) + 60 + 10 * index;
  const d = `M${x1} ${y1} C${out} ${y1} ${out} ${y2} ${x2} ${y2}`;
  const mid = bezier([x1, y1], [out, y1], [out, y2], [x2, y2], 0.5);
  return { d, label: [mid[0], mid[1]] };
}

function bezier(p0, p1, p2, p3, s) {
  const w = [(1 - s) ** 3, 3 * (1 - s) ** 2 * s, 3 * (1 - s) * s ** 2, s ** 3];
  return [0, 1].map((axis) => w[0] * p0[axis] + w[1] * p1[axis] + w[2] * p2[axis] + w[3] * p3[axis]);
}

function esc(text) {
  return String(text).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
}

// ------------------------------------------------------------------ toolbar, problems, text version

function renderToolbar() {
  root.querySelector("[data-map-undo]").disabled = history.length === 0;
  const publish = root.querySelector("[data-map-publish]");
  if (publish) {
    publish.disabled = problems.length > 0;
  }
  const note = root.querySelector("[data-map-publish-note]");
  if (note) note.hidden = problems.length === 0;
  root.querySelector("[data-map-dirty]").textContent = dirty ? t("unsaved") : t("all_saved");
  // Live or not, as the page list shows it: once changed, a live scenario has a newer draft.
  const shown = dirty && pubState === "live" ? "live_draft" : pubState;
  const badge = root.querySelector("[data-map-state]");
  badge.className = `kw-state kw-state--${shown}`;
  badge.textContent = t(`state_${shown}`);
  for (const box of root.querySelectorAll("[data-map-principle]")) {
    box.checked = doc.principles.includes(box.value);
  }
}

// A small button in the problem and advice lists.
function smallButton(word, onClick, { fix = "", secondary = false } = {}) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = secondary ? "button button-small button-secondary" : "button button-small";
  button.textContent = t(word);
  if (fix) button.dataset.mapFix = fix;
  button.addEventListener("click", onClick);
  return button;
}

// The fixes each problem's message names, one click each, by problem code.
const FIXES = {
  no_choices: (p) => [
    smallButton("fix_new_step", () => fixDeadEnd(p.node, "step"), { fix: "step" }),
    smallButton("fix_new_ending", () => fixDeadEnd(p.node, "ending"), { fix: "ending" }),
    smallButton("fix_make_ending", () => fixDeadEnd(p.node, "end"), { fix: "end" }),
  ],
  unreachable: (p) => reachFix(p.node),
  ending_with_choices: (p) => [
    smallButton("remove_choices", () => fixEndingWithChoices(p.node, "remove"), { fix: "remove" }),
    smallButton("fix_make_ordinary", () => fixEndingWithChoices(p.node, "ordinary"), { fix: "ordinary" }),
  ],
  score_in_loop: (p) => [
    smallButton("fix_loop_scores", () => zeroScores(p.node, p.choice), { fix: "loop-scores" }),
  ],
};

// A line of the problem or advice list: its text, its fixes, and a way to its step.
function listItem(entry, fixes = null) {
  const item = document.createElement("li");
  item.textContent = entry.text + " ";
  if (!entry.node || !nodeByKey(entry.node)) return item;
  if (fixes) item.append(...fixes(entry));
  item.append(smallButton("show_step", () => select(entry.node, { focusPanel: true }), { secondary: true }));
  return item;
}

function renderProblemList() {
  const box = root.querySelector("[data-map-problems]");
  const heading = box.querySelector("[data-map-problems-heading]");
  const list = box.querySelector("ul");
  list.replaceChildren();
  box.classList.toggle("kw-problems--none", problems.length === 0);
  heading.textContent = problems.length ? t("problem_count", { count: problems.length }) : t("no_problems");
  for (const problem of problems) list.append(listItem(problem, FIXES[problem.code]));
}

function renderAdviceList() {
  const box = root.querySelector("[data-map-advice]");
  if (!box) return;
  const list = box.querySelector("ul");
  list.replaceChildren();
  box.hidden = advice.length === 0;
  for (const item of advice) list.append(listItem(item));
}

// The step picked in an unreachable step's fix, kept while the problem list is redrawn.
const reachFrom = {};

function reachFix(key) {
  // "From step [list] — Add a choice to this step": the fix the message names, without first
  // finding the step on the map. The list starts empty: where the choice comes from is the
  // trainer's pick. Endings are left out (they have no choices).
  const label = document.createElement("label");
  label.className = "kw-fix";
  label.append(`${t("fix_from")} `);
  const list = document.createElement("select");
  list.dataset.mapFixFrom = key;
  list.append(new Option(t("fix_from_choose"), ""));
  for (const node of doc.nodes) {
    if (node.key !== key && !node.end) list.append(new Option(stepTitle(node), node.key, false, reachFrom[key] === node.key));
  }
  list.addEventListener("change", () => {
    reachFrom[key] = list.value;
  });
  label.append(list);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-small";
  button.textContent = t("fix_add_here");
  button.dataset.mapFix = "from";
  button.addEventListener("click", () => {
    const from = nodeByKey(list.value);
    if (!from) {
      say(t("fix_from_first"));
      list.focus();
      return;
    }
    delete reachFrom[key];
    remember();
    selected = from.key;
    const choice = addChoice(from, key);
    changed();
    focusChoiceText(from, choice);
  });
  return [label, button];
}

function renderTextVersion() {
  const list = root.querySelector("[data-map-text-version]");
  list.replaceChildren();
  for (const node of doc.nodes) {
    const item = document.createElement("li");
    const tags = [node.key === doc.start ? t("start") : "", node.end ? t("ending") : ""].filter(Boolean);
    item.textContent = `${stepTitle(node)}${tags.length ? ` (${tags.join(", ")})` : ""}`;
    if (node.choices.length) {
      const sub = document.createElement("ul");
      for (const choice of node.choices) {
        const target = nodeByKey(choice.target);
        const li = document.createElement("li");
        li.textContent = t("choice_alt", {
          text: firstWords(choice.text, 80) || t("no_text"),
          quality: qualityLabel(choice.quality),
          target: target ? stepTitle(target) : t("no_step"),
        });
        sub.append(li);
      }
      item.append(sub);
    }
    list.append(item);
  }
}

// ------------------------------------------------------------------ selecting and the keyboard

function select(key, { focusPanel = false, focusText = false } = {}) {
  selected = key;
  render();
  const panel = root.querySelector("[data-map-panel]");
  if (focusPanel) panel.querySelector("[data-map-panel-heading]")?.focus();
  else if (focusText) panel.querySelector("#kw-text")?.focus({ preventScroll: true });
  const card = cardFor(key);
  card?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function neighbours(key) {
  const node = nodeByKey(key);
  const next = node ? node.choices.map((c) => c.target).filter((k) => nodeByKey(k) && k !== key) : [];
  const previous = doc.nodes.filter((n) => n.key !== key && n.choices.some((c) => c.target === key)).map((n) => n.key);
  return { next: [...new Set(next)], previous };
}

let lastFrom = null;

function moveFocus(key, direction) {
  const { next, previous } = neighbours(key);
  let goTo = null;
  if (direction === "ArrowDown") goTo = next[0];
  else if (direction === "ArrowUp") goTo = lastFrom && previous.includes(lastFrom) ? lastFrom : previous[0];
  else {
    // Left and right: the other steps reached from the same step as this one.
    const parent = previous.includes(lastFrom) ? lastFrom : previous[0];
    const siblings = parent ? neighbours(parent).next : doc.nodes.map((n) => n.key);
    const at = siblings.indexOf(key);
    if (siblings.length > 1 && at >= 0) {
      const step = direction === "ArrowRight" ? 1 : -1;
      goTo = siblings[(at + step + siblings.length) % siblings.length];
    }
    if (goTo) {
      lastFrom = parent || null;
      cardFor(goTo)?.focus();
      return;
    }
  }
  if (goTo) {
    lastFrom = direction === "ArrowDown" ? key : null;
    cardFor(goTo)?.focus();
    cardFor(goTo)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

cardLayer.addEventListener("keydown", (event) => {
  const card = event.target.closest("[data-map-card]");
  if (!card) return;
  if (["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"].includes(event.key)) {
    event.preventDefault();
    moveFocus(card.dataset.key, event.key);
  }
});

root.addEventListener("keydown", (event) => {
  // Text fields keep their own undo; on a card, a radio, a checkbox or a button Ctrl+Z undoes
  // the last change on the map.
  const typing = event.target.matches("textarea, select, input:not([type=radio]):not([type=checkbox]):not([type=button])");
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z" && !typing) {
    event.preventDefault();
    undo();
  }
  if (event.key === "Escape" && selected && panel.contains(event.target)) {
    event.preventDefault();
    closePanel();
  }
});

// ------------------------------------------------------------------ pointer: move a card, draw a choice

let drag = null;

cardLayer.addEventListener("pointerdown", (event) => {
  const card = event.target.closest("[data-map-card]");
  if (!card || event.button !== 0) return;
  const node = nodeByKey(card.dataset.key);
  const connecting = Boolean(event.target.closest("[data-map-handle]"));
  drag = { card, node, connecting, startX: event.clientX, startY: event.clientY, origin: [...node.position], moved: false, pointer: event.pointerId };
  card.setPointerCapture(event.pointerId);
});

cardLayer.addEventListener("pointermove", (event) => {
  if (!drag || event.pointerId !== drag.pointer) return;
  const dx = event.clientX - drag.startX;
  const dy = event.clientY - drag.startY;
  if (!drag.moved && Math.hypot(dx, dy) < 5) return;
  if (!drag.moved) {
    drag.moved = true;
    if (!drag.connecting) remember();
  }
  if (drag.connecting) {
    drawRubberBand(drag, event);
    return;
  }
  drag.node.position = [Math.max(0, Math.round(drag.origin[0] + dx)), Math.max(0, Math.round(drag.origin[1] + dy))];
  drag.card.style.left = `${drag.node.position[0]}px`;
  drag.card.style.top = `${drag.node.position[1]}px`;
  renderArrows();
});

cardLayer.addEventListener("pointerup", (event) => {
  if (!drag || event.pointerId !== drag.pointer) return;
  const current = drag;
  drag = null;
  svg.querySelector("[data-map-rubber]")?.remove();
  if (!current.moved) return; // a click: the button's click handler selects the card
  current.card.dataset.dragged = "1";
  if (current.connecting) {
    const over = document.elementsFromPoint(event.clientX, event.clientY).find((el) => el.matches?.("[data-map-card]") && el !== current.card) ||
      document.elementsFromPoint(event.clientX, event.clientY).map((el) => el.closest?.("[data-map-card]")).find((el) => el && el !== current.card);
    if (over) {
      remember();
      const choice = addChoice(current.node, over.dataset.key);
      selected = current.node.key;
      changed();
      focusChoiceText(current.node, choice);
    }
    return;
  }
  changed({ panel: false });
});

function drawRubberBand(current, event) {
  const box = cardLayer.getBoundingClientRect();
  const [x0, y0] = current.node.position;
  let line = svg.querySelector("[data-map-rubber]");
  if (!line) {
    line = document.createElementNS(SVG_NS, "line");
    line.dataset.mapRubber = "";
    line.setAttribute("stroke", "#1f4e8c");
    line.setAttribute("stroke-width", 2);
    line.setAttribute("stroke-dasharray", "4 4");
    svg.append(line);
  }
  line.setAttribute("x1", x0 + CARD_W / 2);
  line.setAttribute("y1", y0 + CARD_H);
  line.setAttribute("x2", event.clientX - box.left);
  line.setAttribute("y2", event.clientY - box.top);
}

cardLayer.addEventListener("click", (event) => {
  const card = event.target.closest("[data-map-card]");
  if (!card) return;
  if (card.dataset.dragged) {
    delete card.dataset.dragged;
    return;
  }
  // A click or Enter opens the step in the side panel; Enter moves the focus there.
  select(card.dataset.key, { focusPanel: event.detail === 0, focusText: event.detail > 0 });
});

svg.addEventListener("click", (event) => {
  const arrow = event.target.closest("g.kw-arrow");
  if (!arrow) return;
  select(arrow.dataset.node);
  root.querySelector(`[data-map-choice="${CSS.escape(arrow.dataset.choice)}"] textarea`)?.focus();
});

// ------------------------------------------------------------------ editing

function freePosition(near) {
  let [x, y] = near;
  const overlaps = ([px, py]) => doc.nodes.some((n) => Math.abs(n.position[0] - px) < CARD_W + 10 && Math.abs(n.position[1] - py) < CARD_H + 10);
  let tries = 0;
  while (overlaps([x, y]) && tries++ < 200) {
    x += CARD_W + 24;
    if (x > 3 * (CARD_W + 24)) {
      x = 0;
      y += CARD_H + GAP;
    }
  }
  return [x, y];
}

function addStep(fromNode = null, { end = false } = {}) {
  const taken = new Set(doc.nodes.map((n) => n.key));
  const key = uniqueKey(t("new_step_key"), taken);
  const bottom = doc.nodes.reduce((max, n) => Math.max(max, n.position[1] + CARD_H + GAP), 0);
  const near = fromNode ? [fromNode.position[0], fromNode.position[1] + CARD_H + GAP] : [0, doc.nodes.length ? bottom : 0];
  const node = { key, speaker: end ? "narrator" : "resident", text: "", choices: [], position: freePosition(near), _fresh: true };
  if (end) node.end = true;
  doc.nodes.push(node);
  if (doc.nodes.length === 1) doc.start = key;
  if (fromNode) addChoice(fromNode, key);
  return node;
}

function addChoice(node, targetKey) {
  const taken = new Set(node.choices.map((c) => c.key));
  const choice = { key: uniqueKey(t("new_choice_key"), taken), text: "", target: targetKey, quality: "acceptable", _fresh: true };
  node.choices.push(choice);
  if (node.end) node.end = false;
  return choice;
}

function deleteStep(node) {
  doc.nodes = doc.nodes.filter((n) => n !== node);
  for (const other of doc.nodes) other.choices = other.choices.filter((c) => c.target !== node.key);
  if (doc.start === node.key) doc.start = doc.nodes[0]?.key || "";
  selected = null;
}

// ------------------------------------------------------------------ the side panel

const panel = root.querySelector("[data-map-panel]");

function field(label, control, id, hint = "") {
  return `<div class="kw-field"><label for="${id}">${esc(label)}</label>${control}${hint ? `<p class="kw-hint">${esc(hint)}</p>` : ""}</div>`;
}

function problemItems(list) {
  return list.length ? `<ul class="kw-panel__problems" role="list">${list.map((p) => `<li>${esc(p.text)}</li>`).join("")}</ul>` : "";
}

function targetOptions(current, { withNew = false } = {}) {
  const options = doc.nodes.map((n) => `<option value="${esc(n.key)}"${n.key === current ? " selected" : ""}>${esc(stepTitle(n))}</option>`);
  if (withNew) options.unshift(`<option value="" selected>${esc(t("a_new_step"))}</option>`);
  return options.join("");
}

function renderPanel() {
  const node = selected ? nodeByKey(selected) : null;
  panel.hidden = !node;
  root.classList.toggle("kw-map--panel-open", Boolean(node));
  if (!node) {
    panel.replaceChildren();
    return;
  }
  const id = (name) => `kw-${name}`;
  const speakers = DATA.speakers.map(([v, l]) => `<option value="${esc(v)}"${(node.speaker || "resident") === v ? " selected" : ""}>${esc(l)}</option>`).join("");
  const principles = DATA.principles.filter((p) => doc.principles.includes(p.slug));
  let html = `
    <div class="kw-panel__top">
      <h2 class="kw-panel__heading" tabindex="-1" data-map-panel-heading>${esc(t("edit_step"))}</h2>
      <button type="button" class="button button-small button-secondary" data-map-close>${esc(t("close"))}</button>
    </div>
    <p class="kw-hint">${esc(t("key_is", { key: node.key }))}</p>
    ${problemItems(problemsOf(node.key))}
    <div data-map-panel-problems></div>
    ${field(t("speaker"), `<select id="${id("speaker")}" data-node-field="speaker">${speakers}</select>`, id("speaker"))}
    ${node.speaker === "other" ? field(t("speaker_name"), `<input id="${id("speaker-name")}" type="text" maxlength="120" data-node-field="speaker_name" value="${esc(node.speaker_name || "")}">`, id("speaker-name"), t("speaker_name_hint")) : ""}
    ${field(t("text"), `<textarea id="${id("text")}" rows="4" data-node-field="text">${esc(node.text || "")}</textarea>`, id("text"))}
    <div class="kw-field kw-field--check"><input id="${id("end")}" type="checkbox" data-node-flag="end"${node.end ? " checked" : ""}><label for="${id("end")}">${esc(t("is_ending"))}</label></div>
    ${node.end ? field(t("outcome"), `<textarea id="${id("outcome")}" rows="3" data-node-field="outcome">${esc(node.outcome || "")}</textarea>`, id("outcome"), t("outcome_hint")) : ""}
    ${node.end ? "" : `<div class="kw-field kw-field--check"><input id="${id("fixed")}" type="checkbox" data-node-flag="fixed_order"${node.fixed_order ? " checked" : ""}><label for="${id("fixed")}">${esc(t("fixed_order"))}</label></div>`}
    <div class="kw-panel__actions">
      ${node.key === doc.start ? `<span class="kw-tag kw-tag--start">${esc(t("start"))}</span>` : `<button type="button" class="button button-small button-secondary" data-map-make-start>${esc(t("make_start"))}</button>`}
      <button type="button" class="button button-small button-secondary" data-map-play-here>${esc(t("play_from_here"))}</button>
      <button type="button" class="button button-small no" data-map-delete-step>${esc(t("delete_step"))}</button>
    </div>`;
  if (node.end && node.choices.length) {
    // Read this way from a file or the page form: say so, and offer the one-click fix.
    html += `<div class="kw-end-choices"><p>${esc(t("end_has_choices", { count: node.choices.length }))}</p>
      <ul>${node.choices.map((c) => `<li>${esc(firstWords(c.text, 60) || t("no_text"))}</li>`).join("")}</ul>
      <button type="button" class="button button-small no" data-map-remove-choices>${esc(t("remove_choices"))}</button></div>`;
  }
  if (!node.end) {
    html += `<h3 class="kw-panel__subheading">${esc(t("choices"))}</h3>`;
    node.choices.forEach((choice, index) => {
      const cid = (name) => `kw-c${index}-${name}`;
      const qualities = DATA.qualities
        .map(([v, l]) => `<label class="kw-radio kw-radio--${v}"><input type="radio" name="${cid("quality")}" value="${esc(v)}" data-choice-field="quality"${choice.quality === v ? " checked" : ""}> ${esc(l)}</label>`)
        .join("");
      const scores = principles
        .map((p, pi) => {
          const value = (choice.scores || {})[p.slug] || 0;
          const radios = SCORES.map((s) => {
            const label = s > 0 ? `+${s}` : s < 0 ? `−${-s}` : "0";
            return `<label class="kw-score"><input type="radio" name="${cid(`score-${pi}`)}" value="${s}" data-choice-score="${esc(p.slug)}"${value === s ? " checked" : ""}><span>${label}</span></label>`;
          }).join("");
          return `<fieldset class="kw-scores"><legend>${esc(p.label)}</legend>${radios}</fieldset>`;
        })
        .join("");
      html += `
        <fieldset class="kw-choice" data-map-choice="${esc(choice.key)}" data-index="${index}">
          <legend>${esc(t("choice_n", { number: index + 1 }))}</legend>
          ${problemItems(problemsOf(node.key, choice.key))}
          ${field(t("choice_text"), `<textarea id="${cid("text")}" rows="2" data-choice-field="text">${esc(choice.text || "")}</textarea>`, cid("text"))}
          ${field(t("leads_to"), `<select id="${cid("target")}" data-choice-field="target">${targetOptions(choice.target)}${nodeByKey(choice.target) ? "" : `<option value="${esc(choice.target)}" selected>${esc(t("no_step"))}</option>`}</select>`, cid("target"))}
          <fieldset class="kw-qualities"><legend>${esc(t("quality"))}</legend>${qualities}</fieldset>
          ${field(t("feedback"), `<textarea id="${cid("feedback")}" rows="2" data-choice-field="feedback">${esc(choice.feedback || "")}</textarea>`, cid("feedback"), t("feedback_hint"))}
          ${principles.length ? `<div class="kw-score-rows"><p class="kw-hint">${esc(t("scores_hint"))}</p>${scores}</div>` : `<p class="kw-hint">${esc(t("no_principles"))}</p>`}
          <button type="button" class="button button-small no" data-map-delete-choice>${esc(t("delete_choice"))}</button>
        </fieldset>`;
    });
    html += `
      <div class="kw-add-choice">
        ${field(t("new_choice_to"), `<select id="kw-new-target" data-map-new-target>${targetOptions(null, { withNew: true })}</select>`, "kw-new-target")}
        <button type="button" class="button button-small" data-map-add-choice>${esc(t("add_choice"))}</button>
        <button type="button" class="button button-small button-secondary" data-map-add-choice-ending>${esc(t("add_choice_ending"))}</button>
      </div>`;
  }
  panel.innerHTML = html;
}

function renderPanelProblems() {
  // Refresh the problem lists in the open panel without rebuilding its fields.
  const node = selected ? nodeByKey(selected) : null;
  if (!node || panel.hidden) return;
  const top = panel.querySelector(".kw-panel__top + .kw-hint + .kw-panel__problems");
  const html = problemItems(problemsOf(node.key));
  if (top) top.outerHTML = html || "<span hidden></span>";
  else panel.querySelector(".kw-panel__top + .kw-hint").insertAdjacentHTML("afterend", html);
  for (const set of panel.querySelectorAll("[data-map-choice]")) {
    set.querySelector(".kw-panel__problems")?.remove();
    set.querySelector("legend").insertAdjacentHTML("afterend", problemItems(problemsOf(node.key, set.dataset.mapChoice)));
  }
}

function currentChoice(element) {
  const node = nodeByKey(selected);
  const set = element.closest("[data-map-choice]");
  return { node, choice: set ? node.choices[Number(set.dataset.index)] : null };
}

panel.addEventListener("focusin", (event) => {
  if (event.target.matches("input[type=text], textarea")) fieldSnapshotTaken = null;
});

panel.addEventListener("input", (event) => {
  const target = event.target;
  if (!target.matches("input[type=text], textarea")) return;
  if (fieldSnapshotTaken !== target) {
    remember();
    fieldSnapshotTaken = target;
  }
  const { node, choice } = currentChoice(target);
  if (choice) {
    choice[target.dataset.choiceField] = target.value;
    if (target.dataset.choiceField === "text" && choice._fresh) renameChoice(node, choice, slugify(target.value) || t("new_choice_key"));
  } else {
    node[target.dataset.nodeField] = target.value;
    if (target.dataset.nodeField === "text" && node._fresh) renameStep(node, slugify(target.value) || t("new_step_key"));
    const hint = panel.querySelector(".kw-panel__top + .kw-hint");
    if (hint) hint.textContent = t("key_is", { key: node.key });
  }
  changed({ panel: false });
});

panel.addEventListener("change", (event) => {
  const target = event.target;
  if (target.matches("input[type=text], textarea") || target.matches("[data-map-new-target]")) return;
  const { node, choice } = currentChoice(target);
  remember();
  let rebuild = true;
  if (target.dataset.nodeFlag === "end" && target.checked && node.choices.length) {
    // An ending has no choices: ask before they go, and remove them on yes (undo restores).
    if (!window.confirm(t("confirm_end", { count: node.choices.length }))) {
      history.pop();
      target.checked = false;
      return;
    }
    node.choices = [];
    node.end = true;
  } else if (target.dataset.nodeFlag) {
    node[target.dataset.nodeFlag] = target.checked;
  } else if (target.dataset.nodeField) {
    node[target.dataset.nodeField] = target.value;
  } else if (choice && target.dataset.choiceScore) {
    const scores = { ...(choice.scores || {}) };
    const value = Number(target.value);
    if (value) scores[target.dataset.choiceScore] = value;
    else delete scores[target.dataset.choiceScore];
    choice.scores = scores;
    rebuild = false;
  } else if (choice && target.dataset.choiceField) {
    choice[target.dataset.choiceField] = target.value;
    rebuild = target.dataset.choiceField !== "quality";
  }
  const focusId = target.id;
  changed({ panel: rebuild });
  // Picked with the mouse, a choice's quality leads on to its feedback ("why?") while that is
  // still empty, and ticking "this is an ending" to its outcome. From the keyboard the focus
  // stays where it is, so the arrow keys keep moving through the options.
  let next = null;
  if (pointerUsed && choice && target.dataset.choiceField === "quality" && !choice.feedback) {
    next = document.getElementById(`kw-c${node.choices.indexOf(choice)}-feedback`);
  } else if (pointerUsed && target.dataset.nodeFlag === "end" && target.checked && !node.outcome) {
    next = document.getElementById("kw-outcome");
  }
  if (next) next.focus();
  else if (rebuild && focusId) document.getElementById(focusId)?.focus();
});

// Whether the last change came from a pointer (mouse, pen, touch) rather than the keyboard.
let pointerUsed = false;
panel.addEventListener("pointerdown", () => {
  pointerUsed = true;
});
panel.addEventListener("keydown", () => {
  pointerUsed = false;
});

panel.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  const node = nodeByKey(selected);
  if (button.matches("[data-map-close]")) {
    closePanel();
  } else if (button.matches("[data-map-make-start]")) {
    remember();
    doc.start = node.key;
    changed();
  } else if (button.matches("[data-map-play-here]")) {
    play(node.key);
  } else if (button.matches("[data-map-delete-step]")) {
    const rest = doc.nodes.filter((n) => n !== node);
    const isStart = doc.start === node.key;
    const question = !rest.length
      ? t("confirm_delete_last", { step: stepTitle(node) })
      : isStart
        ? t("confirm_delete_start", { step: stepTitle(node), next: stepTitle(rest[0]) })
        : t("confirm_delete_step", { step: stepTitle(node) });
    if (!window.confirm(question)) return;
    // The focus goes to a step that led here, else the new first step.
    const before = doc.nodes.find((n) => n !== node && n.choices.some((c) => c.target === node.key));
    remember();
    deleteStep(node);
    changed();
    const start = nodeByKey(doc.start);
    say(isStart && start ? t("start_deleted", { next: stepTitle(start) }) : t("step_deleted"));
    keepFocus(before?.key || doc.start);
  } else if (button.matches("[data-map-remove-choices]")) {
    remember();
    node.choices = [];
    changed();
    say(t("choices_removed"));
    panel.querySelector("[data-map-panel-heading]")?.focus();
  } else if (button.matches("[data-map-delete-choice]")) {
    const { choice } = currentChoice(button);
    remember();
    node.choices = node.choices.filter((c) => c !== choice);
    changed();
  } else if (button.matches("[data-map-add-choice-ending]")) {
    remember();
    addStep(node, { end: true });
    changed();
    focusChoiceText(node, node.choices[node.choices.length - 1]);
  } else if (button.matches("[data-map-add-choice]")) {
    const targetKey = panel.querySelector("[data-map-new-target]").value;
    remember();
    let choice;
    if (targetKey) choice = addChoice(node, targetKey);
    else {
      addStep(node);
      choice = node.choices[node.choices.length - 1];
    }
    changed();
    focusChoiceText(node, choice);
  }
});

function closePanel() {
  const key = selected;
  selected = null;
  render();
  cardFor(key)?.focus();
}

function focusChoiceText(node, choice) {
  document.getElementById(`kw-c${node.choices.indexOf(choice)}-text`)?.focus();
}

function fixEndingWithChoices(key, fix) {
  const node = nodeByKey(key);
  if (!node) return;
  remember();
  selected = key;
  if (fix === "remove") node.choices = [];
  else node.end = false;
  changed();
  if (fix === "remove") say(t("choices_removed"));
  cardFor(key)?.focus();
}

function zeroScores(key, choiceKey) {
  const node = nodeByKey(key);
  const choice = node?.choices.find((c) => c.key === choiceKey);
  if (!choice) return;
  remember();
  choice.scores = {};
  selected = key;
  changed();
  say(t("loop_scores_zeroed"));
  panel.querySelector(`[data-map-choice="${CSS.escape(choiceKey)}"] legend`)?.scrollIntoView({ block: "nearest" });
  cardFor(key)?.focus({ preventScroll: true });
}

function fixDeadEnd(key, fix) {
  const node = nodeByKey(key);
  if (!node) return;
  remember();
  selected = key;
  if (fix === "end") {
    node.end = true;
    changed();
    document.getElementById("kw-outcome")?.focus();
    return;
  }
  addStep(node, { end: fix === "ending" });
  changed();
  focusChoiceText(node, node.choices[node.choices.length - 1]);
}

// ------------------------------------------------------------------ toolbar actions

root.querySelector("[data-map-add-step]").addEventListener("click", () => {
  remember();
  const node = addStep(null);
  selected = node.key;
  changed();
  document.getElementById("kw-text")?.focus();
});
root.querySelector("[data-map-add-ending]").addEventListener("click", () => {
  remember();
  const node = addStep(null, { end: true });
  selected = node.key;
  changed();
  document.getElementById("kw-text")?.focus();
});
root.querySelector("[data-map-undo]").addEventListener("click", undo);
root.querySelector("[data-map-save]").addEventListener("click", () => save(false));
root.querySelector("[data-map-publish]")?.addEventListener("click", () => save(true));
for (const box of root.querySelectorAll("[data-map-principle]")) {
  box.addEventListener("change", () => {
    const chosen = new Set([...root.querySelectorAll("[data-map-principle]:checked")].map((b) => b.value));
    let dropped = 0;
    if (!box.checked) {
      for (const node of doc.nodes) for (const choice of node.choices) if ((choice.scores || {})[box.value]) dropped++;
      const principle = DATA.principles.find((p) => p.slug === box.value)?.label || box.value;
      if (dropped && !window.confirm(t("confirm_drop_principle", { count: dropped, principle }))) {
        box.checked = true;
        return;
      }
      if (dropped) queueMicrotask(() => say(t("principle_dropped", { count: dropped, principle })));
    }
    remember();
    doc.principles = DATA.principles.map((p) => p.slug).filter((slug) => chosen.has(slug));
    for (const node of doc.nodes) {
      for (const choice of node.choices) {
        if (!choice.scores) continue;
        for (const slug of Object.keys(choice.scores)) if (!chosen.has(slug)) delete choice.scores[slug];
      }
    }
    changed();
  });
}

window.addEventListener("beforeunload", (event) => {
  if (dirty) {
    event.preventDefault();
    event.returnValue = "";
  }
});

root.querySelector("[data-map-static]")?.remove();
root.querySelector("[data-map-editor]").hidden = false;
if (DATA.locked) alertBox(DATA.locked);
// An empty scenario opens with its first step ready to write in, as a new story in Twine does;
// it counts as a change only once something is written.
const empty = doc.nodes.length === 0 && !DATA.locked;
if (empty) selected = addStep(null).key;
render();
root.querySelector("[data-map-skip]")?.addEventListener("click", (event) => {
  event.preventDefault();
  keepFocus(selected || doc.start || doc.nodes[0]?.key || "");
});

function anchorOf(key) {
  // The same id as scenarios/story_map.step_anchor, used by "Show the step on the map" links.
  return "step-" + key.replace(/[^\p{L}\p{N}_-]/gu, "_");
}

function openFromAddress() {
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (!wanted.startsWith("step-")) return false;
  const node = doc.nodes.find((n) => anchorOf(n.key) === wanted || n.key === wanted.slice(5));
  if (!node) return false;
  select(node.key);
  cardFor(node.key)?.focus({ preventScroll: true });
  cardFor(node.key)?.scrollIntoView({ block: "center", inline: "nearest" });
  return true;
}

window.addEventListener("hashchange", openFromAddress);
if (!empty) openFromAddress();
if (empty) {
  document.getElementById("kw-text")?.focus();
  scheduleCheck();
}
root.dataset.ready = "1";
