import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { RULES } from '../../../../server/src/analysis/rules/index';
import { analyzeYaml } from '../../helpers';
import { expectQuiet, RES, statefulSet, WARNING_CODES } from './warningsHelpers';

describe('warning rules: registry and valid specs', () => {
  it('registers every warning rule once, with docs, a doc page and a warning/information severity', () => {
    for (const r of RULES.filter((x) => WARNING_CODES.includes(x.code))) {
      assert.equal(RULES.filter((x) => x.code === r.code).length, 1, r.code);
      assert.ok(r.docUrl?.startsWith('https://kubernetes.io/docs/'), r.code);
      assert.ok(r.severity === 'warning' || r.severity === 'information', r.code);
      const doc = path.join(__dirname, '../../../../../docs/rules', `${r.code}.md`);
      assert.ok(fs.existsSync(doc), `missing ${doc}`);
    }
  });

  it('keeps the shipped example Deployment and CronJob free of warnings', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../../../examples/web.yaml'), 'utf8');
    const good = text.split(/^---$/m).slice(0, 2).join('---');
    expectQuiet(good);
  });

  it('keeps a careful StatefulSet quiet', () => {
    expectQuiet(statefulSet(`
terminationGracePeriodSeconds: 60
tolerations:
  - { key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 600 }
  - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 600 }
containers:
  - name: db
    image: postgres:16.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    command: [docker-entrypoint.sh, postgres]
    ports: [{ name: postgres, containerPort: 5432 }]
    ${RES}
    readinessProbe: { exec: { command: [pg_isready] }, periodSeconds: 5 }
    livenessProbe: { tcpSocket: { port: 5432 }, periodSeconds: 10, failureThreshold: 6 }
    startupProbe: { tcpSocket: { port: 5432 }, failureThreshold: 60 }
    lifecycle: { preStop: { exec: { command: [sh, -c, "sleep 5; pg_ctl stop -m fast"] } } }
    volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }]
volumes:
  - { name: tmp, emptyDir: { sizeLimit: 1Gi } }`, `volumeClaimTemplates:\n  - metadata: { name: data }\n    spec: { storageClassName: local-nvme, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }`));
  });

  it('never throws on wrong YAML types', () => {
    const weird = `apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  terminationGracePeriodSeconds: "x"\n  tolerations: 5\n  volumes: [1, { emptyDir: 3 }, { name: v, emptyDir: null }, { hostPath: [] }]\n  containers:\n    - name: 7\n      image: [a]\n      command: { a: b }\n      args: [sh, -c]\n      ports: [{ containerPort: "x" }, 3]\n      livenessProbe: { tcpSocket: { port: [1] }, periodSeconds: -5, failureThreshold: null }\n      readinessProbe: []\n      lifecycle: { preStop: { exec: { command: [sh, -c] } } }\n      resources: { limits: [1], requests: "x" }\n`;
    const r = analyzeYaml(weird);
    assert.ok(Array.isArray(r.diagnostics));
    assert.ok(r.diagnostics.every((d) => typeof d.message === 'string'));
    assert.ok(WARNING_CODES.length >= 13);
  });
});

describe('warning rules on templated documents', () => {
  it('stay quiet where a Helm template may supply the missing fields', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: {{ .Release.Name }} }\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx\n          ports: [{ containerPort: 80 }]\n          {{- toYaml .Values.resources | nindent 10 }}\n`;
    const r = analyzeYaml(text);
    assert.deepEqual(r.diagnostics.filter((d) => WARNING_CODES.includes(d.code)).map((d) => d.code), []);
    assert.ok(r.diagnostics.some((d) => d.code === 'helm-template'));
  });
});
