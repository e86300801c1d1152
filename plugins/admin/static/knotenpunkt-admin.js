/*
 * Knotenpunkt's additions to Decap CMS (loaded before decap-cms.js):
 *
 * - a file format per collection for Pelican's "Key: value" Markdown files
 *   (which no Decap format reads or writes): header lines in the order the
 *   field definitions give, lists comma-separated, empty fields left out,
 *   a blank line, then the text;
 * - before a new file is saved, its Slug (and so its file name) follows the
 *   project's German slug rules (Übergänge → uebergaenge, as
 *   plugins/i18n/slugs.py), which Decap's own slug options cannot do;
 * - a new podcast episode gets its Guid once (a random UUID); it is never
 *   changed afterwards (the field is hidden in the form).
 *
 * What each collection needs comes from the JSON in #knotenpunkt-admin,
 * generated with config.yml from the same content types.
 */
(function () {
  "use strict";

  window.CMS_MANUAL_INIT = true;

  var GERMAN = { "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss" };
  // letters NFKD does not take apart but Unidecode (Pelican's slugify) spells out
  var LATIN = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"
  };

  /** The German slug of a title, as plugins/i18n/slugs.py german_slug() makes it. */
  function germanSlug(text) {
    var value = String(text || "").replace(/[äöüÄÖÜß]/g, function (c) { return GERMAN[c]; });
    value = value.normalize("NFKC").replace(/[łŁøØđĐæÆœŒıþð]/g, function (c) { return LATIN[c]; });
    value = value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    value = value.replace(/[^A-Za-z0-9_\s-]/g, "");
    return value.trim().replace(/[-\s]+/g, "-").toLowerCase();
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  var META = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var META_MORE = /^(?:[ ]{4,}|\t)(.*)$/;

  /** A Pelican Markdown file → Decap's entry data ({Title: …, Competences: […], body: …}). */
  function parseFile(text, spec) {
    var canonical = {};
    spec.keys.forEach(function (key) { canonical[key.toLowerCase()] = key; });
    var lists = {};
    spec.lists.forEach(function (key) { lists[key.toLowerCase()] = true; });
    var lines = String(text || "").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
    var data = {};
    var current = null;
    var index = lines.length && lines[0].trim() === "---" ? 1 : 0;
    for (; index < lines.length; index++) {
      var line = lines[index];
      if (!line.trim()) {
        index++;
        break;
      }
      var meta = META.exec(line);
      var more = META_MORE.exec(line);
      if (meta) {
        current = canonical[meta[1].toLowerCase()] || meta[1];
        data[current] = meta[2].trim();
      } else if (more && current) {
        data[current] = (data[current] + " " + more[1].trim()).trim();
      } else {
        break;
      }
    }
    Object.keys(data).forEach(function (key) {
      if (lists[key.toLowerCase()]) {
        data[key] = data[key].split(",").map(function (v) { return v.trim(); }).filter(Boolean);
      }
    });
    data.body = lines.slice(index).join("\n");
    return data;
  }

  function oneLine(value) {
    return String(value).replace(/[\r\n]+/g, " ").trim();
  }

  function headerValue(value) {
    if (value === null || value === undefined) {
      return "";
    }
    if (Array.isArray(value)) {
      return value.map(oneLine).filter(Boolean).join(", ");
    }
    if (typeof value === "boolean") {
      return value ? "true" : "false";
    }
    return oneLine(value);
  }

  /** Decap's entry data → a Pelican Markdown file (known keys first, in their order). */
  function formatFile(data, spec) {
    var lines = [];
    var seen = { body: true };
    function emit(key) {
      if (seen[key] || !(key in data)) {
        return;
      }
      seen[key] = true;
      var value = headerValue(data[key]);
      if (value !== "") {
        lines.push(key + ": " + value);
      }
    }
    spec.keys.forEach(emit);
    Object.keys(data).forEach(emit);
    var body = String(data.body || "").replace(/\r\n?/g, "\n").replace(/^\n+/, "").replace(/\s+$/, "");
    return lines.join("\n") + "\n" + (body ? "\n" + body + "\n" : "");
  }

  /**
   * What to write before a file is saved: the Slug in German spelling (from
   * the title for a new file, so the file name follows it), and generated
   * values (a new episode's Guid) where none is written yet.
   */
  function changesBeforeSave(values, spec, isNew) {
    var changes = {};
    if (spec.slug) {
      var typed = values[spec.slug];
      if (typed) {
        changes[spec.slug] = germanSlug(typed);
      } else if (isNew) {
        // a title without a single Latin letter or digit still needs a file name
        changes[spec.slug] = germanSlug(values.Title) || "eintrag-" + Date.now();
      }
    }
    Object.keys(spec.generated).forEach(function (name) {
      if (spec.generated[name] === "uuid" && !values[name]) {
        changes[name] = uuid();
      }
    });
    return changes;
  }

  function readSpecs() {
    var element = document.getElementById("knotenpunkt-admin");
    return element ? JSON.parse(element.textContent).formats : {};
  }

  function setUp() {
    var CMS = window.CMS;
    var formats = readSpecs();
    // Decap's German "new entry" button starts with a full-width plus (U+FF0B)
    // that many system fonts lack; say it in words.
    var german = CMS.getLocale && CMS.getLocale("de");
    if (german && german.collection && german.collection.collectionTop) {
      german.collection.collectionTop.newButton = "Neu: %{collectionLabel}";
    }
    var byCollection = {};
    Object.keys(formats).forEach(function (name) {
      var spec = formats[name];
      byCollection[spec.collection] = spec;
      CMS.registerCustomFormat(name, "md", {
        fromFile: function (text) { return parseFile(text, spec); },
        toFile: function (data) { return formatFile(data, spec); }
      });
    });
    CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var entry = event.entry;
        var spec = byCollection[entry.get("collection")];
        if (!spec) {
          return undefined;
        }
        var data = entry.get("data");
        var changes = changesBeforeSave(data.toJS(), spec, Boolean(entry.get("newRecord")));
        Object.keys(changes).forEach(function (key) {
          data = data.set(key, changes[key]);
        });
        return data;
      }
    });
    CMS.init();
  }

  window.knotenpunktAdmin = {
    germanSlug: germanSlug,
    parseFile: parseFile,
    formatFile: formatFile,
    changesBeforeSave: changesBeforeSave,
    formats: readSpecs
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
