/**
 * What a container command or hook does, read from its argv: a shell running a `-c` script (and
 * whether that shell stays PID 1 without handling SIGTERM), and how long a preStop hook takes.
 * Used by the termination rules, the hovers and the lifecycle simulator.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution
 */
import type { HookModel } from '../../../model/pod';
import { featureEnabled } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** The script passed to `-c`, when argv runs a shell with -c. */
export function shellScript(argv: readonly string[]): { shell: string; script: string } | undefined {
  const shell = (argv[0] ?? '').split('/').pop() ?? '';
  if (!SHELLS.has(shell)) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !/^[-+]/.test(a)) return undefined;
    if (a === '-o' || a === '+o') { i++; continue; }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) {
      const script = argv[i + 1];
      return script === undefined ? undefined : { shell, script };
    }
  }
  return undefined;
}

/** Text with quoted strings and comments blanked, so separators inside quotes do not count. */
function unquoted(script: string): string {
  return script
    .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/(^|\s)#[^\n]*/g, '$1');
}

/** True when the shell will not stay PID 1 without handling SIGTERM. */
export function scriptIsSafe(script: string): boolean {
  const s = unquoted(script).trim();
  if (s === '') return true;
  if (/(^|[\s;&|(){}])exec(\s|$)/.test(s)) return true;
  if (/(^|[\s;&|(){}])trap\s/.test(s) && /\b(TERM|SIGTERM|15|EXIT|0)\b/.test(s)) return true;
  // One simple command: bash and dash replace themselves with it.
  const compound = /[;\n|&`]|\$\(|(^|\s)(if|for|while|until|case|function|select)\s/.test(s);
  return !compound;
}

/** Seconds a `sleep N` command sleeps (`sleep 5`, `sleep 5s`), or undefined. */
function sleepSeconds(words: readonly string[]): number | undefined {
  if ((words[0] ?? '').split('/').pop() !== 'sleep' || words.length !== 2) return undefined;
  const m = /^(\d+)s?$/.exec(words[1]!);
  return m ? Number(m[1]) : undefined;
}

/** A lower bound of how long the hook runs, in seconds, when it is known. */
export function knownDuration(hook: HookModel, version: KubeVersion): { seconds: number; exact: boolean } | undefined {
  if (hook.actions.length !== 1) return undefined; // no handler or several: invalid-handler reports it
  const a = hook.actions[0]!;
  if (a.type === 'sleep') {
    if (!featureEnabled(version, 'PodLifecycleSleepAction') || !hook.sleepSeconds) return undefined;
    return { seconds: hook.sleepSeconds.value, exact: true };
  }
  if (a.type !== 'exec' || !hook.command) return undefined;
  const direct = sleepSeconds(hook.command);
  if (direct !== undefined) return { seconds: direct, exact: true };
  const sh = shellScript(hook.command);
  if (!sh) return undefined;
  // Sum the plain `sleep N` steps of the script; other steps only add time.
  let total = 0;
  let found = false;
  for (const m of sh.script.matchAll(/(^|[;&|\n(]|\bthen|\bdo)\s*sleep\s+(\d+)s?(?=\s*($|[;&|\n)]))/g)) {
    total += Number(m[2]);
    found = true;
  }
  return found ? { seconds: total, exact: false } : undefined;
}
