/**
 * The errors routes and repositories throw for a client's mistake. The error handler answers them
 * with their status and `{ error, message }`; anything else is a 500.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** No collective, member, proposal or work item has this id. */
export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(404, "NotFound", message);
  }
}

/** A parameter is well-formed for the schema but still cannot be used (a stale cursor, a huge id). */
export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(message: string) {
    super(400, "BadRequest", message);
  }
}
