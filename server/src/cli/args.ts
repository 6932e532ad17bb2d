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
  /** `check --helm CHART` / `check --kustomize DIR` (issue 15): what to render, and how. */
  readonly render: RenderOptions | undefined;
  /** `verify` and `explain --from-cluster` (issue 17): the kubeconfig, context and namespace (-n) to use. */
  readonly cluster: ClusterOptions;
  /** `explain --from-cluster NS/POD` (issue 17): the live pod to read. */
  readonly fromCluster: string | undefined;
  /** `check --default-namespace NS` (issue 16): the namespace of objects that name none (default `default`). */
  readonly defaultNamespace: string | undefined;
}

export interface ClusterOptions {
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly namespace: string | undefined;
}

export interface RenderOptions {
  readonly kind: 'helm' | 'kustomize';
  readonly dir: string;
  readonly valuesFiles: readonly string[];
  readonly set: readonly string[];
  readonly release: string | undefined;
  readonly namespace: string | undefined;
  /** --helm-path / --kustomize-path (else POD_LENS_HELM / POD_LENS_KUSTOMIZE, else on PATH). */
  readonly toolPath: string | undefined;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--kubernetes-version', '--fail-on', '--locale', '--pod', '--scenario', '--assume', '--now',
  '--helm', '--kustomize', '--values', '--set', '--release', '--namespace', '--helm-path', '--kustomize-path',
  '--kubeconfig', '--context', '--from-cluster', '--default-namespace']);
/** Commands that talk to a cluster (issue 17): they take --kubeconfig, --context and -n/--namespace. */
const CLUSTER_COMMANDS = new Set(['verify']);
/** `explain --from-cluster` talks to a cluster too. */
const isClusterCommand = (command: string, values: Map<string, string>) => CLUSTER_COMMANDS.has(command) || (command === 'explain' && values.has('--from-cluster'));
/** Flags that may be given more than once (each adds a value). */
const LIST_FLAGS = new Set(['--values', '--set']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const inputs: string[] = [];
  const values = new Map<string, string>();
  const assumptions: Record<string, string> = {};
  const lists = new Map<string, string[]>([['--values', []], ['--set', []]]);
  let command = '';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') { help = true; continue; }
    if (a === '-f' || a === '-n' || a.startsWith('--')) {
      const eq = a === '-f' || a === '-n' ? -1 : a.indexOf('=');
      const flag = a === '-f' ? '--values' : a === '-n' ? '--namespace' : eq < 0 ? a : a.slice(0, eq);
      if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option ${flag}`);
      const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (flag === '--assume') {
        const [k, v] = value.split('=');
        if (!k || v === undefined) throw new UsageError('--assume takes name=value');
        assumptions[k] = v;
      } else if (LIST_FLAGS.has(flag)) lists.get(flag)!.push(value);
      else values.set(flag, value);
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
  const helm = values.get('--helm');
  const kustomize = values.get('--kustomize');
  if (helm !== undefined && kustomize !== undefined) throw new UsageError('--helm and --kustomize cannot be combined');
  if (values.has('--from-cluster') && command !== 'explain') throw new UsageError('--from-cluster is for pod-lens explain');
  const defaultNamespace = values.get('--default-namespace');
  if (defaultNamespace !== undefined) {
    if (command !== 'check') throw new UsageError('--default-namespace is for pod-lens check');
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(defaultNamespace)) throw new UsageError(`--default-namespace must be a namespace name (got ${defaultNamespace})`);
  }
  const clusterCommand = isClusterCommand(command, values);
  const clusterFlags = ['--kubeconfig', '--context'].filter((f) => values.has(f));
  if (!clusterCommand && clusterFlags.length) throw new UsageError(`${clusterFlags[0]} is for pod-lens verify and pod-lens explain --from-cluster`);
  const renderFlags = ['--values', '--set'].filter((f) => lists.get(f)!.length).concat(['--release', ...(clusterCommand ? [] : ['--namespace']), '--helm-path'].filter((f) => values.has(f)));
  if (helm === undefined && renderFlags.length) throw new UsageError(`${renderFlags[0]} needs --helm CHART`);
  if (kustomize === undefined && values.has('--kustomize-path')) throw new UsageError('--kustomize-path needs --kustomize DIR');
  const render: RenderOptions | undefined = helm !== undefined || kustomize !== undefined ? {
    kind: helm !== undefined ? 'helm' : 'kustomize',
    dir: (helm ?? kustomize)!,
    valuesFiles: lists.get('--values')!, set: lists.get('--set')!,
    release: values.get('--release'), namespace: values.get('--namespace'),
    toolPath: values.get(helm !== undefined ? '--helm-path' : '--kustomize-path'),
  } : undefined;
  const cluster: ClusterOptions = {
    kubeconfig: values.get('--kubeconfig'), context: values.get('--context'),
    namespace: clusterCommand ? values.get('--namespace') : undefined,
  };
  return {
    command, inputs, help, failOn, pod, assumptions, render, cluster,
    format: values.get('--format') ?? 'text',
    kubernetesVersion: kv?.replace(/^v/, ''),
    locale: values.get('--locale'),
    scenario: values.get('--scenario'),
    now: values.get('--now'),
    fromCluster: values.get('--from-cluster'),
    defaultNamespace,
  };
}

export const USAGE = `Usage:
  pod-lens check [--format text|json|sarif] [--kubernetes-version X.Y] [--fail-on error|warning] [--locale en|zh-cn]
      [--default-namespace NS] FILE|DIR|- ...
      the files given are one workspace: a pod is admitted with the LimitRanges of its namespace from any of
      them, and cross-object rules (Service, PodDisruptionBudget, HPA) read them all
  pod-lens check [options] --helm CHART [-f VALUES]... [--set K=V]... [--release NAME] [--namespace NS] [--helm-path PATH]
  pod-lens check [options] --kustomize DIR [--kustomize-path PATH]
      renders the chart or overlay (helm template / kustomize build; POD_LENS_HELM, POD_LENS_KUSTOMIZE) and puts
      each finding on the values, template or patch line it comes from
  pod-lens simulate [--format json|svg|html] [--pod N] [--assume name=value ...]
      [--scenario ${SCENARIO_SYNTAX.join('|')}] FILE|-
  pod-lens explain [--format text|json] [--locale en|zh-cn] [--kubernetes-version X.Y] [--now ISO-8601] FILE|-
  pod-lens explain --from-cluster NAMESPACE/POD [--kubeconfig FILE] [--context NAME] [--format text|json] [--now ISO-8601]
      explains observed pods (kubectl get pod(s) -o yaml), or the live pod read from the cluster (GET only):
      why each is in its state and what happens next
  pod-lens verify [--kubeconfig FILE] [--context NAME] [-n NAMESPACE] [--format text|json] [--kubernetes-version X.Y] FILE|-
      sends each pod (a workload's as its controller would build it) to the cluster as a server-side dry run
      (nothing is created) and compares the server's answer with Pod Lens's prediction

Exit codes: 0 no error-severity diagnostic (or none at --fail-on level), 1 there is one, 2 usage or I/O error;
  explain: 0 nothing needs attention, 1 a pod is failing or stuck, 2 usage or I/O error;
  verify: 0 every pod accepted, 1 the server rejected one, 2 usage, kubeconfig or connection error.`;
