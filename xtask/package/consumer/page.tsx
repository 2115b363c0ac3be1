// A page of a web developer's app, type-checked against the installed package's types.
import "article-widget";
import type { ArticleWidgetElement, ArticleWidgetLoadDetail, ArticleWidgetMediachangeDetail } from "article-widget";

const widget: ArticleWidgetElement = document.createElement("article-widget");
widget.src = "https://news.example/api/articles/123.json";
widget.theme = "dark";
widget.hydrate = "visible";
widget.addEventListener("article-widget:load", (event) => {
  const detail: ArticleWidgetLoadDetail = event.detail;
  console.log(detail.id, detail.url);
});
widget.addEventListener("article-widget:mediachange", (event) => {
  const detail: ArticleWidgetMediachangeDetail = event.detail;
  const audio: boolean = detail.mode === "audio" && detail.playing;
  console.log(audio);
});
const found: ArticleWidgetElement | null = document.querySelector("article-widget");
window.ArticleWidget.scan(document.body);
console.log(found, window.ArticleWidget.release, window.ArticleWidget.diagnostics()?.mounted);

export const card = (
  <article-widget src="https://news.example/api/articles/123.json" theme="auto" layout="full" hydrate="interaction" comments-api="https://api.example/counts?ids={ids}">
    Read the article
  </article-widget>
);
