/**
 * The lifecycle preview panel (extension host side): one panel at a time, revived after a reload by a
 * serializer, following the active YAML editor and the pod under its cursor. The timeline comes from
 * the server (`podLens/lifecycle`); the client never parses YAML. Modelled on the VS Code webview
 * sample (microsoft/vscode-extension-samples webview-sample/src/extension.ts): `createOrShow`,
 * `revive`, a disposables list, and `update` messages rather than new HTML.
 * https://code.visualstudio.com/api/extension-guides/webview
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_SCENARIO, scenarioFits } from '../../../server/src/analysis/lifecycle/scenarios/index';
import type { LifecycleParams, LifecycleTimeline, Scenario } from '../../../server/src/protocol/lifecycle';
import { LifecycleRequest } from '../../../server/src/protocol/requests';
import { SETTINGS_SECTION } from '../../../server/src/protocol/settings';
import type { Range } from 'vscode-languageserver-protocol';
import { renderShell } from './html';
import { parseFromWebview } from './messages';
import type { AssumptionOverrides, FromWebview, PreviewState, ToWebview } from './messages';
import { previewStrings } from './strings';

export const PREVIEW_VIEW_TYPE = 'podLens.lifecyclePreview';

/** Same documents as the language client's selector (client.ts): the server knows no others. */
function isPodYaml(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'yaml' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

interface Target {
  readonly uri: string;
  /** The cursor, when following it. */
  readonly position?: vscode.Position;
  /** A file-level pod index, when opened for a given pod (code lens, revived state). */
  readonly pod?: number;
}

const DELAY = { editor: 50, selection: 200, edit: 350 } as const;

export class LifecyclePreview implements vscode.Disposable {
  private static current: LifecyclePreview | undefined;

  /** The command: show (or focus) the panel, for the given pod or the one under the cursor. */
  static show(client: LanguageClient, context: vscode.ExtensionContext, uri?: string, pod?: number): void {
    const editor = vscode.window.activeTextEditor;
    const target: Target | undefined = uri !== undefined
      ? { uri, ...(pod !== undefined ? { pod } : {}) }
      : editor && isPodYaml(editor.document) ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
    const existing = LifecyclePreview.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (target) existing.follow(target, 0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Lifecycle Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, LifecyclePreview.options(context));
    LifecyclePreview.current = new LifecyclePreview(client, context, panel, target, {});
  }

  /** The serializer: the panel survived a reload; its webview state says what it showed. */
  static revive(client: LanguageClient, context: vscode.ExtensionContext, panel: vscode.WebviewPanel, state: PreviewState): void {
    LifecyclePreview.current?.dispose();
    panel.webview.options = LifecyclePreview.options(context);
    const editor = vscode.window.activeTextEditor;
    const target: Target | undefined = state.uri !== undefined
      ? { uri: state.uri, ...(state.pod !== undefined ? { pod: state.pod } : {}) }
      : editor && isPodYaml(editor.document) ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
    LifecyclePreview.current = new LifecyclePreview(client, context, panel, target, state);
  }

  /** Scripts on; only our bundle and stylesheet can be loaded (dist/ and client/media/). */
  private static options(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'client', 'media')],
    };
  }

  private readonly disposables: vscode.Disposable[] = [];
  private target: Target | undefined;
  private scenario: Scenario;
  private assumptions: AssumptionOverrides;
  private timeline: LifecycleTimeline | undefined;
  private last: ToWebview | undefined;
  private lastKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private seq = 0;
  private disposed = false;

  private constructor(
    private readonly client: LanguageClient,
    private readonly context: vscode.ExtensionContext,
    private readonly panel: vscode.WebviewPanel,
    target: Target | undefined,
    state: PreviewState,
  ) {
    this.target = target;
    this.scenario = state.scenario ?? DEFAULT_SCENARIO;
    this.assumptions = state.assumptions ?? {};
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        // Focusing the panel itself leaves no active editor: keep showing the last pod.
        if (e && isPodYaml(e.document)) this.follow({ uri: e.document.uri.toString(), position: e.selection.active }, DELAY.editor);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const uri = e.textEditor.document.uri.toString();
        if (uri === this.target?.uri && e.selections[0]) this.follow({ uri, position: e.selections[0].active }, DELAY.selection);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document.uri.toString() === this.target?.uri) this.schedule(DELAY.edit);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() !== this.target?.uri) return;
        this.target = undefined;
        this.schedule(0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.schedule(DELAY.edit);
      }),
    );
    this.schedule(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (LifecyclePreview.current === this) LifecyclePreview.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private html(): string {
    const w = this.panel.webview;
    const uri = (...p: string[]) => w.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...p)).toString();
    return renderShell({
      cspSource: w.cspSource,
      scriptUri: uri('dist', 'webview.js'),
      styleUri: uri('client', 'media', 'preview.css'),
      strings: previewStrings(vscode.l10n),
      lang: vscode.env.language,
      title: vscode.l10n.t('Lifecycle Preview'),
    });
  }

  private follow(target: Target, delay: number): void {
    this.target = target;
    this.schedule(delay);
  }

  /** Debounced: typing or moving the cursor sends one request when it pauses. */
  private schedule(delay: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, delay);
  }

  private params(target: Target, withOverrides: boolean): LifecycleParams {
    const where = target.position !== undefined
      ? { position: { line: target.position.line, character: target.position.character } }
      : target.pod !== undefined ? { pod: target.pod } : {};
    return {
      textDocument: { uri: target.uri },
      ...where,
      scenario: this.scenario,
      ...(withOverrides && Object.keys(this.assumptions).length ? { assumptions: this.assumptions } : {}),
    };
  }

  private async refresh(): Promise<void> {
    const target = this.target;
    if (!target) return this.post({ type: 'empty', reason: 'noEditor', message: vscode.l10n.t('Open a Kubernetes YAML file to see how its pods start and stop.') });
    const seq = ++this.seq;
    this.pending?.cancel();
    this.pending?.dispose();
    const cts = this.pending = new vscode.CancellationTokenSource();
    try {
      const ask = (p: LifecycleParams) => this.client.sendRequest(LifecycleRequest.type, p, cts.token);
      const overridden = Object.keys(this.assumptions).length > 0;
      // The defaults (shown next to the inputs) are what the simulator uses with no override.
      const [timeline, plain] = await Promise.all([ask(this.params(target, true)), overridden ? ask(this.params(target, false)) : Promise.resolve(null)]);
      if (seq !== this.seq || this.disposed) return;
      if (!timeline) return this.post({ type: 'empty', reason: 'noPod', message: vscode.l10n.t('No pod spec at the cursor. Put the cursor inside a Pod or a workload template.') });
      if (!scenarioFits(this.scenario, timeline.availableScenarios)) {
        // Another pod: its containers differ, so a scenario naming one no longer applies.
        this.scenario = DEFAULT_SCENARIO;
        return this.schedule(0);
      }
      this.timeline = timeline;
      this.panel.title = vscode.l10n.t('Lifecycle: {0}', timeline.pod.name ?? timeline.pod.kind);
      const fileName = path.basename(vscode.Uri.parse(timeline.uri).path);
      this.post({ type: 'update', timeline, fileName, scenario: this.scenario, assumptions: this.assumptions, defaults: (overridden ? plain : timeline)?.assumptions ?? null });
    } catch (e) {
      if (seq !== this.seq || this.disposed || cts.token.isCancellationRequested) return;
      this.post({ type: 'empty', reason: 'error', message: vscode.l10n.t('The lifecycle simulation failed: {0}', e instanceof Error ? e.message : String(e)) });
    }
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    const key = JSON.stringify(message);
    this.last = message;
    if (key === this.lastKey) return;
    this.lastKey = key;
    void this.panel.webview.postMessage(message);
  }

  /** Everything from the webview is validated first; unknown or malformed messages are ignored. */
  private onMessage(raw: unknown): void {
    const m: FromWebview | undefined = parseFromWebview(raw);
    if (!m) return;
    switch (m.type) {
      case 'ready':
        // A reloaded page has nothing: send the last update again.
        this.lastKey = '';
        if (this.last) this.post(this.last);
        else this.schedule(0);
        return;
      case 'reveal':
        void this.reveal(m.range);
        return;
      case 'setScenario':
        if (!scenarioFits(m.scenario, this.timeline?.availableScenarios)) return;
        this.scenario = m.scenario;
        this.schedule(0);
        return;
      case 'setAssumptions':
        this.assumptions = m.assumptions;
        this.schedule(DELAY.selection);
        return;
    }
  }

  /** Select the range in the followed document, in the editor that shows it (or the first column). */
  private async reveal(r: Range): Promise<void> {
    const uri = this.target?.uri ?? this.timeline?.uri;
    if (!uri) return;
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const range = doc.validateRange(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false, selection: new vscode.Selection(range.start, range.end) });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch {
      // The document went away (deleted, renamed): nothing to reveal.
    }
  }
}

