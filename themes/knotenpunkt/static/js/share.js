/* Share on Mastodon: the visitor names their own instance; the browser then
   opens that instance's share page. Without JavaScript the form still posts
   to mastodon.social. Nothing is requested before the visitor submits. */
(function () {
  "use strict";
  var HOST = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i;
  Array.prototype.forEach.call(document.querySelectorAll("form.share__mastodon"), function (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("input[name=instance]");
      var host = (field.value || "").trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
      event.preventDefault();
      if (!HOST.test(host)) {
        field.setAttribute("aria-invalid", "true");
        field.focus();
        return;
      }
      field.removeAttribute("aria-invalid");
      var text = form.getAttribute("data-share-text") || "";
      window.location.href = "https://" + host + "/share?text=" + encodeURIComponent(text);
    });
  });
})();
