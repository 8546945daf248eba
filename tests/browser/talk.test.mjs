// The talk guide (gesprek) in a real browser: a teacher ticks the kind
// "Gesprekken" in the bank, opens the guide, downloads its printables,
// goes from an assignment it looks back at to the guide, and reads the
// Arabic page right to left; no accessibility violations on its pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serve } from './serve.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kt-talk-'));
const fixture = process.env.KT_FIXTURE || join(tmp, 'fixture');
const out = join(fixture, 'out');
let browser, server, base;

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

test('a teacher finds the talk guide in the bank and downloads its printables', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/index.html');
	await page.getByRole('checkbox', { name: /^Gesprekken/ }).check();
	const cards = page.locator('.card:not([hidden])');
	assert.equal(await cards.count(), 1);
	assert.match(page.url(), /soort=gesprekken/);
	await cards.first().getByRole('link').click();
	assert.match(page.url(), /nl\/gesprekken\/sectorkeuze\.html$/);
	const links = page.locator('section.downloads a');
	assert.equal(await links.count(), 4);
	for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
		const response = await page.request.get(href);
		assert.equal(response.status(), 200, href);
		assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
	}
	await page.close();
});

test('from an assignment to the talk that looks back at it, in Arabic too', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/opdrachten/trots-op-jezelf.html');
	await page.locator('section.talks-back').getByRole('link', { name: 'Het gesprek over de sectorkeuze' }).click();
	assert.match(page.url(), /nl\/gesprekken\/sectorkeuze\.html$/);
	await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'العربية' }).click();
	assert.match(page.url(), /ar\/gesprekken\/sectorkeuze\.html$/);
	assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
	// the mentor's part stays Dutch, marked as such for a screen reader;
	// its headings are in Arabic
	assert.equal(await page.locator('#mentor').getAttribute('lang'), null);
	assert.equal(await page.locator('#mentor .talk-parts li ul').first().getAttribute('lang'), 'nl');
	assert.equal(await page.locator('#mentor h3').first().getAttribute('lang'), null);
	await page.close();
});

test('no accessibility violations on a talk guide\'s pages (axe-core)', async () => {
	const page = await browser.newPage();
	const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
	const found = [];
	for (const p of ['nl/gesprekken/sectorkeuze.html', 'ar/gesprekken/sectorkeuze.html',
	    'nl/gesprekken/index.html', 'nl/opdrachten/trots-op-jezelf.html']) {
		await page.goto(base + p);
		await page.addScriptTag({ content: axe });
		const result = await page.evaluate(() => window.axe.run());
		for (const v of result.violations)
			found.push(`${p}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`);
	}
	await page.close();
	assert.deepEqual(found, []);
});
