/**
 * Errors of the outbound HTTP client that are not worth retrying. (Retryable failures
 * are `RetryableProviderError` from the provider contract.) Messages name the host at
 * most, never the full URL: paths and queries can carry tokens (Telegram, webhooks).
 */
export class OutboundBlockedError extends Error {
  constructor(message: string) {
    super(`Outbound request blocked: ${message}`);
    this.name = 'OutboundBlockedError';
  }
}

export class OutboundResponseTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Response body exceeds ${limitBytes} bytes`);
    this.name = 'OutboundResponseTooLargeError';
  }
}

/** The host name does not exist: retrying will not make it. */
export class OutboundHostNotFoundError extends Error {
  constructor(host: string) {
    super(`Could not resolve host ${host}`);
    this.name = 'OutboundHostNotFoundError';
  }
}

/** The server's certificate was refused (self-signed, expired, wrong name): not transient. */
export class OutboundTlsError extends Error {
  constructor(host: string, code: string) {
    super(`TLS certificate of ${host} was refused (${code})`);
    this.name = 'OutboundTlsError';
  }
}
