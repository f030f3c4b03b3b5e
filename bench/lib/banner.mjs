// Section 2: time to banner. Navigation start → the first animation frame in which the banner is
// rendered and not transparent (bannerProbe), first visit (new context: no cookie, no cache),
// products interleaved in a new random order each round.
import { bannerProbe, waitForBanner } from './browser.mjs';
import { page as pageOf } from './products.mjs';
import { shuffled, summary } from './stats.mjs';

export async function measureTimeToBanner(browser, server, list, runs, log) {
  const urls = Object.fromEntries(
    list.map((p) => [p.id, server.setPage(`banner-${p.id}`, pageOf(p, { title: `banner ${p.id}` }))]),
  );
  const times = Object.fromEntries(list.map((p) => [p.id, []]));
  const failures = Object.fromEntries(list.map((p) => [p.id, 0]));
  for (let round = 0; round < runs; round++) {
    for (const p of shuffled(list)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(bannerProbe(p.banner));
      try {
        await page.goto(urls[p.id], { waitUntil: 'commit' });
        times[p.id].push(await waitForBanner(page));
      } catch {
        failures[p.id]++;
      }
      await context.close();
    }
    log(`  time to banner: round ${round + 1}/${runs}`);
  }
  return list.map((p) => ({
    product: p.id,
    failures: failures[p.id],
    ...summary(times[p.id]),
    runs: times[p.id],
  }));
}
