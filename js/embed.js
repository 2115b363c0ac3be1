/*! article-widget __ARTICLE_WIDGET_VERSION__ loader | MIT | the one stable, unhashed URL publishers copy */
/*
 * A classic script (async, defer or plain; in head or body; before or after the elements).
 * It defines <article-widget>, watches <div data-article-widget> elements, now and whenever a
 * page adds them, and loads the hashed bundle next to its own URL (the wasm, once) the first
 * time a widget needs it. A pre-rendered card needs it only when its `hydrate` mode says so:
 * until then it sleeps, whole and working, and costs the page this file alone. No eval, no
 * inline script or style: it runs under a strict CSP.
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
  // Their Subresource Integrity: a file changed on its way from the build (a tampered CDN) is
  // refused by the browser, never run.
  var BUNDLE_JS_INTEGRITY = "__ARTICLE_WIDGET_JS_SRI__";
  var BUNDLE_WASM_INTEGRITY = "__ARTICLE_WIDGET_WASM_SRI__";
  var HLS_INTEGRITY = "__ARTICLE_WIDGET_HLS_SRI__";
  var ATTRIBUTES = ["src", "theme", "lang", "layout", "share", "loading", "comments-api", "heading-level", "credentials", "format", "comments", "theme-preset", "hydrate"];
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
  var bundle = null; // the wasm's exports, once loaded
  var loading = null; // the promise of them, from the first widget that needs them
  // Widgets handed to the bundle (mounted, or waiting for it), and sleeping pre-rendered
  // cards with the function that disarms their wake-up.
  var live = new WeakSet();
  var sleeping = new WeakMap();
  var ready = false;
  // Calls made before the document was parsed: by a page that set up
  // `window.ArticleWidget = {q: []}` and pushed [method, argument] pairs, or made since.
  var queue = (existing && existing.q) || [];

  function later(method) {
    return function (argument) {
      if (ready) return api[method](argument);
      queue.push([method, argument]);
    };
  }

  var api = {
    scan: function (root) {
      root = root || document;
      if (root.nodeType === 1 && isWidget(root)) connect(root);
      root.querySelectorAll(SELECTOR).forEach(connect);
    },
    mount: wake,
    unmount: forget
  };

  window.ArticleWidget = {
    loaded: true,
    version: 1,
    // The release (Cargo.toml's version), the same as diagnostics().version once loaded.
    release: RELEASE,
    scan: later("scan"),
    mount: later("mount"),
    unmount: later("unmount"),
    // { mounted, wasmMemoryBytes, version } once loaded, else null: for leak checks and benchmarks.
    diagnostics: function () { return bundle ? bundle.diagnostics() : null; },
    // The stylesheet a pre-rendered snippet carries (the configurator's), once loaded, else null.
    stylesheet: function () { return bundle ? bundle.stylesheet() : null; }
  };

  function setting(element, name) {
    return element.getAttribute(element.localName === "article-widget" ? name : "data-" + name);
  }

  function isWidget(node) {
    return node.nodeType === 1 && node.matches(SELECTOR);
  }

  // The card a server rendered into the element's declarative shadow root, until the live
  // card takes its place.
  function prerenderedCard(element) {
    return element.shadowRoot && element.shadowRoot.querySelector(".aw-host[data-prerendered]");
  }

  // While the page is still being parsed, an element without a shadow root may be a
  // pre-rendered card whose <template> has not arrived: it is whole once something follows it.
  function parsed(element) {
    if (document.readyState !== "loading") return true;
    for (var node = element; node; node = node.parentNode) if (node.nextSibling) return true;
    return false;
  }

  // A widget element met for the first time: a plain one is mounted; a pre-rendered card
  // sleeps until its `hydrate` mode wakes it.
  function connect(element) {
    if (live.has(element) || sleeping.has(element)) return;
    if (!prerenderedCard(element)) return wake(element);
    element.addEventListener("click", recordActivation, true);
    var mode = (setting(element, "hydrate") || "").toLowerCase();
    if (mode === "load") return wake(element);
    sleeping.set(element, (mode === "idle" ? whenIdle : mode === "visible" ? whenVisible : onIntent)(element));
  }

  // `interaction`: the first sign that a reader is reaching for this card.
  var INTENT = ["pointerover", "focusin", "touchstart"];
  function onIntent(element) {
    function go() { wake(element); }
    INTENT.forEach(function (type) { element.addEventListener(type, go, { capture: true, passive: true }); });
    return function () {
      INTENT.forEach(function (type) { element.removeEventListener(type, go, true); });
    };
  }

  // One observer for what waits for an element to come within a viewport of the screen (the
  // margin of `loading="lazy"`): `visible` cards, and the early requests of lazy widgets.
  // Returns the function that stops waiting.
  var nearActions = new WeakMap();
  var nearObserver = null;
  function whenNear(element, action) {
    nearObserver = nearObserver || new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var act = entry.isIntersecting && nearActions.get(entry.target);
        if (!act) return;
        nearActions.delete(entry.target);
        nearObserver.unobserve(entry.target);
        act(entry.target);
      });
    }, { rootMargin: "100% 0px" });
    nearActions.set(element, action);
    nearObserver.observe(element);
    return function () {
      nearActions.delete(element);
      nearObserver.unobserve(element);
    };
  }

  // `visible`: near the viewport.
  function whenVisible(element) {
    return typeof IntersectionObserver === "function" ? whenNear(element, wake) : onIntent(element);
  }

  // `idle`: after the page's load event, when the main thread has nothing else to do; one
  // card an idle period.
  function whenIdle(element) {
    var cancelled = false;
    function go() { if (!cancelled) wake(element); }
    function schedule() {
      if (window.requestIdleCallback) requestIdleCallback(go, { timeout: 5000 });
      else setTimeout(go, 200);
    }
    if (document.readyState === "complete") schedule();
    else window.addEventListener("load", schedule, { once: true });
    return function () { cancelled = true; };
  }

  // The reader's first activation of a control in a card that is not live yet (asleep, or
  // waking): the live card carries it out once it has taken the pre-rendered one's place
  // (`takeover::swap` clicks the control at the same place). Links need nothing: they work
  // without the bundle.
  function recordActivation(event) {
    var card = prerenderedCard(this);
    if (!card) return this.removeEventListener("click", recordActivation, true);
    var path = event.composedPath();
    for (var i = 0; i < path.length && path[i] !== card; i++) {
      var button = path[i];
      if (button.localName === "button") {
        // The clipboard takes a write only during the click: Copy link copies now, and the
        // live card reports how it went (`takeCopy`).
        if (button.getAttribute("data-network") === "copy" && button.value && navigator.clipboard) {
          try {
            copies[button.value] = navigator.clipboard.writeText(button.value);
            copies[button.value].catch(function () {});
          } catch (e) {}
        }
        var index = Array.prototype.indexOf.call(card.querySelectorAll("*"), button);
        card.setAttribute("data-activated", String(index));
        wake(this);
        return;
      }
    }
  }

  var copies = {};
  function takeCopy(text) {
    var written = copies[text];
    delete copies[text];
    return written;
  }

  function wake(element) {
    if (live.has(element)) return;
    var disarm = sleeping.get(element);
    sleeping.delete(element);
    if (disarm) disarm();
    live.add(element);
    if (failure) return reportFailure(element);
    if (!bundle) requestEarly(element);
    toMount.push(element);
    loadBundle();
    mountSoon();
  }

  function forget(element) {
    var disarm = sleeping.get(element);
    sleeping.delete(element);
    if (disarm) disarm();
    live.delete(element);
    var waiting = toMount.indexOf(element);
    if (waiting >= 0) toMount.splice(waiting, 1);
    if (bundle) bundle.unmount(element);
  }

  // Mounting yields to the host page: widgets are mounted in slices of a few milliseconds,
  // each in its own task, so that a page of a hundred never sees one long task.
  var toMount = [];
  var sliceEnds = 0;
  var sliceScheduled = false;
  function mountSoon() {
    if (!bundle || sliceScheduled) return;
    if (performance.now() < sliceEnds || !sliceEnds) return mountSlice();
    sliceScheduled = true;
    setTimeout(function () {
      sliceScheduled = false;
      sliceEnds = 0;
      mountSlice();
    }, 0);
  }
  function mountSlice() {
    if (!sliceEnds) {
      sliceEnds = performance.now() + 8;
      setTimeout(function () { sliceEnds = 0; }, 0);
    }
    while (toMount.length && performance.now() < sliceEnds) {
      var element = toMount.shift();
      if (element.isConnected && live.has(element)) bundle.mount(element);
    }
    if (toMount.length) mountSoon();
  }

  // Given to the wasm: whose turn it is to build a card (a widget builds it once its article
  // is there). The turns come a few cards a task: as many as keep a task and the frame after
  // it within 40 to 80 ms, measured as they go (one card at first), so that a page of a
  // hundred widgets neither builds them all in one long task nor pays a style and layout pass
  // for every card.
  var turns = [];
  var turnsGiven = false;
  function takeTurn() {
    return new Promise(function (resolve) {
      turns.push(resolve);
      if (!turnsGiven) {
        turnsGiven = true;
        setTimeout(giveTurns, 0, 1, 0);
      }
    });
  }
  function giveTurns(batch, started) {
    var now = performance.now();
    var took = now - started;
    if (started) batch = took < 40 ? Math.min(batch * 2, 64) : took > 80 ? Math.max(batch >> 1, 1) : batch;
    turns.splice(0, batch).forEach(function (resolve) { resolve(); });
    if (turns.length) setTimeout(giveTurns, 0, batch, now);
    else turnsGiven = false;
  }

  // Article requests started before the wasm is ready, so that each JSON downloads while the
  // wasm does instead of after it: for eager widgets at once, lazy ones when they come near
  // the viewport (the same margin the widget uses). The wasm takes them over by URL and
  // credentials; one nobody takes within 10 s is aborted.
  var early = {};

  function earlyKey(url, credentials) {
    try {
      var parsedUrl = new URL(url, document.baseURI);
      if (parsedUrl.protocol !== "https:" && parsedUrl.protocol !== "http:") return null;
      return credentials + " " + parsedUrl.href;
    } catch (e) {
      return null;
    }
  }

  function requestEarly(element) {
    if (typeof AbortController !== "function") return;
    if ((setting(element, "loading") || "").toLowerCase() !== "eager" && !prerenderedCard(element)) {
      if (typeof IntersectionObserver === "function") {
        whenNear(element, function (target) { if (!bundle) fetchEarly(target); });
      }
      return;
    }
    fetchEarly(element);
  }

  function fetchEarly(element) {
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
      hlsPlayer = importChecked(HLS_PLAYER, HLS_INTEGRITY).then(function (module) {
        return module.default;
      });
      hlsPlayer.catch(function () { hlsPlayer = null; });
    }
    return hlsPlayer;
  }

  // An element moved within the page is disconnected and reconnected in one task; only an
  // element still out of the document after that is forgotten.
  function forgetIfGone(element) {
    queueMicrotask(function () {
      if (!element.isConnected) forget(element);
    });
  }

  // An attribute changed on a connected widget: a live one re-reads its attributes; a
  // sleeping card is woken to show the change, or, for `hydrate`, waits for its new moment.
  function changed(element, name) {
    if (live.has(element)) {
      if (bundle) bundle.attributeChanged(element);
    } else if (sleeping.has(element)) {
      if (name === "hydrate" || name === "data-hydrate") {
        sleeping.get(element)();
        sleeping.delete(element);
        connect(element);
      } else {
        wake(element);
      }
    }
  }

  var defining = false;
  function defineElement() {
    if (customElements.get("article-widget")) return;
    function ArticleWidgetElement() {
      return Reflect.construct(HTMLElement, [], ArticleWidgetElement);
    }
    ArticleWidgetElement.prototype = Object.create(HTMLElement.prototype);
    ArticleWidgetElement.prototype.constructor = ArticleWidgetElement;
    Object.setPrototypeOf(ArticleWidgetElement, HTMLElement);
    ArticleWidgetElement.observedAttributes = ATTRIBUTES;
    ArticleWidgetElement.prototype.connectedCallback = function () { connect(this); };
    ArticleWidgetElement.prototype.disconnectedCallback = function () { forgetIfGone(this); };
    ArticleWidgetElement.prototype.attributeChangedCallback = function (name, before, after) {
      // The elements upgraded by define() below report the attributes they already had.
      if (before !== after && this.isConnected && !defining) changed(this, name);
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
    defining = true;
    try {
      customElements.define("article-widget", ArticleWidgetElement);
    } finally {
      defining = false;
    }
  }

  // The <div data-article-widget> form has no lifecycle callbacks; a MutationObserver stands
  // in for them.
  function observeDataForm() {
    var dataAttributes = ATTRIBUTES.map(function (name) { return "data-" + name; });
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "attributes") {
          var target = record.target;
          if (target.hasAttribute("data-article-widget") && target.isConnected) changed(target, record.attributeName);
          return;
        }
        record.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1 || node.localName === "article-widget") return;
          if (isWidget(node)) connect(node);
          node.querySelectorAll("[data-article-widget]").forEach(connect);
        });
        record.removedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.hasAttribute("data-article-widget")) forgetIfGone(node);
          node.querySelectorAll("[data-article-widget]").forEach(forgetIfGone);
        });
      });
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: dataAttributes
    });
  }

  // A module of the bundle, checked against its integrity: import() takes none, so a
  // modulepreload link fetches and checks it first, and import() then finds it in the page's
  // module map (a module that failed the check is not fetched again).
  function importChecked(name, integrity) {
    var href = new URL(name, base).href;
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.integrity = integrity;
      link.href = href;
      link.onload = resolve;
      link.onerror = function () { reject(new Error(name + " failed its integrity check or could not be loaded")); };
      (document.head || document.documentElement).appendChild(link);
    }).then(function () { return import(href); });
  }

  // Tells each widget waiting for the bundle that it will not come: the publisher's fallback
  // (or the pre-rendered card) stays, and the page goes on.
  var failure = null;
  function reportFailure(element) {
    element.dispatchEvent(new CustomEvent("article-widget:error", {
      bubbles: true,
      composed: true,
      detail: { message: "the widget's code could not be loaded from " + base.href + " (" + failure + ")" }
    }));
  }

  // The wasm is fetched and compiled while the JS glue loads, not after it: the two downloads
  // overlap. If streaming compilation is refused (a CDN serving the wasm with the wrong MIME
  // type), the glue gets the response instead and takes its slower path.
  function loadBundle() {
    if (loading) return;
    var wasmUrl = new URL(BUNDLE_WASM, base);
    function fetchWasm() { return fetch(wasmUrl, { integrity: BUNDLE_WASM_INTEGRITY }); }
    var wasm = WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetchWasm()).catch(fetchWasm)
      : fetchWasm();
    // Handled below, through the glue; this keeps a failed download from also being reported
    // as an unhandled rejection when the glue fails first.
    wasm.catch(function () {});
    loading = importChecked(BUNDLE_JS, BUNDLE_JS_INTEGRITY)
      .then(function (module) {
        return module.default({ module_or_path: wasm }).then(function () {
          bundle = module;
          bundle.connect({ takeEarly: takeEarly, takeTurn: takeTurn, takeCopy: takeCopy, loadHls: loadHls });
          stopEarlyRequests();
          // In a task of its own: starting the wasm is one task, the first widgets another.
          setTimeout(mountSoon, 0);
        });
      })
      .catch(function (error) {
        console.error("article-widget: the bundle could not be loaded from " + base.href, error);
        failure = (error && error.message) || String(error);
        var waiting = toMount;
        toMount = [];
        waiting.forEach(reportFailure);
      });
  }

  // Widgets already parsed start now, so that the bundle and their articles download while
  // the rest of the page is parsed; everything else once it is.
  document.querySelectorAll(SELECTOR).forEach(function (element) {
    if (parsed(element)) connect(element);
  });

  function start() {
    ready = true;
    defineElement();
    observeDataForm();
    api.scan(document);
    var pending = queue;
    queue = [];
    pending.forEach(function (entry) { if (api[entry[0]]) api[entry[0]](entry[1]); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
