// Smoke test: the workbench loads with Pod Lens installed from this checkout.
const { test, expect, openWorkbench, openFile, expectCommandInPalette, notificationMessages, screenshot } = require('./helpers');

test('workbench loads with Pod Lens installed', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'pod.yaml'); // a yaml file activates the extension (onLanguage:yaml)
  // The manifest's commands are in the palette, titled from package.nls.json.
  await expectCommandInPalette(page, 'Pod Lens: Show Lifecycle Preview');
  await screenshot(page, 'smoke-workbench');
  // activate() shows "Pod Lens failed to start: ..." when the client cannot start.
  expect((await notificationMessages(page)).filter((m) => m.includes('Pod Lens'))).toEqual([]);
});
