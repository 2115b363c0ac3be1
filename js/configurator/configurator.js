// The configurator: every change updates the live preview and the snippet a publisher copies.
(function () {
  "use strict";
  // The share table's networks (src/model/share.rs), the default ones first; a test checks both lists.
  var NETWORKS = ["x", "facebook", "whatsapp", "bluesky", "linkedin", "email", "copy", "telegram", "reddit", "threads", "mastodon", "native"];
  var DEFAULT_SHARE = "x,facebook,whatsapp,bluesky,linkedin,email,copy";
  var loader = document.querySelector('script[src$="/embed.js"]').src;
  var preview = document.getElementById("preview");
  var field = function (id) { return document.getElementById(id); };
  var articleUrl = null;

  var box = field("networks");
  NETWORKS.forEach(function (id) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.value = id;
    input.checked = DEFAULT_SHARE.split(",").indexOf(id) >= 0;
    label.append(input, " " + id);
    box.append(label);
  });

  function values() {
    var share = Array.prototype.filter.call(box.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; }).join(",");
    return {
      attributes: [
        ["src", field("src").value.trim()],
        ["theme", field("theme").value === "auto" ? null : field("theme").value],
        ["theme-preset", field("preset").value === "default" ? null : field("preset").value],
        ["layout", field("layout").value === "card" ? null : field("layout").value],
        ["lang", field("lang").value.trim() || null],
        ["share", share === DEFAULT_SHARE ? null : (share || "none")]
      ],
      tokens: [
        ["--aw-color-accent", field("use-accent").checked ? field("accent").value : null],
        ["--aw-font-heading", field("font-heading").value || null],
        ["--aw-font-body", field("font-body").value || null]
      ]
    };
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function snippet(v) {
    var attributes = v.attributes.filter(function (a) { return a[1]; })
      .map(function (a) { return " " + a[0] + '="' + escape(a[1]) + '"'; }).join("");
    var lines = [
      '<script async src="' + escape(loader) + '"></script>',
      "<article-widget" + attributes + ">",
      '  <a href="' + escape(articleUrl || v.attributes[0][1]) + '">Read the article</a>',
      "</article-widget>"
    ];
    var tokens = v.tokens.filter(function (t) { return t[1]; });
    if (tokens.length) {
      lines.push("<style>", "  article-widget {");
      tokens.forEach(function (t) { lines.push("    " + t[0] + ": " + t[1] + ";"); });
      lines.push("  }", "</style>");
    }
    return lines.join("\n");
  }

  // The pre-rendered snippet: the preview's card as the widget drew it (the same components
  // the `article-widget-render` command prints), in a declarative shadow root with the
  // widget's stylesheet, then the article's link as the fallback. Null until it has loaded.
  function prerendered(v) {
    var root = preview.shadowRoot;
    var frame = root && root.querySelector(".aw-host:not([hidden])");
    var card = frame && frame.querySelector(".aw[data-state=loaded]");
    var css = window.ArticleWidget && ArticleWidget.stylesheet && ArticleWidget.stylesheet();
    if (!card || !css) return null;
    var host = frame.cloneNode(true);
    host.setAttribute("data-prerendered", "");
    var headline = card.querySelector("[part=headline]");
    var lines = snippet(v).split("\n");
    // When the card becomes live: `interaction`, the default, needs no attribute.
    var hydrate = field("hydrate").value;
    if (hydrate !== "interaction") lines[1] = lines[1].replace(/>$/, ' hydrate="' + hydrate + '">');
    // The plain snippet's fallback line becomes the shadow root and the article's own link.
    var fallback = lines.findIndex(function (l) { return l.indexOf("  <a href=") === 0; });
    lines.splice(fallback, 1,
      '  <template shadowrootmode="open"><style>' + css + "</style>" + host.outerHTML + "</template>",
      '  <a href="' + escape(articleUrl || v.attributes[0][1]) + '">' + escape(headline ? headline.textContent : "Read the article") + "</a>");
    return lines.join("\n");
  }

  function showPrerendered() {
    var text = prerendered(values());
    field("snippet-prerendered").textContent = text || "";
    field("copy-prerendered").disabled = !text;
    field("style-hash").textContent = "";
    if (!text || !window.crypto || !crypto.subtle) return;
    crypto.subtle.digest("SHA-256", new TextEncoder().encode(ArticleWidget.stylesheet())).then(function (digest) {
      var hash = btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
      field("style-hash").textContent = "style-src 'sha256-" + hash + "'";
    });
  }

  function update() {
    var v = values();
    v.attributes.forEach(function (a) {
      if (a[1]) preview.setAttribute(a[0], a[1]);
      else preview.removeAttribute(a[0]);
    });
    v.tokens.forEach(function (t) {
      if (t[1]) preview.style.setProperty(t[0], t[1]);
      else preview.style.removeProperty(t[0]);
    });
    field("snippet").textContent = snippet(v);
    // The card redraws after an attribute change: read it once it has.
    requestAnimationFrame(showPrerendered);
  }

  preview.addEventListener("article-widget:load", function (event) {
    articleUrl = event.detail.url;
    field("snippet").textContent = snippet(values());
    setTimeout(showPrerendered, 0);
  });
  field("options").addEventListener("input", update);
  field("options").addEventListener("change", update);
  field("hydrate").addEventListener("change", showPrerendered);
  field("copy").addEventListener("click", function () {
    navigator.clipboard.writeText(field("snippet").textContent).then(function () {
      field("copied").textContent = "Copied";
    }, function () {
      field("copied").textContent = "Select the snippet and copy it";
    });
  });
  field("copy-prerendered").addEventListener("click", function () {
    navigator.clipboard.writeText(field("snippet-prerendered").textContent).then(function () {
      field("copied-prerendered").textContent = "Copied";
    }, function () {
      field("copied-prerendered").textContent = "Select the snippet and copy it";
    });
  });
  update();
})();
