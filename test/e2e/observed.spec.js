// Issue 14: an observed pod (kubectl get pod -o yaml) in a real VS Code: the hover on a container status
// explains it, the hover on the memory limit mentions the OOM kill, and the code lens above the pod says
// what is wrong.
const h = require('./helpers');
const { test, expect } = h;

test('a status dump: hover on the container status and on the limit it hit, and the code lens', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'observed.yaml');
  // The code lens above the pod says what is wrong (the server has analysed the file).
  const lens = page.locator('.codelens-decoration', { hasText: 'CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart' });
  await expect(lens.first()).toBeVisible({ timeout: 60_000 });
  await h.screenshot(page, 'observed-code-lens');
  await h.waitForSquiggle(page, 'info'); // the memory limit's information diagnostic: the observed OOM kill

  // Reveal the line first: hoverAt measures the cursor while the editor may still be scrolling to it.
  await h.gotoPosition(page, 127, 7);
  await page.waitForTimeout(1000);
  // restartCount: 5 of app's container status
  await h.hoverAt(page, 127, 7, {
    contains: [
      'Observed app container app',
      'Cause: oom-killed',
      'Next restart due at 2026-12-04T10:23:20Z',
      'app was OOMKilled: it used more than its memory limit of 256Mi',
    ],
    screenshot: 'observed-hover-status',
  });
  await h.dismiss(page);

  await h.gotoPosition(page, 39, 9);
  await page.waitForTimeout(1000);
  // limits: memory: 256Mi
  await h.hoverAt(page, 39, 9, { contains: ['Observed: app was OOMKilled at this limit (256Mi), 5 restart(s).'] });
  await h.dismiss(page);
});
