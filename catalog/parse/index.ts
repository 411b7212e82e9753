/** `faultline/catalog/parse`: Parse (Parse Server and its hosts) as a provider value. */
import { defineProvider } from '../../src/provider.js';
import { parseDecisions } from './decisions.js';
import { readParseError } from './readers.js';

export const parse = /* @__PURE__ */ defineProvider({
  name: 'parse',
  decisions: parseDecisions,
  hosts: ['.back4app.com', '.parseapi.com', '.parse.com', '.b4a.io'],
  requestHeaders: ['x-parse-application-id'],
  readers: [readParseError],
  // Parse Server (with idempotencyOptions) dedupes writes by it.
  idempotencyHeader: 'X-Parse-Request-Id',
  // Revocable session tokens ('r:' and 32 hex characters) also show up in prose: "invalid
  // session token r:…". The keys and the token travel in the JSON body (_SessionToken,
  // _MasterKey…), redacted by name.
  secrets: [/\br:[\w-]{8,128}/g],
});
