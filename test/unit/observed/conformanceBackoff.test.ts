/**
 * The observed back-off against what `conformance/reference -lifecycle` prints (client-go flowcontrol.Backoff
 * driven as the kubelet drives it, with each release's default gates). The numbers below are the reference's
 * output at 1.37.2 and 1.34.4 (npm run test:conformance checks them live); a reference that differs is caught.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareLifecycle } from '../../../scripts/conformance/lifecycle';
import type { ReferenceLifecycle } from '../../../scripts/conformance/lifecycle';

function reference(gates: Record<string, boolean>, sequence = [10, 20, 40, 80, 160, 300]): ReferenceLifecycle {
  return {
    kubernetes: 'test',
    backoff: { gates, initialSeconds: sequence[0]!, maxSeconds: sequence[sequence.length - 1]!, resetAfterSeconds: 600, sequence, afterLongRunWait: 0, afterLongRunDelay: sequence[0]! },
    probeDefaults: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    probeDefaultsZero: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    gracePeriod: { defaultTerminationGracePeriodSeconds: 30 },
  };
}

const observed = (d: { what: string }[]) => d.filter((x) => x.what.startsWith('observed:')).map((x) => x.what);

describe('observed back-off vs the conformance reference', () => {
  it('agrees with the reference at 1.37 (KubeletCrashLoopBackOffMax on) and 1.34 (off)', () => {
    assert.deepEqual(observed(compareLifecycle(reference({ KubeletCrashLoopBackOffMax: true, ReduceDefaultCrashLoopBackOffDecay: false }), '1.37')), []);
    assert.deepEqual(observed(compareLifecycle(reference({ KubeletCrashLoopBackOffMax: false, ReduceDefaultCrashLoopBackOffDecay: false }), '1.34')), []);
  });

  it('catches a reference with other numbers (the comparison itself works)', () => {
    const reduced = reference({ ReduceDefaultCrashLoopBackOffDecay: true }, [1, 2, 4, 8, 16, 32, 60]);
    assert.deepEqual(observed(compareLifecycle(reduced, '1.37')), ['observed: crash-loop policy', 'observed: back-off after r restarts']);
  });
});
