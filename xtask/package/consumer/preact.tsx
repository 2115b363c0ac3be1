// A preact page: <article-widget> in its JSX, with the package's typings for it.
import type {} from "article-widget/preact";

export const card = <article-widget src="https://news.example/api/articles/123.json" theme="dark" hydrate="idle" />;

// @ts-expect-error: "purple" is not a theme.
export const wrong = <article-widget src="https://news.example/api/articles/123.json" theme="purple" />;
