// A host page that has replaced DOM methods the widget needs, the way a badly written
// polyfill or a hardening script might: `?throw=attachShadow` makes attachShadow throw for the
// element with id "victim"; `?throw=replaceSync` makes CSSStyleSheet.replaceSync throw until
// the page sets `window.__breakStyles = false`; `?throw=adoptedStyleSheets` makes the
// adoptedStyleSheets setter throw for the victim's shadow root.
(function () {
  var which = new URLSearchParams(location.search).get("throw");
  if (which === "attachShadow") {
    var attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      if (this.id === "victim") throw new TypeError("attachShadow is disabled on this page");
      return attach.call(this, init);
    };
  }
  if (which === "replaceSync") {
    var replace = CSSStyleSheet.prototype.replaceSync;
    window.__breakStyles = true;
    CSSStyleSheet.prototype.replaceSync = function (text) {
      if (window.__breakStyles) throw new TypeError("replaceSync is disabled on this page");
      return replace.call(this, text);
    };
  }
  if (which === "adoptedStyleSheets") {
    var descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, "adoptedStyleSheets");
    Object.defineProperty(ShadowRoot.prototype, "adoptedStyleSheets", {
      configurable: true,
      get: descriptor.get,
      set: function (sheets) {
        if (this.host && this.host.id === "victim") throw new TypeError("adoptedStyleSheets is frozen");
        descriptor.set.call(this, sheets);
      }
    });
  }
})();
