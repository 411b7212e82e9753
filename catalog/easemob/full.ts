import { withText } from '../../src/provider.js';
import { GENERIC_TEXT } from '../generic.js';
import { easemobCodes } from './codes.js';
import { easemob as decisionsOnly } from './index.js';
import { easemobEn } from './en.js';
import { easemobZh } from './zh.js';

/** Easemob (环信) REST API with its text in both languages and its documented codes: what the full `faultline` entry gives. */
export const easemob = /* @__PURE__ */ withText({ ...decisionsOnly, title: 'Easemob (环信) REST API', documented: easemobCodes }, easemobEn, easemobZh, ...GENERIC_TEXT);
