/**
 * The language server's workspace index (issue 16): every YAML file of the workspace folders (read from
 * disk once, then kept up to date from watched-file events), with open documents taken from their buffers
 * (from the analysis the service already made, not parsed again). It answers the service's admission hook
 * (LimitRanges from other files) and each file's workspace (cross-object) diagnostics, and when an update
 * touches namespaces it asks for the open documents there to be validated again.
 */
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { Connection, FileEvent, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../analysis/workspace/index';
import type { IndexChange } from '../analysis/workspace/index';
import { normalizePath } from '../analysis/workspace/paths';
import type { AdmissionContext } from '../analysis/admission/context';
import type { PodDiagnostic } from '../service/diagnostics';
import type { ClientDiagnostic, PodCodeAction } from '../service/codeActions';
import type { FileAnalysis } from '../service/fileAnalysis';
import type { TextSnapshot } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import { workspaceAdmissionHook } from '../service/workspaceAdmission';
import { workspaceCodeActions, workspaceDiagnostics } from '../service/workspaceDiagnostics';
import { objectsOfAnalysis } from '../service/workspaceObjects';
import type { Timer } from './diagnostics';
import { quotaHover } from '../analysis/workspace/quotaHover';
import { kubeVersionOrLatest } from '../model/version';
import type { Position } from '../model/lineIndex';

/** The file system side, given by the Node entry (node/workspaceFiles.ts). */
export interface WorkspaceFiles {
  /** The YAML files under these folders (bounded). */
  list(roots: readonly string[]): Promise<string[]>;
  /** A file's text, or undefined (missing, too large, unreadable). */
  read(file: string): Promise<string | undefined>;
  /** The file system path of a URI (file: only). */
  pathOf(uri: string): string | undefined;
  uriOf(file: string): string;
}

/** Files indexed per turn of the event loop during the first scan, so requests are served meanwhile. */
const SCAN_BATCH = 50;
/** Delay before the open documents of touched namespaces are validated again. */
const REVALIDATE_DELAY_MS = 200;

export class WorkspaceState {
  readonly index = new WorkspaceIndex();
  private roots: string[] = [];
  private readonly hook;
  /**
   * The version and text each open document was last indexed at. Not the analysis: an analysis redone only
   * because its admission changed has the same objects, and indexing it again would count as a change
   * (two open files with LimitRanges would then re-validate each other forever).
   */
  private readonly indexedAt = new Map<string, { version: number; text: string }>();
  /** What each open document's workspace findings were when last published, and with which LimitRanges. */
  private readonly published = new Map<string, { version: number; key: string; limitRanges: number; settings: PodLensSettings }>();
  private pendingNamespaces = new Set<string>();
  private pendingAll = false;
  private revalidateTimer: unknown;
  private scanned = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly files: WorkspaceFiles,
    private readonly timer: Timer,
    private readonly log: (m: string) => void,
    /** Validate these open documents again (their admission or workspace findings may have changed). */
    private readonly revalidate: (docs: TextDocument[]) => void,
  ) {
    this.hook = workspaceAdmissionHook(this.index, {
      fileOf: (uri) => this.files.pathOf(uri),
      display: (file) => ({ file: this.relative(file), uri: this.files.uriOf(file) }),
    });
  }

  /** ServiceOptions.admission. */
  readonly admission = (doc: TextSnapshot): AdmissionContext | undefined => this.hook.admission(doc);

  /** After `initialized`: index the workspace folders, then validate the open documents again. */
  async start(rootUris: readonly string[], canWatch: boolean): Promise<void> {
    this.roots = rootUris.map((u) => this.files.pathOf(u)).filter((p): p is string => p !== undefined).map(normalizePath);
    if (canWatch) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
        .catch((e) => this.log(`[pod-lens] cannot watch workspace files: ${String(e)}`));
    }
    if (this.roots.length === 0) { this.scanned = true; return; }
    try {
      const paths = await this.files.list(this.roots);
      for (let i = 0; i < paths.length; i += SCAN_BATCH) {
        for (const p of paths.slice(i, i + SCAN_BATCH)) {
          if (this.isOpen(p)) continue; // its buffer is indexed when it is validated
          const text = await this.files.read(p);
          if (text !== undefined) this.index.setFileText(p, text);
        }
        await new Promise<void>((r) => this.timer.setTimeout(() => r(), 0));
      }
    } catch (e) {
      this.log(`[pod-lens] indexing the workspace failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.scanned = true;
    if (this.index.stats().full) this.log('[pod-lens] the workspace index is full: some files are not indexed (cross-object checks may miss objects)');
    this.touched({ all: true });
  }

  /** The default namespace (podLens.defaultNamespace); all open documents are validated again when it changes. */
  setDefaultNamespace(ns: string | undefined): void {
    if (this.index.setDefaultNamespace(ns)) this.touched({ all: true });
  }

  /**
   * Index an open document from its current analysis, and its workspace findings as diagnostics. Other open
   * documents of the namespaces the update touched are validated again (debounced).
   */
  diagnosticsFor(doc: TextSnapshot, analysis: FileAnalysis, settings: PodLensSettings): PodDiagnostic[] {
    const file = this.files.pathOf(doc.uri);
    if (file === undefined) return [];
    this.sync(doc, file, analysis);
    const out = workspaceDiagnostics(this.index, file, doc.text, settings);
    this.published.set(doc.uri, { version: doc.version, key: diagnosticsKey(out), limitRanges: this.index.limitRangeGeneration, settings });
    return out;
  }

  /**
   * Whether an open document must be validated again after an index change: its admission may differ (the
   * LimitRanges changed) or its workspace findings differ from those last published. An unchanged document is
   * not re-published: with several large files open, re-sending their diagnostics on every keystroke elsewhere
   * cost more than the edit itself.
   */
  private stale(d: TextDocument): boolean {
    const last = this.published.get(d.uri);
    const file = this.files.pathOf(d.uri);
    if (!last || file === undefined || last.version !== d.version || last.limitRanges !== this.index.limitRangeGeneration) return true;
    return diagnosticsKey(workspaceDiagnostics(this.index, file, d.getText(), last.settings)) !== last.key;
  }

  /** Index an open document's current version (once per version). */
  private sync(doc: TextSnapshot, file: string, analysis: FileAnalysis): void {
    const at = this.indexedAt.get(doc.uri);
    if (!at || at.version !== doc.version || at.text !== doc.text) {
      this.indexedAt.set(doc.uri, { version: doc.version, text: doc.text });
      this.touched(this.index.setFile(file, objectsOfAnalysis(file, analysis)), doc.uri);
    }
  }

  /** The hover on a ResourceQuota of an open document: its usage table. */
  hover(doc: TextSnapshot, analysis: FileAnalysis, settings: PodLensSettings, position: Position): { markdown: string } | undefined {
    const file = this.files.pathOf(doc.uri);
    if (file === undefined) return undefined;
    this.sync(doc, file, analysis);
    const markdown = quotaHover(this.index, file, analysis.lines.offset(position), kubeVersionOrLatest(settings.kubernetesVersion));
    return markdown ? { markdown } : undefined;
  }

  codeActions<D extends ClientDiagnostic>(doc: TextSnapshot, settings: PodLensSettings, diagnostics: readonly D[]): PodCodeAction<D>[] {
    const file = this.files.pathOf(doc.uri);
    return file === undefined ? [] : workspaceCodeActions(this.index, file, doc.uri, doc.text, settings, diagnostics);
  }

  /** A document closed: what is on disk is the file's content again. */
  async closed(uri: string): Promise<void> {
    this.indexedAt.delete(uri);
    this.published.delete(uri);
    this.hook.forget(uri);
    const file = this.files.pathOf(uri);
    if (file !== undefined) await this.reload(file);
  }

  /** workspace/didChangeWatchedFiles: files not open are read again (an open one's buffer is its truth). */
  async watched(changes: readonly FileEvent[]): Promise<void> {
    for (const c of changes) {
      const file = this.files.pathOf(c.uri);
      if (file === undefined || this.documents.get(c.uri)) continue;
      if (!this.inRoots(file)) continue;
      if (c.type === FileChangeType.Deleted) this.touched(this.index.removeFile(file));
      else await this.reload(file);
    }
  }

  private async reload(file: string): Promise<void> {
    if (!this.inRoots(file)) { this.touched(this.index.removeFile(file)); return; }
    const text = await this.files.read(file);
    this.touched(text === undefined ? this.index.removeFile(file) : this.index.setFileText(file, text));
  }

  private touched(change: IndexChange, except?: string): void {
    if (!this.scanned) return; // the end of the first scan validates everything
    if (change.all) this.pendingAll = true;
    else for (const ns of change.namespaces) this.pendingNamespaces.add(ns);
    if (!this.pendingAll && this.pendingNamespaces.size === 0) return;
    if (this.revalidateTimer !== undefined) this.timer.clearTimeout(this.revalidateTimer);
    this.revalidateTimer = this.timer.setTimeout(() => {
      this.revalidateTimer = undefined;
      const all = this.pendingAll;
      const namespaces = this.pendingNamespaces;
      this.pendingAll = false;
      this.pendingNamespaces = new Set();
      const docs = this.documents.all().filter((d) => d.uri !== except && (all || this.inNamespaces(d.uri, namespaces)) && this.stale(d));
      if (docs.length) this.revalidate(docs);
    }, REVALIDATE_DELAY_MS);
  }

  private inNamespaces(uri: string, namespaces: ReadonlySet<string>): boolean {
    const file = this.files.pathOf(uri);
    if (file === undefined) return false;
    const objects = this.index.objectsOf(file);
    // A document with no indexed object yet (never validated) is validated: it may have pods there.
    return objects.length === 0 || objects.some((o) => namespaces.has(this.index.namespaceOf(o)));
  }

  private isOpen(file: string): boolean {
    return this.documents.get(this.files.uriOf(file)) !== undefined;
  }

  private inRoots(file: string): boolean {
    const n = normalizePath(file);
    return this.roots.some((r) => n === r || n.startsWith(r.endsWith('/') ? r : `${r}/`));
  }

  /** A file as messages show it: relative to its workspace folder. */
  private relative(file: string): string {
    const n = normalizePath(file);
    for (const r of this.roots) {
      const prefix = r.endsWith('/') ? r : `${r}/`;
      if (n.startsWith(prefix)) return n.slice(prefix.length);
    }
    return n;
  }
}

function diagnosticsKey(diagnostics: readonly PodDiagnostic[]): string {
  return diagnostics.map((d) => `${d.code}|${d.severity}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}|${JSON.stringify(d.data ?? null)}`).join('\n');
}
