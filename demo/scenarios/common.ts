/** The headers a LeanCloud client sends (the demo server ignores them; they must never show in output). */
export const LC_HEADERS = {
  'X-LC-Id': 'demoAppId-gzGzoHsz',
  'X-LC-Key': 'demo-app-key-never-printed',
};

export const LC_HEADERS_SECRET = LC_HEADERS['X-LC-Key'];
