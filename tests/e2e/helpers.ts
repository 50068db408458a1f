import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// End-to-end helpers: build the client, boot the real server on a random port with a temporary data
// directory, and launch Debian's Chromium headless (never a downloaded browser).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUT = 'test-output';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out}`))));
  });
}

/** Build the client into its own temporary folder (so a concurrent `dist/` is never emptied under anyone). */
export async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'entente-dist-'));
  await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
  return outDir;
}

export interface BootedServer {
  url: string;
  stop(): Promise<void>;
  /** Stop the server (SIGTERM) and start it again on the same port with the same data. */
  restart(): Promise<void>;
  logs(): string;
}

export async function bootServer(staticDir = 'dist'): Promise<BootedServer> {
  let port = 20000 + Math.floor(Math.random() * 20000);
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-e2e-'));
  let log = '';
  let child: ChildProcess;

  const start = async (): Promise<void> => {
    child = spawn(process.execPath, ['server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, RECOVERY_GRACE_MS: '5000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => { log += d; });
    child.stderr!.on('data', (d) => { log += d; });
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
      // The server keeps running after an uncaught error, so a port taken by someone else shows in its log.
      if (log.includes('EADDRINUSE')) throw new Error(`port ${port} taken:\n${log}`);
      try {
        const r = await fetch(`http://localhost:${port}/api/health`);
        if (r.ok) break;
      } catch { /* not yet */ }
      if (Date.now() - started > 30_000) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  const halt = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  // On a shared machine other servers come and go: a random port may be taken; try another (and never
  // leave a half-started server behind).
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (e) {
      await halt();
      if (attempt >= 3 || !log.includes('EADDRINUSE')) throw e;
      log = '';
      port = 20000 + Math.floor(Math.random() * 20000);
    }
  }
  const url = `http://localhost:${port}`;
  return {
    url,
    logs: () => log,
    restart: async () => { await halt(); await start(); },
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
      if (staticDir.startsWith(tmpdir())) rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<{ browser: Browser; cleanup(): Promise<void> }> {
  // Playwright gives each launch a fresh temporary profile (it refuses --user-data-dir in args).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(OUT, { recursive: true });
  return { browser, cleanup: async () => { await browser.close(); } };
}
