import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** Credentials as the AWS SDK resolves them (the DynamoDB client's provider is reused). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape SignatureV4 expects. */
type Bytes = string | ArrayBuffer | ArrayBufferView;
const toBuffer = (d: Bytes) =>
  typeof d === 'string'
    ? Buffer.from(d)
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

class NodeSha256 {
  private readonly hash;
  constructor(secret?: Bytes) {
    this.hash = secret ? createHmac('sha256', toBuffer(secret)) : createHash('sha256');
  }
  update(data: Bytes): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * A SigV4 signer for one AWS service: the small AWS APIs Rounds calls over fetch (Cognito,
 * SNS) use it instead of their SDK clients, whose models would break the bundle budget.
 */
export function awsSigner(service: string, region: string, credentials: () => Promise<AwsCredentials>) {
  return new SignatureV4({ service, region, credentials, sha256: NodeSha256 });
}
