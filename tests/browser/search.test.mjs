// The bank's search in a real browser (Debian's Chromium), on content/
// built here (no PDFs): word forms, official competence terms, Arabic with
// and without article and vowel marks, a typo; search.js folding and
// stemming every word of content/ as the generator does; and the bytes a
// page loads before and during a search with KT_SEARCH_N items (default
// 1,000) of bench/corpus.mjs in eight languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { launch, typeQuery } from './browser.mjs';
import { serve } from './serve.mjs';

const kt = process.env.KT_BIN || 'generator/keukentafel';
const tests = process.env.TESTS || 'build/tests';
const n = Number(process.env.KT_SEARCH_N || 1000);
const tmp = mkdtempSync(join(tmpdir(), 'kt-search-'));
const out = join(tmp, 'out');
let browser, server, base;

function build(content, dest) {
	execFileSync(kt, ['build', '-q', '--no-pdf', '-j', '2', '-C', content,
	    '-o', dest], { stdio: ['ignore', 'ignore', 'inherit'] });
}

before(async () => {
	build('content', out);
	({ server, base } = await serve(out, '/lob/'));
	browser = await launch();
});

after(async () => {
	await browser?.close();
	server?.close();
	rmSync(tmp, { recursive: true, force: true });
});

// the ids of the cards shown after typing query, once the list settled
async function search(page, query) {
	await typeQuery(page, query);
	await page.locator('.result-count').textContent();
	return page.locator('.card:not([hidden])').evaluateAll(
	    (cards) => cards.map((c) => c.dataset.id).sort());
}

test('search.js gives every word of content/ the generator\'s term', () => {
	const file = join(tmp, 'terms.json');
	execFileSync(join(tests, 'test_search'), ['-p', '/search/terms'], {
		env: { ...process.env, KT_SEARCH_TERMS: file },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const want = JSON.parse(readFileSync(file, 'utf8'));
	const context = vm.createContext({});
	context.window = context;
	vm.runInContext(readFileSync(join(out, 'assets/search.js'), 'utf8'), context);
	for (const lang of ['nl', 'tr', 'ar', 'en'])
		vm.runInContext(readFileSync(join(out, `assets/stem/${lang}.js`), 'utf8'), context);
	const differ = [], porter = [];
	let words = 0;
	for (const [lang, terms] of Object.entries(want)) {
		assert.ok(Object.keys(terms).length >= 300, lang);
		for (const [word, term] of Object.entries(terms)) {
			const got = context.ktSearch.term(word, lang);
			words++;
			// the browser's Porter (@orama/stemmers) cuts "-tion"
			// one letter further than Snowball's: its term is then
			// a start of the generator's, which the search matches
			// as a prefix, so the word is still found
			if (got !== term && lang === 'en' && term.startsWith(got) &&
			    /tions?$/.test(word))
				porter.push(word);
			else if (got !== term)
				differ.push(`${lang} ${word}: generator ${term}, search.js ${got}`);
		}
	}
	assert.deepEqual(differ, []);
	assert.ok(porter.length <= 10, porter.join(' '));
	assert.ok(words > 5000, `${words} words`);
});

test('word forms, a typo and the official competence term find the same items', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'nl/index.html');
	const beroep = await search(page, 'beroep');
	assert.ok(beroep.length >= 5, beroep.join(' '));
	assert.deepEqual(await search(page, 'beroepen'), beroep);
	assert.deepEqual(await search(page, 'Beroepen'), beroep);
	const typo = await search(page, 'beroepn');
	assert.deepEqual(beroep.filter((id) => !typo.includes(id)), []);
	// a title with the word comes first
	await search(page, 'beroepen');
	assert.match(await page.locator('.card:not([hidden]) h3').first().textContent(), /beroep/i);
	// every item of the competence werkexploratie, by its official name
	const competence = await page.evaluate(() => window.ktIndex.filter(
	    (it) => it.f.competenties.includes('werkexploratie')).map((it) => it.id));
	assert.ok(competence.length >= 3);
	const found = await search(page, 'werkexploratie');
	assert.deepEqual(competence.filter((id) => !found.includes(id)), []);
	// while typing: the start of a word
	assert.ok((await search(page, 'werkexpl')).length >= competence.length);
	// the search box empty again: everything
	assert.equal((await search(page, '')).length,
	    await page.locator('.card').count());
	await page.close();
});

