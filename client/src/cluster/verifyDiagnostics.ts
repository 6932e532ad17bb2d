/**
 * The server's validation errors from the last "Verify Against Cluster", as diagnostics at their field's range
 * (source "Pod Lens (cluster)", code `server-rejected`), in their own collection: they describe what the cluster
 * said about one version of the file, so the next verify or any edit of that file clears them.
 */
import * as vscode from 'vscode';
import type { VerifyResult } from '../../../server/src/protocol/cluster';

export const CLUSTER_DIAGNOSTIC_SOURCE = 'Pod Lens (cluster)';

export class VerifyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('podLens.cluster');
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
  });

  set(uri: vscode.Uri, result: Extract<VerifyResult, { ok: true }>): void {
    const diagnostics: vscode.Diagnostic[] = [];
    for (const o of result.objects) {
      for (const e of o.errors) {
        const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
        const d = new vscode.Diagnostic(range, vscode.l10n.t('The cluster rejected {0}: {1}', `${o.kind}/${o.name ?? '-'}`, e.message), vscode.DiagnosticSeverity.Error);
        d.source = CLUSTER_DIAGNOSTIC_SOURCE;
        d.code = 'server-rejected';
        diagnostics.push(d);
      }
    }
    this.collection.set(uri, diagnostics);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
