import fc from 'fast-check';
import type { FullClassifyOptions as ClassifyOptions } from '../../src/index.js';

/**
 * One generated input: a plain-data `spec` (what fast-check shrinks and prints) and a builder
 * that turns it into the real value — an Error, a Response, a Proxy — fresh on every call, so a
 * hostile object never reaches fast-check's own printer and a counterexample stays readable.
 */
export class FuzzCase {
  constructor(
    readonly label: string,
    readonly spec: unknown,
    private readonly build: () => unknown,
    readonly options: ClassifyOptions = {},
  ) {}

  make(): unknown {
    return this.build();
  }

  withOptions(options: ClassifyOptions): FuzzCase {
    return new FuzzCase(this.label, this.spec, this.build, options);
  }

  [fc.toStringMethod](): string {
    return `${this.label} ${fc.stringify(this.spec)} options=${fc.stringify(this.options)}`;
  }
}

/** `arb` of specs → arbitrary of cases built by `build(spec)`. */
export function cases<S>(label: string, arb: fc.Arbitrary<S>, build: (spec: S) => unknown): fc.Arbitrary<FuzzCase> {
  return arb.map((spec) => new FuzzCase(label, spec, () => build(spec)));
}
