import type { Catalog } from '../../src/catalog-types.js';

/**
 * RFC 6455 close codes and the IANA registrations 1012–1015, keyed by close code. Private
 * 4000–4999 and registered 3000–3999 codes are classify()'s and the providers' business, not rows here.
 */
export const websocketDecisions: Catalog = [
  { code: 1000, kind: 'connection_closed' },
  { code: 1001, kind: 'connection_closed' },
  { code: 1002, kind: 'invalid_request' },
  { code: 1003, kind: 'invalid_request' },
  { code: 1004, kind: 'unknown' },
  { code: 1005, kind: 'connection_closed' },
  { code: 1006, kind: 'connection_closed' },
  { code: 1007, kind: 'invalid_request' },
  { code: 1008, kind: 'permission_denied' },
  { code: 1009, kind: 'invalid_request' },
  { code: 1010, kind: 'invalid_request' },
  { code: 1011, kind: 'connection_closed' },
  { code: 1012, kind: 'connection_closed' },
  { code: 1013, kind: 'unavailable' },
  { code: 1014, kind: 'unavailable' },
  { code: 1015, kind: 'configuration' },
];
