// The contract between the harness and a client module. Each client module imports only its own
// package and Node's built-ins (and types from here, which compile away), so that the same file
// runs in the workspace and, copied next to a fresh npm install, is what gets bundled and timed
// for a cold start.

/** Where and what every client sends: one SendSms of a verification code. */
export interface BenchTarget {
  /** The Dysmsapi base URL: the stub or the emulator, `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly signName: string;
  readonly templateCode: string;
  /** A mainland China mobile number, national form (`13800138000`), as Aliyun's API takes it. */
  readonly phoneNumber: string;
  /** The verification code. */
  readonly code: string;
}

/** A client ready to send, set up once per process. */
export interface BenchClient {
  /** Sends one SendSms and resolves once Aliyun's answer says `OK`; rejects otherwise. */
  send(): Promise<void>;
  /** Releases connections and pools. */
  close(): Promise<void>;
}

/** What every client module exports as `createClient`. */
export type CreateBenchClient = (
  target: BenchTarget,
  variant: Readonly<Record<string, string>>,
) => Promise<BenchClient>;
