// Readers of the providers' error-code documents (../shared/seeds, see its README.md): each turns
// one document into the facts it holds, in the shape of catalog/<name>/codes.ts (DocumentedCode:
// code, the status the document pairs it with, the names it gives, its own error text). Only
// scripts/seed-check.mjs uses them; tests never read the documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_FILES = Object.freeze({
  leancloudOlder: '000_37fcdc7e1e53d5be.txt',
  leancloudNewer: '001_a5101f8d4b71285c.txt',
  parse: '002_886a4146dfaf2881.txt',
  cloudbase: '003_16c8d80ee3d3a6b6.txt',
  easemob: '004_5a8082b817f3d0e4.txt',
});

const read = (dir, file) => readFileSync(join(dir, file), 'utf8');

/** Markdown of the older LeanCloud edition rendered the way the newer page shows it: link text, no backticks. */
const plain = (text) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '').trim();

/** LeanCloud page → Map(code → [{ message, meaning }]); a code heading is `## 101` (older) or a bare `101` line (newer). */
function leancloudEdition(text, heading) {
  const codes = new Map();
  let rows;
  for (const line of text.split('\n')) {
    const code = heading.exec(line)?.[1];
    if (code !== undefined) {
      rows = [];
      codes.set(Number(code), rows);
      continue;
    }
    if (!rows) continue;
    const message = /^\s*[-*•]\s*信息\s*-\s*(.*)$/.exec(line)?.[1];
    if (message !== undefined) {
      rows.push({ message: plain(message), meaning: '' });
      continue;
    }
    const meaning = /^\s*[-*•]\s*含义\s*-\s*(.*)$/.exec(line)?.[1];
    const last = rows[rows.length - 1];
    if (meaning !== undefined && last) last.meaning = plain(meaning);
  }
  return codes;
}

/**
 * LeanCloud: the newer edition wins, codes it lost text for (300) come from the older one. A
 * 信息 that is an identifier (the IM codes: `SESSION_CONFLICT`) is the code's name; `(无)` is
 * nothing; any other 信息 is the error text the server sends. Rows a code has twice (403, 605)
 * are joined by newlines. Returns [{ code, names, text?, meaning }], `meaning` being the 含义.
 */
export function leancloudDoc(dir) {
  const older = leancloudEdition(read(dir, SEED_FILES.leancloudOlder), /^## (\d+)\s*$/);
  const newer = leancloudEdition(read(dir, SEED_FILES.leancloudNewer), /^(\d+)\s*$/);
  const codes = [...new Set([...older.keys(), ...newer.keys()])].sort((a, b) => a - b);
  return codes.map((code) => {
    const fromNewer = newer.get(code);
    const rows = fromNewer && fromNewer.length > 0 ? fromNewer : (older.get(code) ?? []);
    const messages = rows.map((r) => r.message);
    const meaning = rows.map((r) => r.meaning).join('\n');
    if (messages.length === 1 && /^[A-Z][A-Z0-9_]*$/.test(messages[0])) return { code, names: [messages[0]], meaning };
    if (messages.length === 1 && messages[0] === '(无)') return { code, names: [], meaning };
    return { code, names: [], text: messages.join('\n'), meaning };
  });
}

/** Parse's Markdown writes `a-zA-Z0-9\_`; it reads a-zA-Z0-9_ once rendered. */
const unescape = (s) => s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');

/** Parse: one entry per code with every name the document gives it, in document order. */
export function parseDoc(dir) {
  const byCode = new Map();
  for (const line of read(dir, SEED_FILES.parse).split('\n')) {
    if (!line.startsWith('|') || /^\|\s*Name\s*\|/.test(line) || /^\|\s*:?-+/.test(line)) continue;
    const m = /^\| `([A-Za-z]+)` \| (-?\d+) \| (.+) \|\s*$/.exec(line);
    if (!m) throw new Error(`parse document: unexpected table row: ${line}`);
    const code = Number(m[2]);
    if (!byCode.has(code)) byCode.set(code, { code, names: [], descriptions: [] });
    byCode.get(code).names.push(m[1]);
    byCode.get(code).descriptions.push(unescape(m[3].trim()));
  }
  return [...byCode.values()];
}

/** CloudBase: string codes, each its own name; `meaning` is the document's 含义. */
export function cloudbaseDoc(dir) {
  const rows = [];
  for (const line of read(dir, SEED_FILES.cloudbase).split('\n')) {
    if (!line.startsWith('|') || /^\|\s*错误码\s*\|/.test(line) || /^\|\s*:?-+/.test(line)) continue;
    const m = /^\| ([A-Za-z_]+) \| (.+) \|\s*$/.exec(line);
    if (!m) throw new Error(`cloudbase document: unexpected table row: ${line}`);
    rows.push({ code: m[1], names: [], meaning: m[2].trim() });
  }
  return rows;
}

/**
 * Easemob: the status table gives `{ code: status, status }` (a status with the provider's own
 * meaning); the error table `{ code: error, status, text: error_description }`, or, for the
 * presence rows that have no `error`, `{ code: error_description, status }`. The description is
 * cut at its first literal `\n` (the rest is a stack trace or a line break) and unquoted. Rows
 * that repeat code, status and text (the three 404 `service_resource_not_found`) are one fact.
 * `meaning` is the 说明 / 可能原因 column.
 */
export function easemobDoc(dir) {
  const facts = [];
  const seen = new Set();
  for (const line of read(dir, SEED_FILES.easemob).split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (!/^\d{3}$/.test(cells[0] ?? '')) continue;
    const status = Number(cells[0]);
    let fact;
    if (cells.length === 2) fact = { code: status, status, names: [], meaning: cells[1] };
    else if (cells.length === 4) {
      const description = cells[2].replace(/^[“"]|[”"]$/g, '').split('\\n')[0].trim();
      fact = cells[1]
        ? { code: cells[1], status, names: [], text: description, meaning: cells[3] }
        : { code: description, status, names: [], meaning: cells[3] };
    } else throw new Error(`easemob document: unexpected table row: ${line}`);
    const key = JSON.stringify([fact.code, fact.status, fact.text]);
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push(fact);
  }
  return facts;
}
