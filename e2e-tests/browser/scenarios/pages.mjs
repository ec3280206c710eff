// Opens each of several pages in turn (links in other currencies, say) and reports what each shows.
//   node scenarios/pages.mjs '{"urls": {"jpy": "...", "kwd": "..."}, "screenshots": "dir"}'
import { run } from '../lib/session.mjs';
import { open, readPaymentPage } from '../lib/hosted-page.mjs';

await run(async (s, args) => {
  const pages = {};
  for (const [name, url] of Object.entries(args.urls)) {
    const status = await open(s.page, url);
    pages[name] = { status, ...(await readPaymentPage(s.page)) };
    await s.shot(name);
    await s.audit(name);
  }
  return { pages };
});
