// One comparison in a process of its own (started by bench/run.mjs with --expose-gc): runs
// bench/cases/<file> with the arguments given and sends its rows back.
const [file, args] = process.argv.slice(2);
const { default: run } = await import(new URL(`./cases/${file}`, import.meta.url));
const result = await run(JSON.parse(args ?? '{}'));
process.send({ result }, () => process.disconnect());
