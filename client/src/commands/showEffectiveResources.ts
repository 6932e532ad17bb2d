/** "Pod Lens: Show Effective Resources": the pod's effective requests/limits and QoS, from the server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AnalysisResult, PodSummary } from '../../../server/src/protocol/analysis';
import { AnalysisRequest } from '../../../server/src/protocol/requests';

function list(q: Record<string, string>): string {
  const e = Object.entries(q);
  return e.length ? e.map(([k, v]) => `${k} ${v}`).join(', ') : '—';
}

export async function pickPod(client: LanguageClient, uri: vscode.Uri, podIndex: number | undefined, cursor?: vscode.Position): Promise<{ result: AnalysisResult; pod: PodSummary } | undefined> {
  const result = await client.sendRequest(AnalysisRequest.type, { textDocument: { uri: uri.toString() } });
  if (!result || result.pods.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No pod spec found in this file.'));
    return undefined;
  }
  let pod = podIndex !== undefined ? result.pods.find((p) => p.index === podIndex) : undefined;
  if (!pod && cursor) pod = result.pods.find((p) => p.range.start.line <= cursor.line && cursor.line <= p.range.end.line);
  return { result, pod: pod ?? result.pods[0]! };
}

export function showEffectiveResources(client: LanguageClient): (uri?: string, podIndex?: number) => Promise<void> {
  return async (uriText, podIndex) => {
    const editor = vscode.window.activeTextEditor;
    const uri = uriText ? vscode.Uri.parse(uriText) : editor?.document.uri;
    if (!uri) return;
    const picked = await pickPod(client, uri, podIndex, uriText ? undefined : editor?.selection.active);
    if (!picked) return;
    const { pod } = picked;
    const detail = [
      vscode.l10n.t('Requests: {0}', list(pod.requests)),
      vscode.l10n.t('Limits: {0}', list(pod.limits)),
      '',
      pod.qosReason,
      '',
      vscode.l10n.t('Steady state (app containers + sidecars): {0}', list(pod.breakdown.requests.steady)),
      vscode.l10n.t('Init peak: {0}', list(pod.breakdown.requests.initPeak)),
      vscode.l10n.t('Overhead: {0}', list(pod.breakdown.requests.overhead)),
    ].join('\n');
    await vscode.window.showInformationMessage(`${pod.kind}/${pod.name ?? '?'}: QoS ${pod.qosClass}`, { modal: true, detail });
  };
}
