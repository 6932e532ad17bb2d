/**
 * `sh -c 'step; app'` as the container's command makes the shell PID 1 of the container. The kernel
 * delivers no signal to PID 1 that it has no handler for, and a shell installs none for SIGTERM, so
 * on every stop (rollout, scale-down, node drain) the SIGTERM is ignored, the app never hears it,
 * and the kubelet waits the whole terminationGracePeriodSeconds before SIGKILL.
 * `exec app` as the last step (or a `trap`) fixes it. A script of one simple command is quiet: bash
 * and dash exec a lone command themselves.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { bool, entry, get } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, longRunning, where } from './util';

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

export const shellEntrypoint: Rule = {
  code: 'shell-entrypoint',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  check({ analysis: { pod } }) {
    // With a shared process namespace the pause container is PID 1, not the shell.
    if (bool(get(pod.spec, 'shareProcessNamespace')) === true) return [];
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      // Only `command` replaces the image ENTRYPOINT; args alone run under an entrypoint we cannot see.
      if (!c.command) continue;
      const found = shellScript([...c.command, ...(c.args ?? [])]);
      if (!found || scriptIsSafe(found.script)) continue;
      const e = entry(c.node, 'command');
      out.push({
        span: e ? e.keySpan : c.span,
        message: l10n.t('{0}: the command runs "{1} -c" with a script, so the shell is PID 1. PID 1 ignores SIGTERM unless it installs a handler, and the shell forwards nothing to the app: every stop waits the full terminationGracePeriodSeconds ({2} s) and ends in SIGKILL. Start the last command of the script with exec (exec my-app ...), or use an init process such as tini.', containerPath(pod, c), found.shell, pod.terminationGracePeriodSeconds.value),
        data: { container: where(c) },
      });
    }
    return out;
  },
};
