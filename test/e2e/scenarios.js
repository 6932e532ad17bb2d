// Expectations shared by the Playwright specs (code-server, test/e2e/*.spec.js) and the
// @vscode/test-electron suite (desktop VS Code, test/electron/, .vscode-test.mjs), both on
// test/e2e/workspace/workload.yaml. Lines and columns are 1-based, as VS Code shows them.
module.exports = {
  fixture: 'workload.yaml',
  /** The diagnostics of the fixture: code and range (end column exclusive). */
  diagnostics: [
    { code: 'request-exceeds-limit', severity: 'error', line: 25, column: 44, endColumn: 49 },
    { code: 'probe-success-threshold', severity: 'error', line: 32, column: 31, endColumn: 32 },
    { code: 'workload-restart-policy', severity: 'error', line: 41, column: 22, endColumn: 28 },
  ],
  hovers: [
    { line: 17, column: 26, contains: ['Sidecar log-shipper', 'It keeps running beside the app containers for the whole life of the pod.'] },
    { line: 27, column: 13, contains: ['readinessProbe of app', 'the pod is removed from Service endpoints'] },
  ],
  quickFix: { line: 32, column: 31, code: 'probe-success-threshold', title: 'Set successThreshold to 1', lineAfter: '            successThreshold: 1' },
};
