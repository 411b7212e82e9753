// Fleets (issue 16): 8 real processes sharing a policy's gate, budget and breaker through Redis,
// against each process on its own. Counts, not speeds (bench/fleet.mjs says how they are taken).
import { benchFleet } from '../fleet.mjs';

export default async function fleet() {
  return { tables: await benchFleet() };
}
