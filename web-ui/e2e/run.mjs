#!/usr/bin/env node
// Runs the Playwright suite against a fresh Inmo (`npm run e2e [-- playwright args]`):
//   1. starts the built server jar (INMO_E2E_JAR, default ../bootstrap/target/inmo.jar) on a free
//      port, against a fresh database on the test PostgreSQL when TEST_PG_URL is set (created with
//      psql, dropped afterwards), else on the embedded PostgreSQL with a temporary data directory;
//   2. waits for /health/ready, runs `playwright test` with INMO_E2E_BASE_URL pointing at it (and
//      INMO_E2E_JAR / INMO_E2E_JAVA, with which global-setup.ts runs the jar's demo-data command);
//   3. stops the server (and drops the database) whatever happened, and exits with Playwright's code.
// With INMO_E2E_BASE_URL already set it only runs the suite against that server.
// Server output goes to target/e2e-server.log.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'target');
const args = process.argv.slice(2);
const started = Date.now();
const log = (message) => console.log(`[e2e] ${message}`);
const chromium = process.env.INMO_E2E_CHROMIUM ?? '/usr/bin/chromium';

const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`[e2e] cleanup: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

function fail(message) {
  console.error(`[e2e] ${message}`);
  return cleanup().then(() => process.exit(1));
}

function freePort() {
  return new Promise((ok, ko) => {
    const server = createServer();
    server.unref();
    server.on('error', ko);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** jdbc:postgresql://host:port/db?… → psql connection parts. */
function parseJdbc(url) {
  const m = /^jdbc:postgresql:\/\/([^/:?]+)(?::(\d+))?\/([^?]+)/.exec(url);
  if (!m) throw new Error(`TEST_PG_URL must look like jdbc:postgresql://host:5432/db (got ${url})`);
  return { host: m[1], port: m[2] ?? '5432', database: m[3] };
}

function psql(pg, database, sql) {
  const result = spawnSync(
    'psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', database, '-c', sql],
    { env: { ...process.env, PGPASSWORD: pg.password, PGCONNECT_TIMEOUT: '10' }, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
}

/** A java of version 21 or newer: INMO_E2E_JAVA, JAVA_HOME's, the newest under /usr/lib/jvm, or PATH's. */
function findJava() {
  const major = (java) => {
    const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
    const m = /version "(\d+)/.exec(`${out.stderr ?? ''}${out.stdout ?? ''}`);
    return out.status === 0 && m ? Number(m[1]) : 0;
  };
  const jvms = existsSync('/usr/lib/jvm') ? readdirSync('/usr/lib/jvm').map((d) => join('/usr/lib/jvm', d, 'bin', 'java')) : [];
  const candidates = [
    process.env.INMO_E2E_JAVA,
    process.env.JAVA_HOME && join(process.env.JAVA_HOME, 'bin', 'java'),
    ...jvms.sort().reverse(),
    'java',
  ].filter(Boolean);
  return candidates.find((java) => major(java) >= 21);
}

async function startServer(jar, java) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'inmo-e2e-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  // only what we set reaches the server: no LLM key, no Redis, no stray INMO_* of the caller
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INMO_')));
  Object.assign(env, {
    INMO_HOST: '127.0.0.1',
    INMO_PORT: String(port),
    INMO_DATA_DIR: dataDir,
    INMO_PUBLIC_URL: `http://127.0.0.1:${port}`,
    INMO_ADMIN_EMAIL: 'admin@inmo-e2e.local',
    // nothing in flight is worth waiting for once the suite is over
    INMO_SHUTDOWN_GRACE_SECONDS: '2',
  });

  const pgUrl = process.env.TEST_PG_URL;
  const havePsql = spawnSync('psql', ['--version']).status === 0;
  if (pgUrl && havePsql) {
    const pg = { ...parseJdbc(pgUrl), user: process.env.TEST_PG_USER ?? 'postgres', password: process.env.TEST_PG_PASSWORD ?? '' };
    const database = `inmo_e2e_${Date.now().toString(36)}_${process.pid}`;
    psql(pg, pg.database, `CREATE DATABASE ${database}`);
    cleanups.push(() => psql(pg, pg.database, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    Object.assign(env, {
      INMO_DATABASE_URL: `jdbc:postgresql://${pg.host}:${pg.port}/${database}`,
      INMO_DATABASE_USER: pg.user,
      INMO_DATABASE_PASSWORD: pg.password,
    });
    log(`database ${database} on ${pg.host}:${pg.port}`);
  } else {
    if (pgUrl) log('TEST_PG_URL is set but psql is missing: using the embedded PostgreSQL');
    env.INMO_EMBEDDED_DB_PORT = String(await freePort());
    log(`embedded PostgreSQL on port ${env.INMO_EMBEDDED_DB_PORT}, data in ${dataDir}`);
  }

  mkdirSync(target, { recursive: true });
  const logFile = join(target, 'e2e-server.log');
  const out = createWriteStream(logFile);
  const server = spawn(java, ['-jar', jar], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(out);
  server.stderr.pipe(out);
  let exited = null;
  const exit = new Promise((ok) =>
    server.on('exit', (code, signal) => {
      exited = code ?? signal;
      ok();
    }),
  );
  server.on('error', (error) => {
    exited = error.message;
  });
  // a graceful stop lets the embedded PostgreSQL shut down with the server
  cleanups.push(async () => {
    if (exited !== null) return;
    server.kill('SIGTERM');
    const stopped = await Promise.race([exit.then(() => true), sleep(30_000).then(() => false)]);
    if (!stopped) {
      log('the server did not stop within 30 s: killing it');
      server.kill('SIGKILL');
      await exit;
    }
    log('server stopped');
  });
  process.on('exit', () => exited === null && server.kill('SIGKILL'));

  const base = `http://127.0.0.1:${port}`;
  log(`starting ${jar} on ${base} (log: ${logFile})`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      await fail(`the server exited (${exited}) before it was ready:\n${tail}`);
    }
    try {
      const response = await fetch(`${base}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) await fail('the server was not ready within 180 s');
    await sleep(500);
  }
  log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return base;
}

async function main() {
  if (!existsSync(chromium)) {
    await fail(`no Chromium at ${chromium}: apt-get install -y chromium (or set INMO_E2E_CHROMIUM); -DskipWebUiE2e=true skips the suite`);
  }
  const playwright = join(root, 'node_modules', '.bin', 'playwright');
  if (!existsSync(playwright)) await fail('Playwright is not installed: run npm ci in web-ui first');

  // the jar also writes the demo data (global-setup.ts runs its demo-data command)
  const jar = resolve(process.env.INMO_E2E_JAR ?? join(root, '..', 'bootstrap', 'target', 'inmo.jar'));
  if (!existsSync(jar)) {
    await fail(`no server jar at ${jar}: build it first (./mvnw -B -DskipTests package) or set INMO_E2E_JAR`);
  }
  const java = findJava();
  if (!java) await fail('no Java 21 or newer found: set JAVA_HOME (./inmo e2e finds one by itself)');

  const base = process.env.INMO_E2E_BASE_URL ?? (await startServer(jar, java));
  const suiteStarted = Date.now();
  const code = await new Promise((ok) => {
    const child = spawn(playwright, ['test', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, INMO_E2E_BASE_URL: base, INMO_E2E_JAR: jar, INMO_E2E_JAVA: java, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
    child.on('exit', (status, signal) => ok(status ?? (signal ? 1 : 0)));
    child.on('error', () => ok(1));
  });
  log(`suite ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s; screenshots in target/e2e-screenshots/`);
  await cleanup();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
