/**
 * Rendering charts and overlays while the user edits (issue 15). An open file that is part of a chart or
 * overlay (or a source of one rendered before, such as a values file outside the chart) schedules a render
 * of it: debounced, the previous run of the same project cancelled, skipped when the content key (every file
 * the mapping reads, open buffers winning over the disk) is unchanged. Plain files never wait for it: their
 * diagnostics are published as before, and rendered findings are added to a file's set when a render ends.
 * A missing tool is said once per tool path; a failure is one diagnostic where the tool said.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from '../model/lineIndex';
import type { LifecycleTimeline } from '../protocol/lifecycle';
import type { PodCodeLens } from '../service/codeLens';
import type { PodDiagnostic } from '../service/diagnostics';
import type { PodHover } from '../service/hover';
import { createPodService } from '../service/index';
import type { LifecycleQuery } from '../service/lifecycle';
import { missingToolMessage } from '../service/rendered';
import type { RenderedPod } from '../service/rendered';
import { failureView, renderedView } from '../service/renderedView';
import type { RenderedView } from '../service/renderedView';
import { renderSettings } from '../service/settings';
import type { RenderSettings } from '../service/settings';
import type { RenderedSet } from '../render/rendered';
import type { Timer } from './diagnostics';
import type { SettingsCache } from './settings';

export interface RenderProject { readonly kind: 'helm' | 'kustomize'; readonly dir: string }

export type RendererOutcome =
  | { readonly ok: true; readonly set: RenderedSet }
  | { readonly ok: false; readonly kind: 'missing'; readonly tool: 'helm' | 'kustomize'; readonly command: string }
  | { readonly ok: false; readonly kind: 'cancelled' }
  | { readonly ok: false; readonly kind: 'failed'; readonly failure: { readonly file: string; readonly line?: number; readonly message: string; readonly remote?: string }; readonly sources: ReadonlyMap<string, string> };

/** The Node side (node/render/editorRender.ts): finding a file's project and running the tool. */
export interface Renderer {
  projectOf(uri: string): RenderProject | undefined;
  /** A source file's name in a rendered set -> its URI. */
  uriOf(file: string): string;
  /** URI -> absolute path (undefined for a URI that is not a file). */
  pathOf(uri: string): string | undefined;
  render(project: RenderProject, options: {
    readonly settings: RenderSettings; readonly overlay: ReadonlyMap<string, string>;
    readonly previousKey?: string; readonly signal: AbortSignal;
  }): Promise<{ readonly key: string; readonly outcome?: RendererOutcome }>;
}

interface ProjectState {
  readonly id: string;
  readonly project: RenderProject;
  timer?: unknown;
  abort?: AbortController;
  key?: string;
  view?: RenderedView;
  /** The URI that asked last (its settings are the project's). */
  trigger: string;
}

