// Playwright config for the real-editor tests: code-server (VS Code in a browser) + Debian chromium.
// Run through `bash scripts/run-e2e.sh` (it installs, builds, sets NODE_PATH so specs can require
// @playwright/test from .e2e/playwright, and fails if code-server cannot start).
//
// Display language: specs named `<name>.<locale>.spec.js` (e.g. `l10n.zh-cn.spec.js`) run against a
// second code-server started with that locale; all other specs run against the default one
// (locale $E2E_LOCALE or en). Each server gets its own port: E2E_PORT (default 8917), then +1, +2...
const fs = require('node:fs');
const path = require('node:path');
const { defineConfig } = require('@playwright/test');

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const BASE_PORT = Number(process.env.E2E_PORT || 8917);
const DEFAULT_LOCALE = process.env.E2E_LOCALE || 'en';
// VS Code display languages (language packs exist for these); anything else in a spec name is not a locale.
const LOCALES = ['cs', 'de', 'es', 'fr', 'hu', 'it', 'ja', 'ko', 'pl', 'pt-br', 'qps-ploc', 'ru', 'tr', 'zh-cn', 'zh-tw'];

const localeOfSpec = (file) => {
  const m = /\.([a-z]{2,3}(?:-[a-z]{2,4})?)\.spec\.js$/.exec(file);
  return m && LOCALES.includes(m[1]) ? m[1] : undefined;
};
const specLocales = [...new Set(fs.readdirSync(__dirname).map(localeOfSpec).filter(Boolean))].sort();
const localeSpecGlobs = specLocales.map((l) => `**/*.${l}.spec.js`);

const servers = [
  { name: DEFAULT_LOCALE === 'en' ? 'default' : DEFAULT_LOCALE, locale: DEFAULT_LOCALE, testMatch: '**/*.spec.js', testIgnore: localeSpecGlobs },
  ...specLocales.map((l) => ({ name: l, locale: l, testMatch: `**/*.${l}.spec.js`, testIgnore: [] })),
].map((s, i) => ({ ...s, port: BASE_PORT + i }));

module.exports = defineConfig({
  testDir: __dirname,
  outputDir: path.join(RESULTS, 'artifacts'),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1, // one workbench per server; tests share it
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: path.join(RESULTS, 'html-report') }]],
  use: {
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      // Chromium keeps "Crash Reports" under $XDG_CONFIG_HOME/chromium even with a temporary profile.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(ROOT, '.e2e', 'chromium-config') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: servers.map((s) => ({
    name: s.name,
    testMatch: s.testMatch,
    testIgnore: s.testIgnore,
    use: { baseURL: `http://127.0.0.1:${s.port}` },
    metadata: { locale: s.locale, port: s.port },
  })),
  // A server that does not answer /healthz in time fails the whole run (it is never skipped).
  webServer: servers.map((s) => ({
    command: `bash "${path.join(__dirname, 'start-code-server.sh')}"`,
    url: `http://127.0.0.1:${s.port}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { PORT: String(s.port), E2E_LOCALE: s.locale },
  })),
});
