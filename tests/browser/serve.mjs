// A static web server for the tests: serves a folder under a prefix on
// loopback, as a school's plain web server would, with a 404 page.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const types = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css',
	'.js': 'text/javascript', '.svg': 'image/svg+xml',
	'.pdf': 'application/pdf', '.xml': 'application/xml',
	'.json': 'application/json', '.png': 'image/png',
};

export async function serve(root, prefix, headers = {}) {
	const server = createServer(async (req, res) => {
		const url = new URL(req.url, 'http://localhost');
		let rel = decodeURIComponent(url.pathname);
		if (!rel.startsWith(prefix)) {
			res.writeHead(404).end();
			return;
		}
		rel = normalize(rel.slice(prefix.length));
		if (rel.startsWith('..')) {
			res.writeHead(403).end();
			return;
		}
		let file = join(root, rel);
		try {
			if ((await stat(file)).isDirectory())
				file = join(file, 'index.html');
			const body = await readFile(file);
			res.writeHead(200, {
				...headers,
				'content-type': types[extname(file)] ||
				    'application/octet-stream',
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': types['.html'] });
			res.end(await readFile(join(root, '404.html')));
		}
	});
	await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
	return { server, base: `http://127.0.0.1:${server.address().port}${prefix}` };
}
