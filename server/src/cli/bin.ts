/** Process entry of the CLI bundle (dist/cli.js). */
import { run } from './main';

process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
