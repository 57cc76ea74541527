/** The `rigmark` command: parse, run, exit with the CLI's code. */
import { runCli } from './index';

const code = await runCli(process.argv.slice(2));
process.exit(code);
