import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

/** The payload keys sent to Aliyun when the config names none. */
export const defaultTemplateVariables = ['code'] as const;

/**
 * The template variables for Aliyun, taken from Logto's message payload: only the keys in
 * `variables` that the payload has. Logto puts more in the payload than a template takes
 * (`locale`, `uiLocales`, application and user details), and Aliyun rejects a variable that its
 * template does not declare (`isv.INVALID_JSON_PARAM`).
 *
 * Aliyun wants string values, so numbers are sent as strings.
 *
 * @throws {ConnectorError} `InvalidRequestParameters` for a value that is not text.
 */
export function templateParams(
  payload: Readonly<Record<string, unknown>>,
  variables: readonly string[] = defaultTemplateVariables,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of variables) {
    if (!Object.hasOwn(payload, name)) continue;
    const value = payload[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') params[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) params[name] = String(value);
    else {
      throw new ConnectorError(ConnectorErrorCodes.InvalidRequestParameters, {
        errorDescription: `Template variable ${name} must be text, got ${typeof value}`,
      });
    }
  }
  return params;
}
