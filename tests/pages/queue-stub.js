// Runs before embed.js: the pre-load queue a page may set up, with one call in it.
window.ArticleWidget = { q: [["mount", document.getElementById("manual")]] };
