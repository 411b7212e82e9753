/** `faultline/catalog/easemob`: Easemob (环信) REST API as a provider value. */
import { defineProvider } from '../../src/provider.js';
import { easemobDecisions } from './decisions.js';
import { isEasemobBody, readEasemobError } from './readers.js';

export const easemob = /* @__PURE__ */ defineProvider({
  name: 'easemob',
  decisions: easemobDecisions,
  hosts: ['.easemob.com', '.easecdn.com', '.chat.agora.io'],
  isOwnBody: isEasemobBody,
  readers: [readEasemobError],
});
