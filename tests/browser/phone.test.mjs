// The bank on a teacher's phone (390 x 844, Debian's Chromium): the first
// result on the first screen in Dutch and Arabic, no page wider than the
// phone, the filters folded in a panel that works without JavaScript (its
// values are links to pages of their own) and with it (chips and count),
// ticks that replace the history entry instead of adding one, and Back
// from an item that finds the filters and the scroll position as they were.
//
// KT_SWEEP=folder sweeps that built site too (e.g. the shipped content),
// besides the fixture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launch } from './browser.mjs';
import { serve } from './serve.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kt-phone-'));
const fixture = process.env.KT_FIXTURE || join(tmp, 'fixture');
const out = join(fixture, 'out');
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let browser, server, base;

function pages(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory())
			return pages(p);
		return name.endsWith('.html') ? [p] : [];
	});
}

before(async () => {
	execFileSync('tests/fixture.sh', [fixture], { stdio: ['ignore', 'ignore', 'inherit'] });
	({ server, base } = await serve(out, '/lob/'));
	browser = await launch();
});

after(async () => {
	await browser?.close();
	server?.close();
	rmSync(tmp, { recursive: true, force: true });
});

for (const lang of ['nl', 'ar', 'en', 'ti']) {
	test(`the first result is on the first screen of a phone in ${lang}, on the bank and the kind pages`, async () => {
		const context = await browser.newContext(phone);
		const page = await context.newPage();
		for (const path of ['index.html', 'opdrachten/index.html', 'avonden/index.html', 'tips/index.html']) {
			await page.goto(`${base}${lang}/${path}`);
			const title = page.locator('.card:not([hidden]) h3 a').first();
			const box = await title.boundingBox();
			assert.ok(box, `${lang}/${path}: no result shown`);
			assert.ok(box.y + box.height <= 844,
			    `${lang}/${path}: the first result ends at ${box.y + box.height} px`);
			// the count is above it, and the filters are folded
			const count = await page.locator('.result-count').boundingBox();
			assert.ok(count.y < box.y);
			assert.equal(await page.locator('.filters-panel').evaluate((d) => d.open), false);
			assert.equal(await page.locator('.facet').first().isVisible(), false);
		}
		await context.close();
	});
}

async function sweep(root, prefix) {
	const { server: s, base: b } = await serve(root, prefix);
	const context = await browser.newContext(phone);
	const page = await context.newPage();
	const wide = [];
	const all = pages(root);
	for (const file of all) {
		await page.goto(b + relative(root, file));
		const w = await page.evaluate(() => document.documentElement.scrollWidth);
		if (w > 390)
			wide.push(`${relative(root, file)}: ${w} px`);
	}
	await context.close();
	s.close();
	return { wide, n: all.length };
}

test('no page of the fixture is wider than a phone (390 px)', async () => {
	const { wide, n } = await sweep(out, '/sweep/');
	assert.ok(n > 30);
	assert.deepEqual(wide, []);
});

test('no page of KT_SWEEP (when given) is wider than a phone', { skip: !process.env.KT_SWEEP }, async () => {
	const { wide, n } = await sweep(process.env.KT_SWEEP, '/shipped/');
	console.log(`# swept ${n} pages of ${process.env.KT_SWEEP} at 390 px`);
	assert.deepEqual(wide, []);
});

test('the evening programme is a list of blocks on a phone, mirrored in Arabic', async () => {
	const context = await browser.newContext(phone);
	const page = await context.newPage();
	for (const lang of ['nl', 'ar']) {
		await page.goto(`${base}${lang}/avonden/kennismaking-klas-1.html`);
		const block = page.locator('.programme .block').first();
		const time = await block.locator('.time').boundingBox();
		const what = await block.locator('.what').boundingBox();
		const facts = await block.locator('.block-facts').boundingBox();
		// stacked: time above what happens, above work form and leader
		assert.ok(time.y + time.height <= what.y + 1);
		assert.ok(what.y + what.height <= facts.y + 1);
		// the time starts where reading starts: right in Arabic
		if (lang === 'ar')
			assert.ok(time.x + time.width > 390 - 40, `time at ${time.x}`);
		else
			assert.ok(time.x < 40);
		assert.match(await block.locator('.block-facts').textContent(),
		    lang === 'nl' ? /Werkvorm\s*plenair/ : /جلسة عامة/);
	}
	await context.close();
});

