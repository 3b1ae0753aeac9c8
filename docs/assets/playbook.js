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
    // "Borrar" empties every field at once: "Deshacer" brings them back for a while.
    const undo = panel.querySelector("[data-pb-undo]");
    let undoing = 0;
    panel.querySelector("[data-pb-clear]").addEventListener("click", () => {
      const before = inputs.map((input) => input.value);
      if (!before.some(Boolean)) return;
      inputs.forEach((input) => { input.value = ""; });
      persist();
      render();
      undo.hidden = false;
      status.textContent = undo.dataset.pbCleared;
      undo.onclick = () => {
        inputs.forEach((input, index) => { input.value = before[index]; });
        undo.hidden = true;
        status.textContent = "";
        persist();
        render();
        inputs[0].focus();
      };
      window.clearTimeout(undoing);
      undoing = window.setTimeout(() => { undo.hidden = true; status.textContent = ""; }, 10000);
    });
    const forget = panel.querySelector("[data-pb-forget]");
    forget.addEventListener("click", () => {
      if (!window.confirm(forget.dataset.pbConfirm)) return;
      storage.forget(sitePrefix);
      window.location.reload();
    });
    const copy = panel.querySelector("[data-pb-copy]");
    const copyNow = async () => {
      const copied = await copyText(original.textContent);
      status.textContent = copied ? copy.dataset.pbCopied : copy.dataset.pbCopyFailed;
      window.setTimeout(() => { status.textContent = ""; }, 3000);
    };
    copy.addEventListener("click", copyNow);
    mountShare(panel.querySelector("[data-pb-share]"), () => original.textContent, script.dataset.pbLabel, copyNow);
    if (saved && Object.keys(values).length) panel.open = true;
    render();

    // "Personalizar" under the technique's title (in view on arrival from the guide or search): opens the
    // personaliser and puts the cursor in its first field.
    const jump = document.querySelector(`[data-pb-personalize="${CSS.escape(script.dataset.pbScript)}"]`);
    if (jump) {
      jump.hidden = false;
      jump.addEventListener("click", () => {
        panel.open = true;
        render();
        inputs[0].focus({ preventScroll: true });
        // The script at the top (on a phone it then stays pinned there), its first field just below it.
        script.scrollIntoView({ block: "start", behavior: "instant" });
      });
    }
  }

  /* ---------- Objection handling: each answer copied as it is said ---------- */

  function mountAnswers(root) {
    root.querySelectorAll("[data-pb-copy-answer]").forEach((button) => {
      const actions = button.closest(".pb-objection__actions");
      const answer = actions.previousElementSibling;
      const status = actions.querySelector(".pb-objection__status");
      const copyNow = async () => {
        const copied = await copyText(answer.innerText);
        status.textContent = copied ? button.dataset.pbCopied : button.dataset.pbCopyFailed;
        window.setTimeout(() => { status.textContent = ""; }, 3000);
      };
      button.addEventListener("click", copyNow);
      const share = actions.querySelector("[data-pb-share]");
      mountShare(share, () => answer.innerText, share.dataset.pbShareTitle, copyNow);
    });
  }

  /* ---------- Sharing a filled script or an answer ---------- */

  /* "Compartir": the phone's share sheet with the text as it reads now. Where the browser has none, a small
   * menu of plain links (copy, WhatsApp, e-mail; the addresses come from the template, the text is put in
   * when the menu opens and again when a link is tapped): nothing leaves the page until the rep taps one. */
  function mountShare(button, textOf, title, copyNow) {
    if (!button) return;
    let menu = null;
    const fill = (link) => {
      link.href = link.dataset.pbShareUrl
        .replace("{title}", encodeURIComponent(title || ""))
        .replace("{text}", encodeURIComponent(textOf()));
    };
    const close = () => {
      menu?.remove();
      menu = null;
      button.setAttribute("aria-expanded", "false");
    };
    const open = () => {
      menu = fromTemplate("share")?.firstElementChild;
      if (!menu) return;
      menu.querySelectorAll("a[data-pb-share-url]").forEach((link) => {
        fill(link);
        link.addEventListener("click", () => { fill(link); close(); });
      });
      menu.querySelector("[data-pb-share-copy]").addEventListener("click", () => { copyNow(); close(); });
      button.closest("p").after(menu);
      button.setAttribute("aria-expanded", "true");
      menu.querySelector("a, button").focus();
    };
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", async () => {
      if (menu) {
        close();
        return;
      }
      const shared = { title: title || "", text: textOf() };
      if (navigator.share && (!navigator.canShare || navigator.canShare(shared))) {
        try {
          await navigator.share(shared);
          return;
        } catch (error) {
          if (error.name === "AbortError") return; // the rep closed the sheet
        }
      }
      open();
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
      if (!type.selectedOptions[0]?.dataset.pbPart) apply(); // not once the type chosen opens another page
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
    if (window.location.protocol === "file:") return (searchIndex = Promise.resolve({ base, docs: [] }));
    searchIndex = fetch(new URL("search/search_index.json", base))
      .then((response) => response.json())
      .then((index) => ({ base, docs: Array.isArray(index.docs) ? index.docs : [] }))
      .catch(() => ({ base, docs: [] }));
    return searchIndex;
  }

  /* Every technique's situations, from the search index: a technique's section is titled "Técnica N: …" and its
   * text starts with its "Cuándo usarlo" list. */
  let situations = null;
  function loadSituations(techniqueLabel) {
    if (situations) return situations;
    situations = loadSearchIndex().then((index) => index.docs
      .filter((doc) => doc.location.includes("#") && doc.title.startsWith(`${techniqueLabel} `))
      .flatMap((doc) => {
        const list = doc.text.match(/<ul>(.*?)<\/ul>/s);
        const items = list ? [...list[1].matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]) : [];
        const technique = doc.title.slice(doc.title.indexOf(":") + 1).trim();
        const plain = (html) => new DOMParser().parseFromString(html, "text/html").body.textContent.trim();
        return items.map((item) => {
          const text = plain(item);
          const href = new URL(doc.location, index.base).href;
          return { text, technique: plain(technique), href, words: words(text) };
        });
      }));
    return situations;
  }

  const words = (text) => fold(text).split(/[^\p{L}\d]+/u).filter((word) => word.length > 3);

  /* How far a typed word is from the closest word of a situation: a share of its length (0: the same). */
  const distance = (typed, situation) => Math.min(1, ...typed.flatMap((word) => situation.words.map((other) => (
    word.length >= 5 && other.startsWith(word.slice(0, 5))
      ? 0.1
      : editDistance(word, other) / Math.max(word.length, 4)))));

  /* When nothing matches: the situations closest to what was typed (each a link to its technique), and the
   * decision guide with what was typed in its filter, which always leads to a technique. */
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
      const known = await loadSituations(texts.dataset.pbTechnique);
      if (input.value.trim() !== query || list.children.length) return; // typed on meanwhile
      const typed = words(query);
      const closest = typed.length ? known
        .map((situation) => [distance(typed, situation), situation])
        .filter(([far]) => far <= 0.34)
        .sort((a, b) => a[0] - b[0])
        .slice(0, 3) : [];
      const offered = [];
      if (closest.length) {
        const hint = document.createElement("p");
        hint.className = "pb-search-help__hint";
        hint.textContent = texts.dataset.pbHint.replace("{query}", query);
        const links = document.createElement("ul");
        links.className = "pb-search-help__situations";
        closest.forEach(([, situation]) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = situation.href;
          link.className = "pb-search-help__situation";
          const technique = document.createElement("span");
          technique.className = "pb-search-help__technique";
          technique.textContent = `→ ${situation.technique}`;
          link.append(`${situation.text} `, technique);
          item.append(link);
          links.append(item);
        });
        offered.push(hint, links);
      }
      if (texts.dataset.pbGuideUrl) { // a playbook with no techniques has no guide to offer
        const way = document.createElement("p");
        way.className = "pb-search-help__hint";
        way.textContent = texts.dataset.pbGuide;
        const guide = document.createElement("a");
        guide.className = "pb-search-help__guide";
        const url = new URL(texts.dataset.pbGuideUrl, window.location.href);
        url.searchParams.set("filtro", query);
        guide.href = url.href;
        guide.textContent = texts.dataset.pbGuideTitle;
        offered.push(way, guide);
      }
      if (!offered.length) return;
      panel.replaceChildren(...offered);
      panel.hidden = false;
    };
    new MutationObserver(show).observe(result.querySelector(".md-search-result__meta"), {
      childList: true, characterData: true, subtree: true,
    });
    // Material names a typed word missing from a result ("Falta:") as the search folded it: name it as typed.
    new MutationObserver(() => {
      const typed = new Map(input.value.split(/\s+/).filter(Boolean).map((word) => [fold(word), word]));
      list.querySelectorAll(".md-search-result__terms del").forEach((missing) => {
        const word = typed.get(missing.textContent);
        if (word && missing.textContent !== word) missing.textContent = word;
      });
    }).observe(list, { childList: true, subtree: true });
    // The worker answers each keystroke; with "nothing found" twice in a row the counter does not change.
    let pending = 0;
    input.addEventListener("input", () => {
      if (!input.value.trim()) panel.hidden = true;
      window.clearTimeout(pending);
      pending = window.setTimeout(show, 400);
    });
  }

  /* ---------- The decision guide: what is happening → the situation ---------- */

  function mountChooser(root) {
    const chooser = root.querySelector("[data-pb-chooser]");
    if (!chooser) return;
    const box = chooser.querySelector("[data-pb-chooser-filter]");
    const none = chooser.querySelector("[data-pb-chooser-none]");
    const groups = [...chooser.querySelectorAll("[data-pb-chooser-group]")].map((element) => ({
      element,
      happening: fold([element.querySelector("summary"), element.querySelector(".pb-chooser__also")]
        .map((part) => (part ? part.textContent : "")).join(" ")),
      choices: [...element.querySelectorAll("li")].map((item) => ({ item, text: fold(item.textContent) })),
    }));
    const openWanted = () => {
      const wanted = decodeURIComponent(window.location.hash.slice(1));
      const group = groups.find((one) => one.element.id === wanted);
      if (!group) return;
      group.element.open = true;
      group.element.scrollIntoView({ block: "start" });
    };
    const apply = () => {
      const typed = fold(box.value).split(/[^\p{L}\d]+/u).filter(Boolean);
      const has = (text) => typed.every((word) => text.includes(word));
      let shown = 0;
      groups.forEach((group) => {
        // Its situations that say it; or all of them when only what is happening says it.
        const own = group.choices.filter((choice) => has(choice.text)).length;
        const all = !typed.length || (!own && has(group.happening));
        group.choices.forEach((choice) => { choice.item.hidden = !all && !has(choice.text); });
        const shownHere = all ? group.choices.length : own;
        group.element.hidden = shownHere === 0;
        group.element.open = typed.length > 0 && shownHere > 0;
        shown += shownHere;
      });
      // Never an empty list: when no situation says it, every group is offered again, under a line that says so.
      none.hidden = !typed.length || shown > 0;
      if (!none.hidden) {
        none.textContent = none.dataset.pbTemplate.replace("{query}", box.value.trim());
        groups.forEach((group) => {
          group.element.hidden = false;
          group.choices.forEach((choice) => { choice.item.hidden = false; });
        });
      }
      const url = new URL(window.location.href);
      if (box.value.trim()) url.searchParams.set("filtro", box.value.trim());
      else url.searchParams.delete("filtro");
      window.history.replaceState(window.history.state, "", url);
    };
    box.value = new URLSearchParams(window.location.search).get("filtro") || "";
    box.addEventListener("input", apply);
    if (box.value) apply();
    openWanted();
    // On paper every situation shows: a closed group would print as its first step only.
    window.addEventListener("beforeprint", () => {
      if (chooser.isConnected) groups.forEach((group) => { group.element.open = true; });
    });
    const onHash = () => {
      if (chooser.isConnected) openWanted();
      else window.removeEventListener("hashchange", onHash); // instant navigation took another page
    };
    window.addEventListener("hashchange", onHash);
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

  /* ---------- The handout: only the parts a session needs ---------- */

  /* On the whole-playbook handout, a trainer unticks the parts a session does not cover: those sections (and
   * their lines in the contents) do not print; a group whose every part is unticked ("Tipos de soporte") does
   * not print either. Nothing is stored and nothing changes on screen; it works offline, from the browser. */
  function mountPartPicker(root) {
    const handout = root.querySelector("#print-site-page");
    const panel = handout && fromTemplate("parts")?.firstElementChild;
    if (!panel) return;
    const leaves = [...handout.querySelectorAll("section.print-page[id]")]
      .filter((section) => !section.querySelector("section.print-page"));
    const list = panel.querySelector(".pb-parts__list");
    leaves.forEach((section) => {
      const title = section.querySelector("h1, h2");
      if (!title) return;
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.pbPart = section.id;
      label.append(box, ` ${[...title.childNodes].filter((n) => !n.classList?.contains("headerlink"))
        .map((n) => n.textContent).join("").trim()}`);
      item.append(label);
      list.append(item);
    });
    const boxes = [...list.querySelectorAll("input")];
    const apply = () => {
      boxes.forEach((box) => {
        document.getElementById(box.dataset.pbPart).classList.toggle("pb-unprinted", !box.checked);
      });
      handout.querySelectorAll("section.print-page").forEach((group) => {
        const parts = [...group.querySelectorAll("section.print-page")];
        if (parts.length) group.classList.toggle("pb-unprinted", parts.every((part) => part.classList.contains("pb-unprinted")));
      });
      // The contents (print-site writes them once the page has loaded): only the parts that print.
      document.querySelectorAll("#print-page-toc a[href*='#']").forEach((link) => {
        const target = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
        const part = target && target.closest("section.print-page");
        link.closest("li")?.classList.toggle("pb-unprinted", Boolean(part?.classList.contains("pb-unprinted")));
      });
    };
    list.addEventListener("change", apply);
    // The session's name, date and facilitator on the cover, under the playbook's title (typed, never stored).
    const cover = root.querySelector(".pb-cover");
    const lines = document.createElement("p");
    lines.className = "pb-cover__session";
    cover?.append(lines);
    panel.addEventListener("input", (event) => {
      if (!event.target.dataset.pbSession) return;
      lines.replaceChildren(...[...panel.querySelectorAll("[data-pb-session]")]
        .filter((field) => field.value.trim())
        .flatMap((field, index) => [...(index ? [document.createElement("br")] : []),
          `${field.labels[0].textContent}: ${field.value.trim()}`]));
    });
    window.addEventListener("beforeprint", apply);
    panel.querySelector("[data-pb-parts-all]").addEventListener("click", () => {
      boxes.forEach((box) => { box.checked = true; });
      apply();
    });
    const printButton = root.querySelector(".pb-handout-print");
    (printButton || handout).before(panel);
  }

  /* ---------- Printing: a title never ends a page ---------- */

  /* Chromium honours `break-inside: avoid` where it ignores `break-after: avoid`: before printing, each title
   * and each label ("Proceso:") is wrapped with the start of what follows it (of a tall block such as a whole
   * technique, only its first part: kept whole it would leave half a page empty); after printing the page is
   * put back as it was. `make pdf` (tools/pdf.py) dispatches `beforeprint` itself. */
  const TALL = 300; // px: about a third of a printed page
  // What follows a title but does not print (playbook.css), and titles under titles: they travel with it.
  const TRAVELS_WITH_TITLE = [
    ".pb-technique__head", ".pb-checklist-toolbar", ".pb-print-button", ".pb-progress", ".pb-pager",
    ".pb-browser__filters", ".pb-chooser__filter", "h1", "h2", "h3", ".pb-label",
  ].join(", ");

  function keepTitlesWithText(root) {
    const shown = (el) => el.getClientRects().length > 0;
    const kept = [];
    root.querySelectorAll(":is(h1, h2, h3):not(.print-page-toc-title), .pb-label").forEach((title) => {
      // The title, what sits under it on screen only (a technique's tag and "Personalizar") and a title right
      // under it ("Técnicas y Scripts", then "Técnica 1") travel together.
      const moved = [title];
      let next = title.nextElementSibling;
      while (next && next.matches(TRAVELS_WITH_TITLE)) {
        moved.push(next);
        next = next.nextElementSibling;
      }
      // (not a part's own section, whose page break the wrapper would hold inside itself)
      if (!next || next.matches("section") || !shown(title) || title.closest(".pb-keep")) return;
      while (next.getBoundingClientRect().height > TALL && next.firstElementChild) next = next.firstElementChild;
      const marks = moved.map((element) => {
        const mark = document.createComment("");
        element.before(mark);
        return [mark, element];
      });
      const keep = document.createElement("div");
      keep.className = "pb-keep";
      next.before(keep);
      keep.append(...moved, next);
      kept.push({ keep, marks });
    });
    return () => kept.forEach(({ keep, marks }) => {
      keep.replaceWith(...keep.childNodes);
      marks.forEach(([mark, element]) => mark.replaceWith(element));
    });
  }

  function keepTitlesWhenPrinting() {
    let restore = null;
    window.addEventListener("beforeprint", () => {
      if (!restore) restore = keepTitlesWithText(document.querySelector("article") || document.body);
    });
    window.addEventListener("afterprint", () => {
      if (restore) restore();
      restore = null;
    });
  }

  /* ---------- The installed app: kept for use with no network; a new version offered, never mixed ---------- */

  /* The service worker (macros/web_app.py) keeps this build's pages from the first visit on. A new build
   * waits until the rep taps "Actualizar"; then every open page of the site reloads into it at once, so no
   * page shows parts of two versions. What a rep typed stays (it lives in the tab's storage). */
  function registerWorker(app) {
    const worker = new window.workbox.Workbox(app.dataset.pbWorker);
    const wasControlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (wasControlled) window.location.reload();
    });
    worker.addEventListener("waiting", () => offerUpdate(app, worker));
    worker.addEventListener("installed", (event) => {
      if (!event.isUpdate && !wasControlled) tell(app.dataset.pbOfflineReady);
    });
    worker.register().catch(() => { /* refused (a policy, a private window): the site works online as ever */ });
    // An installed app can stay open for days: look for a new version each time it comes back to the front.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") worker.update().catch(() => {});
    });
  }

  function offerUpdate(app, worker) {
    if (document.querySelector(".pb-update")) return;
    const offer = app.content.firstElementChild.cloneNode(true);
    offer.querySelector("[data-pb-update-reload]").addEventListener("click", (event) => {
      event.currentTarget.disabled = true;
      worker.messageSkipWaiting(); // the new worker takes over; "controllerchange" reloads every page
    });
    offer.querySelector("[data-pb-update-later]").addEventListener("click", () => offer.remove());
    document.body.append(offer);
  }

  /* A short message at the foot of the screen that goes by itself. */
  function tell(text) {
    const note = document.createElement("p");
    note.className = "pb-toast";
    note.setAttribute("role", "status");
    document.body.append(note);
    window.setTimeout(() => { note.textContent = text; }, 100); // filled after it exists: read aloud
    window.setTimeout(() => note.remove(), 6000);
  }

  function mount() {
    const content = document.querySelector("article") || document.body;
    if (content.dataset.pbMounted) return;
    content.dataset.pbMounted = "true";
    mountChecklists(content);
    content.querySelectorAll(".pb-script[data-pb-store]").forEach(mountScript);
    mountBrowser(content);
    mountChooser(content);
    mountAnswers(content);
    mountPartPicker(content);
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
  /* After the page has loaded (its first visit is not slowed): workbox-window, then the worker. */
  function startWorker() {
    const app = document.querySelector("template[data-pb-app]");
    if (!app || !("serviceWorker" in navigator)) return;
    const library = document.createElement("script");
    library.src = app.dataset.pbLibrary;
    library.addEventListener("load", () => registerWorker(app));
    document.head.append(library);
  }

  keepTitlesWhenPrinting();
  if (document.readyState === "complete") startWorker();
  else window.addEventListener("load", startWorker, { once: true });
  if (typeof window.document$ !== "undefined") window.document$.subscribe(mount);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
