/**
 * Live pods as read-only documents (issue 17): `podlens:/NAMESPACE/POD.yaml?context=NAME` holds the pod as
 * `kubectl get pod -o yaml` prints it, read with one GET through the language server (podLens/livePod). The
 * language client's selector includes the scheme, so the pod is explained exactly as an observed pod from a
 * file (diagnostics, hovers, lens). "Pod Lens: Refresh Live Pod" (the editor title button) reads it again.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LivePodRequest } from '../../../server/src/protocol/requests';
import { clusterTarget } from './target';

export const LIVE_POD_SCHEME = 'podlens';

export interface LivePodRef { readonly namespace: string; readonly name: string; readonly context: string }

export function livePodUri(ref: LivePodRef): vscode.Uri {
  return vscode.Uri.from({ scheme: LIVE_POD_SCHEME, path: `/${ref.namespace}/${ref.name}.yaml`, query: new URLSearchParams({ context: ref.context }).toString() });
}

export function livePodRef(uri: vscode.Uri): LivePodRef | undefined {
  const m = /^\/([^/]+)\/([^/]+)\.yaml$/.exec(uri.path);
  if (uri.scheme !== LIVE_POD_SCHEME || !m) return undefined;
  return { namespace: m[1]!, name: m[2]!, context: new URLSearchParams(uri.query).get('context') ?? '' };
}

export class LivePodDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = livePodRef(uri);
    if (!ref) return '';
    const target = { ...clusterTarget(), ...(ref.context ? { context: ref.context } : {}) };
    const r = await this.client.sendRequest(LivePodRequest.type, { cluster: target, namespace: ref.namespace, name: ref.name });
    if (r.ok) return r.yaml;
    void vscode.window.showErrorMessage(r.message);
    // A comment, so the document says why it is empty and no rule speaks about it.
    return `# ${r.message.replace(/\n/g, ' ')}\n`;
  }

  refresh(uri: vscode.Uri): void {
    if (uri.scheme === LIVE_POD_SCHEME) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerLivePodDocuments(client: LanguageClient, context: vscode.ExtensionContext): LivePodDocuments {
  const provider = new LivePodDocuments(client);
  context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(LIVE_POD_SCHEME, provider));
  return provider;
}

export async function openLivePod(ref: LivePodRef): Promise<void> {
  let doc = await vscode.workspace.openTextDocument(livePodUri(ref));
  if (doc.languageId !== 'yaml') doc = await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  await vscode.window.showTextDocument(doc, { preview: false });
}
