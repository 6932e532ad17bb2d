// Runs in the page before its scripts (Playwright init script, not subject to the page CSP), as the
// VS Code webview host does: acquireVsCodeApi, the theme's --vscode-* variables on <html> (CSSOM)
// and the theme class on <body>. The placeholder below is replaced by the test with { vars, bodyClass, initial }.
(() => {
  const cfg = __PL_STUB__;
  window.__posted = [];
  window.__violations = [];
  window.__state = cfg.initial;
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
      getState: () => window.__state,
      setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); return s; },
    };
  };
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  // The init script can run before <html> exists; VS Code sets these before the page script runs.
  const theme = () => {
    for (const [k, v] of Object.entries(cfg.vars)) document.documentElement.style.setProperty(k, v);
    if (document.body) document.body.classList.add(cfg.bodyClass);
  };
  if (document.documentElement) theme();
  else new MutationObserver((_, obs) => { if (document.documentElement) { obs.disconnect(); theme(); } }).observe(document, { childList: true });
  document.addEventListener('DOMContentLoaded', theme);
})();
