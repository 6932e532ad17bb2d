// Helpers for driving the real VS Code workbench (code-server) from Playwright.
// Every internal VS Code DOM selector lives in SEL below: when a VS Code update breaks a test,
// fix it here. Checked on code-server 4.139.1 (VS Code 1.139.1).
//
// Specs import `test` and `expect` from here (not from @playwright/test): the `test` below attaches
// the extension host logs and a screenshot when a test fails.
// Positions are 1-based line and column, as VS Code shows them ("Ln 16, Col 16").
const fs = require('node:fs');
const path = require('node:path');
const base = require('@playwright/test');

const { expect } = base;
const ROOT = path.resolve(__dirname, '../..');
const WORKSPACE = path.join(__dirname, 'workspace');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');

const SEL = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row', // role=treeitem, aria-label=name, aria-level, aria-expanded
  activeTab: '.editor-group-container.active .tabs-container .tab.active', // aria-label=file name; class "dirty" when modified
  activeEditor: '.editor-group-container.active .editor-instance .monaco-editor',
  viewLine: '.view-lines .view-line', // virtualized: only visible lines exist, in no particular DOM order (sort by style.top)
  cursor: '.cursor',
  squiggle: (severity) => `.squiggly-${severity}`, // error | warning | info | hint
  hover: '.monaco-hover:not(.hidden)',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-list .monaco-list-row', // aria-label = "Title" or "Title, <keybinding>"
  quickInputRowLabel: '.label-name',
  notification: '.notifications-toasts .notification-list-item',
  notificationMessage: '.notification-list-item-message',
  lineNumber: '.margin-view-overlays .line-numbers', // text = 1-based line number; same vertical position as its line
  actionWidget: '.action-widget:not(.action-list-submenu-panel)', // Ctrl+. / lightbulb menu (Quick Fix...)
  actionRow: '.action-widget:not(.action-list-submenu-panel) [role="option"]', // aria-label = "<title>, <group>"
  actionRowTitle: '.title',
  webviewOuter: 'iframe.webview.ready', // one per webview (panels and views); the content is in a nested iframe
  webviewInner: 'iframe#active-frame',
};

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactText = (s) => new RegExp(`^\\s*${escapeRegExp(s)}\\s*$`);

// ---------------------------------------------------------------- workbench and files

/** Opens the workbench on `folder` (default test/e2e/workspace) and waits until the Explorer shows it. */
async function openWorkbench(page, { folder = WORKSPACE } = {}) {
  const languagePacks = languagePacksFile();
  const firstLoad = languagePacks !== undefined && !languagePacksRewritten(languagePacks);
  await loadWorkbench(page, folder);
  if (firstLoad) {
    // code-server rewrites languagepacks.json once, on the first window's connection, while it reads
    // the same file to pick the extension host's language: a read during the rewrite starts that
    // extension host in English. After the rewrite, a reload gets an extension host that reads the
    // finished file (a real user's second window does the same).
    await expect.poll(() => languagePacksRewritten(languagePacks), { message: 'code-server rewrote languagepacks.json', timeout: 30_000 }).toBe(true);
    await loadWorkbench(page, folder);
  }
}

/**
 * In a display-language project, whether `text` (something the extension host produced, e.g. a
 * diagnostic message) is in that language; when it is not, the window is reloaded once and true is
 * returned, so the caller reads it again. code-server rewrites languagepacks.json when a window
 * connects and reads it to pick the new extension host's language (see openWorkbench): under load a
 * later window's extension host can start in English, which no user setup with a real language pack
 * does. The caller's assertions stay strict after the reload.
 */
async function reloadIfExtensionHostNotLocalized(page, text, { folder = WORKSPACE } = {}) {
  const { locale } = base.test.info().project.metadata;
  if (!locale || !locale.startsWith('zh') || /[\u4e00-\u9fff]/.test(text)) return false;
  base.test.info().annotations.push({ type: 'reload', description: `extension host answered in English (${text.slice(0, 60)}…); reloaded the window once` });
  await loadWorkbench(page, folder);
  return true;
}

async function loadWorkbench(page, folder) {
  await page.goto(`/?folder=${encodeURIComponent(folder)}`);
  await expect(page.locator(SEL.workbench)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(SEL.explorerRow).first()).toBeVisible({ timeout: 30_000 });
}

/** The languagepacks.json of this project's code-server when it runs in a display language other than en. */
function languagePacksFile() {
  const { locale, port } = base.test.info().project.metadata;
  if (!locale || locale === 'en' || locale.startsWith('en-')) return undefined;
  const profile = process.env.E2E_PROFILE || path.join(ROOT, '.e2e', 'profiles', String(port));
  return path.join(profile, 'user', 'languagepacks.json');
}

