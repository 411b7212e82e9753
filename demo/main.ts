/** The command-line entry of `npm run demo` (bundled to .demo/run.mjs by scripts/build-demo.mjs). */
import { runDemo } from './run.js';

// The demo needs a few seconds; if something hangs, say so and fail rather than wait forever.
const watchdog = setTimeout(() => {
  process.stderr.write('demo: still running after 90 s, giving up\n');
  process.exit(1);
}, 90_000);
watchdog.unref();

runDemo(process.argv.slice(2), {
  write: (text) => void process.stdout.write(text),
  error: (text) => void process.stderr.write(text),
  env: process.env,
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
