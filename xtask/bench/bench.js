// The benchmark's host-page script: builds the page the query asks for, loads the widget (or
// the reference), and records when every headline has rendered, the layout shift, and memory.
(function () {
  var params = new URLSearchParams(location.search);
  var widget = document.currentScript.dataset.widget;
  var impl = params.get("impl");          // "wasm" or "js"
  var count = Number(params.get("n"));
  var distinct = params.get("distinct") === "1";
  // The bundle from the slow CDN route (its wasm half a second late).
  var slow = params.get("slow") === "1";
  // A page of pre-rendered snippets (xtask writes it): the widgets are in its HTML already.
  var prerendered = params.get("prerendered") === "1";
  var tag = impl === "wasm" ? "article-widget" : "reference-widget";
  // Layout shift: all of it, and the part after the first frame that showed every headline
  // (the widgets' own instability: photos, players, late content), apart from the one shift
  // of the host's text when the widgets first take up space.
  window.__shift = 0;
  window.__lateShift = 0;
  var settled = Infinity;
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (e.hadRecentInput) return;
      window.__shift += e.value;
      if (e.startTime > settled) window.__lateShift += e.value;
    });
  }).observe({ type: "layout-shift", buffered: true });
  // The main thread's long tasks (over 50 ms), for the total blocking time.
  window.__longTasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { window.__longTasks.push({ startTime: e.startTime, duration: e.duration }); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  // Total blocking time and the longest task: of the whole load, and after the load event
  // (while cards wake; before it, the host's own HTML is parsed and laid out).
  window.__blocking = function () {
    var loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
    var total = 0, longest = 0, longestAfterLoad = 0;
    window.__longTasks.forEach(function (t) {
      total += Math.max(0, t.duration - 50);
      longest = Math.max(longest, t.duration);
      if (t.startTime >= loaded) longestAfterLoad = Math.max(longestAfterLoad, t.duration);
    });
    return { tbt: total, longest: longest, longestAfterLoad: longestAfterLoad };
  };
  // Bytes of script (JS and wasm) the page has downloaded so far, but this file.
  window.__scriptBytes = function () {
    return performance.getEntriesByType("resource")
      .filter(function (e) { return /\.(m?js|wasm)(\?|$)/.test(e.name) && e.name.indexOf("/bench/") < 0; })
      .reduce(function (sum, e) { return sum + (e.encodedBodySize || 0); }, 0);
  };
  // From the reader's next click in widget `id` to what it asked for: "copy" (the status says
  // the link is copied) or "play" (the video's time moves). In window.__action, ms.
  window.__timeAction = function (id, what) {
    var widget = document.getElementById(id);
    window.__action = null;
    widget.addEventListener("click", function (event) {
      (function poll() {
        var root = widget.shadowRoot;
        var card = root.querySelector(".aw-host:not([hidden]):not([data-prerendered])");
        var done = false;
        if (card && what === "copy") done = !!(card.querySelector(".aw-share-status") || {}).textContent;
        if (card && what === "play") {
          var video = card.querySelector("video");
          done = !!video && !video.paused && video.currentTime > 0;
        }
        if (done) window.__action = performance.now() - event.timeStamp;
        else requestAnimationFrame(poll);
      })();
    }, { capture: true, once: true });
  };
  // First contentful paint, and when the bundle is ready.
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (e.name === "first-contentful-paint") window.__fcp = e.startTime;
    });
  }).observe({ type: "paint", buffered: true });
  (function bundle() {
    if (window.ArticleWidget && ArticleWidget.diagnostics && ArticleWidget.diagnostics()) window.__bundle = performance.now();
    else requestAnimationFrame(bundle);
  })();
  var article = document.getElementById("articles");
  for (var i = 0; !prerendered && i < count; i++) {
    var p = document.createElement("p");
    p.textContent = "Host page paragraph " + i + ": text above and below every widget, as in an article that quotes another.";
    article.appendChild(p);
    var w = document.createElement(tag);
    w.id = "w" + i;
    w.setAttribute("src", widget + (distinct ? "/__test/article-n/" + i + ".json" : "/demo/article.json"));
    w.setAttribute("loading", "eager");
    article.appendChild(w);
  }
  if (!prerendered) {
    var loader = document.createElement("script");
    loader.src = impl === "wasm" ? widget + (slow ? "/slow-cdn" : "") + "/embed.js" : widget + "/__bench/reference-widget.js";
    document.head.appendChild(loader);
  }
  function rendered() {
    var widgets = document.querySelectorAll(tag);
    for (var i = 0; i < widgets.length; i++) {
      var root = widgets[i].shadowRoot;
      var h = root && root.querySelector("[part=headline]");
      if (!h || !h.textContent) return false;
    }
    return widgets.length === count;
  }
  // Every card the widget's own (a pre-rendered one taken over, or the reference's).
  function live() {
    var widgets = document.querySelectorAll(tag);
    for (var i = 0; i < widgets.length; i++) {
      var root = widgets[i].shadowRoot;
      var headline = root && root.querySelector(impl === "wasm" ? ".aw-host:not([hidden]):not([data-prerendered]) [part=headline]" : "[part=headline]");
      if (!headline || !headline.textContent) return false;
    }
    return widgets.length === count;
  }
  (function livePoll() {
    if (live()) window.__live = performance.now();
    else requestAnimationFrame(livePoll);
  })();
  (function poll() {
    if (rendered()) {
      window.__rendered = performance.now();
      // The next animation frame starts after the frame that painted the headlines.
      requestAnimationFrame(function () { requestAnimationFrame(function (t) { settled = t; }); });
    } else requestAnimationFrame(poll);
  })();
})();
