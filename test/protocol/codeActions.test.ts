import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';

const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: work
          image: work:1
        - name: fluent-bit
          image: fluent/fluent-bit:3.1.4
`;

describe('quick fixes over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = (await client.initialize()) as { capabilities: { codeActionProvider?: { codeActionKinds?: string[] } } };
    assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });
  after(async () => { await client.shutdown(); });

  it('answers textDocument/codeAction for the diagnostics in the context', async () => {
    const uri = 'file:///tmp/job.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, JOB);
    const diags = await wait;
    const d = diags.find((x) => x.code === 'legacy-sidecar-in-job');
    assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
    const actions = await client.request<{ title: string; kind: string; isPreferred?: boolean; diagnostics: unknown[]; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>(
      'textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const move = actions.find((a) => /initContainers/.test(a.title));
    assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(move.kind, 'quickfix');
    assert.equal(move.isPreferred, true);
    assert.deepEqual(move.diagnostics, [d]);
    assert.equal(move.edit.changes[uri]!.length, 2);
    assert.ok(actions.some((a) => a.title === 'Disable legacy-sidecar-in-job for this line'));
    const none = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [] } });
    assert.deepEqual(none, []);
  });
});
