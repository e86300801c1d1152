/* The search page: start Pagefind's UI (pagefind-ui.js from the index folder
   on this host; it labels its input in the page's language). Without
   JavaScript the page keeps its links to the directory and archives;
   nothing here is needed to reach any content. ?q=… starts a search. */
(function () {
  "use strict";
  // Pagefind 1.5's UI lists only the filters a search has already loaded when
  // the first search answers before the UI's own filters() call (a slow
  // phone): the Kompetenz filter was then missing. Loading the filters into
  // the same module first (the UI imports the same URL) avoids that race.
  function loadFilters(bundlePath) {
    return import(bundlePath + "pagefind.js")
      .then(function (pagefind) {
        return pagefind.filters();
      })
      .catch(function () {
        return null; // the UI reports a missing index itself
      });
  }
  function start() {
    var root = document.getElementById("suche");
    if (!root || typeof window.PagefindUI !== "function") {
      return;
    }
    var bundlePath = new URL(root.getAttribute("data-bundle"), document.baseURI).pathname;
    loadFilters(bundlePath).then(function () {
      show(root, bundlePath);
    });
  }
  function show(root, bundlePath) {
    var search = new window.PagefindUI({
      element: "#suche",
      bundlePath: bundlePath,
      baseUrl: root.getAttribute("data-base-url") || "/",
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: false,
      translations: { placeholder: root.getAttribute("data-placeholder") || "" },
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      search.triggerSearch(query);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
