// Pod Lens in the real editor, installed from its .vsix (start-code-server.sh): diagnostics
// (squiggles and Problems), hovers, a quick fix and live updates while editing, on the
// multi-document fixture workspace/workload.yaml (a Deployment with a sidecar, and a Job).
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const { test, expect } = h;
const FIXTURE = fs.readFileSync(path.join(h.WORKSPACE, 'workload.yaml'), 'utf8');

/** Problems of `file` reduced to what we assert: code, severity and start position. */
async function problemsOf(page, file) {
  return (await h.readProblems(page))
    .filter((p) => p.file === file)
    .map((p) => ({ code: p.code, source: p.source, severity: p.severity, line: p.line, column: p.column }))
    .sort((a, b) => a.line - b.line);
}

const scenarios = require('./scenarios');
// code-server's Problems panel shows the start of each range
const EXPECTED = scenarios.diagnostics.map(({ code, severity, line, column }) => ({ code, source: 'pod-lens', severity, line, column }));

test('diagnostics: squiggles and the Problems panel show codes and ranges', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'workload.yaml');
  await h.waitForSquiggle(page, 'error');
  // Squiggle ranges, read from the rendering (end column exclusive): the value that is wrong.
  await h.gotoPosition(page, 1, 1);
  await expect.poll(async () => (await h.squiggleRanges(page)).filter((s) => s.line <= 32)).toEqual([
    { severity: 'error', line: 25, startColumn: 44, endColumn: 49 }, // memory: 512Mi (request above the limit)
    { severity: 'error', line: 32, startColumn: 31, endColumn: 32 }, // livenessProbe successThreshold: 3
  ]);
  await h.screenshot(page, 'workload-squiggles');
  await h.gotoPosition(page, 47, 1); // scroll the second document into view
  await expect.poll(async () => (await h.squiggleRanges(page)).filter((s) => s.line === 41)).toEqual([
    { severity: 'error', line: 41, startColumn: 22, endColumn: 28 }, // Job with restartPolicy: Always
  ]);

  await h.waitForProblem(page, (p) => p.code === 'workload-restart-policy');
  await expect.poll(() => problemsOf(page, 'workload.yaml')).toEqual(EXPECTED);
  const problems = await h.readProblems(page);
  expect(problems.find((p) => p.code === 'request-exceeds-limit').message).toContain('must be less than or equal to memory limit of 256Mi');
  expect(problems.find((p) => p.code === 'workload-restart-policy').message).toContain('A Job runs pods to completion');
  await h.screenshot(page, 'workload-problems');
});

test('hover explains the sidecar restartPolicy and a probe', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'workload.yaml');
  await h.waitForSquiggle(page, 'error'); // the server has analysed the file
  // restartPolicy: Always of the log-shipper init container
  await h.hoverAt(page, 17, 26, {
    contains: [
      'Sidecar log-shipper (init container 1 of 1, restartPolicy: Always)',
      'It keeps running beside the app containers for the whole life of the pod.',
    ],
    screenshot: 'workload-hover-sidecar',
  });
  await h.dismiss(page);
  await expect(page.locator(h.SEL.hover)).toHaveCount(0);

  // readinessProbe of app
  await h.hoverAt(page, 27, 13, {
    contains: ['readinessProbe of app', 'the pod is removed from Service endpoints', 'periodSeconds'],
    screenshot: 'workload-hover-probe',
  });
  await h.dismiss(page);
});

test('quick fix changes the text and clears the diagnostic; edits update diagnostics', async ({ page }) => {
  const file = h.writeWorkspaceFile('edit-workload.yaml', FIXTURE);
  try {
    await h.openWorkbench(page);
    await h.openFile(page, 'edit-workload.yaml');
    await h.waitForProblem(page, (p) => p.file === 'edit-workload.yaml' && p.code === 'probe-success-threshold');

    // Ctrl+. on the liveness probe's successThreshold: 3 (what the lightbulb opens)
    const titles = await h.quickFix(page, 32, 31);
    expect(titles).toEqual(expect.arrayContaining(['Set successThreshold to 1', 'Disable probe-success-threshold for this line']));
    await h.screenshot(page, 'workload-quick-fix-menu');
    await h.closePalette(page).catch(() => {}); // Escape closes the menu
    await expect(page.locator(h.SEL.actionWidget)).toBeHidden();
    await h.quickFix(page, 32, 31, { apply: 'Set successThreshold to 1' });
    await expect.poll(() => h.editorLine(page, 32)).toBe('            successThreshold: 1');
    await expect(page.locator(h.SEL.activeTab)).toHaveClass(/\bdirty\b/);
    await expect.poll(async () => (await problemsOf(page, 'edit-workload.yaml')).map((p) => p.code))
      .toEqual(['request-exceeds-limit', 'workload-restart-policy']);
    await expect.poll(async () => (await h.squiggleRanges(page)).some((s) => s.line === 32)).toBe(false);

    // Typing: lower the memory request to the limit -> request-exceeds-limit goes away
    await h.gotoPosition(page, 25, 44);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await h.typeText(page, '256Mi');
    await expect.poll(async () => (await problemsOf(page, 'edit-workload.yaml')).map((p) => p.code)).toEqual(['workload-restart-policy']);
    // ... and a broken quantity appears as invalid-quantity where it was typed
    await h.insertAt(page, 19, 33, ' hundred'); // requests: { cpu: 100m hundred, ... }
    await expect.poll(() => problemsOf(page, 'edit-workload.yaml')).toEqual([
      { code: 'invalid-quantity', source: 'pod-lens', severity: 'error', line: 19, column: 30 },
      { code: 'workload-restart-policy', source: 'pod-lens', severity: 'error', line: 41, column: 22 },
    ]);
    await h.screenshot(page, 'workload-after-edits');
  } finally {
    fs.rmSync(file, { force: true });
  }
});
