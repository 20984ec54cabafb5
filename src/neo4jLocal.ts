import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
  /** Authentication is on: user neo4j with the password kept next to the store (localPassword). */
  user: string;
  password: string;
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

/**
 * Is the Neo4j version the pom asks for already in Maven's default local repository? Then the
 * build downloads nothing (a custom `localRepository` in settings.xml is not looked at: the
 * message would only over-announce a download).
 */
function neo4jJarsCached(): boolean {
  const version = /<neo4j\.version>([^<]{1,40})<\/neo4j\.version>/u.exec(readFileSync(POM, 'utf8'))?.[1];
  return version !== undefined && existsSync(join(homedir(), '.m2', 'repository', 'org', 'neo4j', 'neo4j', version));
}

/** Builds the launcher when it is missing or older than its sources; otherwise returns at once. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  if (launcherIsCurrent()) return;
  requireTool('java', ['-version'], 'install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  requireTool('mvn', ['-v'], 'install Maven (Debian: apt-get install maven); it fetches Neo4j from Maven Central once');
  log(neo4jJarsCached()
    ? 'building neo4j-local (Neo4j is already in the local Maven repository: no download)…'
    : 'building neo4j-local: downloading Neo4j 5.26 from Maven Central into ~/.m2 (about 170 MB, once)…');
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

// ---- Files next to the store: DATA_DIR/neo4j.{pid,password,log} for DATA_DIR/neo4j ---------

export interface LocalFiles {
  /** Neo4j's own folder (its store and logs). */
  store: string;
  /** Which process serves this store: the marker every command looks for. */
  marker: string;
  /** The password of user neo4j, mode 0600. */
  password: string;
  /** Output of a Neo4j started in the background. */
  log: string;
  /** One empty file per process using the Neo4j, named by its pid (see acquireLocalNeo4j). */
  users: string;
}

export function localFiles(storeDir: string): LocalFiles {
  const store = resolve(storeDir);
  return { store, marker: `${store}.pid`, password: `${store}.password`, log: `${store}.log`, users: `${store}.users` };
}

/**
 * The local Neo4j's password: generated on first use (24 random bytes) and kept with mode 0600,
 * since whoever reads it can write the graph.
 */
