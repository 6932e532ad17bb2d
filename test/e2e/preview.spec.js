// The lifecycle preview ("Pod Lens: Show Lifecycle Preview"): a webview with one lane per
// container (client/webview/chart.ts draws `g.lane[data-container=<name>]`), following edits of
// the YAML without a save.
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const { test, expect } = h;

const lanes = (frame) => frame.locator('.lane[data-container]');
const laneNames = async (frame) => lanes(frame).evaluateAll((els) => els.map((e) => e.getAttribute('data-container')));

test('lifecycle preview: lanes per container, updated while editing', async ({ page }) => {
  // A copy: the unsaved edit below would otherwise come back (hot exit) in later tests' workbenches.
  const file = h.writeWorkspaceFile('preview-workload.yaml', fs.readFileSync(path.join(h.WORKSPACE, 'workload.yaml'), 'utf8'));
  try {
    await previewScenario(page);
  } finally {
    fs.rmSync(file, { force: true });
  }
});

async function previewScenario(page) {
  await h.openWorkbench(page);
  await h.openFile(page, 'preview-workload.yaml');
  await h.waitForSquiggle(page, 'error'); // the server has analysed the file
  await h.gotoPosition(page, 22, 1); // inside the Deployment's pod
  await h.runCommand(page, 'Pod Lens: Show Lifecycle Preview');

  const preview = h.webviewFrame(page);
  await expect(lanes(preview).first(), 'a lane in the preview').toBeVisible({ timeout: 30_000 });
  await expect.poll(() => laneNames(preview)).toEqual(expect.arrayContaining(['log-shipper', 'app']));
  await h.screenshot(page, 'preview-lanes');

  // Rename the app container in the editor (not saved): the preview follows.
  await h.insertAt(page, 22, 17, 'web-'); // - name: web-app
  await expect.poll(async () => h.editorLine(page, 22)).toBe('        - name: web-app');
  await expect.poll(() => laneNames(preview), { timeout: 30_000 }).toEqual(expect.arrayContaining(['log-shipper', 'web-app']));
  expect(await laneNames(preview)).not.toContain('app');
  await h.screenshot(page, 'preview-after-edit');
}
