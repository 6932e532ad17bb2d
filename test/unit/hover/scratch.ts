import { md } from './hoverHelpers';
import { WEB, caret } from './fixtures';
const [needle, nth, shift] = [process.argv[2]!, Number(process.argv[3] ?? 0), Number(process.argv[4] ?? 0)];
const yaml = process.argv[5] ? require('node:fs').readFileSync(process.argv[5], 'utf8') : WEB;
console.log(md(caret(yaml, needle, nth, shift), process.argv[6] ? { kubernetesVersion: process.argv[6] } : {}));
