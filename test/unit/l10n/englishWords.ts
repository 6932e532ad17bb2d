/**
 * The English words a zh-cn text may keep (surfaces.test.ts): what the user wrote, Kubernetes' own names,
 * the API server's quoted wording, and the technical names below. Anything else is English prose.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURES } from '../../../server/src/model/version';
import { ruleMetadata } from '../../../server/src/analysis/rules/index';
import { goldenInputs } from '../../golden/capture';
import { ROOT } from './zhText';

/** Programs, protocols, signals, file systems, units and acronyms that Chinese Kubernetes writing keeps in English. */
const TECHNICAL = [
  'Kubernetes', 'Pod', 'Lens', 'kubelet', 'kubectl', 'kube', 'apiserver', 'API', 'YAML', 'JSON', 'SARIF', 'Helm', 'helm', 'Chart', 'Kustomize', 'kustomize', 'Go',
  'OOM', 'killer', 'PID', 'SIGTERM', 'SIGKILL', 'STOPSIGNAL', 'TERM', 'tmpfs', 'RAM', 'CPU', 'cpu', 'memory', 'hugepages',
  'TCP', 'UDP', 'SCTP', 'HTTP', 'GET', 'gRPC', 'grpc', 'health', 'Health', 'Check', 'SERVING', 'TLS', 'IP', 'DNS', 'IANA', 'SVC', 'NAME',
  'dash', 'bash', 'busybox', 'sh', 'Alpine', 'Debian', 'Ubuntu', 'tini', 'init', 'exec', 'trap', 'my', 'app',
  'Linux', 'Windows', 'ASCII', 'ID', 'IPC', 'oom_score_adj', 'IANA_SVC_NAME', 'ephemeralcontainers', 'sha256', 'latest', 'e', 'g', 'VS', 'Code', 'LSP',
  'QoS', 'GPU', 'gpu', 'nvidia', 'com', 'example', 'io', 'k8s', 'kubernetes', 'node', 'unreachable', 'ready', 'not',
  'True', 'False', 'TTL', 'RuntimeClass', 'PriorityClass', 'ResourceClaim', 'ResourceClaimTemplate',
  'AllContainersRestarting', 'PodReadyToStartContainers', 'DefaultTolerationSeconds', 'OnDelete', 'NotIn', 'In',
  'LimitRanger', 'ServiceAccount', // admission plugin names (plugin/pkg/admission)
  's', 'm', 'h', 'min', 'Mi', 'Gi', 'Ki', 'Ti', 'Pi', 'Ei', 'n', 'u', 'k', 'M', 'G', 'T', 'P', 'E', 'i', 'K',
];

/**
 * The API server's wording (Pod Lens quotes it verbatim, then explains in Chinese): a stretch without Chinese
 * that holds one of its error types (field.ErrorType, apimachinery/pkg/util/validation/field/errors.go), the
 * quantity parser's errors (apimachinery/pkg/api/resource/quantity.go), the JSON decoder's, or a warning of
 * pkg/api/pod/warnings.go.
 */
const API_WORDING = /Required value|Invalid value|Unsupported value|Duplicate value|Forbidden|Not found|Too long|Too many|quantities must match|unable to parse|json: cannot unmarshal|must be >= 0/;

export function allowedWords(): Set<string> {
  const allowed = new Set<string>(TECHNICAL);
  const generated = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/unit/l10n/kubernetesWords.json'), 'utf8')) as { words: string[] };
  for (const w of generated.words) allowed.add(w);
  for (const gate of Object.keys(FEATURES)) allowed.add(gate);
  // Pod Lens's own settings (podLens.maxFileSize), as the manifest names them.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  for (const key of Object.keys(manifest.contributes.configuration.properties)) for (const w of key.split('.')) allowed.add(w);
  for (const meta of ruleMetadata()) for (const w of meta.code.split('-')) allowed.add(w);
  // What the user wrote and Pod Lens may echo: keys and values, not comments.
  for (const input of goldenInputs()) for (const w of input.text.replace(/(^|\s)#.*$/gm, '$1').match(WORD) ?? []) allowed.add(w);
  return allowed;
}

const WORD = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*/g;

/** The text without what may stay English by construction: code, links, and the API server's wording. */
function withoutQuoted(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?<![\w.])\/[\w./-]+/g, ' ')
    .replace(/'[^'\n\p{Script=Han}]*'/gu, ' ')
    .split(/(?=[\p{Script=Han}，。：；（）“”、])|(?<=[\p{Script=Han}，。：；（）“”、])/u)
    .map((run) => (API_WORDING.test(run) ? ' ' : run))
    .join('');
}

/** The English words of a zh-cn text that are none of the allowed kinds. */
export function strayEnglish(text: string, allowed: ReadonlySet<string>): string[] {
  return [...new Set((withoutQuoted(text).match(WORD) ?? []).filter((w) => !allowed.has(w) && !allowed.has(w.toLowerCase())))];
}

