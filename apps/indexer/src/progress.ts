/**
 * What the terminal shows while the indexer catches up: one progress bar with blocks done of
 * total, events per second and the time left, instead of a log line per range. When the output
 * is not a terminal, a structured log line every few seconds says the same.
 */
import { SingleBar } from "cli-progress";
import type { Indexed, Indexer } from "./indexer.js";

export interface ProgressLogger {
  info(obj: object, msg?: string): void;
}

export function showProgress(
  indexer: Indexer,
  log: ProgressLogger,
  stream: NodeJS.WriteStream = process.stderr,
): () => void {
  const started = Date.now();
  const startEvents = indexer.status.events;
  const startBlock = indexer.status.cursor;
  let bar: SingleBar | undefined;
  let lastLog = 0;
  const rate = () => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return Math.round((indexer.status.events - startEvents) / seconds);
  };
  const onIndexed = (range: Indexed) => {
    const { head, cursor } = indexer.status;
    const total = Math.max(1, head - startBlock);
    const done = Math.min(total, cursor - startBlock);
    if (stream.isTTY) {
      if (!range.backfill) {
        if (bar) {
          bar.update(total, { rate: rate() });
          bar.stop();
          bar = undefined;
          log.info({ head, events: indexer.status.events }, "caught up; following the head");
        }
        return;
      }
      bar ??= new SingleBar({
        format: "backfill |{bar}| {value}/{total} blocks · {rate} events/s · {eta_formatted} left",
        stream,
        hideCursor: true,
        etaBuffer: 50,
      });
      if (!bar.isActive) bar.start(total, done, { rate: rate() });
      bar.setTotal(total);
      bar.update(done, { rate: rate() });
    } else if (range.backfill && Date.now() - lastLog > 5_000) {
      lastLog = Date.now();
      const perSecond = rate();
      const left =
        perSecond > 0 ? Math.round(((total - done) * (Date.now() - started)) / Math.max(1, done) / 1000) : null;
      log.info({ blocksDone: done, blocksTotal: total, eventsPerSecond: perSecond, secondsLeft: left }, "backfill");
    }
  };
  indexer.on("indexed", onIndexed);
  return () => {
    indexer.off("indexed", onIndexed);
    bar?.stop();
  };
}
