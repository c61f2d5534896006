#!/usr/bin/env node
/**
 * `npm run serve`: the indexer, the API and the web client against RPC_URL and DATABASE_URL (or PGlite), or
 * one part of them as ROLE says (`indexer`, or `api`: a read-only replica on the indexer's Postgres), until
 * Ctrl-C or SIGTERM, which stop it gracefully: no new connection is taken, requests in flight are
 * answered, event streams are told to reconnect, the indexer ends its step, the database's pools
 * close and the writer's lock is released; then it exits 0. A second signal exits at once, with
 * 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). Exits 2 on a configuration error
 * (a bad value, no factory for the chain, a database that indexes another chain or factory), 1
 * when it cannot run or stops on an error. A chain that does not answer is waited for, with the
 * API up.
 * Every line it logs is cleared of RPC_URL's key and DATABASE_URL's password (logger.ts).
 */
import { DatabaseLockedError } from "@rhizome/db";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { redactUrl } from "./redact.js";
import { IndexMismatchError } from "./indexer.js";
import { NoFactoryError, startService } from "./service.js";

/** Errors the operator fixes in the configuration: exit code 2. */
const misconfigured = (error: unknown) => error instanceof NoFactoryError || error instanceof IndexMismatchError;

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.rpcUrl, config.databaseUrl] });
  let service;
  try {
    service = await startService(config, log);
  } catch (error) {
    if (error instanceof DatabaseLockedError || misconfigured(error)) {
      log.error({}, (error as Error).message);
      return misconfigured(error) ? 2 : 1;
    }
    log.error(
      { role: config.role, rpcUrl: redactUrl(config.rpcUrl), error: String(error) },
      config.role === "api" ? "The API replica could not start" : "The indexer could not start",
    );
    return 1;
  }
  log.info({ role: config.role, api: `${service.url}/api`, docs: `${service.url}/api/docs` }, "API listening");
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "a second signal: exiting at once");
      process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    }
    stopping = true;
    log.info({ signal }, "stopping: answering the requests in flight (a second signal exits at once)");
    void service.stop();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await service.done;
    return 0;
  } catch (error) {
    if (misconfigured(error)) {
      log.error({}, (error as Error).message);
      return 2;
    }
    log.error({ error: String(error) }, "The indexer stopped");
    return 1;
  }
}

process.exitCode = await main();
