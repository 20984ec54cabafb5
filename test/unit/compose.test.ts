import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const COMPOSE = readFileSync('docker-compose.yml', 'utf8');
const DOCKERFILE = readFileSync('Dockerfile', 'utf8');
const README = readFileSync('README.md', 'utf8');
const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

/** Only the local Neo4j (no NEO4J_URI) reads these; compose always sets NEO4J_URI. */
const LOCAL_NEO4J_ONLY = ['NEO4J_LOCAL_PORT', 'NEO4J_LOCAL_HEAP', 'DATA_DIR'];

/** The variables loadConfig reads, as it reads them: every key it looks up in the environment. */
function configVariables(): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, key) => {
      if (typeof key === 'string') read.add(key);
      return undefined;
    },
  });
  loadConfig(env);
  return [...read].filter((name) => /^[A-Z][A-Z0-9_]{1,60}$/u.test(name));
}

/** Variables the code reads from process.env directly, outside src/config.ts. */
function directlyReadVariables(dir = 'src'): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) names.push(...directlyReadVariables(path));
    else if (/\.(ts|mts|mjs|js)$/u.test(entry)) {
      for (const m of readFileSync(path, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]{1,60})/gu)) names.push(m[1]!);
    }
  }
  return names;
}

const SERVICE_VARIABLES = [...new Set([...configVariables(), ...directlyReadVariables()])].sort();

/**
 * The `environment:` mapping of one compose service. The file is plain block YAML, so its lines
 * are enough: `  service:`, then `    environment:`, then `      NAME: value` (no value = passed
 * through from the shell, or unset).
 */
function serviceEnvironment(service: string): Map<string, string | null> {
  const lines = COMPOSE.split('\n');
  const start = lines.indexOf(`  ${service}:`);
  expect(start, `service ${service} in docker-compose.yml`).toBeGreaterThan(-1);
  const next = lines.findIndex((line, i) => i > start && /^ {0,2}\S/u.test(line));
  const end = next === -1 ? lines.length : next;
  const envAt = lines.findIndex((line, i) => i > start && i < end && line === '    environment:');
  expect(envAt, `environment of ${service}`).toBeGreaterThan(-1);
  const env = new Map<string, string | null>();
  for (let i = envAt + 1; i < end; i++) {
    const line = lines[i]!;
    if (/^\s*(#.*)?$/u.test(line)) continue;
    const entry = /^ {6}([A-Za-z_][A-Za-z0-9_]{0,80}):(?: (.{1,400}))?$/u.exec(line);
    if (!entry) break;
    env.set(entry[1]!, entry[2]?.trim() ?? null);
  }
  return env;
}

/** Names in the first column of README's Configuration table. */
function documentedVariables(): string[] {
  const section = README.split(/^## /mu).find((s) => s.startsWith('Configuration'));
  expect(section, 'a "## Configuration" section in README.md').toBeDefined();
  const names: string[] = [];
  for (const row of section!.split('\n').filter((l) => l.startsWith('| `'))) {
    const firstCell = row.split('|')[1] ?? '';
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]{1,60})`/gu)) names.push(m[1]!);
  }
  return names;
}

describe('docker-compose.yml, Dockerfile and README agree with the variables the service reads', () => {
  const service = serviceEnvironment('reform-graph');

  it('finds the variables of src/config.ts', () => {
    // A floor, not the list: the test must not pass by reading nothing.
    for (const name of ['NEO4J_URI', 'NEO4J_PASSWORD', 'API_KEY', 'PORT', 'LOG_LEVEL']) expect(SERVICE_VARIABLES).toContain(name);
    for (const name of LOCAL_NEO4J_ONLY) expect(SERVICE_VARIABLES, `${name} is still read`).toContain(name);
  });

  it('documents every variable in the README table', () => {
    const documented = documentedVariables();
    expect(SERVICE_VARIABLES.filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !SERVICE_VARIABLES.includes(name)), 'documented but not read').toEqual([]);
  });

  it('passes every variable to the service in compose, but those of the local Neo4j', () => {
    expect(service.get('NEO4J_URI')).toMatch(/^bolt:\/\/neo4j:7687$/u);
    const expected = SERVICE_VARIABLES.filter((name) => !LOCAL_NEO4J_ONLY.includes(name));
    expect(expected.filter((name) => !service.has(name)), 'read by the service, missing from compose').toEqual([]);
    expect([...service.keys()].filter((name) => !SERVICE_VARIABLES.includes(name)), 'in compose, read by nobody').toEqual([]);
  });

  it('gives the service values its own configuration accepts', () => {
    const literal = Object.fromEntries([...service].filter(([, value]) => value !== null && !value.includes('${')));
    const config = loadConfig({ ...literal, NEO4J_PASSWORD: 'a-password' });
    expect(config.HOST).toBe('0.0.0.0'); // reachable from outside the container
    expect(config.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('passes API_KEY through from the shell, never a fixed key', () => {
    const apiKey = service.get('API_KEY');
    expect(apiKey === null || /^\$\{API_KEY(:?[-?][^}]{0,200})?\}$/u.test(apiKey ?? ''), `API_KEY: ${apiKey}`).toBe(true);
    expect(apiKey ?? '').not.toMatch(/:-./u); // a default key would be the same on every deployment
  });

  it('requires NEO4J_PASSWORD, the same for Neo4j and the service, and says it needs 8 characters', () => {
    const neo4j = serviceEnvironment('neo4j');
    const required = /^\$\{NEO4J_PASSWORD:\?[^}]{1,200}\}$/u;
    expect(service.get('NEO4J_PASSWORD')).toMatch(required);
    expect(neo4j.get('NEO4J_AUTH')).toBe(`neo4j/${service.get('NEO4J_PASSWORD')}`);
    expect(COMPOSE).toMatch(/8 characters/u);
    const deployment = README.split(/^## /mu).find((s) => s.startsWith('Deployment'));
    expect(deployment).toMatch(/8 characters/u);
  });

  it('builds on the Node the engines field starts at, and runs as the unprivileged node user', () => {
    const minimum = /^>=\s?(\d{1,3})/u.exec(PACKAGE.engines.node)?.[1];
    expect(minimum).toBeDefined();
    const from = /^FROM node:(\d{1,3})[-.\w]{0,40}$/mu.exec(DOCKERFILE)?.[1];
    expect(from).toBe(minimum);
    const instructions = DOCKERFILE.split('\n').filter((l) => /^[A-Z]+ /u.test(l));
    const user = instructions.findLastIndex((l) => l.startsWith('USER '));
    expect(instructions[user]).toBe('USER node');
    expect(user).toBeLessThan(instructions.findIndex((l) => l.startsWith('CMD ')));
  });
});
