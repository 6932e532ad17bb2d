/**
 * Static guarantee: nothing the extension or the server ships can run a program, evaluate code or
 * touch the network, so no YAML (probe `exec` commands included) can make Pod Lens execute anything.
 * Scans server/src, client/src and client/webview. Test support code (test/support) may spawn the
 * server; it is not shipped and not scanned.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const SCANNED = ['server/src', 'client/src', 'client/webview'];
/**
 * Rendering Helm charts and Kustomize overlays (issue 15) runs the user's own `helm`/`kustomize`: only
 * this adapter may start a process, and only as the next test checks.
 */
const TOOL_RUNNER = 'server/src/node/render/run.ts';
const TOOL_RUNNER_ALLOWS = ['import of a process/network/eval module', 'spawn/exec call'];
/**
 * Asking the cluster (issue 17) is the user's explicit, opt-in command: this adapter is the one place that
 * opens a connection (node:http/node:https), only to the API server of the user's kubeconfig, and only for GET
 * and dry-run POST (checked below and in test/cluster).
 */
const CLUSTER_REQUEST = 'server/src/node/cluster/request.ts';
/** @kubernetes/client-node (kubeconfig loading and its authenticators: exec plugins, OIDC) is loaded only here. */
const CLUSTER_KUBECONFIG = 'server/src/node/cluster/kubeconfig.ts';
/** Who may import the cluster adapter: the verify and explain-from-cluster commands, nothing that runs by itself. */
// node/main.ts hands the language server its ClusterAccess (node/cluster/editorCluster.ts), which loads client-node
// only when a cluster request arrives (the editor's Verify Against Cluster / Explain Pod From Cluster… commands).
const CLUSTER_CALLERS = ['server/src/cli/verify.ts', 'server/src/cli/liveSource.ts', 'server/src/node/cluster/', 'server/src/node/main.ts'];

/** `strings`: the pattern needs string contents (module names); otherwise strings are blanked first. */
interface Pattern { readonly name: string; readonly re: RegExp; readonly strings?: boolean }

const MODULES = ['child_process', 'cluster', 'worker_threads', 'vm', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'inspector', 'undici'];
const modAlt = MODULES.join('|');

