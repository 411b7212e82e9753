/**
 * `faultline`: everything in `faultline/core`, with every provider catalog registered, so
 * classify() knows LeanCloud, Parse, CloudBase and Easemob codes out of the box.
 */
import { cloudbase } from '../catalog/cloudbase.js';
import { easemob } from '../catalog/easemob.js';
import { leancloud } from '../catalog/leancloud.js';
import { parse } from '../catalog/parse.js';
import { registerCatalog } from './registry.js';

registerCatalog(leancloud, parse, cloudbase, easemob);

export * from './core.js';
export { leancloud, parse, cloudbase, easemob };
