// Shared set-up for every spec: one server and one browser per file, a fresh page per test.
import { before, after, beforeEach, afterEach } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';
import { SidenotePage } from './sidenote-page.mjs';

export function useSidenote() {
  const ctx = {};
  before(async () => { ctx.server = await serveDist(); ctx.browser = await launch(); });
  after(async () => { await ctx.browser?.close(); await ctx.server?.close(); });
  beforeEach(async () => {
    ctx.context = await ctx.browser.newContext({ acceptDownloads: true });
    ctx.page = await ctx.context.newPage();
    ctx.errors = [];
    ctx.page.on('pageerror', (e) => ctx.errors.push(String(e)));
    ctx.app = new SidenotePage(ctx.page, ctx.server.url);
    await ctx.app.open();
  });
  afterEach(async () => { await ctx.context?.close(); });
  return ctx;
}
