import Parse from 'parse/node';
import { parse } from 'faultline';
import { plugParse } from 'faultline/catalog/parse/plug';

/**
 * faultline as the Parse SDK's transport. Parse's own loop (5 tries on any 5xx, creates included)
 * no longer runs on top: a call costs at most maxAttempts requests. Parse sends reads as POSTs
 * (`_method: 'GET'`); they are retried as the reads they are. With `Parse.idempotency = true` a
 * create carries one X-Parse-Request-Id on every attempt, and is retried as the server dedupes it.
 */
export async function main(serverURL = 'https://parse.example.com/parse') {
  Parse.initialize('your-app-id', 'your-javascript-key');
  Parse.serverURL = serverURL;
  Parse.idempotency = true;
  const unplug = plugParse(Parse, { provider: parse, retry: { maxAttempts: 3 } });
  try {
    const post = await new Parse.Query('Post').get('xWMyZ4YEGZ');
    const order = await new Parse.Object('Order').save({ item: 'coffee' });
    return { post: post.id, order: order.id };
  } catch (error) {
    // Not a ParseError: faultline's typed error itself (`code` is still Parse's, e.g. 101).
    console.error(error);
    throw error;
  } finally {
    unplug();
  }
}