export function localPassword(files: LocalFiles): string {
  mkdirSync(dirname(files.password), { recursive: true });
  if (!existsSync(files.password)) {
    // Written whole under another name, then linked into place (which fails if it exists): a
    // reader never sees an empty file, and of two writers at once the first one wins.
    const temporary = `${files.password}.${process.pid}.tmp`;
    writeFileSync(temporary, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(temporary, files.password);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  // A copy or an archive can widen the mode; narrow it again rather than refuse to start.
  if ((statSync(files.password).mode & 0o077) !== 0) chmodSync(files.password, 0o600);
  const password = readFileSync(files.password, 'utf8').trim();
  if (password.length < 8) throw new LocalNeo4jError(`${files.password} holds a password shorter than 8 characters: delete it to have a new one generated`);
  return password;
}

function javaArgs(options: LocalNeo4jOptions, files: LocalFiles): string[] {
  const classpath = `${join(MODULE_DIR, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  return [`-Xmx${options.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath, MAIN_CLASS, '--port', String(options.port), '--data', files.store, '--password-file', files.password];
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
 * stopped with `stop()`, and killed if this process exits first. It records no marker: for
 * tests and benchmarks with a folder of their own (commands use acquireLocalNeo4j).
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<RunningNeo4j> {
  const files = localFiles(options.dataDir);
  await checkedStart(options);
  const password = localPassword(files);
  const child = spawn('java', javaArgs(options, files), { stdio: ['ignore', 'pipe', 'pipe'] });
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
    user: 'neo4j',
    password,
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

// ---- One background Neo4j per data folder, shared by every command ---------------------------

export interface PidFile {
  /** The JVM's pid; null while the process in `starter` is still starting it. */
  pid: number | null;
  /** The process that started it (and, until ready, is starting it). */
  starter: number;
  port: number;
  dataDir: string;
  uri: string;
  startedAt: string;
  ready: boolean;
  /** Started by `kg db start`: runs until `kg db stop`. Otherwise stopped by its last user. */
  keep: boolean;
}

// Markers written before `ready` and `keep` existed came from `kg db start`, once Neo4j was ready.
const isReady = (info: PidFile) => info.ready !== false;
export const isKept = (info: PidFile) => info.keep !== false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** The command line of a process, or null when it cannot be read (gone, or no /proc and no ps). */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout.trim() : null;
  }
}

/** Is this pid our launcher serving this store (and not a stranger that reused the pid)? */
function servesStore(pid: number, store: string): boolean {
  const args = commandLine(pid);
  return args !== null && args.includes(MAIN_CLASS) && args.includes(` --data ${store} `);
}

function readMarker(files: LocalFiles): PidFile | null {
  try {
    return JSON.parse(readFileSync(files.marker, 'utf8')) as PidFile;
  } catch {
    return null; // absent, or half-written by a starter that is still writing it
  }
}

/** Written whole, then renamed: a reader never sees half a marker. */
function writeMarker(files: LocalFiles, info: PidFile): void {
  const temporary = `${files.marker}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(info, null, 2));
  renameSync(temporary, files.marker);
}

/** The marker, if its Neo4j is alive and ours (or still being started by a live process); stale markers are removed. */
function liveMarker(files: LocalFiles): PidFile | null {
  if (!existsSync(files.marker)) return null;
  const info = readMarker(files);
  const live = info && (info.pid === null ? isAlive(info.starter) : isAlive(info.pid) && servesStore(info.pid, files.store));
  if (live) return info;
  if (info || !existsSync(files.marker)) rmSync(files.marker, { force: true });
  return null;
}

/** The local Neo4j serving DATA_DIR/neo4j, if one is running (whoever started it). */
export function runningDetached(dataDir: string): PidFile | null {
  const info = liveMarker(localFiles(join(dataDir, 'neo4j')));
  return info && isReady(info) ? info : null;
}

/** Waits until the Neo4j recorded in the marker is ready, or throws if its starter gave up. */
async function whenReady(files: LocalFiles, timeoutMs: number): Promise<PidFile> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = liveMarker(files);
    // No marker readable: gone (its starter gave up), unless it is being written right now.
    if (!info && !existsSync(files.marker)) throw new LocalNeo4jError(`the local Neo4j being started by another command stopped; see ${files.log}`);
    if (!info) {
      await sleep(250);
      continue;
    }
    if (isReady(info)) return info;
    if (Date.now() > deadline) throw new LocalNeo4jError(`the local Neo4j being started by process ${info.starter} was not ready in time; see ${files.log}`);
    await sleep(250);
  }
}

/**
 * Starts Neo4j in the background for this store, survives this process, logs to
 * DATA_DIR/neo4j.log. The marker is claimed with O_EXCL before the JVM is spawned: of two
 * commands starting at once, one starts Neo4j and the other waits for it. Returns null when
 * another process holds the marker (the caller then uses that Neo4j).
 */
async function startBackground(options: LocalNeo4jOptions, files: LocalFiles, keep: boolean): Promise<(PidFile & { readyMs: number }) | null> {
  await checkedStart(options);
  localPassword(files);
  const claim: PidFile = { pid: null, starter: process.pid, port: options.port, dataDir: files.store, uri: `bolt://127.0.0.1:${options.port}`, startedAt: new Date().toISOString(), ready: false, keep };
  try {
    writeFileSync(files.marker, JSON.stringify(claim, null, 2), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  let child: ChildProcess | null = null;
  try {
    const logFd = openSync(files.log, 'w');
    child = spawn('java', javaArgs(options, files), { stdio: ['ignore', logFd, logFd], detached: true });
    closeSync(logFd);
    child.unref();
    writeMarker(files, { ...claim, pid: child.pid! });
    const deadline = Date.now() + (options.timeoutMs ?? 180_000);
    while (Date.now() < deadline) {
      const log = readFileSync(files.log, 'utf8');
      const m = READY.exec(log);
      if (m) {
        const info: PidFile = { ...claim, pid: child.pid!, uri: m[1]!, ready: true };
        writeMarker(files, info);
        return { ...info, readyMs: Number(m[2]) };
      }
      if (child.exitCode !== null || !isAlive(child.pid!)) {
        throw new LocalNeo4jError(`Neo4j exited before it was ready; see ${files.log}:\n${log.slice(-4000)}`);
      }
      await sleep(250);
    }
    throw new LocalNeo4jError(`Neo4j did not become ready in time; see ${files.log}`);
  } catch (error) {
    if (child?.pid && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    rmSync(files.marker, { force: true });
    throw error;
  }
}

/** `kg db start`: a background Neo4j that runs until `kg db stop`. */
export async function startDetached(options: LocalNeo4jOptions & { parentDir: string }): Promise<PidFile & { readyMs: number }> {
  const files = localFiles(options.dataDir);
  const existing = liveMarker(files);
  if (existing) throw new LocalNeo4jError(`Neo4j is already running (pid ${existing.pid ?? `being started by ${existing.starter}`}, ${existing.uri})`);
  const started = await startBackground(options, files, true);
  if (!started) throw new LocalNeo4jError('Neo4j is already being started by another command');
  return started;
}

async function stopPid(pid: number, graceMs: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** `kg db stop`: stops the local Neo4j of this data folder, whoever started it. */
export async function stopDetached(dataDir: string, graceMs = 30_000): Promise<PidFile | null> {
  const files = localFiles(join(dataDir, 'neo4j'));
  const info = liveMarker(files);
  if (!info?.pid) return null;
  await stopPid(info.pid, graceMs);
  rmSync(files.marker, { force: true });
  return info;
}

/** A local Neo4j in use by this process: its address and password, and `release()` when done. */
export interface LocalLease {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** Did this process start it (then: how long it took), or find it running? */
  started: { readyMs: number } | null;
  /** Stops the Neo4j if this process was its last user and no `kg db start` asked to keep it. */
  release(graceMs?: number): Promise<void>;
}

function liveUsers(files: LocalFiles): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(files.users);
  } catch {
    return [];
  }
  return names.map(Number).filter((pid) => Number.isInteger(pid) && pid !== process.pid && isAlive(pid));
}

/**
 * The local Neo4j of this data folder for a command (`npm start`, `kg ingest`, `kg retract`,
 * `kg db migrate`): the one already running from this folder if there is one, whoever started
 * it; otherwise a new one in the background. Each user registers in DATA_DIR/neo4j.users/; the
 * last to release a Neo4j it did not get from `kg db start` stops it. Only a port held by
 * something else is an error.
 */
export async function acquireLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalLease> {
  const files = localFiles(options.dataDir);
  mkdirSync(files.users, { recursive: true });
  const registration = join(files.users, String(process.pid));
  writeFileSync(registration, '');
  const unregister = () => rmSync(registration, { force: true });
  let started: { readyMs: number } | null = null;
  let info: PidFile;
  try {
    const running = liveMarker(files);
    if (running) info = await whenReady(files, options.timeoutMs ?? 180_000);
    else {
      const mine = await startBackground(options, files, false);
      if (mine) {
        info = mine;
        started = { readyMs: mine.readyMs };
      } else info = await whenReady(files, options.timeoutMs ?? 180_000); // another command won the race
    }
  } catch (error) {
    unregister();
    throw error;
  }
  const pid = info.pid!;
  const lastUser = () => {
    const current = liveMarker(files);
    return current !== null && current.pid === pid && !isKept(current) && liveUsers(files).length === 0;
  };
  // Exiting without release (an error, process.exit): exit handlers cannot wait, so the last
  // user only asks Neo4j to stop (SIGTERM, a clean shutdown) and takes its marker away.
  const onExit = () => {
    unregister();
    if (!lastUser()) return;
    process.kill(pid, 'SIGTERM');
    rmSync(files.marker, { force: true });
  };
  process.once('exit', onExit);
  return {
    uri: info.uri,
    user: 'neo4j',
    password: localPassword(files),
    pid,
    started,
    release: async (graceMs = 30_000) => {
      process.removeListener('exit', onExit);
      unregister();
      if (!lastUser()) return;
      await stopPid(pid, graceMs);
      if (readMarker(files)?.pid === pid) rmSync(files.marker, { force: true });
    },
  };
}
