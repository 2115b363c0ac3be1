// Test pages only (the test server puts this first in each page): keeps what the page logs in
// window.__testConsole, for WebDriver tests in every engine, since W3C WebDriver has no
// console command. Console calls, uncaught errors, unhandled rejections and CSP violations.
(() => {
  const keep = (line) => {
    (window.__testConsole = window.__testConsole || []).push(line);
  };
  const text = (value) => {
    try {
      if (value instanceof Error) return `${value.name}: ${value.message}`;
      if (typeof value === "object" && value !== null) return JSON.stringify(value);
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  };
  for (const level of ["debug", "log", "info", "warn", "error"]) {
    const original = console[level];
    console[level] = function (...args) {
      keep(`${level}: ${args.map(text).join(" ")}`);
      return original.apply(this, args);
    };
  }
  addEventListener("error", (event) => {
    keep(`uncaught: ${event.error ? text(event.error) : event.message}`);
  });
  addEventListener("unhandledrejection", (event) => {
    keep(`unhandled rejection: ${text(event.reason)}`);
  });
  document.addEventListener(
    "securitypolicyviolation",
    (event) => {
      keep(`Content Security Policy: ${event.effectiveDirective} blocked ${event.blockedURI}`);
    },
    true,
  );
})();
