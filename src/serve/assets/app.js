// podium's search page. Transcript text is untrusted: every piece of it
// reaches the page through textContent or createTextNode, never as markup,
// so a transcript holding "<script>" or "onerror=" shows as those letters.
// The Content-Security-Policy forbids inline script besides.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("search");
  const box = $("q");
  const fields = { speaker: $("speaker"), outlet: $("outlet"), role: $("role"), since: $("since"), until: $("until") };
  const statusLine = $("status");
  const list = $("hits");
  const facets = $("facets");
  const more = $("more");
  const speakerList = $("speaker-list");
  const saveForm = $("save");
  const saveName = $("save-name");
  const saveStatus = $("save-status");
  const watchBox = $("watches");
  const watchList = $("watch-list");

  const DEBOUNCE_MS = 200;
  const PAGE = 10;
  let timer = 0;
  let seq = 0; // answers to older requests are dropped
  let controller = null;
  let shown = 0;

  // An element with text: the only way transcript text enters the DOM.
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // The snippet with its highlights as <mark>. The API gives byte ranges
  // into the UTF-8 snippet (as `podium search --json` does); the text is
  // cut on those bytes and each piece decoded and added as a text node.
  // Ranges out of order, overlapping or out of bounds are skipped.
  // Words of one name next to each other ("STAR Market") make one mark.
  function snippet(text, ranges, whole) {
    const out = el("p", "snippet");
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const spans = [];
    for (const r of Array.isArray(ranges) ? ranges : []) {
      const s = r && r[0], e = r && r[1];
      const at = spans.length ? spans[spans.length - 1][1] : 0;
      if (!Number.isInteger(s) || !Number.isInteger(e) || s < at || e <= s || e > bytes.length) continue;
      if (spans.length && /^[ \t]+$/.test(dec.decode(bytes.subarray(at, s)))) spans[spans.length - 1][1] = e;
      else spans.push([s, e]);
    }
    // "…" where the snippet is cut from a longer passage, as the CLI prints.
    const cutStart = typeof whole === "string" && !whole.startsWith(text);
    const cutEnd = typeof whole === "string" && !whole.endsWith(text);
    let at = 0;
    out.appendChild(document.createTextNode(cutStart ? "…" : ""));
    for (const [s, e] of spans) {
      out.appendChild(document.createTextNode(dec.decode(bytes.subarray(at, s))));
      out.appendChild(el("mark", null, dec.decode(bytes.subarray(s, e))));
      at = e;
    }
    out.appendChild(document.createTextNode(dec.decode(bytes.subarray(at)) + (cutEnd ? "…" : "")));
    return out;
  }

  function state() {
    const s = { q: box.value };
    for (const k in fields) s[k] = fields[k].value.trim();
    return s;
  }

  function params(s, extra) {
    const p = new URLSearchParams();
    for (const k of ["q", "speaker", "outlet", "role", "since", "until"]) if (s[k]) p.set(k, s[k]);
    for (const k in extra || {}) p.set(k, extra[k]);
    return p;
  }

  // The address bar always holds the search: copy it to share it.
  function remember(s) {
    const p = params(s).toString();
    const url = p ? "/?" + p : "/";
    if (url !== location.pathname + location.search) history.replaceState(null, "", url);
  }

  function restore() {
    const p = new URLSearchParams(location.search);
    box.value = p.get("q") || "";
    for (const k in fields) fields[k].value = p.get(k) || "";
  }

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", !!isError);
    statusLine.setAttribute("role", isError ? "alert" : "status");
  }

  async function getJSON(url, signal) {
    const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (_) { body = null; }
    if (!res.ok) throw new Error((body && body.error) || ("the server answered " + res.status));
    return body;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function hitItem(h) {
    const li = el("li", "hit");
    li.tabIndex = 0;
    li.dataset.id = h.id;
    li.setAttribute("aria-expanded", "false");
    const head = el("div", "head");
    head.appendChild(el("span", "who", h.speaker));
    head.appendChild(el("span", "meta", " · " + h.role + " · " + (h.date || "date unknown")));
    li.appendChild(head);
    if (h.title) li.appendChild(el("div", "title", h.title));
    li.appendChild(snippet(h.snippet, h.highlights, h.text));
    let cite = h.id + " · " + h.file + ":" + h.line;
    if (Array.isArray(h.also_in) && h.also_in.length) cite += " · also in " + h.also_in.join(", ");
    li.appendChild(el("div", "cite", cite));
    li.addEventListener("click", (ev) => {
      if (ev.target.closest(".context")) return;
      toggle(li);
    });
    return li;
  }

  function turn(p, label, isThis) {
    const d = el("div", "turn" + (isThis ? " this" : ""));
    d.appendChild(el("div", "label", label + " · " + p.speaker + " · " + p.role + " · line " + p.line));
    d.appendChild(el("div", "text", p.text));
    return d;
  }

  // Opens (or closes) a hit's context: the question it answers, the
  // passages around it, the briefing it is from.
  async function toggle(li) {
    const open = li.querySelector(".context");
    if (open) { open.remove(); li.setAttribute("aria-expanded", "false"); return; }
    const panel = el("div", "context");
    panel.appendChild(el("p", "label", "Loading the context…"));
    li.appendChild(panel);
    li.setAttribute("aria-expanded", "true");
    try {
      const c = await getJSON("/api/passages/" + encodeURIComponent(li.dataset.id) + "?context=1");
      panel.textContent = "";
      const p = c.passage;
      panel.appendChild(el("div", "label", (p.title || "Untitled briefing") + " · " + (p.date || "date unknown") + " · " + p.file));
      const question = (c.prompt || []).some((q) => q.role === "journalist");
      for (const q of c.prompt || []) panel.appendChild(turn(q, question ? "question" : "previous turn", false));
      for (const q of c.before || []) panel.appendChild(turn(q, "before", false));
      panel.appendChild(turn(p, question ? "answer" : "this passage", true));
      for (const q of c.after || []) panel.appendChild(turn(q, "after", false));
    } catch (e) {
      panel.textContent = "";
      panel.appendChild(el("p", "status error", e.message));
    }
  }

  function renderFacets(answer, s) {
    facets.textContent = "";
    speakerList.textContent = "";
    const rows = (answer && answer.speakers) || [];
    if (!rows.length) return;
    facets.appendChild(el("h2", null, "Speakers"));
    const ul = el("ul");
    for (const r of rows) {
      const li = el("li");
      const b = el("button");
      b.type = "button";
      const on = s.speaker && s.speaker.toLowerCase() === r.speaker.toLowerCase();
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.title = r.role + (r.title ? " · " + r.title : "");
      b.appendChild(el("span", "name", r.speaker));
      b.appendChild(el("span", "count", r.passages));
      b.addEventListener("click", () => {
        fields.speaker.value = on ? "" : r.speaker;
        run(true);
      });
      li.appendChild(b);
      ul.appendChild(li);
      const opt = document.createElement("option");
      opt.value = r.speaker;
      speakerList.appendChild(opt);
    }
    facets.appendChild(ul);
  }

  // A feed link: only the server's own /feeds/ paths become links.
  function feedLink(path, text) {
    const a = el("a", "feed", text);
    if (typeof path === "string" && path.startsWith("/feeds/")) {
      a.href = path;
      a.type = "application/atom+xml";
    }
    return a;
  }

  // The saved searches, each with its feed.
  async function loadWatches() {
    let rows = [];
    try { rows = (await getJSON("/api/watches")).watches || []; } catch (_) { rows = []; }
    watchList.textContent = "";
    watchBox.hidden = rows.length === 0;
    for (const w of rows) {
      const li = el("li");
      li.appendChild(feedLink(w.feed, w.name));
      li.appendChild(el("span", "query", " " + (w.query || "")));
      watchList.appendChild(li);
    }
  }

  // "Save as alert": the search in the form, under a name, as a saved
  // search with a feed (POST /api/watches, JSON).
  async function save(ev) {
    ev.preventDefault();
    const s = state();
    const body = { name: saveName.value.trim(), q: s.q, speaker: s.speaker, outlet: s.outlet, role: s.role, since: s.since };
    saveStatus.textContent = "";
    saveStatus.classList.remove("error");
    try {
      const res = await fetch("/api/watches", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      let b = null;
      try { b = await res.json(); } catch (_) { b = null; }
      if (!res.ok) throw new Error((b && b.error) || ("the server answered " + res.status));
      saveStatus.appendChild(document.createTextNode("Saved \u201c" + b.name + "\u201d: "));
      saveStatus.appendChild(feedLink(b.feed, "its feed"));
      loadWatches();
    } catch (e) {
      saveStatus.textContent = e.message;
      saveStatus.classList.add("error");
    }
  }

  // One passage with its context (`/?p=ID`: where a feed entry links).
  async function showPassage(id) {
    list.textContent = "";
    try {
      const c = await getJSON("/api/passages/" + encodeURIComponent(id) + "?context=0");
      const p = c.passage;
      const li = hitItem({
        id: p.id, speaker: p.speaker, role: p.role, date: p.date, title: p.title,
        snippet: p.text, highlights: [], text: p.text, file: p.file, line: p.line, also_in: p.also_in,
      });
      list.appendChild(li);
      say("Passage " + p.id);
      toggle(li);
    } catch (e) {
      say(e.message, true);
    }
  }

  async function run(now, append) {
    clearTimeout(timer);
    if (!now) { timer = setTimeout(() => run(true, append), DEBOUNCE_MS); return; }
    const s = state();
    remember(s);
    saveForm.hidden = !s.q.trim();
    if (!s.q.trim()) {
      list.textContent = ""; facets.textContent = ""; more.hidden = true; shown = 0;
      say("Type to search the briefings.");
      return;
    }
    if (controller && !append) controller.abort();
    controller = new AbortController();
    const mine = ++seq;
    const offset = append ? shown : 0;
    // Facets count every speaker: the speaker filter is left out of them.
    const facetQuery = params(Object.assign({}, s, { speaker: "" }), { n: 30 });
    try {
      const [answer, counts] = await Promise.all([
        getJSON("/api/search?" + params(s, { n: PAGE, offset }), controller.signal),
        append ? Promise.resolve(null) : getJSON("/api/speakers?" + facetQuery, controller.signal).catch(() => null),
      ]);
      if (mine !== seq) return;
      if (!append) { list.textContent = ""; shown = 0; renderFacets(counts, s); }
      for (const h of answer.hits) list.appendChild(hitItem(h));
      shown += answer.hits.length;
      const line = plural(answer.total, "passage matches", "passages match") + " \u201c" + s.q + "\u201d";
      const notes = (answer.notes || []).slice();
      if (answer.suggestion) notes.push("did you mean \u201c" + answer.suggestion + "\u201d?");
      if (answer.emptied_by) notes.push(answer.emptied_by);
      say(notes.length ? line + " — " + notes.join("; ") : line);
      more.hidden = shown >= answer.total;
    } catch (e) {
      if (e.name === "AbortError" || mine !== seq) return;
      list.textContent = ""; facets.textContent = ""; more.hidden = true;
      say(e.message, true);
    }
  }

  // Keys: "/" to the box, arrows between hits, Enter opens, Esc goes back.
  function onKey(ev) {
    const t = ev.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement;
    if (ev.key === "/" && !typing) { ev.preventDefault(); box.focus(); box.select(); return; }
    const hits = Array.from(list.children);
    const i = hits.indexOf(t);
    if (ev.key === "ArrowDown" && (t === box || i >= 0)) {
      ev.preventDefault();
      const next = hits[i + 1];
      if (next) next.focus();
    } else if (ev.key === "ArrowUp" && i >= 0) {
      ev.preventDefault();
      (hits[i - 1] || box).focus();
    } else if ((ev.key === "Enter" || ev.key === " ") && i >= 0) {
      ev.preventDefault();
      toggle(t);
    } else if (ev.key === "Escape") {
      if (i >= 0 && t.querySelector(".context")) toggle(t); else box.focus();
    }
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); run(true); });
  box.addEventListener("input", () => run(false));
  for (const k in fields) fields[k].addEventListener(k === "role" ? "change" : "input", () => run(k === "role"));
  more.addEventListener("click", () => run(true, true));
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", () => { restore(); run(true); });
  saveForm.addEventListener("submit", save);
  restore();
  loadWatches();
  const passage = new URLSearchParams(location.search).get("p");
  if (box.value) run(true);
  else if (passage) showPassage(passage);
})();
