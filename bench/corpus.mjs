// A deterministic synthetic bank for the benchmark: N home assignments in
// eight languages with front matter, steps and teacher text like the real
// ones, plus evenings and tips. Usage: node bench/corpus.mjs N DIR
import { mkdirSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const n = Number(process.argv[2] || 1000);
const dir = process.argv[3] || 'bench/corpus';

// a small, seeded random number generator (mulberry32): same corpus always
let seed = 20261126;
function rnd() {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const some = (a, k) => [...new Set(Array.from({ length: k }, () => pick(a)))];

const words = {
	nl: 'uw kind praat samen over werk school thuis vraag ouder kiezen leuk goed dag plan helpen vertel schrijf luister denk open later vak beroep familie buurt vriend sterk trots droom'.split(' '),
	en: 'your child talk together about work school home ask parent choose like good day plan help tell write listen think open later subject job family street friend strong proud dream'.split(' '),
	tr: 'çocuğunuz birlikte konuşun iş okul ev sorun veli seçin güzel iyi gün plan yardım anlatın yazın dinleyin düşünün açık sonra ders meslek aile sokak arkadaş güçlü gurur hayal'.split(' '),
	ar: 'طفلك معا تحدثا العمل المدرسة البيت اسأل ولي اختر جميل جيد يوم خطة مساعدة احك اكتب استمع فكر مفتوح لاحقا مادة مهنة عائلة شارع صديق قوي فخور حلم'.split(' '),
	pl: 'dziecko razem rozmawiajcie praca szkoła dom zapytaj rodzic wybierz fajne dobre dzień plan pomoc opowiedz napisz słuchaj pomyśl otwarte później przedmiot zawód rodzina ulica przyjaciel silny dumny marzenie'.split(' '),
	uk: 'дитина разом поговоріть робота школа дім запитайте батьки оберіть цікаво добре день план допомога розкажіть напишіть слухайте подумайте відкрито пізніше предмет професія родина вулиця друг сильний гордий мрія'.split(' '),
	ti: 'ውላድኩም ብሓባር ተዘራረቡ ስራሕ ቤት ትምህርቲ ገዛ ሕተቱ ወላዲ ምረጹ ጽቡቕ መዓልቲ መደብ ሓገዝ ንገሩ ጽሓፉ ስምዑ ሕሰቡ ክፉት ደሓር ዓይነት ሞያ ስድራ መገዲ ዓርኪ ሓያል ሕቡን ሕልሚ'.split(' '),
	so: 'ilmahaaga wada hadla shaqo dugsi guri weydii waalid dooro fiican wanaagsan maalin qorshe caawin sheeg qor dhagayso ka fikir furan dambe maaddo xirfad qoys waddo saaxiib xoog faan riyo'.split(' '),
};
const langs = Object.keys(words);
const pictos = 'praten denken vraag luisteren schrijven compliment thuis werk school telefoon idee sterk trots netwerk gezin'.split(' ');

function sentence(lang, k) {
	const s = Array.from({ length: k }, () => pick(words[lang])).join(' ');
	return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}
const para = (lang, k) => Array.from({ length: k }, () => sentence(lang, 6 + Math.floor(rnd() * 5))).join(' ');
const q = (s) => JSON.stringify(s);

function assignment(i, lang, steps) {
	const lines = ['---', `titel: ${q(sentence(lang, 5))}`, `samenvatting: ${q(sentence(lang, 14))}`];
	if (lang === 'nl') {
		lines.push(`onderwijstype: [${some(['vmbo', 'havo', 'vwo', 'mbo'], 2).join(', ')}]`,
		    `leerjaar: [${some([1, 2, 3, 4], 2).join(', ')}]`,
		    `competenties: [${some(['motievenreflectie', 'kwaliteitenreflectie', 'werkexploratie', 'loopbaansturing', 'netwerken'], 2).join(', ')}]`,
		    `fase: ${pick(['oriënteren', 'verkennen', 'verdiepen', 'beslissen'])}`,
		    `keuze: [${pick(['profiel', 'sector', 'stage', 'vervolgstudie'])}]`,
		    `duur: ${pick([15, 20, 30, 45])}`, 'materialen: [pen]', `pictogram: ${pick(pictos)}`);
	} else {
		lines.push('vertaling: concept');
	}
	lines.push('thuis:', '  intro: |', `    ${para(lang, 2)}`, '  stappen:');
	for (let s = 0; s < steps; s++) {
		if (lang === 'nl')
			lines.push(`    - pictogram: ${pick(pictos)}`, `      tekst: ${q(sentence(lang, 8))}`);
		else
			lines.push(`    - tekst: ${q(sentence(lang, 8))}`);
	}
	lines.push('  vragen:', `    - ${q(sentence(lang, 6).replace(/\.$/, '?'))}`,
	    `    - ${q(sentence(lang, 6).replace(/\.$/, '?'))}`, '---');
	if (lang === 'nl')
		lines.push('## Doel', '', para(lang, 3), '', '## In de klas', '', para(lang, 4), '',
		    '## Nabespreken', '', para(lang, 3));
	return lines.join('\n') + '\n';
}

function evening(i) {
	return ['---', `titel: ${q(sentence('nl', 4))}`, `samenvatting: ${q(sentence('nl', 12))}`,
	    'thema: loopbaan', 'leerjaar: [1, 2]', 'doelgroep: ouders', 'duur: 60', 'pictogram: handen',
	    'rollen:', '  - rol: mentor', `    taak: ${q(sentence('nl', 8))}`,
	    'voorbereiding:', '  - taak: Uitnodiging maken.', '    weken: 4', '    wie: leerlingen',
	    'programma:', '  - duur: 30', '    titel: Welkom', '    werkvorm: plenair', '    leiding: mentor',
	    `    beschrijving: ${q(sentence('nl', 10))}`, '  - duur: 30', '    titel: Praten',
	    '    werkvorm: gesprek-in-groepjes', '    leiding: mentor', `    beschrijving: ${q(sentence('nl', 10))}`,
	    'uitnodiging: |', `  ${para('nl', 3)}`, '---', '## Nazorg', '', para('nl', 3), ''].join('\n');
}

function tip(i) {
	return ['---', `titel: ${q(sentence('nl', 8))}`, `groep: ${pick(['contact', 'samenwerking', 'toekomst', 'gesprekken'])}`,
	    '---', para('nl', 4), '', para('nl', 3), ''].join('\n');
}

for (const sub of ['opdrachten', 'avonden', 'tips', 'woordenlijst'])
	mkdirSync(join(dir, sub), { recursive: true });
for (let i = 0; i < n; i++) {
	const steps = 4 + Math.floor(rnd() * 3);	/* the same in every language */
	for (const lang of langs)
		writeFileSync(join(dir, 'opdrachten', `opdracht-${String(i).padStart(5, '0')}.${lang}.md`), assignment(i, lang, steps));
}
for (let i = 0; i < Math.max(2, n / 50); i++)
	writeFileSync(join(dir, 'avonden', `avond-${i}.nl.md`), evening(i));
for (let i = 0; i < Math.max(3, n / 20); i++)
	writeFileSync(join(dir, 'tips', `tip-${i}.nl.md`), tip(i));
// the same take-home sheet as an HTML page, for WeasyPrint: the first 20
const css = `@page { size: A4; margin: 14mm 16mm 12mm; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"; font-size: 14pt; line-height: 1.5; }
h1 { font-size: 24pt; } h2 { font-size: 18pt; }
ol { list-style: none; padding: 0; } li { display: flex; gap: 4mm; align-items: center; margin: 2mm 0; }
li img { width: 16mm; height: 16mm; } .box { border: 1.5pt solid #1d5c4d; padding: 3mm; }
.line { border-bottom: 0.6pt solid #888; height: 8.5mm; } .sheet { page-break-after: always; }`;
mkdirSync(join(dir, 'weasy'), { recursive: true });
const svg = (p) => 'file://' + join(process.cwd(), 'node_modules/openmoji/black/svg', p + '.svg');
const picto = { praten: '1F5E3', denken: '1F4AD', vraag: '2753', luisteren: '1F442', schrijven: '270D',
    compliment: '1F44F', thuis: '1F3E0', werk: '1F4BC', school: '1F3EB', telefoon: '1F4F1', idee: '1F4A1',
    sterk: '1F4AA', trots: '1F31F', netwerk: '1F465', gezin: '1F46A' };
const sheets = [];
for (let i = 0; i < 20; i++) {
	seed = 1000 + i;
	const steps = Array.from({ length: 5 }, () => `<li><img src="${svg(picto[pick(pictos)])}" alt=""> <span>${sentence('nl', 8)}</span> <span>&#9744;</span></li>`).join('');
	const body = `<div class="sheet"><h1><img src="${svg('1F31F')}" alt="" width="60"> ${sentence('nl', 5)}</h1><p>${para('nl', 2)}</p>
<h2>Wat gaat u doen?</h2><ol>${steps}</ol><h2>Praat samen</h2><p><b>${sentence('nl', 6)}</b></p><div class="line"></div><div class="line"></div>
<p><b>${sentence('nl', 6)}</b></p><div class="line"></div><div class="line"></div>
<div class="box"><p>Geef dit blad terug aan: de mentor</p><p>We praten hierover in de klas.</p></div>
<p>Naam leerling ____________ Naam ouder ____________</p><p style="font-size:8pt">Pictogrammen: OpenMoji, CC BY-SA 4.0</p></div>`;
	sheets.push(body);
	writeFileSync(join(dir, 'weasy', `sheet-${i}.html`), `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`);
}
writeFileSync(join(dir, 'weasy', 'all.html'), `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><style>${css}</style></head><body>${sheets.join('')}</body></html>`);

// the new two-sided take-home sheet in Typst, nl and ar: front = title,
// the box (give back, by when, call), intro, five steps with a 20 mm
// pictogram and a tick box beside the number; back = three questions with
// lines, names, a glossary, and a footer with a QR-sized module grid. The
// grid is not a real QR code (Typst has none without a package download);
// it costs the same to draw: 29 x 29 modules as one SVG
mkdirSync(join(dir, 'typst', 'p'), { recursive: true });
for (const c of new Set([...Object.values(picto), '1F4C5', '1F4DE']))
	copyFileSync(join('node_modules/openmoji/black/svg', c + '.svg'), join(dir, 'typst', 'p', c + '.svg'));
let qr = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29">';
for (let y = 0; y < 29; y++)
	for (let x = 0; x < 29; x++)
		if (rnd() < 0.5) qr += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
writeFileSync(join(dir, 'typst', 'p', 'qr.svg'), qr + '</svg>');
const tq = (s) => s.replace(/[\\#$*_`<>@\[\]]/g, (c) => '\\' + c);
const typstHead = (lang) => `#set page(paper: "a4", margin: (x: 16mm, top: 14mm, bottom: 22mm),
  footer: grid(columns: (1fr, 18mm), align(bottom, text(9pt)[Pictogrammen: OpenMoji, CC BY-SA 4.0]), image("p/qr.svg", width: 18mm)))
#set text(font: ${lang === 'ar' ? '"Noto Sans Arabic"' : '"Noto Sans"'}, size: ${lang === 'ar' ? 16 : 14}pt, lang: "${lang}"${lang === 'ar' ? ', dir: rtl' : ''})
#set par(leading: 0.8em)
#let wl = line(length: 100%, stroke: 0.6pt + gray)
`;
function typstSheet(lang, i) {
	seed = 2000 + i;
	const steps = Array.from({ length: 5 }, (_, k) => `#grid(columns: (8mm, 7mm, 22mm, 1fr), gutter: 3mm, align: horizon,
  text(18pt, weight: "bold")[${k + 1}], box(width: 6mm, height: 6mm, stroke: 1pt), image("p/${picto[pick(pictos)]}.svg", width: 20mm), [${tq(sentence(lang, 8))}])`).join('\n');
	const quest = Array.from({ length: 3 }, () => `#block(breakable: false)[*${tq(sentence(lang, 6))}* #v(8mm) #wl #v(8mm) #wl #v(8mm) #wl]`).join('\n');
	return `#grid(columns: (1fr, 26mm), align: horizon, text(24pt, weight: "bold")[${tq(sentence(lang, 5))}], image("p/1F31F.svg", width: 24mm))
#block(stroke: 1.5pt + rgb("#1d5c4d"), inset: 4mm, radius: 2mm, width: 100%, breakable: false)[
#grid(columns: (14mm, 1fr), gutter: 3mm, align: horizon,
  image("p/1F4C5.svg", width: 12mm), [${tq(sentence(lang, 3))}: #box(width: 40mm, wl) #h(4mm) ${tq(sentence(lang, 1))} #box(width: 30mm, wl)],
  image("p/1F4DE.svg", width: 12mm), [${tq(sentence(lang, 2))} 010-1234567])]
${tq(sentence(lang, 7))} \\
${tq(sentence(lang, 8))}
${steps}
#align(end)[*${tq(sentence(lang, 3))}*]
#pagebreak()
${quest}
#v(6mm)
#grid(columns: (1fr, 1fr), gutter: 6mm, [${tq(sentence(lang, 2))} #wl], [${tq(sentence(lang, 2))} #wl])
#v(6mm)
${Array.from({ length: 3 }, () => `- *${tq(sentence(lang, 1))}* ${tq(sentence(lang, 6))}`).join('\n')}
`;
}
for (const lang of ['nl', 'ar']) {
	const all = [];
	for (let i = 0; i < 20; i++) {
		const s = typstSheet(lang, i);
		all.push(s);
		writeFileSync(join(dir, 'typst', `sheet-${lang}-${i}.typ`), typstHead(lang) + s);
	}
	writeFileSync(join(dir, 'typst', `all-${lang}.typ`), typstHead(lang) + all.join('\n#pagebreak()\n'));
}

for (const f of readdirSync('content/woordenlijst'))
	copyFileSync(join('content/woordenlijst', f), join(dir, 'woordenlijst', f));
writeFileSync(join(dir, 'site.yaml'), readFileSite());

function readFileSite() {
	return ['school: Benchmarkschool', 'basis_url: https://bench.example/', 'talen:',
	    ...langs.map((l) => `  - code: ${l}\n    naam: ${l}${l === 'ar' ? '\n    richting: rtl' : ''}`)].join('\n') + '\n';
}
