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
  inBand: readLeanCloudInBand,
  // IM's private close codes: 4100–4599 (4000–4099 are left to whatever else shares the socket).
  closeCodes: [[4100, 4599]],
});
