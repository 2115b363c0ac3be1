// Builds 100 widgets: 50 of one article, 45 of distinct URLs, 5 that fail.
(function () {
  var widget = document.currentScript.dataset.widget;
  var list = document.getElementById("list");
  for (var i = 0; i < 100; i++) {
    var el = document.createElement("article-widget");
    el.id = "w" + i;
    el.setAttribute("loading", "eager");
    var src;
    if (i < 50) src = widget + "/demo/article.json?case=many-same";
    else if (i < 95) src = widget + "/demo/article.json?case=many-distinct&n=" + i;
    else src = widget + "/__test/status/500?n=" + i;
    el.setAttribute("src", src);
    var a = document.createElement("a");
    a.className = "fallback";
    a.href = "https://news.example/" + i;
    a.textContent = "Fallback " + i;
    el.appendChild(a);
    list.appendChild(el);
  }
})();
