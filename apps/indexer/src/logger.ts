/**
 * The service's logger: pino's JSON lines, each written only after the redactor has taken the
 * configured URLs' secrets out of it. Redacting the finished line, rather than what is handed to
 * the logger, covers whatever wrote it: the service, the indexer, the API, an error's message or
 * stack, a library's text quoting a URL.
 */
import { pino, type Logger } from "pino";
import type { Config } from "./config.js";
import { secretRedactor } from "./redact.js";

export interface LoggerOptions {
  level: Config["logLevel"];
  /** URLs whose secrets no line may carry: RPC_URL and DATABASE_URL. */
  secrets: readonly (string | undefined)[];
  /** Where the lines go; standard output by default. */
  destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): Logger {
  const redact = secretRedactor(options.secrets);
  const destination = options.destination ?? pino.destination(1);
  return pino({ level: options.level }, { write: (line: string) => destination.write(redact(line)) });
}
