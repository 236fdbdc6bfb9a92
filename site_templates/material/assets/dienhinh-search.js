// The search page (tim-kiem/): a small form over Pagefind's JS API. Loaded only there.
// Pagefind's bundle and the site root come from the form's data attributes (search.html).
const PAGE_SIZE = 5;  // a phone screen's worth; each result is one more download
const form = document.getElementById("dh-search");
const bundle = new URL(form.dataset.pagefind, location.href).href;
const siteRoot = new URL(form.dataset.root, location.href).pathname;
const input = document.getElementById("dh-search-q");
const toggle = document.getElementById("dh-search-filters");
const box = document.getElementById("dh-search-filter-list");
const status = document.getElementById("dh-search-status");
const list = document.getElementById("dh-search-results");
const more = document.getElementById("dh-search-more");
const chosen = {};
// Measured with benchmarks/search_relevance.py (README, "Search relevance"). Words typed
// without accents prefix-match many longer words ("ga" → gấp, gần, gắn): termSimilarity 6
// ranks the word of the query's own length first (Pagefind's default 1 barely does). Pages
// named after a hamlet, field or organization are short: pageLength 1 lets their heading win
// over a long profile that mentions the name, and termSaturation 2 keeps heading weights
// counting instead of saturating at once.
const RANKING = { termSimilarity: 6, termSaturation: 2, pageLength: 1 };
let pagefind = null, results = [], shown = 0, turn = 0, timer = 0;

async function load() {
  if (!pagefind) {
    pagefind = await import(bundle);
    // No web worker: one request fewer (12 KB) and searching a static index is quick anyway.
    await pagefind.options({ baseUrl: siteRoot, excerptLength: 24, noWorker: true, ranking: RANKING });
    pagefind.init();
  }
  return pagefind;
}

// The index spells đ as d + a combining stroke, which Pagefind folds away like any accent, so
// "duong" finds "đường" (generator/search.py); a typed đ is spelt the same way to match it.
function indexSpelling(query) {
  return query.replace(/đ/g, "d\u0335").replace(/Đ/g, "D\u0335");
}

// The page's summary when the snippet shows no matched word.
function excerptOf(data) {
  const text = data.excerpt || "";
  if (text.indexOf("<mark>") < 0 && data.meta.summary) {
    const p = document.createElement("p");
    p.textContent = data.meta.summary;
    return p.innerHTML;
  }
  return text;
}

function render(data) {
  const item = document.createElement("li");
  item.className = "dh-result";
  const link = document.createElement("a");
  link.className = "dh-result__link";
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "dh-result__excerpt";
  excerpt.innerHTML = excerptOf(data);  // Pagefind escapes the page text; only <mark> is markup
  item.append(link, excerpt);
  return item;
}

async function showMore() {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  shown += batch.length;
  const pages = await Promise.all(batch.map((r) => r.data()));
  list.append(...pages.map(render));
  more.hidden = shown >= results.length;
}

async function run() {
  const query = input.value.trim();
  const mine = ++turn;
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query && !Object.keys(chosen).length) {
    status.textContent = "";
    list.replaceChildren();
    more.hidden = true;
    return;
  }
  status.textContent = "Đang tìm…";
  const engine = await load();
  const found = await engine.search(query ? indexSpelling(query) : null, { filters: chosen });
  if (mine !== turn || !found) return;
  results = found.results;
  shown = 0;
  list.replaceChildren();
  more.hidden = true;
  await showMore();
  if (mine !== turn) return;
  // Said once the first results are on screen (screen readers hear it from role=status).
  const about = query ? ` cho “${query}”` : "";
  status.textContent = results.length ? `${results.length} kết quả${about}` : `Không tìm thấy kết quả nào${about}.`;
}

async function loadFilters() {
  if (box.childElementCount) return;
  const filters = await (await load()).filters();
  for (const [name, values] of Object.entries(filters)) {
    const label = document.createElement("label");
    label.className = "dh-search-filter";
    const caption = document.createElement("span");
    caption.textContent = name;
    label.append(caption);
    const select = document.createElement("select");
    select.name = name;
    select.append(new Option("Tất cả", ""));
    for (const [value, count] of Object.entries(values)) select.append(new Option(`${value} (${count})`, value));
    select.addEventListener("change", () => {
      if (select.value) chosen[name] = select.value; else delete chosen[name];
      run();
    });
    label.append(select);
    box.append(label);
  }
}

form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 250);
  // The words' index chunks start downloading while the person is still typing.
  const query = input.value.trim();
  if (query) load().then((engine) => engine.preload(indexSpelling(query)));
});
more.addEventListener("click", showMore);
toggle.addEventListener("click", () => {
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  box.hidden = !open;
  if (open) loadFilters();
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(); } else {
  input.focus();
  // This page is for searching: Pagefind (its script, WebAssembly and index metadata) comes
  // down while the person reads the page and types, not after they press Enter. Measured on a
  // throttled phone with benchmarks/search_phone.py (benchmarks/RESULTS.md).
  (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(() => load());
}
