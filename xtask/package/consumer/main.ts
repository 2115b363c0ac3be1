// The app a bundler builds: the side-effect import registers <article-widget>.
import "article-widget";

const widget = document.createElement("article-widget");
widget.id = "bundled";
widget.setAttribute("src", document.body.dataset.article ?? "");
widget.setAttribute("loading", "eager");
document.body.append(widget);
