/**
 * The "Verify Against Cluster" panel (extension host side): one panel, its page rebuilt from each result by
 * verifyHtml.ts. The page has no script, so there are no messages to validate and no state to revive.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VerifyResult } from '../../../server/src/protocol/cluster';
import { renderVerifyPage } from './verifyHtml';
import type { VerifyStrings } from './verifyHtml';

export const VERIFY_VIEW_TYPE = 'podLens.verifyPanel';

export function verifyStrings(): VerifyStrings {
  return {
    title: vscode.l10n.t('Verify Against Cluster'),
    contextLine: vscode.l10n.t('Context {0} ({1}), Kubernetes {2}'),
    versionDiffers: vscode.l10n.t('The cluster runs Kubernetes {0}; Pod Lens predicted for {1}.'),
    accepted: vscode.l10n.t('{0} in namespace {1}: accepted by the server (dry run, nothing created)'),
    rejected: vscode.l10n.t('{0} in namespace {1}: rejected by the server'),
    predicted: vscode.l10n.t('Pod Lens predicted'),
    server: vscode.l10n.t('The server answered'),
    qosClass: vscode.l10n.t('QoS class'),
    requestOf: vscode.l10n.t('requests {0}'),
    limitOf: vscode.l10n.t('limits {0}'),
    containers: vscode.l10n.t('Containers'),
    containerLabel: vscode.l10n.t('{0} ({1})'),
    requests: vscode.l10n.t('requests'),
    limits: vscode.l10n.t('limits'),
    notInPod: vscode.l10n.t('not in this pod'),
    changes: vscode.l10n.t('What admission added or changed'),
    field: vscode.l10n.t('Field'),
    change: vscode.l10n.t('Change'),
    cause: vscode.l10n.t('Cause'),
    noChanges: vscode.l10n.t('Admission changed nothing that Pod Lens compares.'),
    added: vscode.l10n.t('added {0}'),
    removed: vscode.l10n.t('removed {0}'),
    changed: vscode.l10n.t('{0} → {1}'),
    errors: vscode.l10n.t('Validation errors'),
    differs: vscode.l10n.t('differs'),
    noPod: vscode.l10n.t('No pod spec at the cursor. Put the cursor inside a Pod or a workload template.'),
    roles: { app: vscode.l10n.t('app container'), init: vscode.l10n.t('init container'), sidecar: vscode.l10n.t('sidecar container'), ephemeral: vscode.l10n.t('ephemeral container') },
  };
}

export class VerifyPanel {
  private static current: VerifyPanel | undefined;

  static show(context: vscode.ExtensionContext, result: Extract<VerifyResult, { ok: true }>): void {
    let p = VerifyPanel.current;
    if (!p) {
      const panel = vscode.window.createWebviewPanel(VERIFY_VIEW_TYPE, vscode.l10n.t('Verify Against Cluster'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'media')] });
      p = VerifyPanel.current = new VerifyPanel(context, panel);
    } else {
      p.panel.reveal(undefined, true);
    }
    p.update(result);
  }

  private constructor(private readonly context: vscode.ExtensionContext, private readonly panel: vscode.WebviewPanel) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => { if (VerifyPanel.current === this) VerifyPanel.current = undefined; });
  }

  private update(result: Extract<VerifyResult, { ok: true }>): void {
    const w = this.panel.webview;
    const fileName = path.basename(vscode.Uri.parse(result.uri).path);
    const first = result.objects[0];
    this.panel.title = first ? vscode.l10n.t('Cluster: {0}', first.name ?? first.kind) : vscode.l10n.t('Verify Against Cluster');
    w.html = renderVerifyPage(result, {
      cspSource: w.cspSource,
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', 'verify.css')).toString(),
      lang: vscode.env.language,
      fileName,
      strings: verifyStrings(),
    });
  }
}
