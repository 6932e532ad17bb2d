/**
 * "Pod Lens: Verify Against Cluster" (issue 17): a server-side dry run of the pod at the cursor on the cluster of
 * podLens.cluster.kubeconfig / .context (the server does the asking: podLens/verify). Shows the prediction beside
 * the server's answer in the panel, the validation errors as diagnostics, and offers the cluster's version as
 * podLens.kubernetesVersion when they differ. Every failure is one sentence from the server, never a stack.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { VerifyResult } from '../../../server/src/protocol/cluster';
import { VerifyRequest } from '../../../server/src/protocol/requests';
import { SETTINGS_SECTION } from '../../../server/src/protocol/settings';
import { chooseClusterContext, clusterTarget } from './target';
import { VerifyDiagnostics } from './verifyDiagnostics';
import { VerifyPanel } from './verifyPanel';

const KUBERNETES_VERSION = 'kubernetesVersion';

/** Where the kubernetesVersion the document sees is set, so the offer changes that value and not a shadowed one. */
function versionTarget(uri: vscode.Uri): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).inspect<string>(KUBERNETES_VERSION);
  if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

async function offerVersion(uri: vscode.Uri, result: Extract<VerifyResult, { ok: true }>): Promise<void> {
  const minor = result.clusterVersion?.minor;
  if (!minor || minor === result.targetVersion) return;
  const set = vscode.l10n.t('Use {0}', minor);
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('The cluster runs Kubernetes {0}; Pod Lens predicts for {1} (podLens.kubernetesVersion). Predict for {0}?', minor, result.targetVersion), set);
  if (answer === set) await vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).update(KUBERNETES_VERSION, minor, versionTarget(uri));
}

export function verifyAgainstCluster(client: LanguageClient, context: vscode.ExtensionContext): () => Promise<void> {
  const diagnostics = new VerifyDiagnostics();
  context.subscriptions.push(diagnostics);
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'yaml') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes YAML file and put the cursor inside a pod to verify it against a cluster.'));
      return;
    }
    const doc = editor.document;
    const position = editor.selection.active;
    diagnostics.clear(doc.uri);
    const ask = () => vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pod Lens: asking the cluster (dry run)…') },
      () => client.sendRequest(VerifyRequest.type, { textDocument: { uri: doc.uri.toString() }, position: { line: position.line, character: position.character }, cluster: clusterTarget() }));
    let result = await ask();
    if (!result.ok) {
      const choose = vscode.l10n.t('Choose Context…');
      const answer = await vscode.window.showErrorMessage(result.message, choose);
      if (answer !== choose || !(await chooseClusterContext(client)())) return;
      result = await ask();
      if (!result.ok) { void vscode.window.showErrorMessage(result.message); return; }
    }
    if (result.objects.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No pod spec at the cursor. Put the cursor inside a Pod or a workload template.'));
      return;
    }
    // An edit while the cluster answered: the ranges no longer fit, so no diagnostics (the panel still shows the answer).
    if (doc.version === result.version) diagnostics.set(doc.uri, result);
    VerifyPanel.show(context, result);
    void offerVersion(doc.uri, result);
  };
}
