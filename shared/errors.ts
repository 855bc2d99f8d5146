/** Wire error codes (DESIGN.md, wire contract) and the HTTP status each maps to. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  /** Password accepted; the account has TOTP MFA and the authenticator code is needed next. */
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A versioned write whose `version` is no longer current: reload and retry. */
  stale_version: 409,
  /** A booking or move outside the provider's hours: an owner or manager may repeat it with an override reason. */
  outside_hours: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error body every non-2xx API response carries. */
export interface WireError {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldIssue[];
    /** mfa_required only: answer it with the authenticator code at POST /api/auth/login/mfa. */
    challenge?: string;
    requestId: string;
  };
}
