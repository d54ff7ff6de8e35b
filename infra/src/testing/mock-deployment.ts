import * as pulumi from '@pulumi/pulumi';
import { configNamespace } from '../stack-config.js';

/** The account id the mocked `alicloud.getAccount` answers. */
export const mockAccountId = '1234567890123456';

/** A resource the program asked Pulumi to create, with the inputs it gave. */
export interface RecordedResource {
  type: string;
  name: string;
  /** The inputs, secrets unwrapped. */
  inputs: Record<string, unknown>;
  /** The names of the inputs that were given as secrets. */
  secretInputs: string[];
}

// How the Pulumi runtime marks a secret value on the wire.
const secretSignatureKey = '4dabf18193072939515e22adb298388d';
const secretSignature = '1b47061264138c4ac30d75fd1eb44270';

function isWireSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[secretSignatureKey] === secretSignature
  );
}

function unwrapSecrets(value: unknown): unknown {
  if (isWireSecret(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, unwrapSecrets(inner)]),
    );
  }
  return value;
}

/** A fake engine and provider: records every resource and answers like Aliyun would. */
export class MockDeployment implements pulumi.runtime.Mocks {
  readonly resources: RecordedResource[] = [];

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    const wireInputs = args.inputs as Record<string, unknown>;
    const inputs = unwrapSecrets(wireInputs) as Record<string, unknown>;
    const secretInputs = Object.keys(wireInputs).filter((key) => isWireSecret(wireInputs[key]));
    if (args.custom !== false) {
      this.resources.push({ type: args.type, name: args.name, inputs, secretInputs });
    }
    switch (args.type) {
      case 'alicloud:ram/accessKey:AccessKey': {
        const encrypted = typeof inputs.pgpKey === 'string';
        return {
          id: `LTAI5tMock${args.name.replaceAll(/[^A-Za-z0-9]/g, '')}`,
          state: {
            ...inputs,
            status: inputs.status ?? 'Active',
            secret: encrypted ? '' : `mock-secret-of-${args.name}`,
            encryptedSecret: encrypted ? `wcFMA-mock-encrypted-${args.name}` : '',
            keyFingerprint: encrypted ? 'MOCKFINGERPRINT' : '',
          },
        };
      }
      case 'alicloud:ram/role:Role':
        return {
          id: String(inputs.roleName),
          state: { ...inputs, arn: `acs:ram::${mockAccountId}:role/${String(inputs.roleName)}` },
        };
      default:
        return { id: `${args.name}-id`, state: inputs };
    }
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    if (args.token === 'alicloud:index/getAccount:getAccount') return { id: mockAccountId };
    throw new Error(`unexpected invoke ${args.token}`);
  }

  /** The recorded resources of one type, such as `alicloud:ram/accessKey:AccessKey`. */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** The one recorded resource of a type; fails when there is not exactly one. */
  single(type: string): RecordedResource {
    const found = this.ofType(type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0] as RecordedResource;
  }
}

/**
 * Points Pulumi at a fresh {@link MockDeployment} (project `smskit-sms`, stack `dev`, not a
 * preview) and sets the stack config. Strings are passed as written and anything else as JSON,
 * as the Pulumi CLI does.
 */
export async function startMockDeployment(
  config: Readonly<Record<string, unknown>> = {},
): Promise<MockDeployment> {
  const deployment = new MockDeployment();
  await pulumi.runtime.setMocks(deployment, configNamespace, 'dev', false);
  pulumi.runtime.setAllConfig(
    Object.fromEntries(
      Object.entries(config).map(([key, value]) => [
        key.includes(':') ? key : `${configNamespace}:${key}`,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    ),
  );
  return deployment;
}

/** Waits until every resource registration and invoke has reached the mocks. */
export async function settle(): Promise<void> {
  await pulumi.runtime.disconnect();
}

/** The value of an output, once known. */
export function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => {
    output.apply((value) => {
      resolve(value);
      return value;
    });
  });
}
