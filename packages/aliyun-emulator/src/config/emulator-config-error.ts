/** One problem in an emulator config: the field's path (`templates[2].route`) and what is wrong. */
export interface EmulatorConfigIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * Thrown by `startEmulator` and the CLI for a config that does not validate. The message names
 * every wrong field; values (secrets among them) are never repeated.
 */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
  /** The first wrong field. */
  readonly field: string;
  readonly issues: readonly EmulatorConfigIssue[];

  constructor(issues: readonly EmulatorConfigIssue[]) {
    super(
      `Invalid emulator config: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
    this.field = issues[0]?.field ?? '';
  }
}
