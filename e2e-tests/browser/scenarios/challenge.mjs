// The redirect flow of 3-D Secure for an API payment: opens next_action.redirect_to_url.url,
// answers the challenge, and waits until the browser lands on the payment's return_url.
//   node scenarios/challenge.mjs '{"url": "...", "answer": "approve", "returnUrl": "http://...", "screenshots": "dir"}'
import { run } from '../lib/session.mjs';
import { open, readChallenge, answerChallenge } from '../lib/hosted-page.mjs';

await run(async (s, args) => {
  const { page } = s;
  const status = await open(page, args.url);
  const challenge = await readChallenge(page);
  await s.shot('challenge');
  await s.audit('challenge');
  await answerChallenge(page, args.answer);
  const target = new URL(args.returnUrl);
  await page.waitForURL((u) => u.origin === target.origin && u.pathname === target.pathname, { timeout: 45_000 })
    .catch(() => {});
  await page.waitForLoadState('load');
  const landed = page.url();
  const result = await page.evaluate(() => document.getElementById('result')?.textContent.trim() ?? null);
  await s.shot('returned');
  return { status, challenge, landed, result };
});
