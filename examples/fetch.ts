import { parse } from 'faultline';
import { createFetch } from 'faultline/fetch';

// Parse Server (with `idempotencyOptions` set) dedupes writes by X-Parse-Request-Id. idempotencyKey adds
// one key per logical request, the same on every attempt, so a POST whose answer was lost is
// retried safely. Without a key, a POST is never repeated after it may have reached the server.
const fetch = createFetch({ provider: parse, idempotencyKey: true, retry: { maxAttempts: 3 } });

export async function main(serverURL = 'https://parse.example.com/parse') {
  const response = await fetch(`${serverURL}/classes/Order`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': 'your-app-id', 'Content-Type': 'application/json' },
    body: JSON.stringify({ item: 'coffee', quantity: 1 }),
  });
  // Non-2xx responses throw a FaultlineError once the policy gives up: here it is a 2xx.
  return (await response.json()) as { objectId: string; createdAt: string };
}
