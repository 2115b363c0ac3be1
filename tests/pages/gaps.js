// The host page's own view of its main thread: a timer that should fire every 5 ms. The
// longest gap between two firings is the longest the page could not respond.
window.__gaps = { longest: 0, last: performance.now(), running: false };
window.__watch = function () {
  const gaps = window.__gaps;
  gaps.longest = 0;
  gaps.last = performance.now();
  gaps.running = true;
  (function tick() {
    const now = performance.now();
    gaps.longest = Math.max(gaps.longest, now - gaps.last);
    gaps.last = now;
    if (gaps.running) setTimeout(tick, 5);
  })();
};
