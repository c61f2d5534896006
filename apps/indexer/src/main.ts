#!/usr/bin/env node
/**
 * `npm run serve`: the indexer, the API and the web client against RPC_URL and DATABASE_URL (or PGlite), until
 * Ctrl-C or SIGTERM. Exits 2 on a configuration error, 1 when it cannot run or stops on an error.
 */
import { pino } from "pino";
import { DatabaseLockedError } from "@rhizome/db";
import { ConfigError, loadConfig } from "./config.js";
import { NoFactoryError, startService } from "./service.js";

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
  const log = pino({ level: config.logLevel });
  let service;
  try {
    service = await startService(config, log);
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof NoFactoryError) {
      log.error({}, error.message);
      return error instanceof NoFactoryError ? 2 : 1;
    }
    log.error({ rpcUrl: config.rpcUrl, error: String(error) }, "The indexer could not start");
    return 1;
  }
  log.info({ api: `${service.url}/api`, docs: `${service.url}/api/docs` }, "API listening");
  const stop = () => void service.stop();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await service.done;
    return 0;
  } catch (error) {
    log.error({ error: String(error) }, "The indexer stopped");
    return 1;
  }
}

process.exitCode = await main();
