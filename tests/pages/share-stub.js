// A browser with a share sheet, for the test of the native share button: navigator.share is
// replaced by a recorder before the widget loads.
window.__shared = [];
navigator.share = function (data) {
  window.__shared.push(data);
  return Promise.resolve();
};
