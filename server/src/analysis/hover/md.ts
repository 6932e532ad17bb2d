/** Small markdown builders for hovers: headings, inline code, aligned tables, durations, links. */
import * as l10n from '@vscode/l10n';
import { kubernetesDocUrl } from '../docLinks';
import { joinList } from '../listWords';

export const DOCS = {
  init: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  podLifecycle: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
  restartPolicy: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  probes: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  configureProbes: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes',
  hooks: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
  termination: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  ephemeral: 'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/',
  resources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  overhead: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/',
  qos: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
  readinessGates: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate',
  taints: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions',
  emptyDir: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  deployment: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment',
  activeDeadline: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  jobDeadline: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup',
  job: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
  cronJob: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/',
  statefulSet: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/',
  daemonSet: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
  replicaSet: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/',
  replicationController: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/',
  pods: 'https://kubernetes.io/docs/concepts/workloads/pods/',
  podTemplate: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates',
} as const;

export function heading(text: string): string {
  return `### ${text}`;
}

/** Inline code for names from the YAML (backticks and line breaks cannot break out of it). */
export function code(s: string | number): string {
  const t = String(s).replace(/[`\r\n]/g, ' ').slice(0, 200);
  return `\`${t === '' ? ' ' : t}\``;
}

/** A list of names as inline code: `a`, `b`. */
export function names(list: readonly string[]): string {
  return joinList(list.map(code));
}

export function link(url: string): string {
  return `[${l10n.t('Kubernetes documentation')}](${kubernetesDocUrl(url)})`;
}

/** Seconds for people: 45 s, 5 min, 2 min 30 s. */
export function secs(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  const v = Math.round(n * 10) / 10;
  if (v < 120 || !Number.isInteger(v)) return l10n.t('{0} s', v);
  const m = Math.floor(v / 60);
  const s = v % 60;
  return s === 0 ? l10n.t('{0} min', m) : l10n.t('{0} min {1} s', m, s);
}

/** "10–20 s", or one value when both ends agree. */
export function range(earliest: number, latest: number): string {
  return earliest === latest ? secs(earliest) : `${secs(earliest)} – ${secs(latest)}`;
}

/** Visible width: wide (CJK) characters count as two, so raw markdown lines up too. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A markdown table whose columns line up; `right` columns (numbers) are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const all = [header, ...rows].map((r) => header.map((_, i) => cell(r[i] ?? '')));
  const widths = header.map((_, i) => Math.max(3, ...all.map((r) => width(r[i]!))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(s));
    return right[i] ? fill + s : s + fill;
  };
  const line = (r: readonly string[]) => `| ${r.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}

/** Paragraphs separated by blank lines; empty parts are dropped. */
export function blocks(...parts: readonly (string | undefined | false | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** A bullet list. */
export function bullets(items: readonly (string | undefined | false | null)[]): string {
  return items.filter((p): p is string => typeof p === 'string' && p.length > 0).map((s) => `- ${s}`).join('\n');
}
