// A minimal editor-like LSP client over stdio (JSON-RPC from the project's vscode-jsonrpc), for both
// servers: it answers workspace/configuration, records every publishDiagnostics with the time it
// arrived (after JSON parsing, as an editor sees it), and reads the server's peak RSS from /proc.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(path.resolve(import.meta.dirname, '../../package.json'));
const rpc = require('vscode-jsonrpc/node');

export class Client {
  /**
   * @param {string[]} argv node script + args
   * @param {(section: string|undefined) => unknown} configuration answers workspace/configuration items
   */
  constructor(argv, configuration) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = [];
    this.proc.stderr.on('data', (b) => { if (this.stderr.length < 200) this.stderr.push(b.toString()); });
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.latest = new Map();
    /** Arrival time of the latest publishDiagnostics per URI. */
    this.lastAt = new Map();
    /** publishDiagnostics received per URI */
    this.published = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.latest.set(p.uri, p);
      this.lastAt.set(p.uri, at);
      this.published.set(p.uri, (this.published.get(p.uri) ?? 0) + 1);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve({ at, diagnostics: p.diagnostics });
        }
      }
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('telemetry/event', () => undefined);
    this.conn.onNotification(() => undefined);
    /** Arrival times of workspace/configuration requests (bench/profile.mjs times the settings round trip). */
    this.configurationAt = [];
    this.conn.onRequest('workspace/configuration', (p) => { this.configurationAt.push(performance.now()); return p.items.map((it) => configuration(it.section)); });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest(() => null);
    this.conn.listen();
    this.versions = new Map();
  }

  get pid() { return this.proc.pid; }

  async initialize(extra = {}) {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: false },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeLens: {},
        },
      },
      ...extra,
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Resolves with {at, diagnostics} for the next publishDiagnostics of uri (with that version, if given). */
  nextDiagnostics(uri, version, timeoutMs = 300_000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-1500)}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (x) => { clearTimeout(t); resolve(x); } });
    });
  }

  /**
   * Resolves with {at, diagnostics, publishes} of the last publishDiagnostics of uri once none has
   * arrived for `quietMs` (a server may publish a large file in steps: its top first, then all of it).
   */
  async settledDiagnostics(uri, quietMs) {
    for (;;) {
      const at = this.lastAt.get(uri);
      const wait = (at ?? performance.now()) + quietMs - performance.now();
      if (at !== undefined && wait <= 0) return { at, diagnostics: this.latest.get(uri).diagnostics };
      await new Promise((r) => setTimeout(r, Math.max(1, wait)));
    }
  }

  async open(uri, text) {
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  async change(uri, range, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(uri) {
    this.versions.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params) { return this.conn.sendRequest(method, params); }
  notify(method, params) { return this.conn.sendNotification(method, params); }

  /** Peak resident set size of the server process in bytes (VmHWM). */
  peakRss() {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch { return undefined; }
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch { /* gone */ }
    await new Promise((r) => setTimeout(r, 100));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
