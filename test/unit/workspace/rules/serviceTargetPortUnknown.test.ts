/** service-target-port-unknown: a named targetPort that no selected pod's container port has (FindPort). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, findings, fixed } from './helpers';

const CODE = 'service-target-port-unknown';
const service = (ports: string, selector = 'app: web') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {${selector}}
  ports:
${ports}`;
const port = (targetPort: string, protocol?: string) => `    - port: 80\n${protocol ? `      protocol: ${protocol}\n` : ''}      targetPort: ${targetPort}\n`;
const containers = (ports: string, sidecar = '') => `        - name: app
          image: nginx
          ports:
${ports}${sidecar}`;

describe(CODE, () => {
  it('reports a name no container port has, on the targetPort value, naming the selected workloads', () => {
    const files = { '/w/svc.yaml': service(port('web')), '/w/web.yaml': deployment('web') };
    const [f, ...rest] = findings(files, '/w/svc.yaml', CODE);
    assert.equal(rest.length, 0);
    assert.equal(f!.at, 'web');
    assert.match(f!.message, /^spec\.ports\[0\]\.targetPort: no container of the pods this Service selects \(Deployment\/web\) has a port named "web" with protocol TCP/);
  });

  it('is quiet for a matching name, a number, a missing targetPort, and a sidecar\'s port (restartable init container)', () => {
    const web = { '/w/web.yaml': deployment('web') };
    assert.deepEqual(findings({ ...web, '/w/svc.yaml': service(port('http')) }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ ...web, '/w/svc.yaml': service(port('8080')) }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ ...web, '/w/svc.yaml': service('    - port: 80\n') }, '/w/svc.yaml', CODE), []);
    const sidecar = deployment('web', { extra: '      initContainers:\n        - name: proxy\n          image: envoy\n          restartPolicy: Always\n          ports: [{name: proxy, containerPort: 15001}]\n' });
    assert.deepEqual(findings({ '/w/web.yaml': sidecar, '/w/svc.yaml': service(port('proxy')) }, '/w/svc.yaml', CODE), []);
    // A plain init container's port is not looked at.
    const init = deployment('web', { extra: '      initContainers:\n        - name: setup\n          image: busybox\n          ports: [{name: setup, containerPort: 9000}]\n' });
    assert.equal(findings({ '/w/web.yaml': init, '/w/svc.yaml': service(port('setup')) }, '/w/svc.yaml', CODE).length, 1);
  });

  it('matches the protocol too, and says so when only the protocol differs', () => {
    const dns = deployment('web', { containers: containers('            - {name: dns, containerPort: 53, protocol: UDP}\n') });
    assert.deepEqual(findings({ '/w/web.yaml': dns, '/w/svc.yaml': service(port('dns', 'UDP')) }, '/w/svc.yaml', CODE), []);
    const [f] = findings({ '/w/web.yaml': dns, '/w/svc.yaml': service(port('dns')) }, '/w/svc.yaml', CODE);
    assert.match(f!.message, /have a port named "dns", but with protocol UDP, not TCP/);
  });

  it('names only the selected workloads that lack the port when others have it', () => {
    const files = {
      '/w/svc.yaml': service(port('http')),
      '/w/web.yaml': deployment('web'),
      '/w/canary.yaml': deployment('canary', { labels: 'app: web\n        track: canary', containers: containers('            - {name: metrics, containerPort: 9090}\n') }),
    };
    const [f] = findings(files, '/w/svc.yaml', CODE);
    assert.match(f!.message, /^spec\.ports\[0\]\.targetPort: Deployment\/canary has no container port named "http" with protocol TCP/);
    assert.equal(fixed(files, '/w/svc.yaml', f!), undefined, 'no fix when other pods have the name');
  });

  it('is quiet when the Service selects nothing, across namespaces, and for Helm templates', () => {
    assert.deepEqual(findings({ '/w/web.yaml': deployment('web', { ns: 'other' }), '/w/api.yaml': deployment('api'), '/w/svc.yaml': service(port('nope')) }, '/w/svc.yaml', CODE), []);
    const helm = deployment('web', { containers: containers('            - name: {{ .Values.portName }}\n              containerPort: 8080\n') });
    assert.deepEqual(findings({ '/w/web.yaml': helm, '/w/svc.yaml': service(port('http')) }, '/w/svc.yaml', CODE), []);
  });

  it('stays quiet when an overlay patch writes the workload again (the port may come from it)', () => {
    const patch = deployment('web', { containers: containers('            - {name: web, containerPort: 8080}\n') });
    assert.deepEqual(findings({ '/w/svc.yaml': service(port('web')), '/w/base/web.yaml': deployment('web'), '/w/overlay/patch.yaml': patch }, '/w/svc.yaml', CODE), []);
  });

  it('replaces the name with the only port name (or, without names, the only number) the pods have', () => {
    const files = { '/w/svc.yaml': service(port('web')), '/w/web.yaml': deployment('web') };
    const [f] = findings(files, '/w/svc.yaml', CODE);
    const fix = fixed(files, '/w/svc.yaml', f!);
    assert.equal(fix?.title, 'Use the container port "http"');
    assert.match(fix!.text, /targetPort: http\n/);
    const unnamed = { '/w/svc.yaml': service(port('web')), '/w/web.yaml': deployment('web', { containers: containers('            - containerPort: 3000\n') }) };
    const [g] = findings(unnamed, '/w/svc.yaml', CODE);
    assert.match(fixed(unnamed, '/w/svc.yaml', g!)!.text, /targetPort: 3000\n/);
    const two = { '/w/svc.yaml': service(port('web')), '/w/web.yaml': deployment('web', { containers: containers('            - {name: a, containerPort: 1}\n            - {name: b, containerPort: 2}\n') }) };
    const [h] = findings(two, '/w/svc.yaml', CODE);
    assert.equal(fixed(two, '/w/svc.yaml', h!), undefined);
  });
});
