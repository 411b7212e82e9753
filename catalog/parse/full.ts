import { withText } from '../../src/provider.js';
import { GENERIC_TEXT } from '../generic.js';
import { parseCodes } from './codes.js';
import { parse as decisionsOnly } from './index.js';
import { parseEn } from './en.js';
import { parseZh } from './zh.js';

/** Parse with its text in both languages and its documented codes: what the full `faultline` entry gives. */
export const parse = /* @__PURE__ */ withText({ ...decisionsOnly, title: 'Parse', documented: parseCodes }, parseEn, parseZh, ...GENERIC_TEXT);
