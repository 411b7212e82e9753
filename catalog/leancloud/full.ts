import { withText } from '../../src/provider.js';
import { GENERIC_TEXT } from '../generic.js';
import { leancloudCodes } from './codes.js';
import { leancloud as decisionsOnly } from './index.js';
import { leancloudEn } from './en.js';
import { leancloudZh } from './zh.js';

/** LeanCloud (storage REST, leaderboard, WebSocket and IM) with its text in both languages and its documented codes: what the full `faultline` entry gives. */
export const leancloud = /* @__PURE__ */ withText({ ...decisionsOnly, title: 'LeanCloud (storage REST, leaderboard, WebSocket and IM)', documented: leancloudCodes }, leancloudEn, leancloudZh, ...GENERIC_TEXT);
