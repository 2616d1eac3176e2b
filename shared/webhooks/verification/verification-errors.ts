import { AppError } from '../../errors';

/**
 * A call that fails its webhook's verification. The message names what was expected,
 * never a secret or the value expected; the code is the same for every mode, so a sender's
 * tooling needs to know one.
 */
export class BadSignatureError extends AppError {
  constructor(expected = 'X-Flowgate-Signature header', headers?: Record<string, string>) {
    super(401, 'invalid_signature', `Missing or invalid ${expected}`, true, { headers });
  }
}

/**
 * A correctly signed call whose signed timestamp is too far from now: refused, so a
 * captured call cannot be replayed once the sender's tolerance has passed. Only a call
 * whose signature matched gets this code, so it tells a forger nothing.
 */
export class SignatureExpiredError extends AppError {
  constructor(header: string, toleranceSeconds: number) {
    super(
      401,
      'signature_expired',
      `The ${header} timestamp is more than ${toleranceSeconds} s from the current time; send a freshly signed call`,
      true,
      { details: { tolerance_seconds: toleranceSeconds } },
    );
  }
}
