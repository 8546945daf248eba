// The bank's count in a browser, as site.js writes it while a teacher
// searches: the plural form of the page's language for the number shown
// ("1 resultaat", "2 resultaten"; "1 result" in English), from the forms
// the page carries; and the school's logo in the header, loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, typeQuery as search } from './browser.mjs';
import { serve } from './serve.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kt-flow-'));
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

test('the count takes the plural form of the language for the number shown', async () => {
	const page = await browser.newPage();
	const count = page.locator('.result-count');
	const cards = page.locator('.card:not([hidden])');
	await page.goto(base + 'nl/index.html');
	assert.equal(await count.textContent(), '6 resultaten');
	await search(page, 'kritiek');
	assert.equal(await cards.count(), 1);
	assert.equal(await count.textContent(), '1 resultaat');
	await search(page, '');
	// year 1: two assignments and an evening, and the tip, which has no
	// year (its kind's note says so)
	await page.getByRole('checkbox', { name: /^1\b/ }).check();
	assert.equal(await cards.count(), 4);
	assert.equal(await count.textContent(), '4 resultaten');
	await page.goto(base + 'en/index.html');
	await search(page, 'proud');
	assert.equal(await cards.count(), 1);
	assert.equal(await count.textContent(), '1 result');
	await page.close();
});

test('the school logo is in the header, loaded, with the school as its text', async () => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await page.goto(base + 'ar/index.html');
	const logo = page.locator('header .brand-logo img');
	assert.equal(await logo.getAttribute('alt'), 'Testschool De Brug');
	const size = await logo.evaluate((img) => [img.naturalWidth, img.getBoundingClientRect().height]);
	assert.ok(size[0] > 0, 'the image loaded');
	// two lines of the name high on a phone: neither a speck nor the screen
	assert.ok(size[1] >= 32 && size[1] <= 48, `height ${size[1]}`);
	await page.close();
});
