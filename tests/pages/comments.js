// 120 widgets of 120 distinct articles sharing one comments API.
(function () {
  var widget = document.currentScript.dataset.widget;
  var list = document.getElementById("list");
  for (var i = 1; i <= 120; i++) {
    var el = document.createElement("article-widget");
    el.id = "c" + i;
    el.setAttribute("loading", "eager");
    el.setAttribute("share", "none");
    el.setAttribute("src", widget + "/__test/article-n/" + i + ".json");
    el.setAttribute("comments-api", widget + "/__test/comment-counts?ids={ids}&page=batch");
    list.appendChild(el);
  }
})();
