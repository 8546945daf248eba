// keukentafel serve in a real browser (Debian's Chromium through
// playwright-core): a page open in the browser shows an edit to its
// content file within two seconds, by itself; a mistake in the content
// shows in the page until it is corrected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launch } from './browser.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kt-serve-'));
const content = join(tmp, 'site');
const source = join(content, 'opdrachten', 'trots-op-jezelf.nl.md');
const page = 'nl/opdrachten/trots-op-jezelf.html';
let browser, serve, base;

// keukentafel serve on any free port; resolves with its address
function start() {
	serve = spawn(process.env.KT_BIN || 'generator/keukentafel',
	    ['serve', '-C', content, '-o', join(tmp, 'out'), '--poort', '0',
	    '--no-pdf'], { stdio: ['ignore', 'pipe', 'ignore'] });
	const lines = createInterface({ input: serve.stdout });
	return new Promise((ok, fail) => {
		serve.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
		lines.on('line', (line) => {
			const m = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
			if (m)
				ok(m[1]);
		});
	});
}

// until the page is served as the build made it
async function built() {
	for (let i = 0; i < 300; i++) {
		const r = await fetch(base + page).catch(() => null);
		if (r?.status === 200)
			return;
		await new Promise((ok) => setTimeout(ok, 100));
	}
	throw new Error('serve built nothing in 30 s');
}

before(async () => {
	cpSync('tests/site', content, { recursive: true });
	base = await start();
	await built();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	serve?.kill('SIGTERM');
	rmSync(tmp, { recursive: true, force: true });
});

test('an open page shows an edit within two seconds, and a mistake until it is corrected', async () => {
	const tab = await browser.newPage();
	await tab.goto(base + page);
	assert.equal(await tab.textContent('h1'), 'Drie dingen waar ik trots op ben');
	const text = readFileSync(source, 'utf8');

	writeFileSync(source, text.replace('titel: Drie dingen', 'titel: Vier dingen'));
	const start = Date.now();
	await tab.waitForFunction(() =>
	    document.querySelector('h1')?.textContent === 'Vier dingen waar ik trots op ben',
	    null, { timeout: 2000 });
	assert.ok(Date.now() - start < 2000);
	assert.equal(tab.url(), base + page);

	writeFileSync(source, text.replace('pictogram: trots\n', 'pictogram: trotss\n'));
	await tab.waitForFunction(() =>
	    document.body.textContent.includes("error: unknown pictogram 'trotss'"),
	    null, { timeout: 2000 });

	writeFileSync(source, text);
	await tab.waitForFunction(() =>
	    document.querySelector('h1')?.textContent === 'Drie dingen waar ik trots op ben',
	    null, { timeout: 2000 });
	await tab.close();
});
