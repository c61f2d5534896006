/**
 * Readers for the deployment files, as much of each as the tests check against the code: the
 * Dockerfile's stages and instructions, compose.yaml with its variables interpolated as Compose
 * does, and an nginx configuration as a tree of directives.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const root = path.resolve(import.meta.dirname, "../..");
export const read = (file: string) => readFileSync(path.join(root, file), "utf8");

// The Dockerfile.

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** The Dockerfile's stages, each with its instructions, continuation lines joined, comments left out. */
export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      current += `${line.replace(/\\\s*$/, "").trim()} `;
      continue;
    }
    current += line.trim();
    if (current.trim() !== "") logical.push(current.trim());
    current = "";
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/s.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [image = "", as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
      stage.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

export const instructions = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

/** ENV's `NAME=value` pairs (values without spaces or quotes, as Rhizome's Dockerfile writes them). */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of instructions(stage, "ENV")) {
    for (const pair of args.split(/\s+/)) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=([^"'\s]*)$/.exec(pair);
      if (!match) throw new Error(`Dockerfile: ENV ${args}: write NAME=value pairs`);
      env[match[1] as string] = match[2] as string;
    }
  }
  return env;
}

/** An instruction's exec form (a JSON array), after its `--option=value` flags. */
export function execForm(args: string): string[] {
  const json = args.replace(/^(--\S+\s+)*/, "").replace(/^CMD\s+/, "");
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string"))
    throw new Error(`Dockerfile: ${args} is not in exec form`);
  return parsed;
}

/** COPY's `--from` stage (undefined: the build context), sources and destination. */
export function parseCopy(args: string): { from: string | undefined; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((word) => word.startsWith("--"));
  const paths = words.filter((word) => !word.startsWith("--"));
  const from = flags.find((flag) => flag.startsWith("--from="))?.slice("--from=".length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? "" };
}

// compose.yaml.

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; target?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  profiles?: string[];
  deploy?: { replicas?: number };
  depends_on?: string[] | Record<string, { condition: string }>;
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  volumes?: string[];
  ports?: (string | number)[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean; ipam?: { config?: { subnet?: string }[] } } | null>;
}

/**
 * One `${…}` or `$NAME` as Compose reads it: `${NAME}`, `${NAME:-default}` (unset or empty),
 * `${NAME-default}` (unset), `${NAME:?message}` and `${NAME?message}` (an error), `${NAME:+other}`
 * and `${NAME+other}`; `$$` is a `$`.
 */
function interpolateString(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$(?:(\$)|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, dollar, braced, bare) => {
    if (dollar) return "$";
    if (bare) return vars[bare as string] ?? "";
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])(.*))?$/s.exec(braced as string);
    if (!match) throw new Error(`compose.yaml: \${${braced}} is not a variable Compose reads`);
    const [, name = "", colon, operator, word = ""] = match;
    const given = vars[name];
    const missing = colon ? given === undefined || given === "" : given === undefined;
    if (operator === "-") return missing ? word : (given ?? "");
    if (operator === "?") {
      if (missing) throw new Error(`compose.yaml: ${name}: ${word}`);
      return given ?? "";
    }
    if (operator === "+") return missing ? "" : word;
    return given ?? "";
  });
}

function interpolate<T>(value: T, vars: Record<string, string | undefined>): T {
  if (typeof value === "string") return interpolateString(value, vars) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => interpolate(item, vars)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, vars)])) as T;
  return value;
}

/** compose.yaml as Compose reads it with these variables set (anchors and `<<` merges resolved). */
export function loadCompose(vars: Record<string, string | undefined>): ComposeFile {
  return interpolate(parse(read("compose.yaml"), { merge: true }) as ComposeFile, vars);
}

/** A service's `environment` as strings; a name without a value takes the variable's, as Compose does. */
export function serviceEnv(service: ComposeService, vars: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  const entries = Array.isArray(service.environment)
    ? service.environment.map((entry) => {
        const at = entry.indexOf("=");
        return at < 0 ? ([entry, null] as const) : ([entry.slice(0, at), entry.slice(at + 1)] as const);
      })
    : Object.entries(service.environment ?? {});
  for (const [name, value] of entries) {
    if (value === null) {
      if (vars[name] !== undefined) env[name] = vars[name];
    } else env[name] = String(value);
  }
  return env;
}

export const serviceNetworks = (service: ComposeService): string[] =>
  Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? { default: null });

// nginx.

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** An nginx configuration as directives, each with its arguments and, for a block, its directives. */
export function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  const pattern = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].startsWith("#")) continue;
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "");
  }
  let at = 0;
  const block = (closing: boolean): Directive[] => {
    const directives: Directive[] = [];
    let words: string[] = [];
    while (at < tokens.length) {
      const token = tokens[at++] as string;
      if (token === ";") {
        const [name = "", ...args] = words;
        directives.push({ name, args });
        words = [];
      } else if (token === "{") {
        const [name = "", ...args] = words;
        directives.push({ name, args, block: block(true) });
        words = [];
      } else if (token === "}") {
        if (!closing || words.length > 0) throw new Error("nginx: an unexpected }");
        return directives;
      } else words.push(token);
    }
    if (closing || words.length > 0) throw new Error("nginx: a block or a directive is not closed");
    return directives;
  };
  return block(false);
}

/** Every directive named `name`, at any depth. */
export function findDirectives(directives: Directive[], name: string): Directive[] {
  return directives.flatMap((directive) => [
    ...(directive.name === name ? [directive] : []),
    ...findDirectives(directive.block ?? [], name),
  ]);
}

/** nginx's time units (`90`, `60s`, `5m`, `1h`) in seconds. */
export function nginxSeconds(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value);
  if (!match) throw new Error(`nginx: ${value} is not a time`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3_600, d: 86_400 }[match[2] ?? "s"] ?? 1;
  return Number(match[1]) * unit;
}
