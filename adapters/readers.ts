import type { Reader } from '../src/raw-fault.js';
import { readAxiosError } from './axios/reader.js';

/**
 * Readers of the clients' own error shapes, beyond what the generic readers see: what the full
 * `faultline` entry tries on anything it is given. (ky's and got's HTTPError carry `response` and
 * `request`, which the generic reader reads.)
 */
export const CLIENT_READERS: readonly Reader[] = [readAxiosError];
