/* Two-click consent for external media (embeds plugin).
   The page shows a notice and a link; only after a click on the button does
   this script create the provider's iframe. It loads nothing but the players
   listed in ALLOWED (the same list as plugins/embeds/providers.py), whatever
   the page's markup says. No cookies, no storage, no framework. */
(function () {
  "use strict";
  var ALLOWED = {
    youtube: "https://www.youtube-nocookie.com/embed/",
    vimeo: "https://player.vimeo.com/video/",
    soundcloud: "https://w.soundcloud.com/player/",
    spotify: "https://open.spotify.com/embed/"
  };

  function allowedSource(provider, src) {
    if (!Object.prototype.hasOwnProperty.call(ALLOWED, provider)) return null;
    var url;
    try { url = new URL(src); } catch (e) { return null; }
    if (url.protocol !== "https:") return null;
    return (url.origin + url.pathname).indexOf(ALLOWED[provider]) === 0 ? url.href : null;
  }

  function load(box, src) {
    var frame = document.createElement("iframe");
    frame.className = "embed__frame";
    frame.src = src;
    frame.title = box.getAttribute("data-embed-title") || "";
    frame.setAttribute("allow", "encrypted-media; fullscreen; picture-in-picture");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("tabindex", "0");
    box.textContent = "";
    box.appendChild(frame);
    box.classList.add("embed--loaded");
    frame.focus();
  }

  var boxes = document.querySelectorAll("figure.embed[data-embed-src]");
  Array.prototype.forEach.call(boxes, function (box) {
    var src = allowedSource(box.getAttribute("data-embed-provider"), box.getAttribute("data-embed-src"));
    var button = box.querySelector("button.embed__load");
    if (!src || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () { load(box, src); });
  });
})();
