// Checks the stylesheet (doiuse, on the caniuse data) and the loader (eslint-plugin-compat)
// against the browser support policy. Prints one JSON array per finding:
// ["css" | "js", feature or rule, line, message]. Usage: node check-support.cjs <query> <css> <js>
const fs = require("fs");
const postcss = require("postcss");
const doiuse = require("doiuse");
const { ESLint } = require("eslint");
const compat = require("eslint-plugin-compat");

const [query, cssPath, jsPath] = process.argv.slice(2);
const browsers = query.split(",").map((b) => b.trim());

(async () => {
  const css = fs.readFileSync(cssPath, "utf8");
  const found = [];
  await postcss([
    doiuse({
      browsers,
      onFeatureUsage: (usage) =>
        found.push(["css", usage.feature, usage.usage.source.start.line, usage.message]),
    }),
  ]).process(css, { from: cssPath });
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.js"],
        plugins: { compat },
        languageOptions: { ecmaVersion: 2022, sourceType: "script" },
        settings: { browsers, polyfills: [] },
        rules: { "compat/compat": "error" },
      },
    ],
  });
  for (const result of await eslint.lintFiles([jsPath])) {
    for (const m of result.messages) found.push(["js", m.ruleId || "syntax", m.line, m.message]);
  }
  for (const f of found) console.log(JSON.stringify(f));
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
