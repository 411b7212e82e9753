export interface ClassifyOptions {
  /** The provider whose catalog is consulted first; otherwise detected from host, headers, body. */
  readonly provider?: string;
  /** The request method, kept (redacted) on the error. */
  readonly method?: string;
  /** The request URL, kept (redacted) on the error and used for provider detection. */
  readonly url?: string;
}
