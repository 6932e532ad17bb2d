// The e2e scenarios in desktop VS Code through @vscode/test-electron (config: .vscode-test.mjs).
// Needs a VS Code download, so it is not part of npm test (see test/e2e/README.md). Mocha (tdd/bdd
// globals from @vscode/test-cli), the vscode API, and the expectations in test/e2e/scenarios.js.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const scenarios = require('../e2e/scenarios');

const WORKSPACE = path.resolve(__dirname, '../e2e/workspace');

async function openFixture() {
  const doc = await vscode.workspace.openTextDocument(path.join(WORKSPACE, scenarios.fixture));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Waits (event-driven, no sleeps) until the diagnostics of `uri` satisfy `ok`. */
function diagnosticsWhere(uri, ok) {
  return new Promise((resolve) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'pod-lens');
      if (ok(d)) { sub.dispose(); resolve(d); }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

describe('Pod Lens in desktop VS Code', () => {
  it('reports the fixture diagnostics with codes and ranges', async () => {
    const doc = await openFixture();
    const diags = await diagnosticsWhere(doc.uri, (d) => d.length >= scenarios.diagnostics.length);
    const got = diags.map((d) => ({ code: codeOf(d), line: d.range.start.line + 1, column: d.range.start.character + 1, endColumn: d.range.end.character + 1 }))
      .sort((a, b) => a.line - b.line);
    assert.deepEqual(got, scenarios.diagnostics.map(({ code, line, column, endColumn }) => ({ code, line, column, endColumn })));
  });

  it('explains the sidecar and the probe in hovers', async () => {
    const doc = await openFixture();
    for (const hv of scenarios.hovers) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(hv.line - 1, hv.column - 1));
      const text = hovers.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/`/g, '');
      for (const part of hv.contains) assert.ok(text.includes(part), `${part} in ${text}`);
    }
  });

  it('applies the quick fix and the diagnostic goes away', async () => {
    const doc = await openFixture();
    const q = scenarios.quickFix;
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === q.code));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri,
      new vscode.Range(q.line - 1, q.column - 1, q.line - 1, q.column), vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === q.title);
    assert.ok(fix && fix.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(q.line - 1).text, q.lineAfter);
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => codeOf(x) === q.code));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
