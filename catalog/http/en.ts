import type { CatalogText } from '../../src/catalog-types.js';

/** HTTP statuses in English: the reason phrase and what to do next, keyed by rowKey (the status). */
export const httpEn: CatalogText = {
  catalog: 'http',
  lang: 'en',
  rows: {
    '400': [
      'Bad Request',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '401': [
      'Unauthorized',
      'Send valid credentials (refresh an expired token).',
    ],
    '402': [
      'Payment Required',
      'Raise the quota or free space; retrying will not help.',
    ],
    '403': [
      'Forbidden',
      'Check permissions; retrying will not help.',
    ],
    '404': [
      'Not Found',
      'Check the URL and the resource id.',
    ],
    '405': [
      'Method Not Allowed',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '406': [
      'Not Acceptable',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '407': [
      'Proxy Authentication Required',
      'Configure the proxy credentials.',
    ],
    '408': [
      'Request Timeout',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    '409': [
      'Conflict',
      'Reload the resource, resolve the conflict, then resend.',
    ],
    '410': [
      'Gone',
      'Check the URL and the resource id.',
    ],
    '411': [
      'Length Required',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '412': [
      'Precondition Failed',
      'Reload the resource, resolve the conflict, then resend.',
    ],
    '413': [
      'Content Too Large',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '414': [
      'URI Too Long',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '415': [
      'Unsupported Media Type',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '416': [
      'Range Not Satisfiable',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '417': [
      'Expectation Failed',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '418': [
      "I'm a teapot",
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '421': [
      'Misdirected Request',
      'Not processed: retry on a new connection.',
    ],
    '422': [
      'Unprocessable Content',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '423': [
      'Locked',
      'Reload the resource, resolve the conflict, then resend.',
    ],
    '424': [
      'Failed Dependency',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '425': [
      'Too Early',
      'Not processed: retry on a new connection.',
    ],
    '426': [
      'Upgrade Required',
      'Use another endpoint, method or protocol version.',
    ],
    '428': [
      'Precondition Required',
      'Reload the resource, resolve the conflict, then resend.',
    ],
    '429': [
      'Too Many Requests',
      'Wait for Retry-After, then retry at a lower rate.',
    ],
    '431': [
      'Request Header Fields Too Large',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '451': [
      'Unavailable For Legal Reasons',
      'Check permissions; retrying will not help.',
    ],
    '499': [
      'Client Closed Request',
      'The client gave up first; raise its timeout if unintended.',
    ],
    '500': [
      'Internal Server Error',
      'Retry if idempotent; report it with the request id if it persists.',
    ],
    '501': [
      'Not Implemented',
      'Use another endpoint, method or protocol version.',
    ],
    '502': [
      'Bad Gateway',
      'Upstream failed mid-request: retry only if idempotent.',
    ],
    '503': [
      'Service Unavailable',
      'Not processed: retry with backoff.',
    ],
    '504': [
      'Gateway Timeout',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    '505': [
      'HTTP Version Not Supported',
      'Use another endpoint, method or protocol version.',
    ],
    '506': [
      'Variant Also Negotiates',
      'The server is misconfigured: report it to its owner.',
    ],
    '507': [
      'Insufficient Storage',
      'Raise the quota or free space; retrying will not help.',
    ],
    '508': [
      'Loop Detected',
      'The server is misconfigured: report it to its owner.',
    ],
    '510': [
      'Not Extended',
      'Fix the request; an unchanged retry fails the same way.',
    ],
    '511': [
      'Network Authentication Required',
      'Sign in to the network, then retry.',
    ],
    '520': [
      'Web Server Returned an Unknown Error',
      'Retry if idempotent; report it with the request id if it persists.',
    ],
    '521': [
      'Web Server Is Down',
      'Not processed: retry with backoff.',
    ],
    '522': [
      'Connection Timed Out',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    '523': [
      'Origin Is Unreachable',
      'Not processed: retry with backoff.',
    ],
    '524': [
      'A Timeout Occurred',
      'Upstream failed mid-request: retry only if idempotent.',
    ],
    '525': [
      'SSL Handshake Failed',
      "Fix the origin's TLS certificate or setup.",
    ],
    '526': [
      'Invalid SSL Certificate',
      "Fix the origin's TLS certificate or setup.",
    ],
    '527': [
      'Railgun Error',
      'Upstream failed mid-request: retry only if idempotent.',
    ],
    '530': [
      'Origin Error',
      'Not processed: retry with backoff.',
    ],
  },
};
