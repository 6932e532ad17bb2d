// Issue 15 in the real editor: a Helm chart rendered with the real helm (podLens.helm.path, set by
// run-e2e.sh to the helm scripts/build-tools.sh builds). The template shows the rendered pod's QoS lens above
// `kind:` and, hovering `resources:` above `{{- toYaml .Values.resources | nindent 12 }}`, the rendered numbers;
// values.yaml gets the squiggle of the missing memory limit on its `limits:` line.
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');
const { test, expect } = h;

const lineOf = (rel, needle) => fs.readFileSync(path.join(h.WORKSPACE, rel), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

test('a chart template: the rendered lens and hover; the values line gets the squiggle', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'chart/templates/deployment.yaml');
  const lens = h.activeEditor(page).locator('.codelens-decoration', { hasText: 'QoS' }).first();
  await expect(lens).toBeVisible({ timeout: 60_000 });
  await expect(lens).toContainText('QoS Burstable · requests cpu 250m, memory 256Mi · limits cpu 500m, memory –');

  const resources = lineOf('chart/templates/deployment.yaml', 'resources:');
  await h.hoverAt(page, resources, 14, {
    contains: ['Deployment release-shop', 'memory: 256Mi', 'cpu: 500m'],
    screenshot: 'chart-template-hover',
  });
  await h.dismiss(page);

  await h.openFile(page, 'chart/values.yaml');
  const limits = lineOf('chart/values.yaml', 'limits:');
  await h.waitForSquiggle(page, 'warning');
  await expect.poll(async () => (await h.squiggleRanges(page)).map((s) => s.line)).toContain(limits);
  const problem = await h.waitForProblem(page, (p) => p.code === 'missing-memory-limit' && p.file === 'values.yaml');
  expect(problem.line).toBe(limits);
  expect(problem.message).toContain('Deployment release-shop from templates/deployment.yaml');
  // The template has nothing of its own: the render replaced its "template expressions were ignored" notice.
  expect((await h.readProblems(page)).filter((p) => p.file === 'deployment.yaml')).toEqual([]);
  await h.screenshot(page, 'chart-values-squiggle');
});
