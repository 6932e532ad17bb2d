import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shellPid1, shellScript } from '../../../../server/src/analysis/rules/shared/commands';
import { covered, deployment, expectCode, expectQuiet, job, pod, RES } from './warningsHelpers';

const app = (extra: string, spec = '') => deployment(`${spec}
containers:
  - name: a
    image: x:1
    ${RES}
${extra.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => `    ${l}`).join('\n')}`);

describe('shell-entrypoint', () => {
  // What each shell does was measured on the real shells (docs/kubernetes-facts.md §5); the same
  // claims are re-checked against dash, bash and busybox on this machine in test/unit/shellPid1.test.ts.
  it('warns on sh -c with a multi-step script as the command, at `command`, saying it depends on the shell', () => {
    const text = app('command: ["/bin/sh", "-c", "./migrate && ./server"]', 'terminationGracePeriodSeconds: 60');
    const [d] = expectCode(text, 'shell-entrypoint', 1);
    assert.equal(covered(text, d!), 'command');
    assert.match(d!.message, /"sh -c".*PID 1.*depends on which shell the image's "sh" is: dash .* stays PID 1 even for a single command.*\(60 s\)/);
  });
  it('sees the script in args when command is only the shell and -c', () => {
    const text = app('command: [bash, -ec]\nargs:\n  - |\n    echo starting\n    ./server >>/var/log/server.log');
    const [d] = expectCode(text, 'shell-entrypoint', 1);
    assert.match(d!.message, /bash does not replace itself with a command that has a redirection/);
  });
  it('warns on a lone command under sh (dash stays PID 1) and under dash; was quiet before (a lone command is not exec\'d by dash)', () => {
    expectCode(app(`command: [sh, -c, "nginx -g 'daemon off;'"]`), 'shell-entrypoint', 1);
    const [d] = expectCode(app('command: [dash, -c, "./server --port 8080"]'), 'shell-entrypoint', 1);
    assert.match(d!.message, /dash never replaces itself with a command unless it is started with exec/);
  });
  it('bash and busybox sh exec the last command of a plain list: bash -c "./migrate && ./server" is quiet (bash 5.1+)', () => {
    expectCode(app('command: [bash, -c, "./migrate && ./server"]'), 'shell-entrypoint', 0);
    expectCode(app('command: [/bin/ash, -c, "./migrate; ./server"]'), 'shell-entrypoint', 0);
    expectCode(app('command: [busybox, sh, -c, "./migrate && ./server >/dev/null 2>&1"]'), 'shell-entrypoint', 0);
  });
  it('a TERM trap is not a fix: every shell stays PID 1 and runs the trap only after the foreground command', () => {
    const [d] = expectCode(app(`command: [bash, -c, "trap 'kill $PID' TERM; ./server & PID=$!; wait"]`), 'shell-entrypoint', 1);
    assert.match(d!.message, /sets a trap, so dash, bash and busybox sh all stay PID 1/);
    expectCode(app(`command: [sh, -c, "trap 'exit 0' TERM; ./server"]`), 'shell-entrypoint', 1);
  });
  it('warns for every shell when something runs after the app or the app is in a pipeline', () => {
    expectCode(app('command: [bash, -c, "./server; echo done"]'), 'shell-entrypoint', 1);
    expectCode(app('command: [ash, -c, "./server | tee /tmp/log"]'), 'shell-entrypoint', 1);
  });
  it('is quiet with exec as the last command, args only, or a shared process namespace', () => {
    expectCode(app('command: [sh, -c, "./migrate && exec ./server"]'), 'shell-entrypoint', 0);
    expectCode(app('command: [sh, -c, "exec nginx -g \'daemon off;\'"]'), 'shell-entrypoint', 0);
    expectCode(app('args: [sh, -c, "a; b"]'), 'shell-entrypoint', 0);
    expectCode(app('command: [sh, -c, "a; b"]', 'shareProcessNamespace: true'), 'shell-entrypoint', 0);
    expectCode(app('command: [/app/server, --port, "8080"]'), 'shell-entrypoint', 0);
  });
  it('parses shell invocations and classifies scripts', () => {
    assert.deepEqual(shellScript(['/bin/bash', '-o', 'pipefail', '-c', 'x | y']), { shell: 'bash', script: 'x | y' });
    assert.deepEqual(shellScript(['busybox', 'sh', '-c', 'x']), { shell: 'busybox sh', script: 'x' });
    assert.equal(shellScript(['python', '-c', 'print(1)']), undefined);
    assert.equal(shellScript(['sh', 'script.sh']), undefined);
    assert.equal(shellPid1('a; exec b').shape, 'exec');
    assert.equal(shellPid1('exec >/dev/null; b').shape, 'plain'); // exec only redirects: b is not exec'd
    assert.equal(shellPid1('echo "a; b"').shape, 'exec'); // a builtin: no process to signal
    assert.equal(shellPid1('./server; echo "a; b"').shape, 'after');
    assert.equal(shellPid1('a\nb').shape, 'plain');
    assert.equal(shellPid1('a 2>&1').shape, 'redirect');
    assert.equal(shellPid1('X=$(cat f); a --id ${X}').shape, 'plain');
    assert.equal(shellPid1('if true; then a; fi').shape, 'compound');
  });
});

describe('prestop-exceeds-grace-period', () => {
  it('warns when an exec sleep is as long as the grace period', () => {
    const text = app('lifecycle: { preStop: { exec: { command: [sleep, "30"] } } }');
    const [d] = expectCode(text, 'prestop-exceeds-grace-period', 1);
    assert.equal(covered(text, d!), 'preStop');
    assert.match(d!.message, /at least 30 s, and terminationGracePeriodSeconds is 30 s/);
  });
  it('adds up sleeps in a shell script and checks the sleep action at exactly the grace period', () => {
    expectCode(app('lifecycle: { preStop: { exec: { command: [sh, -c, "sleep 10; nginx -s quit; sleep 15"] } } }', 'terminationGracePeriodSeconds: 20'), 'prestop-exceeds-grace-period', 1);
    const text = app('lifecycle: { preStop: { sleep: { seconds: 45 } } }', 'terminationGracePeriodSeconds: 45');
    const [d] = expectCode(text, 'prestop-exceeds-grace-period', 1);
    assert.equal(covered(text, d!), '45');
  });
  it('leaves a sleep action above the grace period to the API error, and is quiet when time is left', () => {
    const over = app('lifecycle: { preStop: { sleep: { seconds: 50 } } }', 'terminationGracePeriodSeconds: 45');
    expectCode(over, 'prestop-exceeds-grace-period', 0);
    expectCode(over, 'invalid-sleep-action', 1);
    expectQuiet(app('lifecycle: { preStop: { sleep: { seconds: 5 } } }'));
    expectCode(app('lifecycle: { preStop: { exec: { command: [/bin/drain.sh] } } }', 'terminationGracePeriodSeconds: 1'), 'prestop-exceeds-grace-period', 0);
  });
});

describe('legacy-sidecar-in-job', () => {
  const legacy = (kind: 'Job' | 'CronJob' = 'Job') => job(`
restartPolicy: Never
containers:
  - name: report
    image: registry.example.com/report:2.0.1
    ${RES}
  - name: proxy
    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
    ${RES}`, kind);
  it('warns on a helper that is a regular container of a Job or CronJob', () => {
    const text = legacy();
    const [d] = expectCode(text, 'legacy-sidecar-in-job', 1);
    assert.match(d!.message, /"proxy" looks like a long-running helper.*Job never finishes/);
    assert.deepEqual(d!.data, { container: { list: 'containers', index: 1 } });
    expectCode(legacy('CronJob'), 'legacy-sidecar-in-job', 1);
  });
  it('is quiet before sidecars exist (1.28), for real sidecars, single containers and Deployments', () => {
    expectCode(legacy(), 'legacy-sidecar-in-job', 0, '1.28');
    expectQuiet(job(`
restartPolicy: Never
initContainers:
  - { name: istio-proxy, image: istio/proxyv2:1.22.0, restartPolicy: Always, ${RES} }
containers:
  - { name: work, image: x:1, ${RES} }`));
    expectCode(job(`restartPolicy: Never\ncontainers:\n  - { name: fluent-bit, image: fluent/fluent-bit:3.1, ${RES} }`), 'legacy-sidecar-in-job', 0);
    expectCode(deployment(`containers:\n  - { name: a, image: x:1 }\n  - { name: envoy, image: envoyproxy/envoy:v1.30.1 }`), 'legacy-sidecar-in-job', 0);
  });
  it('does not guess when every container looks like a helper', () => {
    expectCode(job(`restartPolicy: Never\ncontainers:\n  - { name: envoy, image: x:1 }\n  - { name: fluent-bit, image: x:1 }`), 'legacy-sidecar-in-job', 0);
  });
  it('never treats a regular init container as a sidecar', () => {
    // An init container named like a helper runs to completion: not a legacy sidecar.
    expectCode(pod(`initContainers:\n  - { name: vault-agent, image: x:1 }\ncontainers:\n  - { name: a, image: x:1 }`), 'legacy-sidecar-in-job', 0);
  });
});
