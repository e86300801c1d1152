/* The search page: start Pagefind's UI (pagefind-ui.js from the index folder
   on this host; it labels its input in the page's language). Without
   JavaScript the page keeps its links to the directory and archives;
   nothing here is needed to reach any content. ?q=… starts a search. */
(function () {
  "use strict";
  function start() {
    var root = document.getElementById("suche");
    if (!root || typeof window.PagefindUI !== "function") {
      return;
    }
    var search = new window.PagefindUI({
      element: "#suche",
      bundlePath: new URL(root.getAttribute("data-bundle"), document.baseURI).pathname,
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
