import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real Neo4j of neo4j-local/ (Neo4j 5.26 Community, embedded, Bolt on 127.0.0.1):
 * for `npm start` without NEO4J_URI, `kg db start|stop|status`, and the integration tests.
 * The first start builds the launcher with Maven (jars from Maven Central into ~/.m2);
 * later starts run plain `java` from target/classpath.txt and need no network.
 */

const MODULE_DIR = fileURLToPath(new URL('../neo4j-local/', import.meta.url));
const CLASSPATH_FILE = join(MODULE_DIR, 'target', 'classpath.txt');
const LAUNCHER_CLASS = join(MODULE_DIR, 'target', 'classes', 'reformgraph', 'neo4jlocal', 'Launcher.class');
const MAIN_CLASS = 'reformgraph.neo4jlocal.Launcher';
const READY = /^NEO4J_READY (\S+) in (\d+) ms/m;

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  heap?: string;
  /** Milliseconds to wait for the ready line (the first start also builds with Maven). */
  timeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface RunningNeo4j {
  uri: string;
  pid: number;
  /** Time from spawning the JVM to Bolt ready, as the launcher measured it. */
  readyMs: number;
  stop(): Promise<void>;
}

function requireTool(command: string, args: string[], hint: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) throw new LocalNeo4jError(`${command} not found on PATH: ${hint}`);
}

const POM = join(MODULE_DIR, 'pom.xml');
const LAUNCHER_SOURCE = join(MODULE_DIR, 'src', 'main', 'java', 'reformgraph', 'neo4jlocal', 'Launcher.java');

/** Built, and newer than what it is built from? (Maven leaves an unchanged classpath.txt alone.) */
function launcherIsCurrent(): boolean {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(LAUNCHER_CLASS)) return false;
  const newer = (built: string, source: string) => statSync(built).mtimeMs >= statSync(source).mtimeMs;
  return newer(LAUNCHER_CLASS, LAUNCHER_SOURCE) && newer(CLASSPATH_FILE, POM);
}

/** Builds the launcher when it is missing or older than its sources; otherwise returns at once. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  if (launcherIsCurrent()) return;
  requireTool('java', ['-version'], 'install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  requireTool('mvn', ['-v'], 'install Maven (Debian: apt-get install maven); it fetches Neo4j from Maven Central once');
  log('building neo4j-local (first run: downloads Neo4j 5.26 from Maven Central)…');
  const build = spawnSync('mvn', ['-q', '-B', 'package'], { cwd: MODULE_DIR, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new LocalNeo4jError(`building neo4j-local with Maven failed:\n${(build.stdout + build.stderr).slice(-4000)}`);
  }
}

export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, host, () => server.close(() => done(true)));
  });
}

/** A free loopback port chosen by the OS (for tests that need their own Neo4j). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function javaArgs(options: LocalNeo4jOptions): string[] {
  const classpath = `${join(MODULE_DIR, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  return [`-Xmx${options.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath, MAIN_CLASS, '--port', String(options.port), '--data', resolve(options.dataDir)];
}

async function checkedStart(options: LocalNeo4jOptions): Promise<void> {
  ensureLauncherBuilt(options.onLog);
  requireTool('java', ['-version'], 'install a JDK 17 or newer');
  if (!(await portIsFree(options.port))) {
    throw new LocalNeo4jError(`port ${options.port} on 127.0.0.1 is taken: stop what listens there, or set NEO4J_LOCAL_PORT (or NEO4J_URI to use that server)`);
  }
  mkdirSync(options.dataDir, { recursive: true });
}

/**
 * Starts Neo4j as a child of this process and resolves once Bolt answers. The child is
 * stopped with `stop()`, and killed if this process exits first.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<RunningNeo4j> {
  await checkedStart(options);
  const child = spawn('java', javaArgs(options), { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const ready = await waitForReady(child, () => stderr, options.timeoutMs ?? 180_000);
  return {
    uri: ready.uri,
    pid: child.pid!,
    readyMs: ready.ms,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

function waitForReady(child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<{ uri: string; ms: number }> {
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new LocalNeo4jError(`Neo4j did not become ready within ${timeoutMs / 1000}s:\n${stderr()}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ uri: m[1]!, ms: Number(m[2]) });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new LocalNeo4jError(`Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${stderr()}`));
    });
  });
}

function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

// ---- Detached server for `kg db start | stop | status` -------------------------------------

export interface PidFile {
  pid: number;
  port: number;
  dataDir: string;
  uri: string;
  startedAt: string;
}

const pidFilePath = (dataDir: string) => join(dataDir, 'neo4j.pid');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The detached server recorded under dataDir, if its process is still alive. */
export function runningDetached(dataDir: string): PidFile | null {
  const file = pidFilePath(dataDir);
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as PidFile;
  if (isAlive(info.pid)) return info;
  rmSync(file, { force: true }); // stale: the process died without `kg db stop`
  return null;
}

/** Starts Neo4j in the background (survives this process); logs go to DATA_DIR/neo4j.log. */
export async function startDetached(options: LocalNeo4jOptions & { parentDir: string }): Promise<PidFile & { readyMs: number }> {
  const existing = runningDetached(options.parentDir);
  if (existing) throw new LocalNeo4jError(`Neo4j is already running (pid ${existing.pid}, ${existing.uri})`);
  await checkedStart(options);
  const logPath = join(options.parentDir, 'neo4j.log');
  const logFd = openSync(logPath, 'w');
  const child = spawn('java', javaArgs(options), { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  child.unref();
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    const log = readFileSync(logPath, 'utf8');
    const m = READY.exec(log);
    if (m) {
      const info: PidFile = { pid: child.pid!, port: options.port, dataDir: resolve(options.dataDir), uri: m[1]!, startedAt: new Date().toISOString() };
      writeFileSync(pidFilePath(options.parentDir), JSON.stringify(info, null, 2));
      return { ...info, readyMs: Number(m[2]) };
    }
    if (child.exitCode !== null || !isAlive(child.pid!)) {
      throw new LocalNeo4jError(`Neo4j exited before it was ready; see ${logPath}:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.kill(child.pid!, 'SIGKILL');
  throw new LocalNeo4jError(`Neo4j did not become ready in time; see ${logPath}`);
}

export async function stopDetached(dataDir: string, graceMs = 30_000): Promise<PidFile | null> {
  const info = runningDetached(dataDir);
  if (!info) return null;
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  rmSync(pidFilePath(dataDir), { force: true });
  return info;
}
