/**
 * `faultline`: everything in `faultline/core`, with the full built-in catalogs (the text of every
 * HTTP status, close code and network error) and every provider catalog registered, so classify()
 * knows LeanCloud, Parse, CloudBase and Easemob codes out of the box.
 */
import { cloudbase } from '../catalog/cloudbase.js';
import { easemob } from '../catalog/easemob.js';
import { http } from '../catalog/http.js';
import { leancloud } from '../catalog/leancloud.js';
import { network } from '../catalog/network.js';
import { parse } from '../catalog/parse.js';
import { websocket } from '../catalog/websocket.js';
import { registerCatalog } from './registry.js';

registerCatalog(http, websocket, network, leancloud, parse, cloudbase, easemob);

export * from './core.js';
export { leancloud, parse, cloudbase, easemob };
