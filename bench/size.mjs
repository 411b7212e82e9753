import { CATALOGS, CORE, HTTP_ADAPTERS, SOCKET, bundleSize, kb, onTopOfCore } from '../scripts/bundle-size.mjs';
import { table } from './measure.mjs';

const PEERS = ['axios-retry', 'p-retry', 'cockatiel', 'ky', 'reconnecting-websocket', 'partysocket'];

/**
 * 7. Bundle size, minified + gzipped by esbuild for a browser (ESM, es2022, UTF-8 output), from the
 * sources. Adapters are counted on top of `faultline/core` (what they add to an app that has it);
 * axios, ky and ws are external (the app has them). Peers: their whole public entry.
 */
export async function benchSize() {
  const rows = [];
  const add = (label, size) => rows.push({ label, value: kb(size.gzip), minifiedKB: kb(size.min) });
  add('faultline/core', await bundleSize([CORE]));
  for (const [name, module] of Object.entries(HTTP_ADAPTERS)) add(`faultline/${name} (on top of core)`, await onTopOfCore(module));
  add('faultline/ws (on top of core)', await onTopOfCore(SOCKET));
  add('faultline/p-retry (on top of core)', await onTopOfCore('./adapters/p-retry.ts'));
  for (const name of CATALOGS) add(`faultline/catalog/${name}`, await bundleSize([`./catalog/${name}.ts`]));
  add('faultline (everything, all catalogs)', await bundleSize(['./src/index.ts']));
  for (const peer of PEERS) add(peer, await bundleSize([peer], { external: ['axios'] }));
  return [table('7. Bundle size, minified + gzipped (esbuild, browser)', 'KiB gzip', 'faultline/core', rows)];
}
