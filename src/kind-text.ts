import { KINDS, type ErrorKind, type LocalizedText } from './kinds.js';

/** Each kind's [description, advice], made once: frozen and shared, as every error of a kind says the same. */
const MADE: Partial<Record<ErrorKind, readonly [LocalizedText, LocalizedText]>> = {};

/**
 * What an error of `kind` means (0) or what to do (1), in both languages, in a few words: what
 * errors carry when no catalog text module says more about their code (`withText()`, or the full
 * `faultline` entry).
 */
export function kindText(kind: ErrorKind, which: 0 | 1): LocalizedText {
  return (MADE[kind] ??= made(kind))[which];
}

function made(kind: ErrorKind): readonly [LocalizedText, LocalizedText] {
  const [, , zh, adviceEn, adviceZh] = KINDS[kind];
  return [Object.freeze({ en: `${kind[0]?.toUpperCase()}${kind.slice(1).replace('_', ' ')}.`, zh }), Object.freeze({ en: adviceEn, zh: adviceZh })];
}
