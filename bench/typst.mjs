// make bench: Typst (the npm package @myriaddreamin/typst-ts-node-compiler,
// pinned) compiles the Typst sheets corpus.mjs wrote, with Debian's Noto
// fonts and no other: node bench/typst.mjs DIR each|all LANG
// each: 20 sheets, a compile each (one compiler, as a server would keep it);
// all: the 20 sheets in one document. Prints the number of pages written.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, mode, lang] = process.argv.slice(2);
const root = join(dir, 'typst');
const compiler = NodeCompiler.create({
	workspace: root,
	fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/noto'] }],
});
const files = mode === 'all' ? [`all-${lang}.typ`]
    : Array.from({ length: 20 }, (_, i) => `sheet-${lang}-${i}.typ`);
let pages = 0;
for (const f of files) {
	const pdf = compiler.pdf({ mainFilePath: join(root, f) });
	writeFileSync(join(root, f.replace(/typ$/, 'pdf')), pdf);
	pages += (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}
console.log(pages);
