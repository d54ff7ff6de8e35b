import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isSmsError, isUsageType, type SmsError, usageTypes } from '@smskit/core';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import { resolveCredentials } from '../credentials/resolve-credentials.js';
import { parseAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import type { SendDetails } from '../query/query-send-details.js';
import { buildSignedRequest, type SignedRequest } from '../request/build-signed-request.js';
import { prepareSendSms } from '../routing/prepare-send-sms.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { CliUsageError, loadCliOptions } from './load-cli-options.js';

/** Where the CLI reads and writes; `process`'s in `main.ts`, others in tests. */
export interface CliContext {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const usage = `Usage:
  smskit-aliyun send --to <phone> --usage-type <type> [--code <code>] [options]
  smskit-aliyun query --to <phone> --date <yyyyMMdd> [--biz-id <id>] [options]

Sends a test message through Aliyun SMS (Dysmsapi), or shows the delivery status of the
messages sent to a number on a day.

Commands:
  send      Sends one message. --usage-type is one of ${usageTypes.join(', ')}.
            --code is the template's code parameter (default: 6 random digits).
            --dry-run prints the signed request (security token redacted) and sends nothing.
  query     QuerySendDetails for --to on --date (yyyyMMdd), optionally one --biz-id.

Options:
  --config <file>              Logto-style connector config JSON (accessKeyId, accessKeySecret,
                               signName, templates, ...). Without it: SMSKIT_ALIYUN_SIGN_NAME,
                               SMSKIT_ALIYUN_TEMPLATE_CODE [, SMSKIT_ALIYUN_TEMPLATE_CODE_OVERSEAS,
                               SMSKIT_ALIYUN_ENDPOINT]. Credentials missing from the config come from
                               ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and
                               ALIBABA_CLOUD_SECURITY_TOKEN.
  --endpoint <url>             Dysmsapi base URL (default https://dysmsapi.aliyuncs.com).
  --signature-version <v3|v1>  Request signature (default v3).
  --timeout <ms>               Time for one attempt (default 10000).
  --json                       Prints one JSON document instead of text.
  -h, --help                   Prints this help.

Exit codes: 0 ok, 1 Aliyun refused, 2 bad arguments or config (nothing sent),
3 Aliyun unreachable, timed out or unreadable (the message may have been sent), 4 internal error.
`;

const options = {
  to: { type: 'string' },
  'usage-type': { type: 'string' },
  code: { type: 'string' },
  date: { type: 'string' },
  'biz-id': { type: 'string' },
  config: { type: 'string' },
  endpoint: { type: 'string' },
  'signature-version': { type: 'string' },
  timeout: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

const redacted = '[redacted]';

/** The signed request as `--dry-run` prints it: the security token replaced (the secret is never in it). */
export function redactSignedRequest(request: SignedRequest): SignedRequest {
  const url = new URL(request.url);
  // V1 carries the token as a query parameter, V3 as a header.
  const search = url.search.replace(/([?&]SecurityToken=)[^&]*/, `$1${redacted}`);
  const headers = { ...request.headers };
  if (headers['x-acs-security-token'] !== undefined) headers['x-acs-security-token'] = redacted;
  return { ...request, url: `${url.origin}${url.pathname}${search}`, headers };
}

const requireValue = (values: Values, name: 'to' | 'usage-type' | 'date') => {
  const value = values[name];
  if (value === undefined || value === '') throw new CliUsageError(`--${name} is required`);
  return value;
};

/**
 * Runs `smskit-aliyun` with `argv` (without `node` and the script) and resolves with the exit
 * code. Never throws: every failure is a message on stderr (or JSON on stdout with `--json`).
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    context.stderr.write(`smskit-aliyun: ${(error as Error).message}\n\n${usage}`);
    return exitCodes.usage;
  }
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') {
    context.stdout.write(usage);
    return exitCodes.ok;
  }
  const json = values.json === true;
  try {
    if (command !== 'send' && command !== 'query') {
      throw new CliUsageError(
        command === undefined
          ? 'a command is required: send or query'
          : `unknown command ${JSON.stringify(command)}: use send or query`,
      );
    }
    if (extra.length > 0)
      throw new CliUsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
    if (
      values['signature-version'] !== undefined &&
      !['v3', 'v1'].includes(values['signature-version'])
    ) {
      throw new CliUsageError('--signature-version must be v3 or v1');
    }
    // Arguments first: a missing --to is reported before a missing config.
    const parsed = command === 'send' ? readSendArguments(values) : readQueryArguments(values);
    const senderOptions = await loadCliOptions(
      {
        config: values.config,
        endpoint: values.endpoint,
        signatureVersion: values['signature-version'],
        timeout: values.timeout,
      },
      context.env,
      context.cwd,
    );
    return parsed.command === 'send'
      ? await send(parsed, values, senderOptions, context, json)
      : await query(parsed, senderOptions, context, json);
  } catch (error) {
    return fail(error, context, json);
  }
}

function readSendArguments(values: Values) {
  const to = requireValue(values, 'to');
  const usageType = requireValue(values, 'usage-type');
  if (!isUsageType(usageType)) {
    throw new CliUsageError(`--usage-type must be one of ${usageTypes.join(', ')}`);
  }
  const code = values.code ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  return {
    command: 'send' as const,
    message: { to, usageType, params: { code } },
    code,
    usageType,
  };
}

function readQueryArguments(values: Values) {
  const phone = requireValue(values, 'to');
  const sendDate = requireValue(values, 'date');
  if (!/^\d{8}$/.test(sendDate)) {
    throw new CliUsageError('--date must be yyyyMMdd, such as 20250102');
  }
  return {
    command: 'query' as const,
    query: { phone, sendDate, bizId: values['biz-id'], pageSize: 50 },
  };
}

async function send(
  { message, code, usageType }: ReturnType<typeof readSendArguments>,
  values: Values,
  senderOptions: Parameters<typeof createAliyunSmsSender>[0],
  context: CliContext,
  json: boolean,
) {
  if (values['dry-run']) {
    const resolved = parseAliyunSmsSenderOptions(senderOptions);
    const prepared = prepareSendSms(resolved, message);
    const credentials = await resolveCredentials(resolved, context.env);
    const request = redactSignedRequest(
      buildSignedRequest({
        action: 'SendSms',
        params: prepared.params,
        endpoint: prepared.destination.endpoint,
        regionId: prepared.destination.regionId,
        credentials,
        signatureVersion: resolved.signatureVersion,
        userAgent: resolved.userAgent,
      }),
    );
    if (json) {
      context.stdout.write(
        `${JSON.stringify({ ok: true, dryRun: true, route: prepared.destination.route, request }, null, 2)}\n`,
      );
    } else {
      const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}\n`);
      context.stdout.write(
        `Dry run: not sent. ${usageType} code ${code} to ${prepared.message.phone.e164} (${prepared.destination.route} route):\n\n${request.method} ${request.url}\n${headers.join('')}`,
      );
    }
    return exitCodes.ok;
  }

  const sender = createAliyunSmsSender(withEnvironmentCredentials(senderOptions, context.env));
  const result = await sender.send(message);
  if (json) {
    context.stdout.write(`${JSON.stringify({ ok: true, code, result }, null, 2)}\n`);
  } else {
    context.stdout.write(
      `Sent ${usageType} code ${code} to ${result.to} (${result.route} route)\n  messageId  ${result.messageId}\n  requestId  ${result.requestId ?? '-'}\n`,
    );
  }
  return exitCodes.ok;
}

async function query(
  { query: detailsQuery }: ReturnType<typeof readQueryArguments>,
  senderOptions: Parameters<typeof createAliyunSmsSender>[0],
  context: CliContext,
  json: boolean,
) {
  const sender = createAliyunSmsSender(withEnvironmentCredentials(senderOptions, context.env));
  const details = await sender.querySendDetails(detailsQuery);
  context.stdout.write(
    json ? `${JSON.stringify({ ok: true, ...details }, null, 2)}\n` : formatDetails(details),
  );
  return exitCodes.ok;
}

// The sender reads process.env; the CLI's context may carry another environment (tests).
function withEnvironmentCredentials(
  senderOptions: Parameters<typeof createAliyunSmsSender>[0],
  environment: NodeJS.ProcessEnv,
): Parameters<typeof createAliyunSmsSender>[0] {
  if (senderOptions.accessKeyId !== undefined || senderOptions.credentials !== undefined)
    return senderOptions;
  return {
    ...senderOptions,
    credentials: () =>
      resolveCredentials({ credentials: undefined, staticCredentials: undefined }, environment),
  };
}

function formatDetails(details: SendDetails): string {
  const lines = details.details.map((detail) =>
    [
      detail.status.padEnd(9),
      detail.phone.padEnd(16),
      (detail.templateCode ?? '-').padEnd(24),
      detail.sentAt?.toISOString() ?? '-',
      detail.receivedAt?.toISOString() ?? '-',
      detail.errorCode ?? '-',
    ].join('  '),
  );
  return `${details.totalCount} message(s)${details.details.length < details.totalCount ? `, ${details.details.length} shown` : ''} (requestId ${details.requestId ?? '-'})\n${lines.map((line) => `  ${line}\n`).join('')}`;
}

function fail(error: unknown, context: CliContext, json: boolean): number {
  if (error instanceof CliUsageError) {
    if (json)
      context.stdout.write(
        `${JSON.stringify({ ok: false, error: { code: 'USAGE', message: error.message } }, null, 2)}\n`,
      );
    context.stderr.write(`smskit-aliyun: ${error.message}\nRun smskit-aliyun --help for usage.\n`);
    return exitCodes.usage;
  }
  const exitCode = exitCodeFor(error);
  if (json) {
    const body = isSmsError(error)
      ? error.toJSON()
      : { code: 'INTERNAL', message: 'unexpected error' };
    context.stdout.write(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
  }
  context.stderr.write(`smskit-aliyun: ${describe(error)}\n`);
  return exitCode;
}

function describe(error: unknown): string {
  if (!isSmsError(error)) {
    // Not an SmsError: a bug. Its message could hold anything, so only its name is shown.
    return `internal error (${error instanceof Error ? error.name : typeof error}); please report it`;
  }
  const smsError: SmsError = error;
  const details = [
    smsError.code,
    smsError.providerCode,
    smsError.field === undefined ? undefined : `field ${smsError.field}`,
    smsError.requestId === undefined ? undefined : `requestId ${smsError.requestId}`,
    smsError.retryAfterSeconds === undefined
      ? undefined
      : `retry after ${smsError.retryAfterSeconds} s`,
  ].filter((detail) => detail !== undefined);
  return `${smsError.message} [${details.join(', ')}]`;
}
