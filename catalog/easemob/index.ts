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
  // Easemob's app and user tokens ('YWMt…') and Agora Chat's ('007eJ…'), where an error text
  // quotes them without a name (Authorization: Bearer … is redacted by name).
  secrets: [/\bYWMt[\w-]{20,1024}/g, /\b007eJ[\w+/=-]{20,1024}/g],
});
