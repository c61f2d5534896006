/**
 * One shape for every error: `{ error, message }`, a short code and a sentence. Validation
 * failures are 400 naming the field; unknown routes 404; a client's mistake is never a 500.
 */
import { STATUS_CODES } from "node:http";
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from "fastify";
import fp from "fastify-plugin";
import { PATTERN_HINTS, type ErrorBody } from "@rhizome/client/schemas";
import { FINITE } from "./finite-numbers.js";
import { HttpError } from "./http-errors.js";
import { noteFailure } from "./request-log.js";

/** "Too Many Requests" → "TooManyRequests". */
export function errorCode(statusCode: number): string {
  return (STATUS_CODES[statusCode] ?? "Error").replace(/[^A-Za-z]/g, "");
}

const PLACES: Record<string, string> = {
  params: "path parameter",
  querystring: "query parameter",
  body: "body field",
  headers: "header",
};

/** The first validation failure as a sentence: which field, and what it must be. */
export function validationMessage(context: string | undefined, errors: FastifySchemaValidationError[]): string {
  const [first] = errors;
  const place = PLACES[context ?? ""] ?? "parameter";
  if (!first) return `A ${place} is invalid.`;
  const params = first.params;
  const field =
    (typeof params.missingProperty === "string" && params.missingProperty) ||
    (typeof params.additionalProperty === "string" && params.additionalProperty) ||
    first.instancePath.replace(/^\//, "").replace(/\//g, ".") ||
    context ||
    "value";
  let rule = first.message ?? "is invalid";
  if (first.keyword === "pattern" && typeof params.pattern === "string") rule = PATTERN_HINTS[params.pattern] ?? rule;
  if (first.keyword === "enum" && Array.isArray(params.allowedValues)) {
    rule = `must be one of ${params.allowedValues.join(", ")}`;
  }
  if (first.keyword === "required") rule = "is required";
  if (first.keyword === FINITE) rule = "must be a finite number";
  if (first.keyword === "type" && typeof params.type === "string") {
    rule = `must be ${/^[aeiou]/.test(params.type) ? "an" : "a"} ${params.type}`;
  }
  return `The ${place} ${field} ${rule}.`;
}

function toBody(error: FastifyError | HttpError): { statusCode: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, body: { error: error.error, message: error.message } };
  }
  if (error.validation) {
    return {
      statusCode: 400,
      body: { error: "BadRequest", message: validationMessage(error.validationContext, error.validation) },
    };
  }
  const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (statusCode >= 500) {
    return {
      statusCode,
      body: { error: errorCode(statusCode), message: "The server failed to answer; it has been logged." },
    };
  }
  return { statusCode, body: { error: errorCode(statusCode), message: error.message } };
}

/** Errors Fastify raises before a route runs (a malformed URL, a too-long parameter). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { statusCode, body } = toBody(error);
  if (statusCode >= 500) noteFailure(request, error);
  void reply.code(statusCode).type("application/json").send(body);
}

export default fp(
  async function errors(app: FastifyInstance) {
    app.setErrorHandler<FastifyError | HttpError>(function (error, request, reply) {
      const { statusCode, body } = toBody(error);
      // Logged once the answer is sent, with the request's status and route (request-log.ts).
      if (statusCode >= 500) noteFailure(request, error);
      return reply.code(statusCode).send(body);
    });

    app.setNotFoundHandler({ preHandler: app.rateLimit() }, function (request, reply) {
      return reply
        .code(404)
        .send({ error: "NotFound", message: `No route ${request.method} ${request.url.split("?")[0]}.` });
    });
  },
  { name: "errors", dependencies: ["rate-limit", "request-log"] },
);
