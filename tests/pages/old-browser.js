// A browser below the support policy: no custom elements (as Safari before 10.1).
Object.defineProperty(window, "customElements", { configurable: true, value: undefined });