export class Rendering {
  private readonly projects = new Map<string, ProjectState>();
  private readonly service = createPodService({ log: (m) => this.log(m) });
  private readonly said = new Set<string>();
  /** Runs in flight (tests and shutdown wait for them). */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly renderer: Renderer,
    private readonly timer: Timer,
    private readonly delayMs: number,
    private readonly log: (m: string) => void,
    /** Called with the URIs whose rendered findings changed. */
    private readonly changed: (uris: readonly string[]) => void,
  ) {}

  /** An open file changed (or opened): render the projects it is part of, after the debounce. */
  touched(uri: string, immediate = false): void {
    for (const state of this.projectsOf(uri)) this.schedule(state, uri, immediate ? 0 : this.delayMs);
  }

  /** Settings changed: every project renders again (the tool, values or release may differ). */
  settingsChanged(): void {
    for (const state of this.projects.values()) { state.key = undefined; this.schedule(state, state.trigger, 0); }
  }

  /** A file closed: a project with no open file left is dropped and its findings withdrawn. */
  closed(uri: string): void {
    for (const state of [...this.projects.values()]) {
      const open = this.documents.all().some((d) => d.uri !== uri && this.belongs(state, d.uri));
      if (open) continue;
      if (state.timer !== undefined) this.timer.clearTimeout(state.timer);
      state.abort?.abort();
      const uris = state.view?.uris ?? [];
      state.view?.dispose();
      this.projects.delete(state.id);
      this.changed(uris);
    }
  }

  diagnostics(uri: string): PodDiagnostic[] { return this.views(uri).flatMap((v) => v.diagnostics(uri)); }

  /**
   * A file's own findings with the rendered ones that land in it, without a rendered one the file already has on
   * that line; a template that rendered drops its "template expressions were ignored" notice (they were not).
   */
  merge(uri: string, own: readonly PodDiagnostic[]): PodDiagnostic[] {
    const views = this.views(uri);
    if (!views.length) return [...own];
    const rendered = views.some((v) => v.rendered);
    const kept = rendered ? own.filter((d) => d.code !== 'helm-template') : own;
    const seen = new Set(kept.map((d) => `${d.code}|${d.range.start.line}`));
    return [...kept, ...views.flatMap((v) => v.diagnostics(uri)).filter((d) => !seen.has(`${d.code}|${d.range.start.line}`))];
  }
  lenses(uri: string): PodCodeLens[] { return this.views(uri).flatMap((v) => v.lenses(uri)); }
  pods(uri: string): RenderedPod[] { return this.views(uri).flatMap((v) => v.pods(uri)); }

  hover(uri: string, position: Position): PodHover | undefined {
    for (const v of this.views(uri)) { const h = v.hover(uri, position); if (h) return h; }
    return undefined;
  }

  lifecycle(uri: string, version: number, query: LifecycleQuery): LifecycleTimeline | null {
    for (const v of this.views(uri)) { const t = v.lifecycle(uri, version, query); if (t) return t; }
    return null;
  }

  /** Resolves when no render is scheduled or running. */
  async idle(): Promise<void> {
    while (this.running.size > 0 || [...this.projects.values()].some((s) => s.timer !== undefined)) {
      await Promise.all([...this.running]);
      await new Promise<void>((r) => this.timer.setTimeout(r, 5));
    }
  }

  private views(uri: string): RenderedView[] {
    return [...this.projects.values()].flatMap((s) => (s.view && s.view.uris.includes(uri) ? [s.view] : []));
  }

  private belongs(state: ProjectState, uri: string): boolean {
    const p = this.renderer.projectOf(uri);
    return (p !== undefined && `${p.kind}:${p.dir}` === state.id) || (state.view?.uris.includes(uri) ?? false);
  }

  private projectsOf(uri: string): ProjectState[] {
    const out: ProjectState[] = [];
    const own = this.renderer.projectOf(uri);
    if (own) {
      const id = `${own.kind}:${own.dir}`;
      let state = this.projects.get(id);
      if (!state) { state = { id, project: own, trigger: uri }; this.projects.set(id, state); }
      out.push(state);
    }
    for (const s of this.projects.values()) if (!out.includes(s) && s.view?.uris.includes(uri)) out.push(s);
    return out;
  }

  private schedule(state: ProjectState, uri: string, delay: number): void {
    state.trigger = uri;
    if (state.timer !== undefined) this.timer.clearTimeout(state.timer);
    state.timer = this.timer.setTimeout(() => {
      state.timer = undefined;
      const run = this.run(state).catch((e: unknown) => this.log(`[pod-lens] rendering ${state.project.dir} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, delay);
  }

  private async run(state: ProjectState): Promise<void> {
    state.abort?.abort(); // a newer render replaces one still running
    const abort = new AbortController();
    state.abort = abort;
    const settings = await this.settings.get(state.trigger);
    if (abort.signal.aborted) return;
    const overlay = new Map<string, string>();
    for (const d of this.documents.all()) {
      const p = this.renderer.pathOf(d.uri);
      if (p) overlay.set(p, d.getText());
    }
    const r = await this.renderer.render(state.project, { settings: renderSettings(settings), overlay, ...(state.key ? { previousKey: state.key } : {}), signal: abort.signal });
    if (state.abort !== abort || abort.signal.aborted || this.projects.get(state.id) !== state) return;
    state.abort = undefined;
    const outcome = r.outcome;
    if (!outcome || (!outcome.ok && outcome.kind === 'cancelled')) return;
    state.key = r.key;
    const before = state.view?.uris ?? [];
    state.view?.dispose();
    if (outcome.ok) state.view = renderedView(this.service, outcome.set, settings, (f) => this.renderer.uriOf(f));
    else if (outcome.kind === 'failed') state.view = failureView(outcome.sources, outcome.failure, state.project.kind, (f) => this.renderer.uriOf(f));
    else {
      state.view = undefined;
      const once = `${outcome.tool}|${outcome.command}`;
      if (!this.said.has(once)) {
        this.said.add(once);
        void this.connection.window.showWarningMessage(missingToolMessage(outcome.tool, outcome.command));
      }
    }
    this.changed([...new Set([...before, ...(state.view?.uris ?? [])])]);
  }
}
