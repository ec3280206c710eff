// Opens a payment link's hosted page and makes the attempts given, each from a fresh load of the
// link: pay with a card (by keyboard or mouse) or another method, answer a 3-D Secure challenge,
// read the receipt or the error, follow the redirect. Reports everything it saw as JSON.
//   node scenarios/pay-link.mjs '{"url": "...", "screenshots": "dir", "viewport": {...}, "mobile": false,
//     "attempts": [{"label": "visa", "card": {...}, "keyboard": true, "challenge": "approve",
//                   "followRedirect": true}]}'
import { run, log } from '../lib/session.mjs';
import {
  open, readPaymentPage, fillCard, payWithKeyboard, clickPay, outcome, settleReceipt, readReceipt,
  readChallenge, answerChallenge,
} from '../lib/hosted-page.mjs';

await run(async (s, args) => {
  const { page } = s;
  const status = await open(page, args.url);
  const first = await readPaymentPage(page);
  await s.shot('payment-page');
  await s.audit('payment-page');
  const attempts = [];
  for (const [i, a] of (args.attempts || []).entries()) {
    const label = a.label || `attempt-${i + 1}`;
    const r = { label };
    attempts.push(r);
    if (i > 0) {
      r.status = await open(page, args.url);
      r.page = await readPaymentPage(page);
    }
    const method = a.method || 'card';
    if (a.keyboard) {
      r.focusOrder = await payWithKeyboard(page, a.card || {}, method, () => s.shot(`${label}-filled`));
    } else {
      if (a.card) await fillCard(page, a.card);
      await s.shot(`${label}-filled`);
      await clickPay(page, method);
    }
    r.outcome = await outcome(page);
    // Whatever comes back must not carry the card number (a re-rendered form that kept it, say)
    if (a.card?.number) r.cardNumberInPage = (await page.content()).includes(a.card.number);
    if (r.outcome === 'challenge') {
      r.challenge = await readChallenge(page);
      await s.shot(`${label}-challenge`);
      await s.audit(`${label}-challenge`);
      if (!a.challenge) continue;
      await answerChallenge(page, a.challenge);
      r.outcome = await outcome(page);
    }
    r.url = page.url();
    if (a.card?.number) r.cardNumberInPage ||= (await page.content()).includes(a.card.number);
    if (r.outcome === 'receipt') {
      await settleReceipt(page);
      r.url = page.url();
      r.receipt = await readReceipt(page);
      await s.shot(`${label}-receipt`);
      // A receipt that refreshes to the merchant's page is audited only if it waits for us
      if (!r.receipt.metaRefresh) await s.audit(`${label}-receipt`);
      if (a.followRedirect) {
        if (!r.receipt.continueHref) throw new Error('the receipt has no #continue link to follow');
        const target = new URL(r.receipt.continueHref);
        // The meta refresh takes the browser there by itself; we only wait for it
        await page.waitForURL((u) => u.origin === target.origin && u.pathname === target.pathname,
          { timeout: 45_000 });
        await page.waitForLoadState('load');
        r.redirectedTo = page.url();
        r.redirectedTitle = await page.title();
        await s.shot(`${label}-redirected`);
      }
    } else if (r.outcome === 'error') {
      r.errorPage = await readPaymentPage(page);
      r.error = r.errorPage.error;
      await s.shot(`${label}-error`);
      await s.audit(`${label}-error`);
    } else {
      log(`after ${label}: ${r.outcome} at ${page.url()}`);
      await s.shot(`${label}-${r.outcome}`);
    }
  }
  return { status, page: first, attempts };
});
