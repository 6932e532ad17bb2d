// Self-test of the e2e harness (helpers.js) against features built into VS Code, independent of
// Pod Lens: JSON diagnostics, hover on a squiggle, Problems rows, editing, the command palette and a
// webview (markdown preview). When this fails after a VS Code update, fix the selectors in helpers.js.
const path = require('node:path');
const h = require('./helpers');

const { test, expect } = h;

test('diagnostics: squiggle, Problems panel, hover', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'harness/broken.json'); // nested path: expands the folder in the Explorer
  await h.waitForSquiggle(page, 'error');
  const problem = await h.waitForProblem(page, 'Value expected');
  expect(problem).toMatchObject({ file: 'broken.json', severity: 'error', line: 3, column: 20 });
  await h.hoverAt(page, problem.line, problem.column, { contains: ['Value expected'], screenshot: 'harness-diagnostics' });
  await h.dismiss(page);
});

test('editing: literal multi-line typing, diagnostics follow the text', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'harness/broken.json');
  await h.waitForSquiggle(page, 'error');
  const text = '{\n  "list": [\n    1,\n    2\n  ],\n  "nested": { "a": "b" }\n}\n';
  await h.replaceEditorText(page, text); // not saved: the fixture on disk stays broken
  expect(await h.visibleEditorLines(page)).toEqual(text.split('\n'));
  await expect(h.activeEditor(page).locator(h.SEL.squiggle('error'))).toHaveCount(0, { timeout: 30_000 });
  await h.insertAt(page, 4, 6, ',');
  await h.waitForSquiggle(page, 'error');
});

test('command palette and webview', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'harness/readme.md');
  const titles = await h.paletteTitles(page, 'Markdown: Open Preview');
  expect(titles).toContain('Markdown: Open Preview to the Side');
  await h.runCommand(page, 'Markdown: Open Preview to the Side');
  const preview = h.webviewFrame(page);
  await expect(preview.getByText('E2E-HARNESS-WEBVIEW')).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('strong')).toHaveText('markdown preview');
  const shot = await h.screenshot(page, 'harness-webview');
  expect(path.basename(shot)).toBe('harness-webview.png');
});
