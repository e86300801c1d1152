/* Member directory filter (/mitglieder/): progressive enhancement.
 *
 * Without this script the form stays hidden and the facet links lead to a
 * static page per competence, region, format and kind. With it, the form
 * filters the list in place, announces the count in the role="status" region,
 * shows an empty state with a reset, and keeps the filter in the URL query
 * (?kompetenz=…&region=…), so a view can be shared, bookmarked, reloaded and
 * stepped through with the back button. No framework, no build step.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-member-filter]");
  var list = document.querySelector("[data-member-list]");
  if (!form || !list || !window.URLSearchParams || !window.history.pushState) return;
  var status = document.querySelector("[data-member-count]");
  var empty = document.querySelector("[data-member-empty]");
  var facets = document.querySelector("[data-member-facets]");
  var selects = [].slice.call(form.querySelectorAll("select[data-facet]"));
  var panel = form.querySelector("[data-member-filter-panel]");
  var active = form.querySelector("[data-member-filter-active]");
  var wide = window.matchMedia ? window.matchMedia("(min-width: 40rem)") : null;

  // Read every member's facets once: filtering is then a loop over arrays.
  var items = [].map.call(list.children, function (li) {
    return {
      el: li,
      values: selects.map(function (select) {
        return (li.getAttribute("data-" + select.getAttribute("data-facet")) || "").split(" ");
      })
    };
  });

  function apply() {
    var wanted = selects.map(function (select) { return select.value; });
    var count = 0;
    var changed = [];
    var hiding = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var show = true;
      for (var j = 0; j < wanted.length && show; j++) {
        if (wanted[j] && item.values[j].indexOf(wanted[j]) < 0) show = false;
      }
      if (item.el.hidden === show) {
        changed.push(item.el);
        if (!show) hiding++;
      }
      if (show) count++;
    }
    // Hiding many cards while the list is attached makes Chromium tear down
    // their layout one by one; detached, it is one cheap step (see
    // docs/performance.md). Showing stays attached: content-visibility skips
    // the cards outside the viewport.
    var detach = hiding > 50;
    var parent = list.parentNode;
    var next = list.nextSibling;
    if (detach) parent.removeChild(list);
    for (var k = 0; k < changed.length; k++) changed[k].hidden = !changed[k].hidden;
    if (detach) parent.insertBefore(list, next);
    var text = count === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
    status.textContent = text.replace("{count}", count);
    empty.hidden = count > 0;
    // The folded panel on phones still says how many filters are set.
    var set = wanted.filter(Boolean).length;
    if (active) active.textContent = set ? active.getAttribute("data-some").replace("{count}", set) : "";
  }

  function query() {
    var params = new URLSearchParams();
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "") + window.location.hash;
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      select.value = params.get(select.name) || "";
      if (select.selectedIndex < 0) select.value = "";  // unknown value in the URL
    });
  }

  function update() {
    apply();
    var next = query();
    if (next !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", next);
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  [].forEach.call(document.querySelectorAll("[data-member-reset]"), function (button) {
    button.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      update();
      (panel && !panel.open ? panel.querySelector("summary") : selects[0]).focus();
    });
  });
  window.addEventListener("popstate", function () {
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
  restore();
  apply();
})();
