/*
 * The benchmark's plain-JavaScript reference: the same job as the wasm widget, written the way a
 * careful developer would by hand. A custom element fetches the v1 JSON (one request per URL per
 * page), checks the required fields, and renders the same card with the same CSS into an open
 * shadow root. It is measured in the same run as the widget, so the ratio is fair.
 * The bench fills in the widget's stylesheet (the argument of replaceSync) when it serves this file.
 */
(function () {
  "use strict";
  var sheet = new CSSStyleSheet();
  sheet.replaceSync({{WIDGET_CSS}});
  var requests = new Map();

  function load(url) {
    if (!requests.has(url)) {
      requests.set(url, fetch(url, { credentials: "omit" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }));
    }
    return requests.get(url);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) if (attrs[name] != null) node.setAttribute(name, attrs[name]);
    (children || []).forEach(function (c) { if (c != null) node.append(c); });
    return node;
  }

  function safe(url, base) {
    try {
      var u = new URL(url, base);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }

  function render(root, a, base) {
    ["id", "url", "headline", "published"].forEach(function (f) {
      if (typeof a[f] !== "string" || !a[f].trim()) throw new Error(f + " is missing");
    });
    var lang = a.lang || "en";
    var url = safe(a.url, base);
    var crumbs = (a.breadcrumb || []).map(function (c) {
      var href = c.url && safe(c.url, base);
      return el("li", {}, [href ? el("a", { href: href }, [c.name]) : el("span", {}, [c.name])]);
    });
    var figure = null;
    if (a.image && safe(a.image.url, base)) {
      var caption = [a.image.caption, a.image.credit].filter(Boolean).join(" | ");
      figure = el("figure", { "class": "aw-figure", part: "figure" }, [
        el("img", { part: "image", src: safe(a.image.url, base), alt: a.image.alt || "", width: a.image.width, height: a.image.height }),
        caption ? el("figcaption", { part: "caption" }, [caption]) : null
      ]);
    }
    var date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(a.published));
    var shareText = (a.share && a.share.text) || a.headline;
    var enc = encodeURIComponent;
    var links = [
      ["x", "https://x.com/intent/tweet?url=" + enc(url) + "&text=" + enc(shareText)],
      ["facebook", "https://www.facebook.com/sharer/sharer.php?u=" + enc(url)],
      ["whatsapp", "https://wa.me/?text=" + enc(shareText + " " + url)],
      ["bluesky", "https://bsky.app/intent/compose?text=" + enc(shareText + " " + url)],
      ["linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + enc(url)],
      ["email", "mailto:?subject=" + enc(shareText) + "&body=" + enc(url)]
    ].map(function (n) {
      return el("li", {}, [el("a", { "class": "aw-share-button", part: "share-button", href: n[1], target: "_blank", rel: "noopener noreferrer" }, [n[0]])]);
    });
    var live = null;
    if (a.live && a.live.video && a.live.audio) {
      var video = el("video", { "class": "aw-player", part: "player", controls: "", preload: "none" }, [el("source", { src: safe(a.live.video.src, base) })]);
      var audio = el("audio", { "class": "aw-player", part: "player", controls: "", preload: "none", hidden: "" }, [el("source", { src: safe(a.live.audio.src, base) })]);
      var toVideo = el("button", { type: "button", "class": "aw-toggle-button", "aria-pressed": "true" }, ["Live"]);
      var toAudio = el("button", { type: "button", "class": "aw-toggle-button", "aria-pressed": "false" }, ["Audio only"]);
      toVideo.onclick = function () { video.hidden = false; audio.hidden = true; toVideo.setAttribute("aria-pressed", "true"); toAudio.setAttribute("aria-pressed", "false"); };
      toAudio.onclick = function () { video.hidden = true; audio.hidden = false; toVideo.setAttribute("aria-pressed", "false"); toAudio.setAttribute("aria-pressed", "true"); };
      live = el("section", { "class": "aw-live" }, [el("div", { "class": "aw-live-toggle", role: "group" }, [toVideo, toAudio]), video, audio]);
    }
    var count = a.comments ? a.comments.count : null;
    var comments = count == null ? null : el("p", { "class": "aw-comments", part: "comments" }, [
      el("a", { href: a.comments.url && safe(a.comments.url, base) }, [count + (count === 1 ? " Comment" : " Comments")])
    ]);
    var card = el("article", { "class": "aw-card", part: "card" }, [
      el("header", {}, [
        crumbs.length ? el("nav", { "class": "aw-breadcrumb", part: "breadcrumb" }, [el("ol", {}, crumbs)]) : null,
        a.label ? el("p", { "class": "aw-label", part: "label" }, [a.label]) : null,
        el("h2", { "class": "aw-headline", part: "headline" }, [el("a", { href: url }, [a.headline])])
      ]),
      figure,
      el("p", { "class": "aw-meta" }, [el("time", { part: "date", datetime: a.published }, ["Published " + date])]),
      a.summary ? el("p", { "class": "aw-lede", part: "lede" }, [a.summary]) : null,
      el("footer", { "class": "aw-footer" }, [el("ul", { "class": "aw-share-bar", part: "share-bar" }, links), live, comments])
    ]);
    root.replaceChildren(el("div", { "class": "aw", "data-theme": "auto", lang: lang }, [card]));
  }

  customElements.define("reference-widget", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [sheet];
      root.append(el("slot"));
      var src = new URL(this.getAttribute("src"), document.baseURI).href;
      load(src).then(function (a) { render(root, a, src); }).catch(function (e) {
        root.replaceChildren(el("p", { part: "error" }, [String(e.message)]), el("slot"));
      });
    }
  });
})();
