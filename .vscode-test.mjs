// @vscode/test-cli configuration: the e2e scenarios (test/e2e/scenarios.js) in a downloaded desktop
// VS Code, for machines that can reach update.code.visualstudio.com. Not part of npm test: this
// repository's offline CI runs the same scenarios in code-server instead (scripts/run-e2e.sh).
//   npm install --no-save @vscode/test-cli @vscode/test-electron && npm run build && npx vscode-test
// Uses the development folder (dist/ from npm run build); package and install a .vsix to test that.
// A plain object (no `import { defineConfig } from '@vscode/test-cli'`) so this file loads without it.
export default [
  {
    label: 'desktop',
    files: 'test/electron/**/*.test.js',
    version: process.env.VSCODE_TEST_VERSION ?? 'stable', // also worth running on engines.vscode: 1.91.0
    workspaceFolder: './test/e2e/workspace',
    extensionDevelopmentPath: '.',
    launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    mocha: { ui: 'bdd', timeout: 60_000 },
  },
];
