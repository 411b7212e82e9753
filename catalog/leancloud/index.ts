/**
 * `faultline/catalog/leancloud`: LeanCloud (storage REST, leaderboard, WebSocket and IM) as a
 * provider value — decisions only; text is `faultline/catalog/leancloud/en` and `/zh`.
 */
import { defineProvider } from '../../src/provider.js';
import { leancloudDecisions } from './decisions.js';
import { readLeanCloudError, readLeanCloudInBand } from './readers.js';

export const leancloud = /* @__PURE__ */ defineProvider({
  name: 'leancloud',
  decisions: leancloudDecisions,
  hosts: ['.lncld.net', '.lncldapi.com', '.lncldglobal.com', '.leancloud.cn', '.avoscloud.com', '.leancloud.app'],
  requestHeaders: ['x-lc-id', 'x-lc-sign', 'x-avoscloud-application-id'],
  readers: [readLeanCloudError],
  requestIdHeaders: ['x-lc-request-id'],
  // X-LC-Sign's value (md5, the millisecond timestamp, ',master' for the master key): what a dumped
  // request shows once its header name is gone. Session tokens and keys travel in X-LC-* headers,
  // which are redacted by name; bare, they look like any object id, so no pattern for them.
  secrets: [/\b[0-9a-f]{32},\d{13}(?:,master)?\b/gi],
  inBand: readLeanCloudInBand,
  // IM's private close codes: 4100–4599 (4000–4099 are left to whatever else shares the socket).
  closeCodes: [[4100, 4599]],
});
