/*! article-widget __ARTICLE_WIDGET_VERSION__ loader | MIT | the one stable, unhashed URL publishers copy */
/*
 * A classic script (async, defer or plain; in head or body; before or after the elements).
 * It finds the hashed bundle next to its own URL, loads the wasm once, defines
 * <article-widget>, and mounts <div data-article-widget> elements, now and whenever a page
 * adds them. No eval, no inline script or style: it runs under a strict CSP.
 *
 * The release and the three names below are filled in by the build (`cargo xtask finish-bundle`, a Trunk hook),
 * which also minifies this file; only the line above ships as a comment.
 */
(function () {
  "use strict";
  var RELEASE = "__ARTICLE_WIDGET_VERSION__";
  var BUNDLE_JS = "__ARTICLE_WIDGET_JS__";
  var BUNDLE_WASM = "__ARTICLE_WIDGET_WASM__";
  // hls.js (a module), for HLS streams where the browser has no HLS of its own.
  var HLS_PLAYER = "__ARTICLE_WIDGET_HLS__";
  var ATTRIBUTES = ["src", "theme", "lang", "layout", "share", "loading", "comments-api", "heading-level", "credentials", "format", "comments", "theme-preset"];
  var SELECTOR = "article-widget, [data-article-widget]";

  // Below the supported browsers (see the README's browser support), the loader does nothing:
  // the publisher's fallback markup stays and the page goes on.
  if (!window.customElements || !window.WebAssembly || !window.fetch || !Element.prototype.attachShadow) {
    return;
  }

  var existing = window.ArticleWidget;
  // Included twice: the first copy already owns the page.
  if (existing && existing.loaded) return;

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI);
  // Calls made before this script ran, by a page that set up `window.ArticleWidget = {q: []}`
  // and pushed [method, argument] pairs, and calls made while the wasm loads.
  var queue = (existing && existing.q) || [];
  var bundle = null;

  function call(method, argument) {
    if (bundle) return bundle[method](argument);
    queue.push([method, argument]);
  }

  window.ArticleWidget = {
    loaded: true,
    version: 1,
    // The release (Cargo.toml's version), the same as diagnostics().version once loaded.
    release: RELEASE,
    scan: function (root) { call("scan", root || document); },
    mount: function (element) { call("mount", element); },
    unmount: function (element) { call("unmount", element); },
    // { mounted, wasmMemoryBytes } once loaded, else null: for leak checks and benchmarks.
    diagnostics: function () { return bundle ? bundle.diagnostics() : null; },
    // The stylesheet a pre-rendered snippet carries (the configurator's), once loaded, else null.
    stylesheet: function () { return bundle ? bundle.stylesheet() : null; }
  };

  // Article requests started before the wasm is ready, so that each JSON downloads while the
  // wasm does instead of after it: for the widgets already in the page, eager ones at once and
  // lazy ones when they come near the viewport (the same margin the widget uses). The wasm
  // takes them over by URL and credentials; one nobody takes within 10 s is aborted.
  var early = {};
  var earlyObserver = null;

  function setting(element, name) {
    return element.getAttribute(element.localName === "article-widget" ? name : "data-" + name);
  }

  function earlyKey(url, credentials) {
    try {
      var parsed = new URL(url, document.baseURI);
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
      return credentials + " " + parsed.href;
    } catch (e) {
      return null;
    }
  }

  function requestEarly(element) {
    var src = setting(element, "src");
    var credentials = (setting(element, "credentials") || "").toLowerCase() === "include" ? "include" : "omit";
    var key = src && earlyKey(src, credentials);
    if (!key || early[key]) return;
    var controller = new AbortController();
    var response = fetch(key.slice(credentials.length + 1), {
      credentials: credentials,
      mode: "cors",
      headers: { Accept: "application/json" },
      signal: controller.signal
    });
    response.catch(function () {}); // the widget reports failures when it takes the response
    early[key] = { response: response, controller: controller };
  }

  function startEarlyRequests() {
    if (typeof AbortController !== "function") return;
    var lazy = [];
    document.querySelectorAll(SELECTOR).forEach(function (element) {
      if ((setting(element, "loading") || "").toLowerCase() === "eager") requestEarly(element);
      else lazy.push(element);
    });
    if (!lazy.length || typeof IntersectionObserver !== "function") return;
    earlyObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        earlyObserver.unobserve(entry.target);
        requestEarly(entry.target);
      });
    }, { rootMargin: "100% 0px" });
    lazy.forEach(function (element) { earlyObserver.observe(element); });
  }

  // Given to the wasm: the early response for this request, once, with the widget's abort
  // signal (timeout, unmount) passed on to it.
  function takeEarly(url, credentials, signal) {
    var key = earlyKey(url, credentials);
    var entry = key && early[key];
    if (!entry) return undefined;
    delete early[key];
    if (signal) signal.addEventListener("abort", function () { entry.controller.abort(); }, { once: true });
    return entry.response;
  }

  function stopEarlyRequests() {
    if (earlyObserver) earlyObserver.disconnect();
    setTimeout(function () {
      Object.keys(early).forEach(function (key) { early[key].controller.abort(); });
      early = {};
    }, 10000);
  }

  // Given to the wasm: imports hls.js the first time a reader presses Play on an HLS stream
  // the browser cannot play itself, once per page (a failed import may be tried again). A
  // module from the bundle's origin: nothing is added to the page's globals, and a strict CSP
  // that lets the bundle in lets it in.
  var hlsPlayer = null;
  function loadHls() {
    if (!hlsPlayer) {
      hlsPlayer = import(new URL(HLS_PLAYER, base).href).then(function (module) {
        return module.default;
      });
      hlsPlayer.catch(function () { hlsPlayer = null; });
    }
    return hlsPlayer;
  }

  function isWidget(node) {
    return node.nodeType === 1 && node.matches(SELECTOR);
  }

  // An element moved within the page is disconnected and reconnected in one task; only an
  // element still out of the document after that is unmounted.
  function unmountIfGone(element) {
    queueMicrotask(function () {
      if (!element.isConnected) bundle.unmount(element);
    });
  }

  function defineElement() {
    if (customElements.get("article-widget")) return;
    function ArticleWidgetElement() {
      return Reflect.construct(HTMLElement, [], ArticleWidgetElement);
    }
    ArticleWidgetElement.prototype = Object.create(HTMLElement.prototype);
    ArticleWidgetElement.prototype.constructor = ArticleWidgetElement;
    Object.setPrototypeOf(ArticleWidgetElement, HTMLElement);
    ArticleWidgetElement.observedAttributes = ATTRIBUTES;
    ArticleWidgetElement.prototype.connectedCallback = function () { bundle.mount(this); };
    ArticleWidgetElement.prototype.disconnectedCallback = function () { unmountIfGone(this); };
    ArticleWidgetElement.prototype.attributeChangedCallback = function (name, before, after) {
      if (before !== after && this.isConnected) bundle.attributeChanged(this);
    };
    // Properties reflect attributes: `element.theme = "dark"` sets theme="dark".
    ATTRIBUTES.forEach(function (name) {
      if (name === "lang") return; // HTMLElement already reflects lang
      var property = name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
      Object.defineProperty(ArticleWidgetElement.prototype, property, {
        get: function () { return this.getAttribute(name); },
        set: function (value) {
          if (value === null || value === undefined) this.removeAttribute(name);
          else this.setAttribute(name, String(value));
        }
      });
    });
    customElements.define("article-widget", ArticleWidgetElement);
  }

  // The <div data-article-widget> form has no lifecycle callbacks; a MutationObserver stands
  // in for them.
  function observeDataForm() {
    var dataAttributes = ATTRIBUTES.map(function (name) { return "data-" + name; });
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "attributes") {
          var target = record.target;
          if (target.hasAttribute("data-article-widget") && target.isConnected) bundle.attributeChanged(target);
          return;
        }
        record.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1 || node.localName === "article-widget") return;
          if (isWidget(node)) bundle.mount(node);
          node.querySelectorAll("[data-article-widget]").forEach(function (el) { bundle.mount(el); });
        });
        record.removedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.hasAttribute("data-article-widget")) unmountIfGone(node);
          node.querySelectorAll("[data-article-widget]").forEach(unmountIfGone);
        });
      });
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: dataAttributes
    });
  }

  function start(exports) {
    bundle = exports;
    bundle.setEarlyRequests(takeEarly);
    bundle.setStreamPlayer(loadHls);
    stopEarlyRequests();
    defineElement();
    observeDataForm();
    bundle.scan(document);
    var pending = queue;
    queue = [];
    pending.forEach(function (entry) { call(entry[0], entry[1]); });
  }

  // The wasm is fetched and compiled while the JS glue loads, not after it: the two downloads
  // overlap. If streaming compilation is refused (a CDN serving the wasm with the wrong MIME
  // type), the glue gets the response instead and takes its slower path.
  var wasmUrl = new URL(BUNDLE_WASM, base);
  var wasm = WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(function () { return fetch(wasmUrl); })
    : fetch(wasmUrl);
  // Handled below, through the glue; this keeps a failed download from also being reported as
  // an unhandled rejection when the glue fails first.
  wasm.catch(function () {});
  startEarlyRequests();

  import(new URL(BUNDLE_JS, base).href)
    .then(function (module) {
      return module.default({ module_or_path: wasm }).then(function () {
        return module;
      });
    })
    .then(function (module) {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { start(module); }, { once: true });
      } else {
        start(module);
      }
    })
    .catch(function (error) {
      // The publisher's fallback content stays; the page goes on.
      console.error("article-widget: the bundle could not be loaded from " + base.href, error);
    });
})();
