// Runs against a code-server whose display language is zh-cn (see playwright.config.js): the
// manifest's titles come from package.nls.zh-cn.json.
const { test, openWorkbench, openFile, expectCommandInPalette, screenshot } = require('./helpers');

test('zh-cn: commands are titled from package.nls.zh-cn.json', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'pod.yaml');
  await expectCommandInPalette(page, 'Pod Lens: 显示生命周期预览');
  await screenshot(page, 'smoke-zh-cn');
});
