import type { CatalogText } from '../src/catalog-types.js';
import { defineProvider, type Provider } from '../src/provider.js';
import { httpDecisions } from './http/decisions.js';
import { httpEn } from './http/en.js';
import { httpZh } from './http/zh.js';
import { networkDecisions } from './network/decisions.js';
import { networkEn } from './network/en.js';
import { networkZh } from './network/zh.js';
import { websocketDecisions } from './websocket/decisions.js';
import { websocketEn } from './websocket/en.js';
import { websocketZh } from './websocket/zh.js';

/** The text of every HTTP status, close code and network error, in both languages: what the full entry attaches. */
export const GENERIC_TEXT: readonly CatalogText[] = [httpEn, httpZh, websocketEn, websocketZh, networkEn, networkZh];

/** The generic catalogs core decides from, as values the CLI and the docs list like providers'. */
export const GENERIC_CATALOGS: readonly Provider[] = [
  defineProvider({ name: 'http', title: 'HTTP statuses (RFC 9110 and CDN 520–530)', decisions: httpDecisions, text: GENERIC_TEXT }),
  defineProvider({ name: 'websocket', title: 'WebSocket close codes (RFC 6455 and IANA)', decisions: websocketDecisions, text: GENERIC_TEXT }),
  defineProvider({ name: 'network', title: 'Network errors (Node errno, undici, browsers)', decisions: networkDecisions, text: GENERIC_TEXT }),
];
