/* Member directory filter (/mitglieder/): progressive enhancement.
 *
 * Without this script the form stays hidden, the directory is paginated and
 * the facet links lead to a static page per competence, region, format and
 * kind. With it, the form filters the whole network from the index in the
 * page (<script type="application/json" data-member-index>: facets, search
 * text and the server-rendered, escaped card of every member) and shows one
 * page of results at a time, "Weitere anzeigen" adds the next. A change
 * therefore replaces at most a few dozen list items, whatever the size of
 * the network (see docs/performance.md). The count is announced in the
 * role="status" region; the filter lives in the URL query
 * (?kompetenz=…&region=…&suche=…), so a view can be shared, bookmarked,
 * reloaded and stepped through with the back button. No framework.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-member-filter]");
  var list = document.querySelector("[data-member-list]");
  var source = document.querySelector("[data-member-index]");
  if (!form || !list || !source || !window.URLSearchParams || !window.history.pushState) return;
  var entries;
  try {
    entries = JSON.parse(source.textContent);
  } catch (error) {
    return;  // the static list and its pages stay
  }
  var status = document.querySelector("[data-member-count]");
  var empty = document.querySelector("[data-member-empty]");
  var facets = document.querySelector("[data-member-facets]");
  var more = document.querySelector("[data-member-more]");
  var pages = document.querySelector("[data-member-pages]");
  var search = form.querySelector("[data-member-search]");
  var selects = [].slice.call(form.querySelectorAll("select[data-facet]"));
  var panel = form.querySelector("[data-member-filter-panel]");
  var active = form.querySelector("[data-member-filter-active]");
  var wide = window.matchMedia ? window.matchMedia("(min-width: 40rem)") : null;
  var size = parseInt(more && more.getAttribute("data-size"), 10) || 24;

  // Facets split once: a filter run is a loop over arrays.
  var items = entries.map(function (entry) {
    return {
      entry: entry,
      node: null,
      values: selects.map(function (select) {
        return (entry[select.getAttribute("data-facet")] || "").split(" ");
      })
    };
  });
  var results = [];
  var shown = 0;

  // The query folded like the index (plugins/members/directory.py): lower
  // case, no accents, ß as ss; every word must occur.
  function words(text) {
    var folded = text.toLowerCase().replace(/ß/g, "ss");
    if (folded.normalize) folded = folded.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return folded.split(/\s+/).filter(Boolean);
  }

  // The card is markup rendered and escaped by the server (the same macro
  // as the static list), never text assembled here.
  function node(item) {
    if (!item.node) {
      item.node = document.createElement("li");
      item.node.innerHTML = item.entry.h;
    }
    return item.node;
  }

  function showUpTo(limit) {
    var fragment = document.createDocumentFragment();
    var first = null;
    for (var i = shown; i < Math.min(limit, results.length); i++) {
      fragment.appendChild(node(results[i]));
      if (!first) first = results[i].node;
    }
    list.appendChild(fragment);
    shown = Math.min(limit, results.length);
    if (more) more.hidden = shown >= results.length;
    return first;
  }

  function apply() {
    var wanted = selects.map(function (select) { return select.value; });
    var terms = search ? words(search.value) : [];
    results = [];
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var show = true;
      for (var j = 0; j < wanted.length && show; j++) {
        if (wanted[j] && item.values[j].indexOf(wanted[j]) < 0) show = false;
      }
      for (var t = 0; t < terms.length && show; t++) {
        if (item.entry.s.indexOf(terms[t]) < 0) show = false;
      }
      if (show) results.push(item);
    }
    list.textContent = "";
    shown = 0;
    showUpTo(size);
    var count = results.length;
    var text = count === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
    status.textContent = text.replace("{count}", count);
    empty.hidden = count > 0;
    // The folded panel on phones still says how many filters are set.
    var set = wanted.filter(Boolean).length + (terms.length ? 1 : 0);
    if (active) active.textContent = set ? active.getAttribute("data-some").replace("{count}", set) : "";
  }

  function query() {
    var params = new URLSearchParams();
    if (search && search.value.trim()) params.set(search.name, search.value.trim());
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "") + window.location.hash;
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    if (search) search.value = params.get(search.name) || "";
    selects.forEach(function (select) {
      select.value = params.get(select.name) || "";
      if (select.selectedIndex < 0) select.value = "";  // unknown value in the URL
    });
  }

  // Choosing a value is a step the back button undoes; typing is not. The
  // URL is written once the results are painted: pushState costs Chromium
  // several milliseconds, which the visitor should not wait for.
  var steps = [];
  function writeUrl() {
    var due = steps;
    steps = [];
    due.forEach(function (step) {
      if (step[0] !== window.location.pathname + window.location.search + window.location.hash) {
        window.history[step[1] ? "replaceState" : "pushState"](null, "", step[0]);
      }
    });
  }
  function update(replace) {
    apply();
    if (!steps.length) window.requestAnimationFrame(function () { window.setTimeout(writeUrl, 0); });
    steps.push([query(), replace]);
  }

  form.addEventListener("change", function (event) {
    update(event.target === search);
  });
  if (search) search.addEventListener("input", function () { update(true); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(false);
  });
  [].forEach.call(document.querySelectorAll("[data-member-reset]"), function (button) {
    button.addEventListener("click", function () {
      if (search) search.value = "";
      selects.forEach(function (select) { select.value = ""; });
      update(false);
      (panel && !panel.open ? panel.querySelector("summary") : search || selects[0]).focus();
    });
  });
  if (more) {
    more.addEventListener("click", function () {
      var first = showUpTo(shown + size);
      // Keyboard users continue at the first card just added.
      var link = first && first.querySelector("a");
      if (link) link.focus();
    });
  }
  window.addEventListener("popstate", function () {
    steps = [];
    restore();
    apply();
  });

  // Phones: the panel starts folded so the first members are in view; wider
  // screens always show the fields (the summary is hidden there by CSS).
  function fold() {
    if (panel && wide) panel.open = wide.matches;
  }
  if (wide && wide.addEventListener) wide.addEventListener("change", fold);
  fold();
  form.hidden = false;
  if (facets) facets.open = false;
  if (pages) pages.hidden = true;
  restore();
  apply();
})();
