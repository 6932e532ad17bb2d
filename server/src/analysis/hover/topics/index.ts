/**
 * The hover topics, one file each. The order is the precedence: the first topic that answers for
 * the key or value under the cursor wins, so narrower topics come before broader ones (a sidecar's
 * `name` is the sidecar topic's, not the init-containers topic's).
 */
import type { HoverTopic } from '../context';
import { activeDeadlineHover } from './activeDeadline';
import { containersHover } from './containers';
import { emptyDirHover } from './emptyDir';
import { ephemeralHover } from './ephemeral';
import { initContainerHover } from './initContainers';
import { kindHover } from './kind';
import { observedHover } from './observed';
import { probeHover } from './probes';
import { readinessGatesHover } from './readinessGates';
import { resourcesHover } from './resources';
import { restartPolicyHover } from './restartPolicy';
import { sidecarHover } from './sidecar';
import { strategyHover } from './strategy';
import { terminationHover } from './termination';
import { tolerationsHover } from './tolerations';

export const HOVER_TOPICS: readonly HoverTopic[] = [
  // an observed pod's status (kubectl get pod -o yaml)
  { name: 'observed', explain: observedHover },
  // the object and its controller
  { name: 'kind', explain: kindHover },
  { name: 'strategy', explain: strategyHover },
  { name: 'activeDeadline', explain: activeDeadlineHover },
  // containers, narrowest first
  { name: 'sidecar', explain: sidecarHover },
  { name: 'initContainers', explain: initContainerHover },
  { name: 'containers', explain: containersHover },
  { name: 'ephemeral', explain: ephemeralHover },
  // fields of a container or the pod
  { name: 'probes', explain: probeHover },
  { name: 'restartPolicy', explain: restartPolicyHover },
  { name: 'termination', explain: terminationHover },
  { name: 'resources', explain: resourcesHover },
  { name: 'readinessGates', explain: readinessGatesHover },
  { name: 'tolerations', explain: tolerationsHover },
  { name: 'emptyDir', explain: emptyDirHover },
];