export const FORBIDDEN: readonly Pattern[] = [
  { name: 'import of a process/network/eval module', re: new RegExp(`(?:from\\s*|require\\s*\\(\\s*|import\\s*\\(\\s*|^\\s*import\\s*)['"](?:node:)?(?:${modAlt})(?:/[\\w/]*)?['"]`), strings: true },
  { name: 'process.binding / dlopen', re: /process\s*\.\s*(?:binding|_linkedBinding|dlopen)\b/ },
  // `.exec(` alone is RegExp.prototype.exec; importing child_process is caught above anyway.
  { name: 'spawn/exec call', re: /(?<![\w$])(?:spawn|spawnSync|execSync|execFile|execFileSync|fork)\s*\(|(?<![.\w$])exec\s*\(/ },
  { name: 'eval', re: /(?<![.\w])eval\s*\(|\bglobalThis\s*\.\s*eval\b/ },
  { name: 'eval by name', re: /\[\s*['"`](?:eval|Function)['"`]\s*\]/, strings: true },
  { name: 'new Function', re: /\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(/ },
  { name: 'string-evaluating timer', re: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/, strings: true },
  { name: 'network request', re: /(?<![.\w])fetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bnavigator\s*\.\s*sendBeacon\b|\bimportScripts\s*\(/ },
  { name: 'dynamic import of a computed module', re: /(?<![.\w])import\s*\(\s*[^'"\s)]/ },
  { name: 'VS Code terminal/task/process execution', re: /\bcreateTerminal\s*\(|\.sendText\s*\(|\bShellExecution\b|\bProcessExecution\b|\btasks\s*\.\s*executeTask\b|\bdebug\s*\.\s*startDebugging\b/ },
  { name: 'opening URLs or running arbitrary commands from data', re: /\benv\s*\.\s*openExternal\s*\(|\bcommands\s*\.\s*executeCommand\s*\(\s*[^'"\s]/ },
];

/**
 * Splits source into what the checks read: comments removed (documentation may say what the code
 * must not do), regular-expression literals blanked, and string contents either kept (to see module
 * names in imports) or blanked (so messages and regexes that mention `exec(` are not calls).
 * Newlines are kept, so line numbers stay right.
 */
export function scrub(src: string): { withStrings: string; code: string } {
  let withStrings = '';
  let code = '';
  const emit = (kept: string, blank: string) => { withStrings += kept; code += blank; };
  const blankOf = (s: string) => s.replace(/[^\n]/g, ' ');
  // Template literals nest code in `${ }`: a stack of brace depths, one per open template.
  const templates: number[] = [];
  let braces = 0;
  let prev = '';
  let i = 0;
  const regexAllowed = () => prev === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) || /\b(?:return|typeof|case|do|else|in|of|void|yield|await)$/.test(prev);
  const readString = (q: string) => {
    let j = i + 1;
    while (j < src.length) {
      const c = src[j]!;
      if (c === '\\') { j += 2; continue; }
      if (q === '`' && c === '$' && src[j + 1] === '{') break;
      if (c === q) { j++; break; }
      if (q !== '`' && c === '\n') break;
      j++;
    }
    return j;
  };
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const j = end < 0 ? src.length : end + 2;
      const b = blankOf(src.slice(i, j));
      emit(b, b); i = j; continue;
    }
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const j = end < 0 ? src.length : end;
      const b = blankOf(src.slice(i, j));
      emit(b, b); i = j; continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const j = readString(c);
      const s = src.slice(i, j);
      emit(s, c + blankOf(s.slice(1)));
      if (c === '`' && src[j] === '$') { templates.push(braces); emit('${', '${'); braces++; i = j + 2; } else i = j;
      prev = 'x';
      continue;
    }
    if (c === '}' && templates.length && braces - 1 === templates[templates.length - 1]) {
      // End of `${ ... }`: back inside the template literal.
      templates.pop(); braces--;
      const j = readString('`');
      const s = '}' + src.slice(i + 1, j);
      emit(s, '}' + blankOf(s.slice(1)));
      if (src[j] === '$') { templates.push(braces); emit('${', '${'); braces++; i = j + 2; } else i = j;
      prev = 'x';
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let cls = false;
      while (j < src.length && src[j] !== '\n') {
        const d = src[j]!;
        if (d === '\\') { j += 2; continue; }
        if (d === '[') cls = true; else if (d === ']') cls = false; else if (d === '/' && !cls) break;
        j++;
      }
      j++;
      while (j < src.length && /[a-z]/i.test(src[j]!)) j++;
      const b = '/' + blankOf(src.slice(i + 1, j));
      emit(b, b); i = j; prev = 'x'; continue;
    }
    if (c === '{') braces++;
    else if (c === '}') braces--;
    emit(c, c);
    if (!/\s/.test(c)) prev = /[\w$]/.test(c) ? (/[\w$]/.test(prev.slice(-1)) ? prev + c : c) : c;
    i++;
  }
  return { withStrings, code };
}

export function violations(src: string): string[] {
  const { withStrings, code } = scrub(src);
  const codeLines = code.split('\n');
  const found: string[] = [];
  withStrings.split('\n').forEach((line, i) => {
    for (const p of FORBIDDEN) {
      if (p.re.test(p.strings ? line : codeLines[i] ?? '')) found.push(`${i + 1}: ${p.name}: ${src.split('\n')[i]!.trim().slice(0, 160)}`);
    }
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(?:ts|tsx|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('nothing shipped can execute code from YAML or touch the network', () => {
  it('the scanner catches what it must (self-test)', () => {
    const bad = [
      "import { spawn } from 'node:child_process';",
      "const cp = require('child_process');",
      "import * as https from 'https';",
      'exec(cmd);',
      'child.execSync(`sh -c ${x}`);',
      'eval(text);',
      'const f = new Function("return 1");',
      "await fetch('https://example.com');",
      'const ws = new WebSocket(url);',
      'vscode.window.createTerminal().sendText(probe.command.join(" "));',
      'await import(moduleName);',
      'setTimeout("alert(1)", 1);',
      'vscode.env.openExternal(vscode.Uri.parse(url));',
      'const s = `${exec(cmd)}`;',
      "globalThis['eval'](x);",
      "import 'node:child_process';",
    ];
    for (const b of bad) assert.ok(violations(b).length > 0, `not caught: ${b}`);
    const good = [
      "const m = /^(---)/.exec(text); // RegExp.exec is not a process",
      "probe.handlers.filter((h) => h.type === 'exec')",
      '/* we never eval( or fetch( anything */ const x = 1;',
      "const url = 'https://kubernetes.io/docs/concepts/workloads/pods/';",
      "const s = 'spawn(x) in a string is only text';",
      "import { parse } from 'yaml';",
      "if (/(^|[\\s;&|(){}])exec(\\s|$)/.test(s)) return true;",
      "l10n.t('{0}: the command runs \"{1} -c\" so exec(1) is PID 1', a, b)",
      'const t = `${a} runs exec(${b})`;',
      'const q = x / y; const r = /fetch(/;',
    ];
    for (const g of good) assert.deepEqual(violations(g), [], `false positive: ${g}`);
  });

  it('server/src, client/src and client/webview contain none of it', () => {
    const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    assert.ok(files.length > 20, `scanned only ${files.length} files under ${ROOT}`);
    const problems: string[] = [];
    for (const f of files) {
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      const found = violations(fs.readFileSync(f, 'utf8'));
      // The one exception (issue 15): the adapter that runs the user's own helm/kustomize, checked below.
      const allowed = rel === TOOL_RUNNER ? found.filter((v) => !TOOL_RUNNER_ALLOWS.some((a) => v.includes(`: ${a}: `)))
        // The cluster adapter's one exception: node:http and node:https, nothing else.
        : rel === CLUSTER_REQUEST ? found.filter((v) => !/: import of a process\/network\/eval module: import \* as https? from 'node:https?';$/.test(v))
        : found;
      for (const v of allowed) problems.push(`${rel}:${v}`);
    }
    assert.deepEqual(problems, []);
  });

  it('the one process it may start is the configured helm/kustomize, through execFile without a shell, with a timeout and an output cap', () => {
    const src = fs.readFileSync(path.join(ROOT, TOOL_RUNNER), 'utf8');
    const { code } = scrub(src);
    assert.deepEqual([...code.matchAll(/(?<![\w$])(spawn|spawnSync|execSync|execFileSync|fork|exec)\s*\(/g)].map((m) => m[1]), [], 'only execFile');
    assert.equal([...code.matchAll(/(?<![\w$])execFile\s*\(/g)].length, 1, 'one execFile call');
    assert.match(code, /shell:\s*false/);
    assert.doesNotMatch(code, /shell:\s*true/);
    assert.match(code, /timeout:/);
    assert.match(code, /maxBuffer:/);
    // Its callers pass the tool's path from settings or the command line, never a value read from YAML.
    const callers = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) => /^import (?!type )[^;]*from '(?:\.\/|\.\.\/node\/render\/)run'/m.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(callers.map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort(), ['server/src/node/render/helm.ts', 'server/src/node/render/kustomize.ts']);
  });

  it('only the cluster adapter talks to a cluster: GET and dry-run POST, with a timeout, loaded only by the cluster commands', () => {
    const { code } = scrub(fs.readFileSync(path.join(ROOT, CLUSTER_REQUEST), 'utf8'));
    // Every request goes through clusterRequest, which refuses anything but GET and dryRun=All before sending.
    assert.equal([...code.matchAll(/\.request\s*\(/g)].length, 1, 'one request call');
    const fn = code.slice(code.indexOf('export async function clusterRequest'));
    assert.ok(fn.indexOf('assertDryRunOnly(') >= 0 && fn.indexOf('assertDryRunOnly(') < fn.indexOf('.request('), 'assertDryRunOnly runs before the request');
    assert.match(fn, /timeout:/);
    assert.match(fn, /setTimeout\(/);
    const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
    const clientNode = files.filter((f) => /['"]@kubernetes\/client-node['"]/.test(scrub(fs.readFileSync(f, 'utf8')).withStrings.replace(/^import type .*$/gm, '')));
    assert.deepEqual(clientNode.map(rel), [CLUSTER_KUBECONFIG]);
    const importsAdapter = (f: string) => [...fs.readFileSync(f, 'utf8').matchAll(/^import (?!type )[^;]*from '(\.[^']+)'/gm)]
      .some((m) => rel(path.resolve(path.dirname(f), m[1]!)).startsWith('server/src/node/cluster/'));
    const callers = files.filter(importsAdapter);
    assert.ok(callers.some((f) => rel(f) === 'server/src/cli/verify.ts'), 'the check sees the verify command import the adapter');
    for (const f of callers) assert.ok(CLUSTER_CALLERS.some((c) => rel(f) === c || rel(f).startsWith(c)), `${rel(f)} imports the cluster adapter`);
  });

  it('the shipped bundles do not reference process or network modules', () => {
    // esbuild output: a bundled dependency could bring them in even if our sources do not.
    const bundles = ['dist/server.js', 'dist/extension.js', 'dist/cli.js', 'dist/webview.js'].map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f));
    for (const f of bundles) {
      const text = fs.readFileSync(f, 'utf8');
      const required = [...text.matchAll(/require\(\s*["']((?:node:)?[\w/]+)["']\s*\)/g)].map((m) => m[1]!.replace(/^node:/, '').split('/')[0]!);
      const bad = [...new Set(required.filter((m) => MODULES.includes(m)))];
      // @kubernetes/client-node (issue 17, `verify` only, see above) brings http/https/net/tls/dns for its
      // connections and proxies, child_process for exec credential plugins (as kubectl runs them, from the user's
      // own kubeconfig) and vm for jsonpath-plus (its GCP auth-provider's token paths).
      const clientNode = text.includes('@kubernetes/client-node') || text.includes('KubeConfig') ? ['http', 'https', 'net', 'tls', 'dns', 'vm', 'child_process'] : [];
      if (f.endsWith('cli.js')) {
        // The CLI bundles node/render/run.ts (check --helm/--kustomize runs the configured tool; see above).
        assert.deepEqual(bad.filter((m) => m !== 'child_process' && !clientNode.includes(m)), [], `${f}: ${bad.join(', ')}`);
      } else if (f.endsWith('server.js') || f.endsWith('extension.js')) {
        // vscode-language{server,client}/node import child_process/net for their transports: the client
        // starts our own bundled server (dist/server.js) with them, the server speaks stdio/IPC; neither
        // runs anything named in a YAML file (the source scan above covers our code).
        assert.deepEqual(bad.filter((m) => !['child_process', 'net'].includes(m) && !(f.endsWith('server.js') && clientNode.includes(m))), [], `${f}: ${bad.join(', ')}`);
      } else {
        assert.deepEqual(bad, [], `${f}: ${bad.join(', ')}`);
      }
    }
  });
});
