// THE list of what `npm run bench` measures: one entry per comparison, each run in a process of its
// own (bench/run.mjs). A case in bench/cases/ returns rows for the table named here, or tables of
// its own ({ tables }). Adding a figure is one file in bench/cases/ and one entry here.

const SUCCESS_NOTE =
  'value: calls/s (wall clock) of the wrapped client ÷ the bare one, taken within each round (a GC before each block, the two ' +
  'taking turns), median of 41 rounds of 100 ms with min–max and IQR; cpuRatio: the same ratio in calls per CPU-second of the ' +
  "bench process, which other processes on a shared machine barely disturb (on loopback it leaves the server's time out, so it " +
  'is the stricter figure); each comparison in three processes of its own, one after another, with two clients in each: ' +
  'the figure is the median of their medians, `processes` lists each';

const success = (transport, where) => {
  const title = `1. Success path, ${where}`;
  const entry = (file, args) => ({ title, unit: 'ratio to the bare client', note: SUCCESS_NOTE, file, args: { ...args, transport }, repeat: 3 });
  return [
    entry('success-axios.mjs', { wrapper: 'faultline' }),
    entry('success-axios.mjs', { wrapper: 'axios-retry' }),
    entry('success-fetch.mjs', {}),
    entry('success-ky.mjs', { wrapper: 'faultline' }),
    entry('success-ky.mjs', { wrapper: 'ky-retry' }),
  ];
};

export const COMPARISONS = [
  { file: 'classify.mjs', title: '0. classify() throughput', unit: 'ops/s' },
  ...success('stub', 'in-process stub transport'),
  ...success('loopback', 'loopback keep-alive server'),
  { file: 'engine.mjs' },
  { file: 'outage.mjs' },
  { file: 'transient.mjs' },
  { file: 'recovery.mjs' },
  { file: 'sockets.mjs' },
  { file: 'size.mjs' },
  { file: 'memory.mjs' },
  { file: 'fleet.mjs' },
];
