import { CORE, HTTP_ADAPTERS, SOCKET, bundleSize, kb, onTopOfCore } from '../../scripts/bundle-size.mjs';
import { PROVIDERS } from '../../scripts/catalogs.mjs';
import { round } from '../measure.mjs';

const PEERS = ['axios-retry', 'p-retry', 'cockatiel', 'ky', 'reconnecting-websocket', 'partysocket'];

/**
 * 7. Bundle size, minified + gzipped by esbuild for a browser (ESM, es2022), from the sources.
 * Adapters are counted on top of `faultline/core` (what they add to an app that has it); axios, ky
 * and ws are external (the app has them). Providers: their decisions-only value, and one text
 * module. Peers: their whole public entry.
 */
export default async function size() {
  const rows = [];
  const add = (label, bytes) => rows.push({ label, value: round(kb(bytes.gzip)), minifiedKiB: round(kb(bytes.min)) });
  add('faultline/core', await bundleSize([CORE]));
  for (const [name, module] of Object.entries(HTTP_ADAPTERS)) add(`faultline/${name} (on top of core)`, await onTopOfCore(module));
  add('faultline/ws (on top of core)', await onTopOfCore(SOCKET));
  add('faultline/p-retry (on top of core)', await onTopOfCore('./adapters/p-retry.ts'));
  for (const name of PROVIDERS) {
    add(`faultline/catalog/${name} (decisions, on top of core)`, await onTopOfCore(`./catalog/${name}/index.ts`));
    add(`faultline/catalog/${name}/zh`, await bundleSize([`./catalog/${name}/zh.ts`]));
  }
  add('faultline (everything, every provider and text)', await bundleSize(['./src/index.ts']));
  for (const peer of PEERS) add(peer, await bundleSize([peer], { external: ['axios'] }));
  return { tables: [{ title: '7. Bundle size, minified + gzipped (esbuild, browser)', unit: 'KiB gzip', rows }] };
}
