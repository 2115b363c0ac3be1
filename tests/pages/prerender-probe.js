// Loaded right after the pre-rendered widgets, before the bundle can have run: records what
// each one shows then (its DOM, its boxes, whether its stylesheet applies), and watches the
// boxes every frame through the takeover, with the layout shifts where the engine reports them
// (Chromium). The tests read `window.__prerender`.
(function () {
  "use strict";
  var probe = (window.__prerender = { before: {}, moves: [], shifts: 0, shiftSources: [], measuresShifts: false, events: [] });

  // The card as a reader's browser has it: elements with their attributes (sorted), and text,
  // without comments. Adjacent text nodes are read as one (the widget writes "Caption", " | "
  // as two, a parser reads the same markup as one), with white space collapsed and trimmed.
  function shape(node) {
    if (!node) return null;
    var attributes = Array.prototype.map.call(node.attributes, function (a) {
      return a.name + "=" + JSON.stringify(a.value);
    }).sort().join(" ");
    var parts = [];
    var text = null;
    function flush() {
      var t = text === null ? "" : text.replace(/\s+/g, " ").trim();
      if (t) parts.push(t);
      text = null;
    }
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) text = (text || "") + child.data;
      else if (child.nodeType === 1) { flush(); parts.push(shape(child)); }
    });
    flush();
    return "<" + node.localName + (attributes ? " " + attributes : "") + ">" + parts.join("") + "</" + node.localName + ">";
  }

  // The card on screen: the pre-rendered one, or the live one once shown.
  function shown(widget) {
    var root = widget.shadowRoot;
    return root && root.querySelector(".aw-host:not([hidden]) > .aw");
  }

  function boxes(widget) {
    var card = shown(widget);
    var parts = [widget].concat(card ? Array.prototype.slice.call(card.querySelectorAll(".aw-card, .aw-headline, .aw-figure, .aw-footer")) : []);
    return parts.map(function (el) {
      var r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(function (n) { return Math.round(n * 10) / 10; }).join(",");
    }).join(" ");
  }

  var widgets = Array.prototype.slice.call(document.querySelectorAll("article-widget"));
  widgets.forEach(function (widget) {
    var card = shown(widget);
    var announcer = card && card.querySelector(".aw-announcer");
    probe.before[widget.id] = {
      bundleRan: !!window.ArticleWidget,
      shape: shape(card),
      boxes: boxes(widget),
      styled: !!announcer && getComputedStyle(announcer).position === "absolute"
    };
    ["load", "error"].forEach(function (type) {
      widget.addEventListener("article-widget:" + type, function () { probe.events.push(widget.id + ":" + type); });
    });
  });

  function sample() {
    widgets.forEach(function (widget) {
      var now = boxes(widget);
      if (now !== probe.before[widget.id].boxes) probe.moves.push(widget.id + " " + now);
    });
    requestAnimationFrame(sample);
  }
  requestAnimationFrame(sample);

  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("layout-shift") >= 0) {
    probe.measuresShifts = true;
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (entry.hadRecentInput) return;
        probe.shifts += entry.value;
        // What moved, for the failure message: the node, its box before and after.
        (entry.sources || []).forEach(function (source) {
          var node = source.node;
          var name = !node ? "?" : node.nodeType === 1 ? node.localName + (node.id ? "#" + node.id : "") + (node.className ? "." + String(node.className).split(" ").join(".") : "") : "#text";
          var rect = function (r) { return [r.x, r.y, r.width, r.height].join(","); };
          probe.shiftSources.push(Math.round(entry.startTime) + "ms " + entry.value.toFixed(4) + " " + name + " " + rect(source.previousRect) + " -> " + rect(source.currentRect));
        });
      });
    }).observe({ type: "layout-shift", buffered: true });
  }
  window.__shape = shape;
  window.__shown = shown;
})();
