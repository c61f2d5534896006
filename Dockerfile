# syntax=docker/dockerfile:1
#
# Rhizome's service (`npm run serve`: the indexer, the API and the web client) as an image, for any
# ROLE: `all`, `indexer` or `api`. Build it from the repository's root:
#
#   docker build -t rhizome .
#   docker run --init -p 42069:42069 -e RPC_URL=https://… -e DATABASE_URL=postgres://… rhizome
#
# compose.yaml runs it as one indexer and API replicas behind a proxy; README.md, "Running in
# production", says how. Three stages:
#   build    every dependency (Hardhat, the npm `solc` compiler, Vite…), then `scripts/build.ts`:
#            the contracts, the generated @rhizome/contracts sources and the web client. compose.yaml's
#            `local` profile also runs a development chain from this stage.
#   deps     the service's own dependencies only (`npm ci --omit=dev` for @rhizome/indexer).
#   runtime  those, the service's sources and the web build, run by a non-root user.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# The manifests first, so that the dependencies are installed again only when they change.
COPY package.json package-lock.json ./
COPY apps/indexer/package.json apps/indexer/
COPY apps/web/package.json apps/web/
COPY packages/client/package.json packages/client/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
RUN npm ci --no-audit --no-fund
COPY . .
# Solidity compiles with the npm `solc` package (WASM): no compiler is downloaded.
RUN npx tsx scripts/build.ts

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/indexer/package.json apps/indexer/
COPY apps/web/package.json apps/web/
COPY packages/client/package.json packages/client/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
# The service's workspace and the packages it uses, at the versions package-lock.json pins; none of
# the web client's (its build is served as files), none of the tools'.
RUN npm ci --omit=dev --workspace @rhizome/indexer --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim AS runtime
ENV HOST=0.0.0.0 PORT=42069 DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app ./
# The service runs its TypeScript through tsx's loader (`node --import tsx`, as `npm run serve`),
# which package.json lists among the dev dependencies: tsx and esbuild, its one dependency, come
# from the build stage, at the versions package-lock.json pins (test/deploy/compose.test.ts checks
# that this is all tsx needs).
COPY --from=build /app/node_modules/tsx node_modules/tsx
COPY --from=build /app/node_modules/esbuild node_modules/esbuild
COPY --from=build /app/node_modules/@esbuild node_modules/@esbuild
COPY --from=build /app/tsconfig.json ./
COPY --from=build /app/packages/client/src packages/client/src
COPY --from=build /app/packages/contracts/src packages/contracts/src
COPY --from=build /app/packages/db/src packages/db/src
COPY --from=build /app/packages/db/migrations packages/db/migrations
COPY --from=build /app/apps/indexer/src apps/indexer/src
COPY --from=build /app/apps/web/dist apps/web/dist
# Fails the build if a module the service loads is missing here. DATA_DIR is PGlite's folder, used
# only without DATABASE_URL (a single process): give it a volume (-v rhizome-data:/data).
RUN node --import tsx --input-type=module --eval "await import('./apps/indexer/src/service.ts')" \
  && rm -rf /tmp/tsx-* \
  && mkdir -p /data && chown node:node /data
# The code and its dependencies belong to root and are read-only to the service.
USER node
EXPOSE 42069
# /healthz: the process and its database answer. Not /readyz, which answers 503 for as long as a
# backfill or a rebuild takes (hours on a long chain): that is for a load balancer, not a restart.
# No curl in the slim image: Node's fetch, to 127.0.0.1, which HOST=0.0.0.0 (set above) includes.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "--eval", "fetch('http://127.0.0.1:' + (process.env.PORT || 42069) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The service stops gracefully on SIGTERM (drain, answer what is in flight, close the pools, release
# the writer's lock; exit 0) and installs its own handlers, so it works as PID 1; a second signal
# exits at once. Run it with an init (`docker run --init`, compose's `init: true`) all the same, so
# that any process it starts is reaped.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "apps/indexer/src/main.ts"]
