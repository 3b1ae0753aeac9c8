/* Playbook behaviour: checklists and fill-in scripts that remember, the technique browser, printing.
 *
 * Mounted on every page view through Material's document$ (instant navigation swaps the page
 * without reloading scripts). State lives in localStorage under keys computed by the generator
 * ("playbook:<site>:<kind>:<id>"), as JSON {version, ...}. Storage that throws, is full or holds
 * garbage never breaks the page: state then lives in memory for the visit.
 */
(() => {
  "use strict";

  const VERSION = 1;
  const memory = new Map();

  /* Checklist ticks last on the device (localStorage); what a rep types about a call lasts for the tab
   * (sessionStorage) unless they ask to remember it. Either may throw (privacy modes, file://, full). */
  const areas = {
    device: () => window.localStorage,
    tab: () => window.sessionStorage,
  };

  const storage = {
    read(key, area = "device") {
      if (memory.has(`${area}:${key}`)) return memory.get(`${area}:${key}`);
      try {
        return areas[area]().getItem(key);
      } catch {
        return null;
      }
    },
    write(key, raw, area = "device") {
      try {
        areas[area]().setItem(key, raw);
        memory.delete(`${area}:${key}`);
      } catch {
        memory.set(`${area}:${key}`, raw); // unavailable or full: keep it for this visit
      }
    },
    remove(key, area) {
      memory.delete(`${area}:${key}`);
      try {
        areas[area]().removeItem(key);
      } catch {
        /* nothing stored there */
      }
    },
    /* Every key of ours (prefix "playbook:<site>:"), in both areas, and what this visit kept in memory. */
    forget(prefix) {
      for (const area of Object.keys(areas)) {
        try {
          const store = areas[area]();
          Object.keys(store).filter((key) => key.startsWith(prefix)).forEach((key) => store.removeItem(key));
        } catch {
          /* unavailable: nothing stored there */
        }
      }
      [...memory.keys()].filter((key) => key.split(":").slice(1).join(":").startsWith(prefix))
        .forEach((key) => memory.delete(key));
    },
  };

  /* The saved value for key if it is ours and well-formed; anything else (old version, garbage,
   * wrong shape) is treated as nothing saved and is overwritten on the next change. */
  function load(key, isWellFormed, area = "device") {
    const raw = storage.read(key, area);
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw);
      return value && value.version === VERSION && isWellFormed(value) ? value : null;
    } catch {
      return null;
    }
  }

  function save(key, value, area = "device") {
    storage.write(key, JSON.stringify({ version: VERSION, ...value }), area);
  }

  const isStringList = (list) => Array.isArray(list) && list.every((x) => typeof x === "string");
  const isStringMap = (map) =>
    map !== null && typeof map === "object" && !Array.isArray(map) &&
    Object.values(map).every((x) => typeof x === "string");

  /* ---------- Markup from the page's templates (macros/templates/components.html) ---------- */

  function fromTemplate(name) {
    const template = document.querySelector(`template[data-pb-template="${name}"]`);
    return template ? template.content.cloneNode(true) : null;
  }

  /* ---------- Checklists ---------- */

  function showProgress(element, done, total) {
    if (!element) return;
    element.querySelector("[data-pb-count]").textContent = `${done}/${total}`;
    const bar = element.querySelector("progress");
    bar.max = total;
    bar.value = done;
  }

  const phaseProgress = (list) => {
    const before = list.previousElementSibling;
    return before && before.matches("[data-pb-phase-progress]") ? before : null;
  };

  /* The server leaves empty slots (styled to their final height, so nothing shifts): the checklist's
   * [data-pb-toolbar] gets progress + reset, each phase's [data-pb-phase-progress] its progress. */
  function buildChecklistControls(slot, lists) {
    const total = fromTemplate("progress");
    if (!slot || !total) return null;
    total.firstElementChild.setAttribute("data-pb-progress", "");
    total.firstElementChild.setAttribute("role", "status");
    slot.replaceChildren(total, fromTemplate("reset"));
    lists.forEach((list) => {
      const phase = phaseProgress(list);
      if (phase) phase.replaceChildren(...fromTemplate("progress").firstElementChild.childNodes);
    });
    return slot;
  }

  function mountChecklist(key, lists) {
    const slot = document.querySelector(`[data-pb-toolbar="${CSS.escape(key)}"]`);
    const boxes = lists.flatMap((list) => [...list.querySelectorAll("input[data-pb-item]")]);
    const itemKey = (box) => `${box.closest("[data-pb-phase]").dataset.pbPhase}/${box.dataset.pbItem}`;
    const saved = load(key, (value) => isStringList(value.checked));
    const checked = new Set(saved ? saved.checked : []);
    boxes.forEach((box) => { box.checked = checked.has(itemKey(box)); });

    // A checklist split over several pages names all its phases: ticks in phases on the other pages
    // are kept and counted (ids are "phase/item"; phase ids are slugs, without "/").
    const allPhases = new Set(slot && slot.dataset.pbPhases ? slot.dataset.pbPhases.split(" ") : []);
    const herePhases = new Set(lists.map((list) => list.dataset.pbPhase));
    const phaseOf = (id) => id.split("/")[0];
    let elsewhere = [...checked].filter((id) => allPhases.has(phaseOf(id)) && !herePhases.has(phaseOf(id)));
    const itemCount = slot && slot.dataset.pbItems ? Number(slot.dataset.pbItems) : boxes.length;

    const toolbar = buildChecklistControls(slot, lists);
    const persist = () => save(key, { checked: [...elsewhere, ...boxes.filter((b) => b.checked).map(itemKey)] });
    const update = () => {
      const done = (list) => list.filter((b) => b.checked).length;
      showProgress(toolbar && toolbar.querySelector("[data-pb-progress]"), elsewhere.length + done(boxes), itemCount);
      lists.forEach((list) => {
        const own = [...list.querySelectorAll("input[data-pb-item]")];
        showProgress(phaseProgress(list), done(own), own.length);
      });
    };

    // Items and phases deleted from the data leave ids behind: drop them silently.
    const known = new Set([...elsewhere, ...boxes.map(itemKey)]);
    if (saved && saved.checked.some((id) => !known.has(id))) persist();

    lists.forEach((list) => list.addEventListener("change", (event) => {
      if (!event.target.matches("input[data-pb-item]")) return;
      persist();
      update();
    }));
    if (toolbar) {
      const reset = toolbar.querySelector("[data-pb-reset]");
      reset.addEventListener("click", () => {
        if (!window.confirm(reset.dataset.pbConfirm)) return;
        boxes.forEach((box) => { box.checked = false; });
        elsewhere = [];
        persist();
        update();
      });
    }
    update();
  }

  function mountChecklists(root) {
    const groups = new Map();
    root.querySelectorAll("[data-pb-checklist]").forEach((list) => {
      const key = list.dataset.pbChecklist;
      groups.set(key, [...(groups.get(key) || []), list]);
    });
    groups.forEach((lists, key) => mountChecklist(key, lists));
  }

  /* ---------- Fill-in scripts ---------- */

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // file:// pages and denied permissions: the older, synchronous way.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "pb-offscreen";
      document.body.append(area);
      area.select();
      let copied = false;
      try {
        copied = document.execCommand("copy");
      } catch {
        copied = false;
      }
      area.remove();
      return copied;
    }
  }

  /* What each blank is about, from its line: "Diagnóstico: [Tiempo] minutos" → "Diagnóstico — [Tiempo]";
   * a line that is only blanks takes its section's heading ("RESULTADOS — [Beneficio]"). */
  function describeBlank(blank) {
    const line = blank.closest(".pb-script__line");
    let before = "";
    for (const node of line ? line.childNodes : []) {
      if (node === blank) break;
      before += node.dataset?.pbBlank ?? node.textContent;
    }
    let context = before.replace(/[[\]]/g, "").replace(/^[\s"“-]+|[\s:"”¿?.,-]+$/g, "").replace(/\s+/g, " ");
    if (!context && line) {
      let heading = line.previousElementSibling;
      while (heading && !heading.dataset.pbHeading) heading = heading.previousElementSibling;
      context = heading ? heading.dataset.pbHeading : "";
    }
    return context ? `${context} — ${blank.dataset.pbBlank}` : blank.dataset.pbBlank;
  }

  /* The personaliser under a script: one field per blank, in order (a blank used twice gets two). */
  function buildPersonalizer(script, blanks) {
    const parts = blanks.length ? fromTemplate("personalizer") : null;
    if (!parts) return null;
    const fields = parts.querySelector(".pb-personalizer__fields");
    blanks.forEach((blank, index) => {
      const field = fromTemplate("field");
      const id = `pb-field-${script.dataset.pbScript}-${index + 1}`;
      const label = field.querySelector("label");
      const input = field.querySelector("input");
      label.textContent = describeBlank(blank);
      label.htmlFor = id;
      input.id = id;
      input.dataset.pbField = String(index + 1);
      input.placeholder = blank.dataset.pbBlank;
      fields.append(field);
    });
    script.append(parts);
    return script.querySelector(".pb-personalizer");
  }

  /* Whether this site may keep what reps type on the device: their choice, itself kept on the device. */
  const rememberKey = (script) => `${script.dataset.pbStore.split(":").slice(0, 2).join(":")}:remember`;

  function mountScript(script) {
    const original = script.querySelector(".pb-script__original code");
    const blanks = [...original.querySelectorAll(".pb-script__placeholder")];
    blanks.forEach((blank) => { blank.dataset.pbBlank = blank.textContent; });
    const panel = buildPersonalizer(script, blanks);
    if (!panel) return;
    const key = script.dataset.pbStore;
    const inputs = [...panel.querySelectorAll("[data-pb-field]")];
    const status = panel.querySelector("[data-pb-status]");
    const remember = panel.querySelector("[data-pb-remember]");
    const where = panel.querySelector("[data-pb-where]");
    const sitePrefix = `${key.split(":").slice(0, 2).join(":")}:`;
    remember.checked = storage.read(rememberKey(script)) === "true";
    const area = () => (remember.checked ? "device" : "tab");
    const saved = load(key, (value) => isStringMap(value.values), area());
    const values = saved ? saved.values : {};
    inputs.forEach((input) => { input.value = values[input.dataset.pbField] || ""; });

    // The script on the page shows what was typed, so every way of copying it (Material's icon, a
    // selection, "Copiar") gives the filled text; an empty field keeps its blank.
    const render = () => {
      inputs.forEach((input, index) => {
        const value = input.value.trim();
        blanks[index].textContent = value || blanks[index].dataset.pbBlank;
        blanks[index].classList.toggle("pb-script__placeholder--filled", Boolean(value));
      });
      script.classList.toggle("pb-script--filled", inputs.some((input) => input.value.trim()));
      script.classList.toggle("pb-script--editing", panel.open);
      where.textContent = remember.checked ? where.dataset.pbDevice : where.dataset.pbSession;
    };
    const persist = () => {
      const typed = Object.fromEntries(inputs.filter((i) => i.value.trim()).map((i) => [i.dataset.pbField, i.value]));
      save(key, { values: typed }, area());
      storage.remove(key, remember.checked ? "tab" : "device"); // never in both places
    };

    panel.addEventListener("input", (event) => {
      if (event.target === remember) {
        storage.write(rememberKey(script), String(remember.checked));
      }
      persist();
      render();
    });
    panel.addEventListener("toggle", render);
    panel.querySelector("[data-pb-clear]").addEventListener("click", () => {
      inputs.forEach((input) => { input.value = ""; });
      persist();
      render();
      inputs[0].focus();
    });
    const forget = panel.querySelector("[data-pb-forget]");
    forget.addEventListener("click", () => {
      if (!window.confirm(forget.dataset.pbConfirm)) return;
      storage.forget(sitePrefix);
      window.location.reload();
    });
    const copy = panel.querySelector("[data-pb-copy]");
    copy.addEventListener("click", async () => {
      const copied = await copyText(original.textContent);
      status.textContent = copied ? copy.dataset.pbCopied : copy.dataset.pbCopyFailed;
      window.setTimeout(() => { status.textContent = ""; }, 3000);
    });
    if (saved && Object.keys(values).length) panel.open = true;
    render();
  }

  /* ---------- Objection handling: each answer copied as it is said ---------- */

  function mountAnswers(root) {
    root.querySelectorAll("[data-pb-copy-answer]").forEach((button) => {
      const actions = button.closest(".pb-objection__actions");
      const answer = actions.previousElementSibling;
      const status = actions.querySelector(".pb-objection__status");
      button.addEventListener("click", async () => {
        const copied = await copyText(answer.innerText);
        status.textContent = copied ? button.dataset.pbCopied : button.dataset.pbCopyFailed;
        window.setTimeout(() => { status.textContent = ""; }, 3000);
      });
    });
  }

  /* ---------- Technique browser ---------- */

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function mountBrowser(root) {
    const list = root.querySelector("[data-pb-browser]");
    const form = root.querySelector("[data-pb-browser-filters]");
    if (!list || !form) return;
    const text = form.querySelector("[data-pb-filter-text]");
    const type = form.querySelector("[data-pb-filter-type]");
    const count = form.querySelector("[data-pb-browser-count]");
    const empty = root.querySelector("[data-pb-browser-empty]");
    // What the filter searches: the row's text, then, once the search index is here, every text of the
    // technique (its situations, process, script and key elements: its section of the index).
    const items = [...list.querySelectorAll("[data-pb-type]")].map((element) => (
      { element, type: element.dataset.pbType, text: fold(element.textContent) }));

    // A browser split over several pages: a type whose rows are on another page names that page's
    // number (data-pb-part), and the pager holds the link to it.
    const pager = root.querySelector("[data-pb-pager]");
    const openPageOf = (option, replace) => {
      const link = option && option.dataset.pbPart && pager
        ? pager.querySelectorAll("a, strong")[Number(option.dataset.pbPart) - 1] : null;
      if (!link || !link.href) return false;
      const url = new URL(link.href);
      url.searchParams.set("tipo", option.value);
      if (text.value.trim()) url.searchParams.set("texto", text.value.trim());
      if (replace) window.location.replace(url);
      else window.location.assign(url);
      return true;
    };

    const params = new URLSearchParams(window.location.search);
    text.value = params.get("texto") || "";
    const wanted = [...type.options].find((o) => o.value === params.get("tipo"));
    if (openPageOf(wanted, true)) return;
    type.value = wanted ? wanted.value : "";

    const apply = () => {
      const words = fold(text.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      items.forEach((item) => {
        const visible = (!type.value || item.type === type.value) && words.every((w) => item.text.includes(w));
        item.element.hidden = !visible;
        shown += visible;
      });
      empty.hidden = shown > 0;
      count.textContent = count.dataset.pbTemplate.replace("{shown}", shown).replace("{total}", items.length);
      const url = new URL(window.location.href);
      for (const [name, value] of [["tipo", type.value], ["texto", text.value.trim()]]) {
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
      }
      window.history.replaceState(window.history.state, "", url);
    };
    form.addEventListener("input", (event) => {
      if (event.target === type && openPageOf(type.selectedOptions[0], false)) return;
      apply();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    apply();
    loadSearchIndex().then((index) => {
      const texts = new Map(index.docs.map((doc) => [new URL(doc.location, index.base).href, doc.text]));
      items.forEach((item) => {
        const link = item.element.querySelector("a[href*='#']");
        const more = link ? texts.get(link.href) : null;
        if (more) item.text += ` ${fold(more.replace(/<[^>]*>/g, " "))}`;
      });
      list.dataset.pbFullText = "ready";
      apply();
    });
  }

  /* ---------- Search that never dead-ends ---------- */

  const editDistance = (a, b) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  };

  /* The search index Material's search loads (so the browser's cache has it), with the base its locations
   * are relative to; from file:// (the offline bundle) it cannot be fetched: no documents then. */
  let searchIndex = null;
  function loadSearchIndex() {
    if (searchIndex) return searchIndex;
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    const base = new URL(`${config.base || "."}/`, window.location.href).href;
    searchIndex = fetch(new URL("search/search_index.json", base))
      .then((response) => response.json())
      .then((index) => ({ base, docs: Array.isArray(index.docs) ? index.docs : [] }))
      .catch(() => ({ base, docs: [] }));
    return searchIndex;
  }

  /* The playbook's words, from the search index. */
  let vocabulary = null;
  function loadVocabulary() {
    if (vocabulary) return vocabulary;
    vocabulary = loadSearchIndex().then((index) => {
      const words = new Map();
      index.docs.forEach((doc) => {
        const text = `${doc.title} ${doc.text}`.replace(/<[^>]*>/g, " ");
        (text.match(/[\p{L}\d]{4,}/gu) || []).forEach((word) => {
          const key = fold(word);
          if (!words.has(key)) words.set(key, word.toLowerCase());
        });
      });
      return words;
    });
    return vocabulary;
  }

  /* When nothing matches: the closest words of the playbook (a tap searches them), and the technique
   * browser with what was typed. */
  function mountSearchHelp() {
    const texts = document.querySelector("[data-pb-search-texts]");
    const result = document.querySelector("[data-md-component=search-result]");
    const input = document.querySelector("input[data-md-component=search-query]");
    if (!texts || !result || !input || result.dataset.pbHelp) return;
    result.dataset.pbHelp = "true";
    const list = result.querySelector(".md-search-result__list");
    const panel = document.createElement("div");
    panel.className = "pb-search-help";
    panel.hidden = true;
    result.insertBefore(panel, list);

    const show = async () => {
      const query = input.value.trim();
      if (!query || list.children.length) {
        panel.hidden = true;
        return;
      }
      const words = await loadVocabulary();
      if (input.value.trim() !== query || list.children.length) return; // typed on meanwhile
      // Close means a few edits for the word's length: "qeja" → "queja", "clinte" → "cliente".
      const typed = fold(query).split(/\s+/).filter((w) => w.length > 3);
      const scored = [...words.entries()]
        .map(([key, word]) => [Math.min(...typed.map((t) => editDistance(t, key) / Math.max(t.length, 4))), word])
        .filter(([distance]) => distance <= 0.34)
        .sort((a, b) => a[0] - b[0] || a[1].length - b[1].length)
        .slice(0, 5);
      const hint = document.createElement("p");
      hint.className = "pb-search-help__hint";
      hint.textContent = texts.dataset.pbHint;
      const terms = document.createElement("p");
      terms.className = "pb-search-help__terms";
      scored.forEach(([, word]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button pb-search-help__term";
        button.textContent = word;
        button.addEventListener("click", () => {
          input.value = word;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
          input.focus();
        });
        terms.append(button);
      });
      const offered = scored.length ? [hint, terms] : [];
      if (texts.dataset.pbBrowserUrl) { // a playbook with no techniques has no browser to offer
        const browser = document.createElement("a");
        browser.className = "pb-search-help__browser";
        const url = new URL(texts.dataset.pbBrowserUrl, window.location.href);
        url.searchParams.set("texto", query);
        browser.href = url.href;
        browser.textContent = texts.dataset.pbBrowser.replace("{query}", query);
        offered.push(browser);
      }
      if (!offered.length) return;
      panel.replaceChildren(...offered);
      panel.hidden = false;
    };
    new MutationObserver(show).observe(result.querySelector(".md-search-result__meta"), {
      childList: true, characterData: true, subtree: true,
    });
    // The worker answers each keystroke; with "nothing found" twice in a row the counter does not change.
    let pending = 0;
    input.addEventListener("input", () => {
      if (!input.value.trim()) panel.hidden = true;
      window.clearTimeout(pending);
      pending = window.setTimeout(show, 400);
    });
  }

  /* After a search hit, Material marks the typed words on the page only where they match exactly: mark
   * the words it missed because of accents or case ("escalacion" → "Escalación"). */
  function highlightFolded(content) {
    const wanted = new URLSearchParams(window.location.search).get("h");
    if (!wanted) return;
    const words = fold(wanted).split(/\s+/).filter((w) => w.length > 2);
    if (!words.length) return;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest("mark, script, style, code, .pb-templates")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach((node) => {
      const text = node.textContent;
      const folded = fold(text); // same length: NFD accents removed one-for-one on precomposed letters
      if (folded.length !== text.length) return;
      const ranges = [];
      words.forEach((word) => {
        let at = folded.indexOf(word);
        while (at !== -1) {
          ranges.push([at, at + word.length]);
          at = folded.indexOf(word, at + word.length);
        }
      });
      if (!ranges.length) return;
      ranges.sort((a, b) => a[0] - b[0]);
      const parts = [];
      let last = 0;
      ranges.forEach(([start, end]) => {
        if (start < last) return;
        parts.push(document.createTextNode(text.slice(last, start)));
        const mark = document.createElement("mark");
        mark.dataset.mdHighlight = "";
        mark.textContent = text.slice(start, end);
        parts.push(mark);
        last = end;
      });
      parts.push(document.createTextNode(text.slice(last)));
      node.replaceWith(...parts);
    });
  }

  function mount() {
    const content = document.querySelector("article") || document.body;
    if (content.dataset.pbMounted) return;
    content.dataset.pbMounted = "true";
    mountChecklists(content);
    content.querySelectorAll(".pb-script[data-pb-store]").forEach(mountScript);
    mountBrowser(content);
    mountAnswers(content);
    mountSearchHelp();
    highlightFolded(content);
    // Material's copy toolbar is a <nav> in every code block: name each one (unique landmarks).
    content.querySelectorAll(".pb-script[data-pb-label] .md-code__nav").forEach((nav) => {
      nav.setAttribute("aria-label", nav.closest(".pb-script").dataset.pbLabel);
    });
    content.querySelectorAll("[data-pb-print]").forEach((button) => {
      button.addEventListener("click", () => window.print());
    });
  }

  // document$ emits on every page view with instant navigation; from file:// (the offline bundle)
  // Material's document$ never emits, so the first page also mounts on its own (mount runs once).
  if (typeof window.document$ !== "undefined") window.document$.subscribe(mount);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