/** start-code-server.sh writes the file indented; code-server writes it back on one line. */
function languagePacksRewritten(file) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > 2 && !text.includes('\n');
  } catch {
    return false;
  }
}

/**
 * Opens a workspace file by clicking through the Explorer (`relPath` like "pod.yaml" or "dir/sub/x.yaml";
 * folders are expanded on the way) and waits for its editor. Returns the editor locator.
 */
async function openFile(page, relPath) {
  const parts = relPath.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const row = page.locator(`${SEL.explorerRow}[aria-level="${i + 1}"][aria-label=${JSON.stringify(parts[i])}]`).first();
    await expect(row, `Explorer row ${parts.slice(0, i + 1).join('/')}`).toBeVisible({ timeout: 30_000 });
    const isFolder = i < parts.length - 1;
    if (isFolder) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await expect(row).toHaveAttribute('aria-expanded', 'true');
    } else {
      await row.click();
    }
  }
  const name = parts[parts.length - 1];
  await expect(page.locator(SEL.activeTab)).toHaveAttribute('aria-label', new RegExp(`^${escapeRegExp(name)}\\b`), { timeout: 30_000 });
  const editor = activeEditor(page);
  await expect(editor.locator(SEL.viewLine).first()).toBeVisible();
  return editor;
}

/** The text editor in the active editor group. */
function activeEditor(page) {
  return page.locator(SEL.activeEditor).first();
}

/** Focuses the active text editor, keeping its cursor where it is (Ctrl+1: focus the first editor group). */
async function focusEditor(page) {
  const editor = activeEditor(page);
  if (await editor.evaluate((e) => e.classList.contains('focused'))) return editor;
  await page.keyboard.press('Control+1');
  await expect(editor).toHaveClass(/\bfocused\b/);
  return editor;
}

/**
 * Writes a file into the workspace (parent folders created) and returns its absolute path. The
 * Explorer picks it up through the file watcher. Use for tests that edit and save, so the shared
 * fixtures stay untouched; remove it with fs.rmSync(path) in a finally block.
 */
