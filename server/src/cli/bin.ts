/** Process entry of the CLI bundle (dist/cli.js). */
import { runCli } from './main';

const code = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
if (typeof code === 'number') process.exitCode = code;
else code.then((c) => { process.exitCode = c; }, (e: unknown) => { process.stderr.write(`pod-lens: ${String((e as Error)?.stack ?? e)}\n`); process.exitCode = 2; });
