/**
 * The claims shell-entrypoint (and the termination hover and the simulator) make about `SHELL -c
 * SCRIPT` as a container's command, checked against the real shells on this machine: dash, bash
 * and busybox sh (scripts/setup-e2e.sh installs them with apt; a missing shell FAILS this test).
 *
 * Kubernetes side: the kubelet's StopContainer (killContainer in
 * pkg/kubelet/kuberuntime/kuberuntime_container.go) has the runtime send the stop signal to the
 * container's PID 1 only. So what matters is which process is PID 1: the shell (it has no SIGTERM
 * handler; the kernel drops signals a PID 1 does not handle, and it forwards nothing) or the app.
 *
 * As root (CI), each script runs as PID 1 of a fresh PID namespace (`unshare --fork --pid
 * --mount-proc`, as a runtime starts a container) and gets SIGTERM from outside, like
 * scripts/shell-pid1/run.sh; otherwise only which process the shell turned into is checked.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { shellPid1 } from '../../server/src/analysis/rules/shared/commands';
import type { Pid1Outcome, ShellPid1 } from '../../server/src/analysis/rules/shared/commands';

const SHELLS: readonly { key: 'dash' | 'bash' | 'busybox'; argv: readonly string[] }[] = [
  { key: 'dash', argv: ['dash'] },
  { key: 'bash', argv: ['bash'] },
  { key: 'busybox', argv: ['busybox', 'sh'] },
];

/** The table of docs/kubernetes-facts.md §5, and a few more shapes the classifier decides. */
const SCRIPTS: readonly string[] = [
  'termapp 30',
  'termapp 30 --port 8080',
  '/bin/true && termapp 30',
  'true; termapp 30',
  'false || termapp 30',
  'exec termapp 30',
  'true && exec termapp 30',
  './termapp 30',
  'FOO=1 termapp 30',
  'termapp 30 >/dev/null 2>&1',
  'true && termapp 30 2>&1',
  'termapp 30; echo done',
  'trap "exit 0" TERM; termapp 30',
  'exec >/dev/null; termapp 30',
  'exec termapp 30 >/dev/null 2>&1',
  'if true; then termapp 30; fi',
  'termapp 30 | cat',
  'cd /tmp && termapp 30',
  'X=$(echo a); termapp 30 --id ${X}',
];

const ROOT = path.resolve(__dirname, '../../..');
const asRoot = process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;

interface Run {
  readonly shell: string;
  readonly script: string;
  readonly expected: Pid1Outcome;
  readonly marker: string;
  readonly proc: ChildProcess;
  pid1?: number;
  comm?: string;
  gotTerm?: boolean;
  pid1Alive?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function children(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch { return []; }
}

function comm(pid: number): string {
  try { return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { return ''; }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

describe('sh -c as PID 1 on the real shells (the claims of commands.ts shellPid1)', () => {
  let dir = '';
  const runs: Run[] = [];

  before(async () => {
    for (const s of SHELLS) {
      const found = spawnSync('sh', ['-c', `command -v ${s.argv[0]}`]).status === 0;
      assert.ok(found, `${s.argv[0]} is not installed: apt-get install -y ${s.argv[0]} (scripts/setup-e2e.sh installs dash, bash and busybox)`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-pid1-'));
    execFileSync('cc', ['-O2', '-o', path.join(dir, 'termapp'), path.join(ROOT, 'scripts/shell-pid1/termapp.c')]);
    let n = 0;
    for (const s of SHELLS) {
      for (const script of SCRIPTS) {
        const expected = shellPid1(script)[s.key];
        if (expected === 'unknown') continue; // the rule claims nothing here
        const marker = path.join(dir, `marker-${n++}`);
        fs.writeFileSync(marker, '');
        const argv = asRoot ? ['unshare', '--fork', '--pid', '--mount-proc', '--', ...s.argv, '-c', script] : [...s.argv, '-c', script];
        const proc = spawn(argv[0]!, argv.slice(1), { cwd: dir, stdio: 'ignore', env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, TERMAPP_MARKER: marker } });
        runs.push({ shell: s.key, script, expected, marker, proc });
      }
    }
    // Let every script reach its app, then look at PID 1 and stop it as the runtime would.
    await sleep(800);
    for (const r of runs) {
      r.pid1 = asRoot ? children(r.proc.pid!)[0] : r.proc.pid;
      r.comm = r.pid1 ? comm(r.pid1) : '';
      if (asRoot && r.pid1) process.kill(r.pid1, 'SIGTERM');
    }
    if (asRoot) {
      await sleep(1500);
      for (const r of runs) {
        r.gotTerm = fs.readFileSync(r.marker, 'utf8').includes('got SIGTERM');
        r.pid1Alive = r.pid1 !== undefined && alive(r.pid1);
      }
    }
  });

  after(async () => {
    for (const r of runs) {
      for (const pid of [r.pid1, r.proc.pid]) if (pid) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    }
    await Promise.all(runs.map((r) => (r.proc.exitCode !== null || r.proc.signalCode !== null ? undefined : new Promise((res) => r.proc.once('exit', res)))));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs in a PID namespace as root (CI); otherwise checks only which process the shell became', () => {
    assert.ok(runs.length > 40, `only ${runs.length} runs`);
    if (!asRoot) console.log('# not root or no unshare: SIGTERM delivery to PID 1 is not checked');
  });

  for (const s of SHELLS) {
    it(`${s.argv.join(' ')}: the shell is replaced by the app exactly where the classifier says`, () => {
      const wrong = runs.filter((r) => r.shell === s.key).flatMap((r) => {
        const execd = r.comm === 'termapp';
        const problems: string[] = [];
        if ((r.expected === 'exec') !== execd) problems.push(`PID 1 is ${r.comm || '(none)'}, classifier says ${r.expected}`);
        if (asRoot) {
          // exec: the app is PID 1, gets SIGTERM and exits; stays: the shell ignores SIGTERM and the app never hears it.
          if (r.expected === 'exec' && !(r.gotTerm && !r.pid1Alive)) problems.push(`app got SIGTERM: ${r.gotTerm}, PID 1 alive: ${r.pid1Alive}`);
          if (r.expected === 'stays' && !(!r.gotTerm && r.pid1Alive)) problems.push(`app got SIGTERM: ${r.gotTerm}, PID 1 alive: ${r.pid1Alive}`);
        }
        return problems.length ? [`${s.argv.join(' ')} -c '${r.script}': ${problems.join('; ')}`] : [];
      });
      assert.deepEqual(wrong, []);
    });
  }

  it('the classifier makes a claim for every shell on the facts table (only compound commands are unknown for busybox)', () => {
    const unknown = SCRIPTS.flatMap((script) => {
      const r: ShellPid1 = shellPid1(script);
      return (['dash', 'bash', 'busybox'] as const).filter((k) => r[k] === 'unknown').map((k) => `${k}: ${script}`);
    });
    assert.deepEqual(unknown, ['busybox: if true; then termapp 30; fi']);
  });
});