function writeWorkspaceFile(relPath, text) {
  const abs = path.join(WORKSPACE, relPath);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

// ---------------------------------------------------------------- diagnostics

/** Waits for a squiggle of `severity` (error | warning | info | hint) in the active editor; returns its locator. */
async function waitForSquiggle(page, severity = 'error', { timeout = 60_000 } = {}) {
  const squiggle = activeEditor(page).locator(SEL.squiggle(severity)).first();
  await expect(squiggle, `a ${severity} squiggle`).toBeVisible({ timeout });
  return squiggle;
}

/** Opens (or reveals) the Problems panel. Ctrl+Shift+M toggles, so it is only pressed when the panel is hidden. */
async function openProblems(page) {
  const panel = page.locator(SEL.problemsPanel);
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * Reads the rows the Problems panel shows (open it first with openProblems). Returns
 * [{ file, severity: 'error'|'warning'|'info', message, source, code, line, column, related: [] }].
 * The panel is a virtualized tree: only rows in view are read, so keep fixtures small.
 */
async function readProblems(page) {
  return page.locator(SEL.problemsRow).evaluateAll((rows) => {
    const sorted = rows
      .map((r) => ({ r, top: parseFloat(r.style.top) || 0 }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.r);
    const out = [];
    let file;
    for (const row of sorted) {
      const text = (sel) => row.querySelector(sel)?.textContent?.trim() ?? '';
      const icon = row.querySelector('.marker-icon');
      if (icon) {
        const sev = ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? 'unknown';
        const pos = /Ln (\d+), Col (\d+)/.exec(text('.marker-line')) ?? [];
        out.push({
          file,
          severity: sev,
          message: [...row.querySelectorAll('.marker-message')].map((e) => e.textContent).join('\n'),
          source: text('.marker-source'),
          code: text('.marker-code'),
          line: Number(pos[1]),
          column: Number(pos[2]),
          related: [],
        });
      } else if (row.querySelector('.resource-label-container')) {
        file = text('.resource-label-container .label-name');
      } else if (out.length) {
        out[out.length - 1].related.push(row.textContent.trim()); // related information rows
      }
    }
    return out;
  });
}

/**
 * The squiggles drawn in the visible part of the active editor, as 1-based ranges read from the
 * rendering: [{ severity, line, startColumn, endColumn }] (endColumn exclusive, like VS Code's Range),
 * sorted by position. Columns come from pixel offsets, so this is exact for monospace ASCII lines.
 */
async function squiggleRanges(page) {
  return activeEditor(page).evaluate((editor, sel) => {
    const mid = (r) => r.top + r.height / 2;
    const lines = [...editor.querySelectorAll(sel.viewLine)].map((e) => ({ e, r: e.getBoundingClientRect() }));
    const numbers = [...editor.querySelectorAll(sel.lineNumber)].map((e) => ({ n: Number(e.textContent.trim()), r: e.getBoundingClientRect() }));
    const out = [];
    for (const sev of ['error', 'warning', 'info', 'hint']) {
      for (const sq of editor.querySelectorAll(`.squiggly-${sev}`)) {
        const r = sq.getBoundingClientRect();
        const line = lines.find((l) => Math.abs(mid(l.r) - mid(r)) < l.r.height / 2);
        const num = numbers.find((x) => Math.abs(mid(x.r) - mid(r)) < x.r.height / 2);
        if (!line || !num) continue;
        const text = line.e.textContent;
        const span = line.e.firstElementChild;
        const charWidth = (span ? span.getBoundingClientRect().width : line.r.width) / Math.max(1, text.length);
        const left = line.r.left;
        out.push({
          severity: sev,
          line: num.n,
          startColumn: Math.round((r.left - left) / charWidth) + 1,
          endColumn: Math.round((r.right - left) / charWidth) + 1,
        });
      }
    }
    return out.sort((a, b) => a.line - b.line || a.startColumn - b.startColumn);
  }, { viewLine: SEL.viewLine, lineNumber: SEL.lineNumber });
}

/**
 * Opens the Problems panel and waits until a problem matches `match` (a substring or RegExp of the
 * message, or a predicate over the readProblems() entry). Returns that entry.
 */
async function waitForProblem(page, match, { timeout = 60_000 } = {}) {
  await openProblems(page);
  const test =
    typeof match === 'function' ? match : (p) => (match instanceof RegExp ? match.test(p.message) : p.message.includes(match));
  let found;
  await expect
    .poll(async () => {
      found = (await readProblems(page)).find(test);
      return !!found;
    }, { message: `a problem matching ${match}`, timeout })
    .toBe(true);
  return found;
}

// ---------------------------------------------------------------- cursor, hover, editing

/** Moves the cursor of the active editor to line:column with Go to Line (Ctrl+G). */
async function gotoPosition(page, line, column = 1) {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await expect(page.locator(SEL.quickInputBox)).toBeFocused();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await expect(page.locator(SEL.quickInput)).toBeHidden();
  const editor = activeEditor(page);
  await expect(editor).toHaveClass(/\bfocused\b/);
  return editor;
}

/**
 * Hovers the mouse over the character at line:column of the active editor (a real mouse hover) and
 * waits for the hover widget to show every text in `contains`. With `screenshot`, the screenshot is
 * taken while that hover is on screen. Returns the hover's locator.
 *
 * VS Code drops a hover whose request races an editor update (diagnostics arriving, a code lens
 * resolving), sometimes after it has shown. So the gesture and the reading of the widget form one
 * attempt, repeated as a user would move the mouse again, until one attempt sees all the texts or
 * `timeout` passes; a text the hover never shows still fails the test.
 */
async function hoverAt(page, line, column, { contains = [], screenshot: shotName, timeout = 30_000 } = {}) {
  const editor = await gotoPosition(page, line, column);
  const box = await editor.locator(SEL.cursor).first().boundingBox();
  if (!box) throw new Error(`no cursor box at ${line}:${column}`);
  const hover = page.locator(SEL.hover).first();
  await expect(async () => {
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 4 });
    await expect(hover).toBeVisible({ timeout: 4_000 });
    for (const text of contains) await expect(hover).toContainText(text, { timeout: 4_000 });
    if (shotName) await screenshot(page, shotName);
  }, `hover at ${line}:${column} showing ${JSON.stringify(contains)}`).toPass({ timeout });
  return hover;
}

/**
 * Puts the cursor at line:column, opens the Quick Fix menu (Ctrl+., what the lightbulb opens) and
 * returns the titles it offers. With `apply`, picks the action titled exactly `apply` (Enter) and
 * waits for the menu to close.
 */
async function quickFix(page, line, column, { apply } = {}) {
  await gotoPosition(page, line, column);
  await page.keyboard.press('Control+.');
  const widget = page.locator(SEL.actionWidget);
  await expect(widget, 'the Quick Fix menu').toBeVisible({ timeout: 20_000 });
  const rows = page.locator(SEL.actionRow);
  await expect(rows.first()).toBeVisible();
  const titles = (await rows.locator(SEL.actionRowTitle).allTextContents()).map((t) => t.trim());
  if (apply === undefined) return titles;
  const row = rows.filter({ has: page.locator(SEL.actionRowTitle, { hasText: exactText(apply) }) }).first();
  await expect(row, `Quick Fix "${apply}" among ${JSON.stringify(titles)}`).toBeVisible();
  await row.hover();
  await expect(row).toHaveClass(/\bfocused\b/);
  await page.keyboard.press('Enter');
  await expect(widget).toBeHidden();
  return titles;
}

/** Closes hovers, quick inputs and suggest widgets. */
async function dismiss(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
}

/**
 * Types text literally at the cursor. The e2e profile turns off auto-indent, auto-closing and
 * suggestions (start-code-server.sh), so multi-line YAML arrives exactly as given.
 */
async function typeText(page, text) {
  await focusEditor(page);
  await page.keyboard.insertText(text);
}

/** Types text at line:column (1-based). */
async function insertAt(page, line, column, text) {
  await gotoPosition(page, line, column);
  await page.keyboard.insertText(text);
}

/** Replaces the whole content of the active editor (unsaved; see saveFile). */
async function replaceEditorText(page, text) {
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Saves the active editor and waits until its tab is no longer dirty. */
async function saveFile(page) {
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await expect(page.locator(SEL.activeTab)).not.toHaveClass(/\bdirty\b/);
}

/**
 * The lines of the active editor that are rendered (the editor is virtualized: only lines in view).
 * Whitespace is normalized from non-breaking spaces.
 */
async function visibleEditorLines(page) {
  return activeEditor(page)
    .locator(SEL.viewLine)
    .evaluateAll((els) =>
      els
        .map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((x) => x.text),
    );
}

/**
 * The text of line `n` (1-based) of the active editor, or undefined when it is not rendered
 * (scroll to it first, e.g. with gotoPosition). Non-breaking spaces are normalized.
 */
async function editorLine(page, n) {
  return activeEditor(page).evaluate((editor, { n, sel }) => {
    const mid = (r) => r.top + r.height / 2;
    const num = [...editor.querySelectorAll(sel.lineNumber)].find((e) => Number(e.textContent.trim()) === n);
    if (!num) return undefined;
    const r = num.getBoundingClientRect();
    const line = [...editor.querySelectorAll(sel.viewLine)].find((e) => Math.abs(mid(e.getBoundingClientRect()) - mid(r)) < r.height / 2);
    return line?.textContent.replace(/\u00a0/g, ' ');
  }, { n, sel: { lineNumber: SEL.lineNumber, viewLine: SEL.viewLine } });
}

// ---------------------------------------------------------------- command palette

/** Opens the command palette (F1) and types `query`. */
async function openPalette(page, query) {
  await page.keyboard.press('F1');
  const box = page.locator(SEL.quickInputBox);
  await expect(box).toBeFocused();
  await page.keyboard.insertText(query);
  await expect(box).toHaveValue(`>${query}`);
}

/** Closes the command palette (or any quick input) and waits until it is gone. */
async function closePalette(page) {
  await page.keyboard.press('Escape');
  await expect(page.locator(SEL.quickInput)).toBeHidden();
}

/** The palette row whose title is exactly `title` (category included, e.g. "Pod Lens: Show Lifecycle Preview"). */
function paletteRow(page, title) {
  return page
    .locator(SEL.quickInputRow)
    .filter({ has: page.locator(SEL.quickInputRowLabel, { hasText: exactText(title) }) })
    .first();
}

/** Waits until the command palette lists `title` (searching for it), then closes the palette. */
async function expectCommandInPalette(page, title, { timeout = 30_000 } = {}) {
  // The palette fills its list once, when it opens: on a freshly installed extension (the first zh-cn
  // start) the contributed commands can arrive just after that, so a palette that lacks the row is
  // closed and opened again until the deadline.
  await expect(async () => {
    await openPalette(page, title);
    try {
      await expect(paletteRow(page, title), `palette lists "${title}"`).toBeVisible({ timeout: 5_000 });
    } finally {
      await closePalette(page);
    }
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}

/** Lists the palette titles that match `query` (after the list settles), then closes the palette. */
async function paletteTitles(page, query) {
  await openPalette(page, query);
  const read = () => page.locator(`${SEL.quickInputRow} ${SEL.quickInputRowLabel}`).allTextContents();
  let prev;
  await expect
    .poll(async () => {
      const now = JSON.stringify(await read());
      const stable = now === prev;
      prev = now;
      return stable;
    }, { intervals: [300, 300, 500, 1000] })
    .toBe(true);
  const titles = (await read()).map((t) => t.trim());
  await closePalette(page);
  return titles;
}

/** Runs a command by its exact palette title, e.g. runCommand(page, 'Pod Lens: Show Lifecycle Preview'). */
async function runCommand(page, title, { timeout = 30_000 } = {}) {
  await openPalette(page, title);
  const row = paletteRow(page, title);
  await expect(row, `palette lists "${title}"`).toBeVisible({ timeout });
  await row.click();
  await expect(page.locator(SEL.quickInput)).toBeHidden();
}

// ---------------------------------------------------------------- webviews, notifications

/**
 * The content frame of a webview (e.g. our lifecycle preview): a FrameLocator to query with
 * .locator()/.getByText(). `index` picks among ready webviews in DOM order (default: the last created).
 */
function webviewFrame(page, { index = -1 } = {}) {
  return page.locator(SEL.webviewOuter).nth(index).contentFrame().locator(SEL.webviewInner).contentFrame();
}

/** Messages of the notification toasts on screen (e.g. to assert "Pod Lens failed to start" is absent). */
async function notificationMessages(page) {
  return (await page.locator(`${SEL.notification} ${SEL.notificationMessage}`).allTextContents()).map((t) => t.trim());
}

// ---------------------------------------------------------------- screenshots and logs

/**
 * Saves a full-window screenshot to test-results/e2e/<name>.png (and attaches it to the report).
 * Returns the path.
 */
async function screenshot(page, name) {
  const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: file });
  try {
    await base.test.info().attach(name, { path: file, contentType: 'image/png' });
  } catch {
    // outside a test
  }
  return file;
}

/**
 * Log files of the code-server on `port` that matter when a test fails: the server's remoteagent.log,
 * and from the newest extension host (one per page load) remoteexthost.log (activation errors) and
 * our extension's output channels (pod-lens.pod-lens/Pod Lens.log: client and server log).
 */
function profileLogs(port) {
  const logsRoot = path.join(ROOT, '.e2e', 'profiles', String(port), 'user', 'logs');
  const ls = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []);
  const session = ls(logsRoot).filter((e) => e.isDirectory()).map((e) => e.name).sort().pop();
  if (!session) return [];
  const dir = path.join(logsRoot, session);
  const out = ls(dir).filter((e) => e.isFile() && e.name === 'remoteagent.log').map((e) => path.join(dir, e.name));
  const exthost = ls(dir)
    .map((e) => /^exthost(\d+)$/.exec(e.name))
    .filter(Boolean)
    .sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  if (exthost) {
    const hostDir = path.join(dir, exthost[0]);
    out.push(path.join(hostDir, 'remoteexthost.log'));
    for (const e of ls(hostDir)) {
      if (e.isDirectory() && e.name.startsWith('pod-lens.')) {
        for (const f of ls(path.join(hostDir, e.name))) out.push(path.join(hostDir, e.name, f.name));
      }
    }
  }
  return out.filter((f) => fs.existsSync(f));
}

// `test` with an automatic fixture: on failure, attach a screenshot and the code-server/extension host
// logs (they include the "Pod Lens" output channel, i.e. our client's and server's log).
const test = base.test.extend({
  _failureArtifacts: [
    async ({ page }, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      await screenshot(page, `FAILED-${testInfo.titlePath.slice(1).join('-')}`).catch(() => {});
      for (const log of profileLogs(testInfo.project.metadata.port)) {
        const name = path.relative(path.join(ROOT, '.e2e', 'profiles'), log);
        await testInfo.attach(name, { path: log, contentType: 'text/plain' }).catch(() => {});
      }
    },
    { auto: true },
  ],
});

module.exports = {
  test,
  expect,
  SEL,
  ROOT,
  WORKSPACE,
  RESULTS,
  openWorkbench,
  openFile,
  activeEditor,
  focusEditor,
  writeWorkspaceFile,
  waitForSquiggle,
  openProblems,
  readProblems,
  waitForProblem,
  squiggleRanges,
  gotoPosition,
  quickFix,
  hoverAt,
  reloadIfExtensionHostNotLocalized,
  dismiss,
  typeText,
  insertAt,
  replaceEditorText,
  saveFile,
  visibleEditorLines,
  editorLine,
  openPalette,
  closePalette,
  paletteRow,
  expectCommandInPalette,
  paletteTitles,
  runCommand,
  webviewFrame,
  notificationMessages,
  screenshot,
  profileLogs,
};