test('without JavaScript: the panel opens, a facet value is a page with its count and a chip back', async () => {
	const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(base + 'nl/index.html');
	// no search box that does nothing
	assert.equal(await page.getByRole('searchbox').count(), 0);
	const facet = page.locator('section[data-facet="leerjaar"]');
	assert.equal(await facet.isVisible(), false);
	await page.locator('.filters-panel > summary').click();
	assert.equal(await facet.isVisible(), true);
	await facet.getByRole('link', { name: /^1\s*3$/ }).click();
	assert.match(page.url(), /nl\/leerjaar\/1\.html$/);
	assert.equal(await page.locator('.card').count(), 3);
	assert.equal(await page.locator('.result-count').textContent(), '3 resultaten');
	await page.getByRole('link', { name: 'Leerjaar: 1 wissen' }).click();
	assert.match(page.url(), /nl\/index\.html$/);
	assert.equal(await page.locator('.card').count(), 6);
	await context.close();
});

test('with JavaScript: a tick shows a chip and the count, the chip removes it, and the history does not grow', async () => {
	const context = await browser.newContext(phone);
	const page = await context.newPage();
	await page.goto(base + 'nl/tips/index.html');	// where Back should lead
	await page.goto(base + 'nl/index.html');
	const length = await page.evaluate(() => history.length);
	const count = page.locator('.result-count');
	const chips = page.locator('.chips .chip');
	assert.equal(await chips.count(), 0);
	await page.locator('.filters-panel > summary').click();
	await page.getByRole('checkbox', { name: /^1\b/ }).check();
	await page.getByRole('checkbox', { name: /^vwo\b/ }).check();
	assert.equal(await chips.count(), 2);
	// in the order of the facets
	assert.deepEqual(await chips.allTextContents(), ['Onderwijstype: vwo', 'Leerjaar: 1']);
	assert.equal(await count.textContent(), `${await page.locator('.card:not([hidden])').count()} resultaten`);
	assert.match(await page.locator('.filters-panel > summary').textContent(), /\(2\)/);
	assert.match(page.url(), /leerjaar=1/);
	assert.match(page.url(), /onderwijstype=vwo/);
	// the evenings and tips have no school type: they stay, and say why
	assert.equal(await page.locator('.card[data-id="tips/luister-eerst"]').isVisible(), true);
	assert.match(await page.locator('section[data-kind="tips"] .listing-note').textContent(),
	    /Onderwijstype/);
	// each kind says how many of it are shown
	const shownAssignments = await page.locator('section[data-kind="opdrachten"] .card:not([hidden])').count();
	assert.equal(await page.locator('section[data-kind="opdrachten"] .listing-count').textContent(),
	    `(${shownAssignments})`);
	assert.equal(await page.evaluate(() => history.length), length);
	// the chip removes its filter, and the box is unticked
	await page.getByRole('button', { name: 'Onderwijstype: vwo wissen' }).click();
	assert.equal(await chips.count(), 1);
	assert.equal(await page.getByRole('checkbox', { name: /^vwo\b/ }).isChecked(), false);
	assert.doesNotMatch(page.url(), /onderwijstype/);
	assert.equal(await count.textContent(), '4 resultaten');
	assert.equal(await page.evaluate(() => history.length), length);
	// one Back leaves the bank
	await page.goBack();
	assert.match(page.url(), /nl\/tips\/index\.html$/);
	await context.close();
});

test('the same filters on a kind page, and Back from an item restores filters and scroll', async () => {
	// no-store keeps the page out of the back/forward cache: Back loads
	// it again, and site.js restores it from the address and the entry
	const fresh = await serve(out, '/fresh/', { 'cache-control': 'no-store' });
	const context = await browser.newContext(phone);
	const page = await context.newPage();
	await page.goto(fresh.base + 'ar/opdrachten/index.html');
	await page.locator('.filters-panel > summary').click();
	await page.locator('#f-talen-ar').check();
	const cards = page.locator('.card:not([hidden])');
	assert.equal(await cards.count(), 1);
	await page.locator('#f-talen-ar').uncheck();
	assert.equal(await cards.count(), 3);
	await page.locator('#f-leerjaar-4').check();
	await page.locator('.filters-panel > summary').click();
	const shown = await cards.count();
	assert.ok(shown >= 1 && shown < 3);
	// scroll the last card into view, open it, come back
	const last = cards.last();
	await last.scrollIntoViewIfNeeded();
	await page.evaluate(() => window.scrollBy(0, 200));
	const y = await page.evaluate(() => window.scrollY);
	assert.ok(y > 100, `scrolled to ${y}`);
	const id = await last.getAttribute('data-id');
	await last.locator('h3 a').click();
	await page.waitForURL(/opdrachten\/[a-z-]+\.html$/);
	await page.goBack();
	await page.waitForFunction(() => document.querySelector('.result-count'));
	assert.match(page.url(), /leerjaar=4/);
	assert.equal(await page.locator('#f-leerjaar-4').isChecked(), true);
	assert.equal(await cards.count(), shown);
	await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 5, y, { timeout: 5000 });
	assert.equal(await page.locator(`.card[data-id="${id}"]`).isVisible(), true);
	await context.close();
	fresh.server.close();
});
