/** `pod-lens simulate` (placeholder until the lifecycle simulator lands). */
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { CliOptions } from './args';
import type { CliIO } from './commands';

export function runSimulate(_opts: CliOptions, _service: PodService, _settings: Partial<PodLensSettings>, io: CliIO): number {
  io.err('pod-lens: simulate is not available yet');
  return 2;
}
