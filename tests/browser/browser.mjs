// Debian's Chromium for the browser tests, through playwright-core, with
// the flags this machine needs: no sandbox as root, no network of its own
// (no downloads, no updates, no sync), never a browser of playwright's.
import { chromium } from 'playwright-core';

export function launch() {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu',
		    '--disable-background-networking',
		    '--disable-component-update', '--no-first-run',
		    '--disable-sync'],
	});
}

// Types query into the bank's search box and waits until site.js has
// settled on it (search.js loads its index as it searches): the address
// then carries the query.
export async function typeQuery(page, query) {
	await page.getByRole('searchbox').fill(query);
	await page.waitForFunction((q) => (new URL(location.href)
	    .searchParams.get('q') || '') === q, query, { timeout: 60000 });
}
