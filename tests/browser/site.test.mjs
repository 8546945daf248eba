// The website in a real browser (Debian's Chromium through playwright-core):
// valid HTML on every page, no accessibility violations (axe-core) on each
// kind of page in Dutch and Arabic, and a teacher's way through the bank
// with the mouse and with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launch } from './browser.mjs';
import { HtmlValidate } from 'html-validate';
import { serve } from './serve.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kt-browser-'));
// the site as tests/run.sh built it once for the whole run (KT_FIXTURE),
// or built here when run alone; read only, shared with the other tests
const fixture = process.env.KT_FIXTURE || join(tmp, 'fixture');
const out = join(fixture, 'out');
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

test('every page is valid HTML (html-validate)', async () => {
	const validator = new HtmlValidate({
		extends: ['html-validate:recommended'],
		rules: {
			// the generator writes hidden="hidden", a valid form
			'attribute-boolean-style': 'off',
			// long lines of text are content, not markup
			'long-title': 'off',
		},
	});
	const all = pages(out);
	assert.ok(all.length > 30);
	const problems = [];
	for (const file of all) {
		const report = await validator.validateFile(file);
		for (const r of report.results)
			for (const m of r.messages)
				problems.push(`${relative(out, file)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
	}
	assert.deepEqual(problems, []);
});

const kinds = [
	'index.html', 'opdrachten/trots-op-jezelf.html',
	'avonden/kennismaking-klas-1.html', 'tips/luister-eerst.html',
	'opdrachten/index.html', 'leerjaar/1.html', 'jaarplanner.html',
];

for (const lang of ['nl', 'ar']) {
	test(`no accessibility violations on each kind of page in ${lang} (axe-core)`, async () => {
		const page = await browser.newPage();
		const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
		const found = [];
		for (const kind of [...kinds.map((k) => `${lang}/${k}`), 'index.html', '404.html']) {
			await page.goto(base + kind);
			await page.addScriptTag({ content: axe });
			const result = await page.evaluate(() => window.axe.run());
			for (const v of result.violations)
				found.push(`${kind}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`);
		}
		await page.close();
		assert.deepEqual(found, []);
	});
}

test('years per school type: vmbo with year 5 leaves out an assignment for vwo in year 5', async () => {
	// open-dag-samen: {vmbo: [3, 4], havo: [4, 5], vwo: [5, 6]}
	const page = await browser.newPage();
	const card = page.locator('.card[data-id="opdrachten/open-dag-samen"]');
	await page.goto(base + 'nl/index.html?leerjaar=5&onderwijstype=vwo');
	assert.equal(await card.isVisible(), true);
	await page.goto(base + 'nl/index.html?leerjaar=5&onderwijstype=vmbo-basis');
	assert.equal(await card.isVisible(), false);
	// the count beside vwo says what ticking it would give
	const vwo = page.getByRole('group', { name: 'Onderwijstype' })
	    .getByRole('checkbox', { name: /^vwo/ });
	const label = await page.locator('label[for="' +
	    await vwo.getAttribute('id') + '"] .count').textContent();
	assert.equal(label, '1');
	await page.close();
});

// waits until n cards are shown: the search answers when its pieces of
// the index have loaded
function shown(page, n) {
	return page.waitForFunction((k) => document.querySelectorAll(
	    '.card:not([hidden])').length === k, n, { timeout: 60000 });
}

test('a teacher filters, searches, opens an item, downloads its sheet, switches to Arabic', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/index.html');
	const cards = page.locator('.card:not([hidden])');
	assert.equal(await cards.count(), 6);
	// year 1, then a competence: the list narrows, the address follows;
	// the tip has neither, so neither filters it out (and the list says so)
	const tip = page.locator('.card[data-id="tips/luister-eerst"]');
	await page.getByRole('checkbox', { name: /^1\b/ }).check();
	assert.equal(await cards.count(), 4);
	assert.equal(await tip.isVisible(), true);
	assert.match(page.url(), /leerjaar=1/);
	await page.getByRole('group', { name: 'Loopbaancompetenties' })
	    .getByRole('checkbox', { name: /Kwaliteiten/ }).check();
	// the evening has years but no competences: it stays too
	assert.equal(await cards.count(), 3);
	assert.equal(await tip.isVisible(), true);
	assert.match(await page.locator('section[data-kind="avonden"] .listing-note').textContent(),
	    /Loopbaancompetenties/);
	assert.match(await page.locator('section[data-kind="tips"] .listing-note').textContent(),
	    /Leerjaar, Loopbaancompetenties/);
	assert.match(page.url(), /competenties=kwaliteitenreflectie/);
	assert.match(await page.locator('.result-count').textContent(), /^3 /);
	// a search: clear the choices, type a word from the text
	await page.getByRole('button', { name: 'Alle keuzes wissen' }).click();
	await page.getByRole('searchbox', { name: 'Zoeken' }).fill('kritiek');
	await shown(page, 1);	// search.js loads its index as it searches
	assert.equal(await cards.count(), 1);
	assert.match(await cards.first().textContent(), /kritiek/);
	assert.match(page.url(), /q=kritiek/);
	// open an item and download its sheet
	await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
	await page.getByRole('link', { name: 'Drie dingen waar ik trots op ben' }).click();
	assert.match(page.url(), /opdrachten\/trots-op-jezelf\.html$/);
	const pdf = await page.locator('section.downloads').getByRole('link', { name: 'Nederlands', exact: true }).getAttribute('href');
	const response = await page.request.get(new URL(pdf, page.url()).href);
	assert.equal(response.status(), 200);
	assert.equal(response.headers()['content-type'], 'application/pdf');
	assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
	// Arabic: the same item, right to left
	await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'العربية' }).click();
	assert.match(page.url(), /\/ar\/opdrachten\/trots-op-jezelf\.html$/);
	assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
	const h1 = await page.locator('h1').boundingBox();
	const width = page.viewportSize().width;
	// the title starts at the right: its right edge near the right side
	assert.ok(h1.x + h1.width > width * 0.8);
	await page.close();
});

test('the filters work with the keyboard alone, and focus is visible', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/index.html');
	// the first Tab goes to "skip to content"
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
	let tabs = 0;
	while (tabs++ < 40) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement.type === 'checkbox'))
			break;
	}
	const box = await page.evaluate(() => document.activeElement.id);
	assert.equal(box, 'f-soort-opdrachten');
	const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
	assert.notEqual(outline, 'none');
	await page.keyboard.press('Space');
	assert.equal(await page.locator('.card:not([hidden])').count(), 3);
	assert.match(page.url(), /soort=opdrachten/);
	await page.close();
});

test('the bank works from the file system too (file://)', async () => {
	const page = await browser.newPage();
	await page.goto('file://' + join(out, 'nl', 'index.html'));
	await page.getByRole('searchbox', { name: 'Zoeken' }).fill('open dag');
	await shown(page, 1);
	assert.equal(await page.locator('.card:not([hidden])').count(), 1);
	await page.close();
});

test('without JavaScript every facet value is a page of its own', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(base + 'nl/index.html');
	assert.equal(await page.locator('input[type=checkbox]').count(), 0);
	await page.getByRole('link', { name: /^1\s*3$/ }).click();
	assert.match(page.url(), /nl\/leerjaar\/1\.html$/);
	assert.equal(await page.locator('.card').count(), 3);
	await context.close();
});

test('the read-aloud button stays hidden without a voice for the language', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/opdrachten/trots-op-jezelf.html');
	const button = page.locator('[data-read-aloud]');
	assert.equal(await button.count(), 1);
	const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
	assert.equal(await button.isHidden(), voices === 0);
	await page.close();
});

test('a strict Content-Security-Policy, as in the README, breaks nothing', async () => {
	const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; " +
	    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
	const strict = await serve(out, '/csp/', { 'content-security-policy': csp });
	const page = await browser.newPage();
	const violations = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text()))
			violations.push(m.text());
	});
	await page.goto(strict.base + 'nl/index.html');
	await page.getByRole('searchbox', { name: 'Zoeken' }).fill('open dag');
	await shown(page, 1);
	assert.equal(await page.locator('.card:not([hidden])').count(), 1);
	await page.goto(strict.base + 'ar/opdrachten/trots-op-jezelf.html');
	assert.equal(await page.locator('img.picto').first().evaluate((i) => i.naturalWidth > 0), true);
	assert.deepEqual(violations, []);
	await page.close();
	strict.server.close();
});

// a free port on loopback for nginx
function freePort() {
	return new Promise((ok) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => ok(port));
		});
	});
}

test('served by nginx under a subfolder, every internal link and download answers 200 with its type', async () => {
	const port = await freePort();
	const run = join(tmp, 'nginx');
	mkdirSync(run, { recursive: true });
	writeFileSync(join(run, 'nginx.conf'), `
daemon off; master_process off; pid ${run}/nginx.pid; error_log ${run}/error.log;
events {}
http {
	include /etc/nginx/mime.types; default_type application/octet-stream;
	access_log off; client_body_temp_path ${run}/body; proxy_temp_path ${run}/proxy;
	fastcgi_temp_path ${run}/fastcgi; uwsgi_temp_path ${run}/uwsgi; scgi_temp_path ${run}/scgi;
	server {
		listen 127.0.0.1:${port};
		location /lob/ { alias ${out}/; index index.html; error_page 404 /lob/404.html; }
	}
}`);
	const nginx = spawn('/usr/sbin/nginx', ['-c', join(run, 'nginx.conf'), '-p', run], { stdio: 'ignore' });
	const root = `http://127.0.0.1:${port}/lob/`;
	try {
		for (let i = 0; i < 50; i++) {	// wait until it answers
			try { await fetch(root); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
		}
		const types = { html: 'text/html', css: 'text/css', js: 'application/javascript',
		    svg: 'image/svg+xml', pdf: 'application/pdf', xml: 'text/xml' };
		const urls = new Set();
		for (const file of pages(out)) {
			const page = new URL(relative(out, file), root);
			const html = readFileSync(file, 'utf8');
			for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
				const target = m[1].replaceAll('&amp;', '&');
				if (/^(https?:|mailto:|tel:|#)/.test(target))
					continue;
				urls.add(new URL(target, page).href.replace(/#.*/, ''));
			}
		}
		assert.ok(urls.size > 100);
		const bad = [];
		for (const u of urls) {
			const r = await fetch(u);
			const ext = new URL(u).pathname.split('.').pop();
			const type = r.headers.get('content-type') || '';
			if (r.status !== 200 || !type.startsWith(types[ext] || '?'))
				bad.push(`${u}: ${r.status} ${type}`);
			await r.arrayBuffer();
		}
		assert.deepEqual(bad, []);
		const missing = await fetch(root + 'nl/weg.html');
		assert.equal(missing.status, 404);
		assert.match(await missing.text(), /Pagina niet gevonden/);
	} finally {
		nginx.kill();
	}
});

test('an unknown address gets the 404 page, with status 404', async () => {
	const page = await browser.newPage();
	const response = await page.goto(base + 'nl/bestaat-niet.html');
	assert.equal(response.status(), 404);
	assert.match(await page.locator('h1').textContent(), /niet gevonden/);
	await page.close();
});
