// Issue 15 in the real editor: a strategic-merge patch that a kustomization names is not judged alone. The same
// text outside the overlay (patch-alone.yaml) gets container-image-required and a QoS lens; overlay/patch.yaml gets
// neither.
const h = require('./helpers');
const { test, expect } = h;

test('a patch named by a kustomization shows no findings or lens of its own', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'patch-alone.yaml');
  await h.waitForProblem(page, (p) => p.code === 'container-image-required' && p.file === 'patch-alone.yaml');
  await expect(h.activeEditor(page).locator('.codelens-decoration', { hasText: 'QoS' }).first()).toBeVisible({ timeout: 60_000 });
  await h.screenshot(page, 'pieces-patch-alone');

  await h.openFile(page, 'overlay/patch.yaml');
  // The server answers within its debounce; give it time, then check that nothing about the fragment appeared.
  await page.waitForTimeout(3000);
  await expect(h.activeEditor(page).locator('.codelens-decoration')).toHaveCount(0);
  const problems = await h.readProblems(page);
  expect(problems.filter((p) => p.file === 'patch.yaml')).toEqual([]);
  expect(problems.some((p) => p.file === 'patch-alone.yaml' && p.code === 'container-image-required')).toBe(true);
  await h.screenshot(page, 'pieces-patch-in-overlay');
});
