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

// Adds a full-layout widget for `src` and records, on the element, how long it took from
// insertion to its load (or error) event.
window.__addTimed = function (id, src) {
  const el = document.createElement('article-widget');
  el.id = id;
  el.setAttribute('loading', 'eager');
  el.setAttribute('layout', 'full');
  el.setAttribute('src', src);
  const started = performance.now();
  const done = (event) => { el.__ms = performance.now() - started; el.__outcome = event.type; };
  el.addEventListener('article-widget:load', done, { once: true });
  el.addEventListener('article-widget:error', done, { once: true });
  document.getElementById('list').append(el);
};
