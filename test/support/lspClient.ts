/**
 * A minimal LSP client over stdio for protocol tests, the soak test and the benchmark: it starts
 * the real bundled server (dist/server.js --stdio) and speaks JSON-RPC to it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export interface Diag { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; message: string; source?: string; codeDescription?: { href: string }; data?: unknown }

export interface LspClientOptions {
  readonly serverPath?: string;
  readonly args?: readonly string[];
  readonly locale?: string;
  readonly settings?: Record<string, unknown>;
  /** Answer workspace/configuration requests with `settings` (like VS Code does). */
  readonly configuration?: boolean;
  /** Workspace folder URIs (initialize params.workspaceFolders). */
  readonly workspaceFolders?: readonly string[];
  /** Say the client can watch files for the server (dynamic registration of workspace/didChangeWatchedFiles). */
  readonly watchFiles?: boolean;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly stderr: string[] = [];
  private readonly diagWaiters: { uri: string; version?: number; resolve: (d: Diag[]) => void }[] = [];
  readonly latest = new Map<string, { version?: number; diagnostics: Diag[] }>();
  /** Every publishDiagnostics, in the order they arrived. */
  readonly published: { uri: string; version?: number; diagnostics: Diag[] }[] = [];
  private versions = new Map<string, number>();
  /** client/registerCapability registrations the server asked for. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  constructor(private readonly options: LspClientOptions = {}) {
    const serverPath = options.serverPath ?? path.resolve(__dirname, '../../../dist/server.js');
    this.proc = spawn(process.execPath, [serverPath, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diag[] }) => {
      this.latest.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
      this.published.push(p);
      for (let i = this.diagWaiters.length - 1; i >= 0; i--) {
        const w = this.diagWaiters[i]!;
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.diagWaiters.splice(i, 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.stderr.push(p.message); });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...(p.registrations ?? []));
      return null;
    });
    this.conn.listen();
  }

  async initialize(): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.options.workspaceFolders?.[0] ?? null,
      ...(this.options.workspaceFolders ? { workspaceFolders: this.options.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) } : {}),
      locale: this.options.locale,
      capabilities: {
        workspace: {
          configuration: this.options.configuration ?? true,
          ...(this.options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
        },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { settings: this.options.settings ?? {} },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  waitForDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<Diag[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`)), timeoutMs);
      this.diagWaiters.push({ uri, version, resolve: (d) => { clearTimeout(timer); resolve(d); } });
    });
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace a range (0-based line/character) with text; returns the new version. */
  async edit(uri: string, range: Diag['range'], text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** workspace/didChangeWatchedFiles (type 1 created, 2 changed, 3 deleted). */
  async watched(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
