/**
 * A string (`containerPort: "8080"`) or a boolean where the API has an integer field is rejected before
 * validation: the API server decodes the body strictly into the Go types, and encoding/json refuses to
 * put a JSON string into an int32/int64 (`json: cannot unmarshal string into Go struct field
 * ContainerPort.spec.containers.ports.containerPort of type int32`). The API server stops at the first such
 * field (in the body's key order); Pod Lens reports each one. Ports of httpGet/tcpSocket are IntOrString and
 * may be names, so they are not checked here.
 * Spec: k8s.io/apimachinery runtime/serializer/json (strict decoding), encoding/json UnmarshalTypeError;
 * the field types of k8s.io/api core/v1, apps/v1, batch/v1.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
import * as l10n from '@vscode/l10n';
import { yamlNumberText } from '../../../model/quantity';
import { entry, isMap, isScalar, items } from '../../../model/tree';
import type { YEntry, YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';

type Int = 'int32' | 'int64';
/** field -> Go type, per Go struct. */
type Fields = Readonly<Record<string, Int>>;

const POD_SPEC: Fields = { terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', priority: 'int32' };
const CONTAINER_PORT: Fields = { containerPort: 'int32', hostPort: 'int32' };
const PROBE: Fields = {
  initialDelaySeconds: 'int32', timeoutSeconds: 'int32', periodSeconds: 'int32', successThreshold: 'int32',
  failureThreshold: 'int32', terminationGracePeriodSeconds: 'int64',
};
const GRPC_ACTION: Fields = { port: 'int32' };
const SLEEP_ACTION: Fields = { seconds: 'int64' };

/** The workload's own integer fields: [Go struct, path of the spec, fields]. */
const WORKLOAD: Readonly<Record<string, readonly (readonly [string, readonly string[], Fields])[]>> = {
  Deployment: [['DeploymentSpec', ['spec'], { replicas: 'int32', minReadySeconds: 'int32', revisionHistoryLimit: 'int32', progressDeadlineSeconds: 'int32' }]],
  ReplicaSet: [['ReplicaSetSpec', ['spec'], { replicas: 'int32', minReadySeconds: 'int32' }]],
  StatefulSet: [['StatefulSetSpec', ['spec'], { replicas: 'int32', minReadySeconds: 'int32', revisionHistoryLimit: 'int32' }]],
  DaemonSet: [['DaemonSetSpec', ['spec'], { minReadySeconds: 'int32', revisionHistoryLimit: 'int32' }]],
  ReplicationController: [['ReplicationControllerSpec', ['spec'], { replicas: 'int32', minReadySeconds: 'int32' }]],
  Job: [['JobSpec', ['spec'], JOB()]],
  CronJob: [
    ['CronJobSpec', ['spec'], { startingDeadlineSeconds: 'int64', successfulJobsHistoryLimit: 'int32', failedJobsHistoryLimit: 'int32' }],
    ['JobSpec', ['spec', 'jobTemplate', 'spec'], JOB()],
  ],
};

function JOB(): Fields {
  return {
    parallelism: 'int32', completions: 'int32', activeDeadlineSeconds: 'int64', backoffLimit: 'int32',
    backoffLimitPerIndex: 'int32', maxFailedIndexes: 'int32', ttlSecondsAfterFinished: 'int32',
  };
}

/** What encoding/json sees instead of a number: `string` or `bool`; undefined when it is a number or null. */
function nonNumber(node: YNode | undefined): 'string' | 'bool' | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'boolean') return 'bool';
  if (typeof node.value !== 'string') return undefined;
  // go-yaml v2 reads plain scalars such as 1e3 as numbers (YAML 1.1 would not): those arrive as numbers.
  if (!node.quoted && node.tag === undefined && /^[-+0-9.]/.test(node.source) && yamlNumberText(node.source) !== undefined) return undefined;
  return 'string';
}

export const integerFieldType: Rule = {
  code: 'integer-field-type',
  severity: 'error',
  summary: () => l10n.t('A string or a boolean is written where the API has an integer field.'),
  docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  quietOnTemplates: true,
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    const check = (map: YNode | undefined, struct: string, path: string, fields: Fields) => {
      if (!isMap(map)) return;
      for (const [field, type] of Object.entries(fields)) {
        const e: YEntry | undefined = entry(map, field);
        const what = nonNumber(e?.value);
        if (!e || !what) continue;
        out.push({
          span: nodeSpan(e.value, e.keySpan),
          message: l10n.t('json: cannot unmarshal {0} into Go struct field {1}.{2}.{3} of type {4}. The API server rejects the whole object before validating it: {3} is a number, so write it without quotes.', what, struct, path, field, type),
        });
      }
    };
    if (pod.listItem === undefined) {
      for (const [struct, at, fields] of WORKLOAD[pod.kind] ?? []) {
        let node: YNode | undefined = pod.root;
        for (const k of at) node = entry(node, k)?.value;
        check(node, struct, at.join('.'), fields);
      }
    }
    const spec = specPathOf(pod);
    check(pod.spec, 'PodSpec', spec, POD_SPEC);
    for (const c of pod.containers) {
      const base = `${spec}.${c.listKey}`;
      for (const p of items(entry(c.node, 'ports')?.value)) check(p, 'ContainerPort', `${base}.ports`, CONTAINER_PORT);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const node = entry(c.node, probe)?.value;
        check(node, 'Probe', `${base}.${probe}`, PROBE);
        check(entry(node, 'grpc')?.value, 'GRPCAction', `${base}.${probe}.grpc`, GRPC_ACTION);
      }
      const lifecycle = entry(c.node, 'lifecycle')?.value;
      for (const hook of ['postStart', 'preStop']) {
        check(entry(entry(lifecycle, hook)?.value, 'sleep')?.value, 'SleepAction', `${base}.lifecycle.${hook}.sleep`, SLEEP_ACTION);
      }
    }
    return out;
  },
};
