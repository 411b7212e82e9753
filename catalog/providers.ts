/**
 * The one list of providers: the build, the CLI, docs generation, README tables, the size check and
 * CI all read it. Adding a provider is one folder under catalog/ plus one line here.
 */
export { leancloud } from './leancloud/full.js';
export { parse } from './parse/full.js';
export { cloudbase } from './cloudbase/full.js';
export { easemob } from './easemob/full.js';