test('English: word forms find the same items (Porter)', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'en/index.html');
	const parent = await search(page, 'parent');
	assert.ok(parent.length >= 5, parent.join(' '));
	assert.deepEqual(await search(page, 'parents'), parent);
	const talk = await search(page, 'talking');
	assert.ok(talk.length >= 3, talk.join(' '));
	assert.deepEqual(await search(page, 'talks'), talk);
	await page.close();
});

test('Arabic: with the article, with vowel marks, with tatweel, the same items', async () => {
	const page = await browser.newPage();
	await page.goto(base + 'ar/index.html');
	const plain = await search(page, 'مهنة');
	assert.ok(plain.length >= 3, plain.join(' '));
	assert.deepEqual(await search(page, 'المهنة'), plain);
	assert.deepEqual(await search(page, 'المِهْنَة'), plain);
	assert.deepEqual(await search(page, 'مهنـــة'), plain);
	await page.close();
});

test('without JavaScript there is no search box', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(base + 'nl/index.html');
	assert.equal(await page.locator('form.search').isVisible(), false);
	await context.close();
	const js = await browser.newPage();
	await js.goto(base + 'nl/index.html');
	assert.equal(await js.getByRole('searchbox').isVisible(), true);
	await js.close();
});

test(`bytes of script and index before and during a search, ${n} items in eight languages`, async (t) => {
	const dir = join(tmp, 'bench');
	execFileSync('node', ['bench/corpus.mjs', String(n), join(dir, 'content')],
	    { stdio: ['ignore', 'ignore', 'inherit'] });
	build(join(dir, 'content'), join(dir, 'out'));
	const big = await serve(join(dir, 'out'), '/big/');
	for (const [lang, query] of [['nl', 'beroep familie vriend'],
	    ['ar', 'مهنة عائلة صديق'], ['ti', 'ሞያ ስድራ']]) {
		const page = await browser.newPage();
		const loaded = { before: [], during: [] };
		let phase = 'before';
		// the scripts, by when they came; their sizes read at the end
		page.on('response', (r) => {
			if (/\.js$/.test(new URL(r.url()).pathname))
				loaded[phase].push(r);
		});
		await page.goto(big.base + lang + '/index.html');
		await page.waitForLoadState('networkidle');
		phase = 'during';
		// typed a letter at a time, as a teacher does
		await page.getByRole('searchbox').pressSequentially(query,
		    { delay: 20, timeout: 120000 });
		await page.waitForFunction((q) => new URL(location.href)
		    .searchParams.get('q') === q, query, { timeout: 120000 });
		await page.waitForLoadState('networkidle');
		const size = async (list) => (await Promise.all(list.map(
		    async (r) => (await r.body()).length))).reduce((a, b) => a + b, 0);
		const before = await size(loaded.before);
		const during = await size(loaded.during);
		assert.ok(loaded.before.some((r) => r.url().endsWith('/index.js')));
		assert.ok(loaded.during.some((r) => r.url().endsWith('/zoek/index.js')));
		const shown = await page.locator('.card:not([hidden])').count();
		t.diagnostic(`${lang}: ${before} bytes before the first search ` +
		    `(${loaded.before.length} files), ${during} during "${query}" ` +
		    `(${loaded.during.length} files; ${shown} found)`);
		assert.ok(shown > 0);
		assert.ok(before <= 150 * 1024, `${lang}: ${before} bytes before`);
		assert.ok(during <= 300 * 1024, `${lang}: ${during} bytes during`);
		await page.close();
	}
	big.server.close();
});
