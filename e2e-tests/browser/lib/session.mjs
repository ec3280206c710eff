// What every scenario shares: Debian's headless Chromium (never a browser download), one page,
// numbered screenshots of each step, axe-core run inside the page, and the one JSON result on stdout.
// Everything else a script prints goes to stderr, which the IT copies to its log.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.PAYSUITE_CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; a fresh profile per run keeps runs independent.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

export const log = (...args) => console.error('[browser]', ...args);

/** The scenario's input: one JSON argument. */
export function input() {
  if (process.argv.length < 3) throw new Error(`usage: node ${process.argv[1]} '<json>'`);
  return JSON.parse(process.argv[2]);
}

/**
 * Runs body(session) in a fresh browser and prints {ok, ...result} (or {ok: false, error}) as the
 * last line of stdout; the exit code is 0 either way once a result was printed, so the IT reads
 * what went wrong from the JSON and the stderr log.
 */
export async function run(body) {
  let session;
  let result;
  try {
    const args = input();
    session = await Session.open(args);
    result = { ok: true, ...(await body(session, args)) };
  } catch (e) {
    log(e && e.stack ? e.stack : String(e));
    result = { ok: false, error: String(e && e.message ? e.message : e) };
    if (session) {
      result.url = session.page.url();
      await session.shot('failure').catch(() => {});
    }
  } finally {
    if (session) {
      result.steps = session.steps;
      result.axe = session.axe;
      await session.close();
    }
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

export class Session {
  static async open({ screenshots, viewport, mobile, timeoutMs }) {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: run infra/scripts/browser.sh (installs Debian's chromium)`);
    }
    const profile = mkdtempSync(join(tmpdir(), 'paysuite-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: viewport || { width: 1280, height: 900 },
      // A phone honours the page's viewport meta (a desktop window ignores it)
      ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      locale: 'en-US',
      timeout: 60_000,
    });
    const page = context.pages()[0] || await context.newPage();
    // Generous: a payment goes through the gateway, the vault and the processor on a loaded CI machine
    page.setDefaultTimeout(timeoutMs || 45_000);
    // (the pages have no favicon: Chromium's request for one is no finding)
    page.on('console', (m) => {
      if (!/favicon\.ico$/.test(m.location()?.url || '')) log(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('requestfailed', (r) => log(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    return new Session(context, page, profile, screenshots);
  }

  constructor(context, page, profile, screenshots) {
    this.context = context;
    this.page = page;
    this.profile = profile;
    this.dir = screenshots;
    this.steps = [];
    this.axe = {};
    if (this.dir) mkdirSync(this.dir, { recursive: true });
  }

  /** Saves NN-step.png (full page) and records the step with the page's URL. */
  async shot(step) {
    const n = String(this.steps.length + 1).padStart(2, '0');
    const file = this.dir ? join(this.dir, `${n}-${step}.png`) : null;
    if (file) await this.page.screenshot({ path: file, fullPage: true });
    this.steps.push({ step, url: this.page.url(), screenshot: file });
    log(`step ${n} ${step}: ${this.page.url()}`);
  }

  /**
   * axe-core in the page as it is now, under `name`; keeps every violation (rule, impact, help,
   * the offending nodes) so the IT can print them all.
   */
  async audit(name) {
    // Not page.addScriptTag: the pages' Content-Security-Policy (no script at all) rightly refuses
    // an inline script; an evaluation from the driver (CDP) is not the page's own and runs.
    if (!(await this.page.evaluate(() => typeof window.axe === 'object'))) {
      await this.page.evaluate(AXE_SOURCE);
    }
    const violations = await this.page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    });
    this.axe[name] = violations;
    for (const v of violations) log(`axe ${name}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
    return violations;
  }

  async close() {
    await this.context.close().catch((e) => log(`closing: ${e.message}`));
    rmSync(this.profile, { recursive: true, force: true });
  }
}
