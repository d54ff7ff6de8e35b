/** What the verification server process tells the harness. */
export type FromVerificationServer =
  | { readonly type: 'listening'; readonly port: number }
  /** A code the server's sender "delivered". */
  | { readonly type: 'code'; readonly phone: string; readonly code: string };
