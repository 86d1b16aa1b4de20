/**
 * The one error type the patch functions throw. It carries the HTTP status kube-apiserver answers with
 * and the exact message it puts in the `Status` body, plus `detail`, the library-level reason
 * (evanphx/json-patch or strategicpatch wording) that kube-apiserver sometimes hides: a JSON patch that
 * fails to apply is answered with the generic 422 text only, but the in-page console may show the detail.
 */
import type { Status } from '../types.ts';

/** kube-apiserver's text for a 422 built by NewGenericServerResponse without a server message. */
export const GENERIC_UNPROCESSABLE_MESSAGE = 'the server rejected our request due to an error in our request';

export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | '';

export class PatchError extends Error {
  override readonly name = 'PatchError';

  /**
   * @param code HTTP status code kube-apiserver uses.
   * @param reason metav1 StatusReason; '' is StatusReasonUnknown (a plain Go error answered as 500).
   * @param message the `message` of the Status body.
   * @param detail what the underlying library said; equals `message` unless the server hides it.
   */
  constructor(
    readonly code: number,
    readonly reason: PatchErrorReason,
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
  }

  /** The metav1.Status body kube-apiserver sends for this error. */
  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      code: this.code,
    };
    if (this.reason !== '') status.reason = this.reason;
    // NewGenericServerResponse always sets a (here empty) details object; the other constructors do not.
    if (this.code === 422) status.details = {};
    return status;
  }
}

/** errors.NewBadRequest: 400, the message is shown as is. */
export function badRequest(message: string): PatchError {
  return new PatchError(400, 'BadRequest', message);
}

/** NewGenericServerResponse(422, ...): the server drops the library message and says only the generic text. */
export function unprocessable(detail: string): PatchError {
  return new PatchError(422, 'Invalid', GENERIC_UNPROCESSABLE_MESSAGE, detail);
}

/** A plain Go error reaching the API server's response writer: 500, reason unknown, message as is. */
export function internalError(message: string): PatchError {
  return new PatchError(500, '', message);
}

/** errors.NewRequestEntityTooLargeError. */
export function entityTooLarge(message: string): PatchError {
  return new PatchError(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}
