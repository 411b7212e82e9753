// The one provider list (catalog/providers.ts), as the scripts read it: the build, the size check,
// the docs and README generation, and the seed check all take the providers from here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Provider names, in list order: one `export { name } from './name/full.js';` line each. */
export const PROVIDERS = Object.freeze(
  [...readFileSync(`${ROOT}/catalog/providers.ts`, 'utf8').matchAll(/^export \{ (\w+) \} from '\.\/(\w+)\/full\.js';$/gm)].map((m) => {
    if (m[1] !== m[2]) throw new Error(`catalog/providers.ts: ${m[1]} must come from ./${m[1]}/full.js`);
    return m[1];
  }),
);

/** The generic catalogs core decides from (their text is catalog/<name>/<lang>.ts). */
export const GENERIC = Object.freeze(['http', 'websocket', 'network']);

export const LANGS = Object.freeze(['en', 'zh']);
