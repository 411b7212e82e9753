import { withText } from '../../src/provider.js';
import { GENERIC_TEXT } from '../generic.js';
import { cloudbaseCodes } from './codes.js';
import { cloudbase as decisionsOnly } from './index.js';
import { cloudbaseEn } from './en.js';
import { cloudbaseZh } from './zh.js';

/** Tencent CloudBase (云开发) with its text in both languages and its documented codes: what the full `faultline` entry gives. */
export const cloudbase = /* @__PURE__ */ withText({ ...decisionsOnly, title: 'Tencent CloudBase (云开发)', documented: cloudbaseCodes }, cloudbaseEn, cloudbaseZh, ...GENERIC_TEXT);
