/** The AccessKey pair an app reads from its environment. */
export interface SmskitAliyunEnvInput {
  accessKeyId: string;
  accessKeySecret: string;
}

/**
 * The `.env` lines that give `@smskit/aliyun` (and every official Aliyun SDK) its credentials,
 * through the standard `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`
 * variables, one per line with a final newline.
 *
 * @throws {RangeError} when a value holds a line break or a quote, which would break the file.
 */
export function buildSmskitAliyunEnv({
  accessKeyId,
  accessKeySecret,
}: SmskitAliyunEnvInput): string {
  const lines = [
    ['ALIBABA_CLOUD_ACCESS_KEY_ID', accessKeyId],
    ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', accessKeySecret],
  ].map(([name, value]) => {
    // The secret is never part of the message.
    if (value === undefined || /[\r\n"'`\\]/.test(value)) {
      throw new RangeError(
        `${name} cannot be written as an env line: it holds a line break or a quote`,
      );
    }
    return `${name}=${value}`;
  });
  return `${lines.join('\n')}\n`;
}
