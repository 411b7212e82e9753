/** Header containers classify() can read: a Fetch `Headers`, a plain record, or axios' AxiosHeaders. */
export type HeadersInput =
  | { get(name: string): string | null | undefined | unknown }
  | Readonly<Record<string, unknown>>;

export interface ClassifyOptions {
  /** The provider whose catalog is consulted first; otherwise detected from host, headers, body. */
  readonly provider?: string;
  /** The request method, kept on the error. */
  readonly method?: string;
  /** The request URL, kept (redacted) on the error and used for provider detection. */
  readonly url?: string;
  /** The request's headers: used only to detect the provider (X-LC-Id, X-Parse-Application-Id…), never kept. */
  readonly requestHeaders?: HeadersInput;
}
