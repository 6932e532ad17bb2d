/**
 * Issue 13: the differences of the conformance long run at b105820 (conformance/long-run-2026-12-05.md), each with
 * its shrunk reproducer. Every expectation is what the reference (k8s.io/kubernetes v1.37.2 / v1.34.4) printed
 * for the same object; conformance/FINDINGS.md names the Kubernetes function that settles it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onlyPod } from '../../helpers';
import { diags, expectCode } from './errorsHelpers';

/** The field paths of the error-severity findings (the text before the first ": "), sorted. */
function errorPaths(text: string, version: string): string[] {
  return diags(text, version).filter((d) => d.severity === 'error').map((d) => d.message.split(': ')[0]!).sort();
}

describe('limits:memory:format: a defaulted pod-level limit keeps the aggregate unless the request is larger (1.37)', () => {
  const replicaSet = `apiVersion: "apps/v1"
kind: "ReplicaSet"
metadata:
  name: "obj-5952"
spec:
  selector:
    matchLabels:
      app: "obj-5952"
  template:
    metadata:
      labels:
        app: "obj-5952"
    spec:
      containers:
        - name: "app-0"
          image: "registry.k8s.io/pause:3.10"
          resources:
            limits:
              memory: "128Mi"
      resources:
        requests:
          memory: 134217728
`;
  it('equal request and aggregate: the limit is the containers\' 128Mi (pkg/api/pod defaultPodLevelLimits: podReq.Cmp(val) > 0)', () => {
    for (const v of ['1.37', '1.34']) {
      const p = onlyPod(replicaSet, { kubernetesVersion: v });
      assert.deepEqual(p.requests, { memory: '134217728' }, v);
      assert.deepEqual(p.limits, { memory: '128Mi' }, v);
    }
  });
  it('a larger pod-level request still raises the limit to itself', () => {
    const p = onlyPod(replicaSet.replace('memory: 134217728', 'memory: 134217729'), { kubernetesVersion: '1.37' });
    assert.deepEqual(p.limits, { memory: '134217729' });
  });
});

describe('non-overcommittable-resource: the pod-level hugepage limit the API server defaulted (1.37)', () => {
  const text = `apiVersion: "v1"
kind: "Pod"
metadata:
  name: "obj-6313"
spec:
  containers:
    - name: "app-0"
      image: "registry.k8s.io/pause:3.10"
      resources:
        limits:
          hugepages-2Mi: "2Mi"
  resources:
    requests:
      hugepages-2Mi: "10Mi"
`;
  it('1.37 defaults limits[hugepages-2Mi] to max(10Mi, 2Mi): no Required error, as the reference', () => {
    expectCode(text, 'non-overcommittable-resource', 0, '1.37');
    assert.deepEqual(errorPaths(text, '1.37'), ['spec.containers[0].resources', 'spec.resources']);
    assert.deepEqual(onlyPod(text, { kubernetesVersion: '1.37' }).limits, { 'hugepages-2Mi': '10Mi' });
  });
  it('1.34 does not (SetDefaults_Pod skips hugepages with a pod-level request): Required, as the reference', () => {
    const [d] = expectCode(text, 'non-overcommittable-resource', 1, '1.34');
    assert.match(d!.message, /^spec\.resources\.limits: Required value: Limit must be set for non overcommitable resources\./);
  });
  it('a pod-level request below the containers\' limits: the defaulted limit is theirs, so the request must equal it', () => {
    const [d] = expectCode(text.replace('"2Mi"', '"20Mi"'), 'non-overcommittable-resource', 1, '1.37');
    assert.match(d!.message, /^spec\.resources\.requests: Invalid value: "10Mi": must be equal to hugepages-2Mi limit of 20Mi\./);
  });
});

