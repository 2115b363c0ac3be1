// Test pages' own script (served from the host origin, so the strict CSP allows it): records
// the widget's events and any CSP violation for the end-to-end tests to read.
window.__events = [];
window.__csp = [];
["article-widget:load", "article-widget:error", "article-widget:share", "article-widget:mediachange"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    window.__events.push({
      type: event.type,
      target: event.target.id || event.target.localName,
      detail: event.detail,
      bubbles: event.bubbles,
      composed: event.composed
    });
  });
});
document.addEventListener("securitypolicyviolation", function (event) {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
