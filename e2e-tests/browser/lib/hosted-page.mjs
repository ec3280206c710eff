// The hosted pages as a customer meets them, read and driven through the ids of their contract
// (README "Hosted pages"): the payment page /pay/{plink}, its receipt, the 3-D Secure challenge /3ds/{id}.
import { log } from './session.mjs';

const CARD_FIELDS = ['card-name', 'card-number', 'card-exp-month', 'card-exp-year', 'card-cvc', 'email'];

/** Runs action (a click, a key press) and waits until the main frame has loaded what it led to. */
export async function navigation(page, action) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await action();
  await navigated;
  await page.waitForLoadState('load');
}

/** Opens url and returns its HTTP status. */
export async function open(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  return response ? response.status() : null;
}

/** What the payment page shows and how its form is built. */
export async function readPaymentPage(page) {
  return page.evaluate((fields) => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim().replace(/\s+/g, ' ') ?? null;
    const byId = {};
    for (const id of fields) {
      const el = document.getElementById(id);
      if (!el) continue;
      const label = document.querySelector(`label[for="${id}"]`);
      byId[id] = {
        autocomplete: el.getAttribute('autocomplete'),
        type: el.getAttribute('type'),
        tag: el.tagName.toLowerCase(),
        label: label ? label.textContent.trim().replace(/\s+/g, ' ') : null,
        visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length),
      };
    }
    // A method is a radio of the one form, or a form of its own with a hidden input (one per method)
    const methods = [...document.querySelectorAll('form [name="method"]')].map((m) => {
      const submit = m.form?.querySelector('button[type="submit"], button:not([type])');
      return {
        id: m.id || null, type: m.type, value: m.value, checked: m.type === 'hidden' ? true : m.checked,
        button: submit ? { id: submit.id || null, text: submit.textContent.trim().replace(/\s+/g, ' ') } : null,
      };
    });
    const button = document.getElementById('pay-button') ?? document.getElementById('pay-card');
    const box = button?.getBoundingClientRect();
    return {
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      viewportMeta: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null,
      h1: text('h1'),
      amount: text('#amount'),
      error: text('#error'),
      errorRole: document.getElementById('error')?.getAttribute('role') ?? null,
      form: !!document.getElementById('payment-form'),
      methods,
      fields: byId,
      payButton: button ? {
        id: button.id,
        text: button.textContent.trim().replace(/\s+/g, ' '),
        type: button.getAttribute('type'),
        visible: !!(box && box.width > 0 && box.height > 0),
        insideViewportWidth: !!(box && box.left >= 0 && box.right <= window.innerWidth),
      } : null,
      scroll: {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        bodyScrollWidth: document.body.scrollWidth,
      },
    };
  }, CARD_FIELDS);
}

/** The value a card field gets from card = {name, number, expMonth, expYear, cvc, email}. */
function valueFor(id, card) {
  return {
    'card-name': card.name, 'card-number': card.number, 'card-exp-month': card.expMonth,
    'card-exp-year': card.expYear, 'card-cvc': card.cvc, email: card.email,
  }[id];
}

/**
 * The submit button that pays with `method`: the one form's (after its radio is picked, when the
 * link offers several methods in one form), or that of the method's own form.
 */
export async function payButtonFor(page, method) {
  const input = page.locator(`form input[name="method"][value="${method}"]`);
  if (!(await input.count())) {
    const offered = await page.locator('form input[name="method"]').evaluateAll((l) => l.map((e) => e.value));
    throw new Error(`the page offers no method ${method} (it offers: ${offered.join(', ') || 'none'})`);
  }
  if ((await input.first().getAttribute('type')) === 'radio') await input.first().check();
  return page.locator(`form:has(input[name="method"][value="${method}"]) button[type="submit"]`).first();
}

/** Fills the card fields with the mouse and keyboard as Playwright does (fill). */
export async function fillCard(page, card) {
  for (const id of CARD_FIELDS) {
    const value = valueFor(id, card);
    if (value === undefined || value === null) continue;
    const el = page.locator(`#${id}`);
    if (!(await el.count())) continue;
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(String(value));
    else await el.fill(String(value));
  }
}

/**
 * Fills the card form and submits it with the keyboard only: Tab from the top of the page, type
 * into each card field (of those the page has) as focus reaches it, Tab on to the button that pays
 * with `method` and press Enter. Returns the
 * order in which focus went through the page. A radio group for the method is left as it is
 * moved with the arrow keys when another than `method` is chosen. beforeSubmit runs with focus on
 * the pay button, before Enter.
 */
