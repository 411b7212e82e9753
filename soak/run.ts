/** Entry of the bundled soak (`.soak/run.mjs`): runs it and exits by itself with its verdict. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
