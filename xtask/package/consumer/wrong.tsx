// Must not type-check: "purple" is not a theme.
import "article-widget";

export const card = <article-widget src="https://news.example/api/articles/123.json" theme="purple" />;
