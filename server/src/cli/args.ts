/** Command-line parsing for `pod-lens`. Errors are usage errors (exit code 2). */
import { SCENARIO_SYNTAX } from '../analysis/lifecycle/scenarios/index';

export interface CliOptions {
  readonly command: string;
  readonly format: string;
  readonly kubernetesVersion: string | undefined;
  readonly failOn: 'error' | 'warning';
  readonly locale: string | undefined;
  readonly pod: number | undefined;
  readonly scenario: string | undefined;
  readonly assumptions: Record<string, string>;
  readonly inputs: string[];
  readonly help: boolean;
  /** `explain --now`: the clock, ISO-8601 (checked by explain.ts). */
  readonly now: string | undefined;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--kubernetes-version', '--fail-on', '--locale', '--pod', '--scenario', '--assume', '--now']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const inputs: string[] = [];
  const values = new Map<string, string>();
  const assumptions: Record<string, string> = {};
  let command = '';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') { help = true; continue; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const flag = eq < 0 ? a : a.slice(0, eq);
      if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option ${flag}`);
      const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (flag === '--assume') {
        const [k, v] = value.split('=');
        if (!k || v === undefined) throw new UsageError('--assume takes name=value');
        assumptions[k] = v;
      } else values.set(flag, value);
      continue;
    }
    if (!command) command = a; else inputs.push(a);
  }
  const failOn = values.get('--fail-on') ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new UsageError('--fail-on must be error or warning');
  const podText = values.get('--pod');
  const pod = podText === undefined ? undefined : Number(podText);
  if (pod !== undefined && (!Number.isInteger(pod) || pod < 0)) throw new UsageError('--pod must be a pod index (0, 1, ...)');
  const kv = values.get('--kubernetes-version');
  if (kv !== undefined && !/^v?1\.\d+(\.\d+)?$/.test(kv)) throw new UsageError(`--kubernetes-version must look like 1.35 (got ${kv})`);
  return {
    command, inputs, help, failOn, pod, assumptions,
    format: values.get('--format') ?? 'text',
    kubernetesVersion: kv?.replace(/^v/, ''),
    locale: values.get('--locale'),
    scenario: values.get('--scenario'),
    now: values.get('--now'),
  };
}

export const USAGE = `Usage:
  pod-lens check [--format text|json|sarif] [--kubernetes-version X.Y] [--fail-on error|warning] [--locale en|zh-cn] FILE|DIR|- ...
  pod-lens simulate [--format json|svg|html] [--pod N] [--assume name=value ...]
      [--scenario ${SCENARIO_SYNTAX.join('|')}] FILE|-
  pod-lens explain [--format text|json] [--locale en|zh-cn] [--kubernetes-version X.Y] [--now ISO-8601] FILE|-
      explains observed pods (kubectl get pod(s) -o yaml): why each is in its state and what happens next

Exit codes: 0 no error-severity diagnostic (or none at --fail-on level), 1 there is one, 2 usage or I/O error;
  explain: 0 nothing needs attention, 1 a pod is failing or stuck, 2 usage or I/O error.`;
