/* Knotenpunkt podcast pages: chapter links seek the player, the copy button
   copies the feed address. No framework; without JavaScript the chapter links
   are media-fragment links (#t=) and the feed address is selectable text. */
(function () {
  "use strict";

  function seek(player, seconds) {
    function go() {
      player.currentTime = seconds;
      var playing = player.play();
      if (playing && playing.catch) {
        playing.catch(function () { /* autoplay refused: position is set anyway */ });
      }
    }
    if (player.readyState >= 1) {
      go();
    } else {
      player.preload = "metadata";
      player.addEventListener("loadedmetadata", go, { once: true });
      player.load();
    }
  }

  var player = document.getElementById("episode-player");
  if (player) {
    document.querySelectorAll("a[data-seek]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var seconds = parseFloat(link.getAttribute("data-seek"));
        if (isNaN(seconds)) { return; }
        event.preventDefault();
        seek(player, seconds);
      });
    });
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("copy-status");
    if (!source) { return; }
    button.hidden = false;
    function announce(text) {
      if (!status) { return; }
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
    function fallback() {
      selectText(source);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      announce(button.getAttribute(copied ? "data-copied" : "data-failed"));
    }
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          announce(button.getAttribute("data-copied"));
        }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
