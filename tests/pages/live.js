// The channel's playlist URLs carry the page's `?tag=`, so that each test counts its own
// requests. `?offline=1`: a channel off the air until the test puts it on.
(function () {
  var page = new URLSearchParams(location.search);
  var offline = page.get("offline") ? "&offline=1" : "";
  document.getElementById("hls").setAttribute(
    "src",
    document.currentScript.dataset.widget + "/__test/hls.json?tag=" + page.get("tag") + offline
  );
})();
