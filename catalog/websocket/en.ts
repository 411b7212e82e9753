import type { CatalogText } from '../../src/catalog-types.js';

/** WebSocket close codes in English: the RFC / IANA name and what to do next, keyed by rowKey (the close code). */
export const websocketEn: CatalogText = {
  catalog: 'websocket',
  lang: 'en',
  rows: {
    '1000': [
      'Normal Closure',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1001': [
      'Going Away',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1002': [
      'Protocol Error',
      'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.',
    ],
    '1003': [
      'Unsupported Data',
      'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.',
    ],
    '1004': [
      'Reserved',
      'A reserved code no endpoint should send: log it and check the server.',
    ],
    '1005': [
      'No Status Received',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1006': [
      'Abnormal Closure',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1007': [
      'Invalid Frame Payload Data',
      'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.',
    ],
    '1008': [
      'Policy Violation',
      'The server rejected this client by policy: check credentials and permissions, do not reconnect blindly.',
    ],
    '1009': [
      'Message Too Big',
      'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.',
    ],
    '1010': [
      'Mandatory Extension',
      'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.',
    ],
    '1011': [
      'Internal Error',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1012': [
      'Service Restart',
      'Reconnect with backoff and resend what was not acknowledged.',
    ],
    '1013': [
      'Try Again Later',
      'The server is overloaded or its upstream failed: reconnect after a longer backoff.',
    ],
    '1014': [
      'Bad Gateway',
      'The server is overloaded or its upstream failed: reconnect after a longer backoff.',
    ],
    '1015': [
      'TLS Handshake',
      'Fix the TLS setup (certificate, hostname, wss:// URL); reconnecting will not help.',
    ],
  },
};