describe('duplicate-host-port (pkg/apis/core/validation AccumulateUniqueHostPorts)', () => {
  const duplicates = (text: string) => diags(text, '1.37', 'duplicate-host-port').map((d) => d.message.split('. ')[0]);
  it('two app containers (Pod obj-5272)', () => {
    assert.deepEqual(duplicates(`apiVersion: "v1"
kind: "Pod"
metadata:
  name: "obj-5272"
spec:
  containers:
    - name: "app-0"
      image: "registry.k8s.io/pause:3.10"
      ports:
        - name: "http"
          hostPort: 8080
    - name: "app-1"
      image: "registry.k8s.io/pause:3.10"
      ports:
        - hostPort: 8080
`), ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('two ports of one container of a DaemonSet (obj-6362)', () => {
    assert.deepEqual(duplicates(`apiVersion: "apps/v1"
kind: "DaemonSet"
metadata:
  name: "obj-6362"
spec:
  selector:
    matchLabels:
      app: "obj-6362"
  template:
    metadata:
      labels:
        app: "obj-6362"
    spec:
      containers:
        - name: "app-0"
          image: "registry.k8s.io/pause:3.10"
          ports:
            - hostPort: 8080
            - hostPort: 8080
`), ['spec.template.spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('within one init container of a StatefulSet (obj-40513)', () => {
    assert.deepEqual(duplicates(`apiVersion: "apps/v1"
kind: "StatefulSet"
metadata:
  name: "obj-40513"
spec:
  serviceName: "obj-40513"
  selector:
    matchLabels:
      app: "obj-40513"
  template:
    metadata:
      labels:
        app: "obj-40513"
    spec:
      initContainers:
        - name: "init-0"
          image: "nginx"
          ports:
            - hostPort: 8080
            - hostPort: 8080
`), ['spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('the second init container is named index 0, and out-of-range ports count too (Pod obj-52054)', () => {
    assert.deepEqual(duplicates(`apiVersion: "v1"
kind: "Pod"
metadata:
  name: "obj-52054"
spec:
  initContainers:
    - name: "init-0"
      image: "nginx"
    - name: "init-1"
      image: "registry.k8s.io/pause:3.10"
      ports:
        - name: "http"
          hostPort: 70000
        - hostPort: 70000
`), ['spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//70000"']);
  });
  it('a CronJob (obj-50229) and a PodTemplate (obj-28592)', () => {
    assert.deepEqual(duplicates(`apiVersion: "batch/v1"
kind: "CronJob"
metadata:
  name: "obj-50229"
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: "obj-50229"
        spec:
          containers:
            - name: "app-0"
              image: "registry.k8s.io/pause:3.10"
              ports:
                - name: "http"
                  hostPort: 8080
                - hostPort: 8080
`), ['spec.jobTemplate.spec.template.spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"']);
    assert.deepEqual(duplicates(`apiVersion: "v1"
kind: "PodTemplate"
metadata:
  name: "obj-28592"
template:
  metadata:
    labels:
      app: "obj-28592"
  spec:
    containers:
      - name: "app-1"
        image: "registry.k8s.io/pause:3.10"
        ports:
          - hostPort: 8080
          - name: "this-port-name-is-too-long"
            hostPort: 8080
`), ['template.spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('init containers are not checked against each other or the app containers; protocol and hostIP tell ports apart', () => {
    assert.deepEqual(duplicates(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: i, image: "x:1", ports: [{ containerPort: 1, hostPort: 8080 }] }
    - { name: s, image: "x:1", restartPolicy: Always, ports: [{ containerPort: 1, hostPort: 8080 }] }
  containers:
    - name: a
      image: "x:1"
      ports:
        - { containerPort: 1, hostPort: 8080 }
        - { containerPort: 1, hostPort: 8080, protocol: UDP }
        - { containerPort: 1, hostPort: 8080, hostIP: 10.0.0.1 }
        - { containerPort: 2, hostPort: 8080, protocol: "" }
`), ['spec.containers[0].ports[3].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('hostNetwork: a Pod\'s missing hostPort is its containerPort (SetDefaults_Pod), a template\'s stays 0', () => {
    const spec = `  hostNetwork: true
  containers:
    - { name: a, image: "x:1", ports: [{ containerPort: 80 }] }
    - { name: b, image: "x:1", ports: [{ containerPort: 80 }] }`;
    assert.deepEqual(duplicates(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${spec}\n`), ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"']);
    assert.deepEqual(duplicates(`apiVersion: v1\nkind: PodTemplate\nmetadata: { name: p }\ntemplate:\n  spec:\n${spec.replace(/^/gm, '  ')}\n`), []);
  });
});

describe('requests/limits:cpu: a workload\'s pod starts from the stored template (100k run, seed 20261207)', () => {
  const deployment = `apiVersion: "apps/v1"
kind: "Deployment"
metadata:
  name: "obj-60072"
spec:
  selector:
    matchLabels:
      app: "obj-60072"
  template:
    metadata:
      labels:
        app: "obj-60072"
    spec:
      containers:
        - name: "app-0"
          image: "registry.k8s.io/pause:3.10"
          resources:
            limits:
              cpu: "8Ei"
      overhead:
        cpu: "1"
`;
  it('8Ei is capped at 2^63-1, stored as a plain number (DecimalSI), and the overhead added to that', () => {
    for (const v of ['1.37', '1.34']) {
      const p = onlyPod(deployment, { kubernetesVersion: v });
      assert.deepEqual(p.requests, { cpu: '9223372036854775808' }, v);
      assert.deepEqual(p.limits, { cpu: '9223372036854775808' }, v);
    }
  });
  it('the sum of two BinarySI values stored as plain numbers stays DecimalSI: 1.5Ki + 2.5Ki is 4096 in a Deployment, 4Ki in a Pod', () => {
    const spec = `    spec:
      containers:
        - name: a
          image: x
          resources:
            requests: {cpu: 1n, memory: "1.5Ki"}
        - name: b
          image: x
          resources:
            requests: {cpu: 1n, memory: "2.5Ki"}
      resources:
        limits: {cpu: "1"}
`;
    const deployment2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d2
spec:
  selector:
    matchLabels: {app: d2}
  template:
    metadata:
      labels: {app: d2}
${spec}`;
    const pod2 = `apiVersion: v1
kind: Pod
metadata:
  name: p2
${spec.replace(/^    /gm, '')}`;
    // k8s.io/kubernetes v1.37.2 reference: Deployment requests {cpu: 2m, memory: 4096}; Pod {cpu: 2m, memory: 4Ki}.
    assert.deepEqual(onlyPod(deployment2, { kubernetesVersion: '1.37' }).requests, { cpu: '2m', memory: '4096' });
    assert.deepEqual(onlyPod(pod2, { kubernetesVersion: '1.37' }).requests, { cpu: '2m', memory: '4Ki' });
    // v1.34.4 reference: the Pod's pod-level request is defaulted from the unrounded 1n + 1n (1m); the Deployment's
    // pod only gets pod-level defaults on the controller's create, from the stored 1m + 1m (2m).
    assert.deepEqual(onlyPod(deployment2, { kubernetesVersion: '1.34' }).requests, { cpu: '2m', memory: '4096' });
    assert.deepEqual(onlyPod(pod2, { kubernetesVersion: '1.34' }).requests, { cpu: '1m', memory: '4Ki' });
  });
  it('a bare Pod is not stored first: the capped value keeps BinarySI and the sum prints as 8Ei', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        limits:
          cpu: "8Ei"
  overhead:
    cpu: "1"
`;
    assert.deepEqual(onlyPod(pod, { kubernetesVersion: '1.37' }).limits, { cpu: '8Ei' });
  });
});
