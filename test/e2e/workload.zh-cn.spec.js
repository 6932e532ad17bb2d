// Runs against a code-server whose display language is zh-cn (playwright.config.js). The client
// passes vscode.env.language to the server (initialize params.locale), which loads
// l10n/bundle.l10n.zh-cn.json from the installed .vsix: diagnostics and hovers are in Chinese.
const h = require('./helpers');

const { test, expect } = h;

test('zh-cn: diagnostics and hovers come from our Chinese bundle', async ({ page }) => {
  await h.openWorkbench(page);
  await h.openFile(page, 'workload.yaml');
  let problem = await h.waitForProblem(page, (p) => p.code === 'probe-success-threshold');
  if (await h.reloadIfExtensionHostNotLocalized(page, problem.message)) {
    await h.openFile(page, 'workload.yaml');
    problem = await h.waitForProblem(page, (p) => p.code === 'probe-success-threshold');
  }
  expect(problem).toMatchObject({ file: 'workload.yaml', severity: 'error', line: 32, column: 31 });
  expect(problem.message).toContain('存活探针只决定是否重启容器，一次成功就足够');
  const job = await h.waitForProblem(page, (p) => p.code === 'workload-restart-policy');
  expect(job.message).toContain('Job 运行 Pod 直至完成');

  // the sidecar's restartPolicy: Always
  await h.hoverAt(page, 17, 26, {
    contains: ['边车容器 log-shipper（第 1 个 Init 容器，共 1 个，restartPolicy: Always）', '在 Pod 的整个生命周期内，它都与应用容器并行运行。'],
    screenshot: 'workload-zh-cn-hover',
  });
  await h.dismiss(page);
});