export async function payWithKeyboard(page, card, method = 'card', beforeSubmit = async () => {}) {
  const present = await page.evaluate((ids) => ids.filter((id) => document.getElementById(id)), CARD_FIELDS);
  const wanted = present.filter((id) => valueFor(id, card) !== undefined && valueFor(id, card) !== null);
  const filled = new Set();
  const order = [];
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.body ? {
        id: e.id || null, tag: e.tagName, type: e.getAttribute('type'), name: e.getAttribute('name'),
        value: e.value ?? null, checked: e.checked ?? null,
        // the submit button of the form that pays with the method
        submitsMethod: e.tagName === 'BUTTON' && (e.type === 'submit')
          ? (e.form?.querySelector('input[name="method"]:checked, input[name="method"][type="hidden"]')?.value ?? null)
          : null,
      } : null;
    });
    if (!focused) continue;
    order.push(focused.id || `${focused.tag.toLowerCase()}${focused.name ? `[name=${focused.name}]` : ''}`);
    if (focused.name === 'method' && focused.type === 'radio' && focused.value !== method) {
      // Arrow keys move the choice within the group (and focus with it); bounded by the group's size
      for (let k = 0; k < 10; k++) {
        await page.keyboard.press('ArrowDown');
        const now = await page.evaluate(() => document.activeElement?.value);
        if (now === method) break;
      }
      continue;
    }
    if (focused.id && wanted.includes(focused.id) && !filled.has(focused.id)) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(String(valueFor(focused.id, card)));
      filled.add(focused.id);
      continue;
    }
    if (focused.submitsMethod === method) {
      const missing = wanted.filter((id) => !filled.has(id));
      if (missing.length) throw new Error(`Tab reached the pay button before ${missing.join(', ')} (focus order: ${order.join(' > ')})`);
      log(`focus order: ${order.join(' > ')}`);
      await beforeSubmit();
      await navigation(page, () => page.keyboard.press('Enter'));
      return order;
    }
  }
  throw new Error(`Tab never reached the pay button with the fields filled (focus order: ${order.join(' > ')})`);
}

/** Clicks the button that pays with `method` and waits for the answer. */
export async function clickPay(page, method) {
  const button = await payButtonFor(page, method);
  await navigation(page, () => button.click());
}

/** What the browser shows after a submission: 'receipt', 'challenge', 'error', or 'other'. */
export async function outcome(page) {
  return page.evaluate(() => {
    if (document.getElementById('receipt')) return 'receipt';
    if (document.getElementById('approve') || /\/3ds\//.test(location.pathname)) return 'challenge';
    if (document.getElementById('error')) return 'error';
    return 'other';
  });
}

/**
 * Waits while the receipt says the payment is still being processed (it reloads itself until the
 * payment is settled), at most timeoutMs.
 */
export async function settleReceipt(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const selfRefresh = await page.evaluate(() => {
      const content = document.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
      const target = content.replace(/^[^;]*;\s*url=/i, '');
      return !!target && new URL(target, location.href).pathname === location.pathname;
    }).catch(() => true); // a context destroyed by the reload: look again
    if (!selfRefresh) return;
    if (Date.now() > deadline) throw new Error(`the receipt still says processing after ${timeoutMs} ms`);
    await page.waitForTimeout(500);
    await page.waitForLoadState('load');
  }
}

export async function readReceipt(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim().replace(/\s+/g, ' ') ?? null;
    const refresh = document.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? null;
    return {
      url: location.href,
      h1: text('#receipt h1') ?? text('h1'),
      paymentId: text('#payment-id'),
      status: text('#payment-status'),
      amount: text('#amount'),
      continueHref: document.getElementById('continue')?.href ?? null,
      scroll: { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth },
      metaRefresh: refresh,
    };
  });
}

export async function readChallenge(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim().replace(/\s+/g, ' ') ?? null;
    return {
      url: location.href,
      lang: document.documentElement.getAttribute('lang'),
      h1: text('h1'),
      amount: text('#amount'),
      scroll: { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth },
      approve: !!document.getElementById('approve'),
      fail: !!document.getElementById('fail'),
      method: document.getElementById('approve')?.closest('form')?.getAttribute('method')?.toLowerCase() ?? null,
      result: text('#result'),
    };
  });
}

/** Answers the challenge with #approve or #fail. */
export async function answerChallenge(page, answer) {
  if (answer !== 'approve' && answer !== 'fail') throw new Error(`no such answer: ${answer}`);
  await navigation(page, () => page.click(`#${answer}`));
}
