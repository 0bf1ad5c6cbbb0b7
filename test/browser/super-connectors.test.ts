// The Super-connectors list as it is refined (issue 8: the ranking shows as a first estimate from a quarter of
// the sampled sources, then the final one): the list says it is a first estimate, then that it is final; the
// final ranking updates the same list in place, and a keyboard user's focus in it stays in it (not on the page).
// The person panel, open on a super-connector of the first estimate, updates its score in place the same way:
// the focus in it stays. The sample shown at start (3 owners, about 3,400 people: betweenness sampled) goes
// through both steps.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type WatchedPage } from './browser';
import { getPersonPanel, waitForLayoutStopped, waitForMap } from './helpers';
import { startServer, type StaticServer } from './server';

/**
 * Installed before the app: notes what the list says, whether its <ol> is replaced, and, as soon as the first
 * estimate is listed, moves the focus to its third entry (as a keyboard user reading it would) and notes who.
 */
const WATCH = `(() => {
  const w = { notes: [], lists: [], focused: undefined, focusedIndex: undefined, focusedAt: -1 };
  window.__sc = w;
  new MutationObserver(() => {
    const section = document.querySelector('section[aria-label="Super-connectors list"]');
    const note = section && section.querySelector('p.hint');
    const text = note && !note.hidden ? note.textContent : '';
    if (text && w.notes[w.notes.length - 1] !== text) w.notes.push(text);
    const list = section && section.querySelector('ol');
    if (list && !w.lists.includes(list)) w.lists.push(list);
    if (!w.focused && list && text.startsWith('First estimate')) {
      const items = list.querySelectorAll('li');
      const button = items[2] && items[2].querySelector('button');
      if (button) {
        button.focus();
        w.focused = button;
        w.focusedAt = 2;
        w.focusedIndex = items[2].dataset.index;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

/**
 * Installed before the app, on a page of its own: as soon as the first estimate is listed, selects its first
 * entry (as a click does) and moves the focus into the person panel, onto "Clear selection", noting the element,
 * the panel's details and the score they show then.
 */
const WATCH_PERSON = `(() => {
  const w = { focused: undefined, article: undefined, score: '' };
  window.__person = w;
  // The value of the panel's "Super-connector score" field, found by its label.
  window.__scoreText = () => {
    const dts = document.querySelectorAll('aside[aria-label="Person details"] dt');
    const dt = Array.from(dts).find((d) => d.textContent === 'Super-connector score');
    return (dt && dt.nextElementSibling && dt.nextElementSibling.textContent) || '';
  };
  new MutationObserver(() => {
    if (w.focused) return;
    const note = document.querySelector('section[aria-label="Super-connectors list"] p.hint');
    const entry = document.querySelector('ol[aria-label="Super-connectors"] li button');
    if (!note || note.hidden || !note.textContent.startsWith('First estimate') || !entry) return;
    entry.click();
    const panel = document.querySelector('aside[aria-label="Person details"]');
    const clear = Array.from(panel.querySelectorAll('button')).find((b) => b.textContent === 'Clear selection');
    if (!clear) return;
    clear.focus();
    w.focused = clear;
    w.article = panel.querySelector('article');
    w.score = window.__scoreText();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

let server: StaticServer;
let browser: Browser;
let app: WatchedPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openPage(browser, 'about:blank');
  await app.page.addInitScript({ content: WATCH });
  await app.page.goto(server.url);
  await waitForMap(app.page);
  // The layout starts once the final scores are in.
  await waitForLayoutStopped(app.page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Super-connectors list, first estimate then final', () => {
  it('says the first list is an estimate being refined, then that the ranking is final', async () => {
    const notes = await app.page.evaluate(() => (window as unknown as { __sc: { notes: string[] } }).__sc.notes);
    expect(notes).toEqual([
      'Ranking super-connectors… (measuring who bridges the clusters)',
      'First estimate, refining…',
      'Final ranking.',
    ]);
    const note = app.page.getByRole('region', { name: 'Super-connectors list' }).getByRole('status');
    await expect(note.textContent()).resolves.toBe('Final ranking.');
    await expect(
      app.page.getByRole('list', { name: 'Super-connectors' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThan(10);
  });

  it('updates the same list in place, and the entry with the focus keeps it', async () => {
    expect(app.errors).toEqual([]);
    const seen = await app.page.evaluate(() => {
      const w = (
        window as unknown as {
          __sc: { lists: Element[]; focused?: HTMLElement; focusedIndex?: string; focusedAt: number };
        }
      ).__sc;
      const list = document.querySelector('section[aria-label="Super-connectors list"] ol');
      const active = document.activeElement;
      const items = Array.from(list?.querySelectorAll('li') ?? []);
      return {
        lists: w.lists.length,
        same: w.lists[0] === list,
        focusedIndex: w.focusedIndex,
        stillListed: items.some((li) => li.dataset.index === w.focusedIndex),
        activeIsSame: active === w.focused,
        activeInList: Boolean(active && list?.contains(active)),
        activeAt: items.findIndex((li) => li.contains(active)),
        focusedAt: w.focusedAt,
      };
    });
    expect(seen.focusedIndex).toBeDefined();
    expect(seen.lists).toBe(1);
    expect(seen.same).toBe(true);
    expect(seen.activeInList).toBe(true);
    // The person focused in the first estimate keeps the focus where they are now listed; had they left the
    // list, the entry at their place has it.
    if (seen.stillListed) expect(seen.activeIsSame).toBe(true);
    else expect(seen.activeAt).toBe(seen.focusedAt);
  });
});

describe('the person panel, first estimate then final', () => {
  let person: WatchedPage;
  beforeAll(async () => {
    person = await openPage(browser, 'about:blank');
    await person.page.addInitScript({ content: WATCH_PERSON });
    await person.page.goto(server.url);
    await waitForMap(person.page);
    await waitForLayoutStopped(person.page);
  });
  afterAll(async () => {
    await person?.page.context().close();
  });

  it('updates the score in place: a keyboard user in the panel keeps the focus, and the links still come', async () => {
    const panel = getPersonPanel(person.page);
    const links = panel.getByRole('list', { name: 'Links', exact: true });
    await expect.poll(() => links.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const seen = await person.page.evaluate(() => {
      const { __person: w, __scoreText } = window as unknown as {
        __person: { focused?: HTMLElement; article?: Element; score: string };
        __scoreText: () => string;
      };
      const panel = document.querySelector('aside[aria-label="Person details"]');
      return {
        focused: Boolean(w.focused),
        activeIsSame: document.activeElement === w.focused,
        articleIsSame: Boolean(w.article) && panel?.querySelector('article') === w.article,
        before: w.score,
        after: __scoreText(),
      };
    });
    expect(seen.focused).toBe(true);
    expect(seen.before).toMatch(/^\d\.\d\d \(#[\d,]+ of [\d,]+, first estimate, refining…\)$/);
    expect(seen.after).toMatch(/^\d\.\d\d \(#[\d,]+ of [\d,]+\)$/);
    expect(seen.articleIsSame).toBe(true);
    expect(seen.activeIsSame).toBe(true);
    expect(person.errors).toEqual([]);
  });
});
