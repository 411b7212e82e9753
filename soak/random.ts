/** The tests' seeded PRNG (mulberry32): the same seed gives the same fault mix, so a failing soak can be replayed. */
export { seededRandom } from '../test/helpers/fake-clock.js';

/** Picks a key of `weights` with probability proportional to its weight. */
export function pickWeighted<K extends string>(weights: Readonly<Record<K, number>>, random: () => number): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
