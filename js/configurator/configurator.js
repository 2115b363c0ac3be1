// The configurator: every change updates the live preview and the snippet a publisher copies.
(function () {
  "use strict";
  var NETWORKS = ["x", "facebook", "whatsapp", "bluesky", "linkedin", "telegram", "reddit", "threads", "mastodon", "email", "copy", "native"];
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
  }

  preview.addEventListener("article-widget:load", function (event) {
    articleUrl = event.detail.url;
    field("snippet").textContent = snippet(values());
  });
  field("options").addEventListener("input", update);
  field("options").addEventListener("change", update);
  field("copy").addEventListener("click", function () {
    navigator.clipboard.writeText(field("snippet").textContent).then(function () {
      field("copied").textContent = "Copied";
    }, function () {
      field("copied").textContent = "Select the snippet and copy it";
    });
  });
  update();
})();
