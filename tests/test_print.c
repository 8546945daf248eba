/*
 * The printables, read back as a person and a printer would: the text of
 * every kind in Dutch, Arabic and Tigrinya, fonts, page counts and sizes,
 * qpdf's check, the smallest body font size measured from the words'
 * boxes, the side of the pictograms measured in pixels, clock times and
 * dates counted back on the run-sheet, names from a class list, bookmarks.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "out/writer.h"
#include "print/pdffile.h"
#include "print/pdfkit.h"
#include "build/plan.h"
#include "util.h"

static char *tmp;	/* a folder for this run; the fixture is read only */

static char *
path(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static char *
text_of(const char *rel)
{
	char *p = path(rel), *t = t_pdf_text(p, 0);

	g_free(p);
	return t;
}

static void
assert_text(const char *rel, const char *const *want)
{
	char *t = text_of(rel);

	for (int i = 0; want[i] != NULL; i++)
		if (!t_contains(t, want[i]))
			g_error("%s: no \"%s\" in:\n%s", rel, want[i], t);
	g_free(t);
}

static void
test_sheet_languages(void)
{
	static const char *const nl[] = {
		"Wat gaat u doen?", "Uw kind denkt aan drie dingen",
		"Belangrijk", "Geef dit blad terug aan:", "Meneer Jansen",
		"4-12-2026", "We praten hierover in de klas.", NULL
	};
	/* Arabic words without the lam-alef ligature, which poppler swaps */
	static const char *const ar[] = {
		"قل ما يعجبك في طفلك", "ترجمة أولية", NULL
	};
	static const char *const ti[] = {
		"ውላድኩም ብዛዕባ ዝሕበነሉ ሰለስተ ነገራት ይሓስብ።", NULL
	};
	/* side by side, pdftotext interleaves the columns: words, then */
	static const char *const ar_nl[] = {
		"يعجبك", "طفلك", "ماذا", "ستفعلون؟", "Zeg", "vindt", "luistert.",
		"Wat gaat u doen?", NULL
	};

	assert_text("nl/opdrachten/trots-op-jezelf.pdf", nl);
	assert_text("ar/opdrachten/trots-op-jezelf.pdf", ar);
	assert_text("ti/opdrachten/trots-op-jezelf.pdf", ti);
	assert_text("ar/opdrachten/trots-op-jezelf.ar-nl.pdf", ar_nl);
}

/* "A sentence on a line of its own where the writer put it": the intro's
 * two lines stay two, on the sheet and on the page. */
static void
test_intro_lines(void)
{
	char *t = text_of("nl/opdrachten/trots-op-jezelf.pdf");
	char *page = path("nl/opdrachten/trots-op-jezelf.html"), *html;

	g_assert_true(t_contains(t, "Uw kind leert op school wat het goed "
	    "kan.\nPraat samen over dingen waar uw kind trots op is.\n"));
	g_assert_true(g_file_get_contents(page, &html, NULL, NULL));
	g_assert_nonnull(strstr(html, "wat het goed kan.<br>Praat samen"));
	g_free(html);
	g_free(page);
	g_free(t);
}

static void
test_glossary_box(void)
{
	static const char *const want[] = {
		"Moeilijke woorden", "open dag:",
		"Een dag waarop u een school mag bekijken", NULL
	};

	assert_text("nl/opdrachten/open-dag-samen.pdf", want);
}

static void
test_fonts(void)
{
	static const char *const pdfs[] = {
		"nl/opdrachten/trots-op-jezelf.pdf",
		"ar/opdrachten/trots-op-jezelf.ar-nl.pdf",
		"ti/opdrachten/trots-op-jezelf.pdf",
		"ar/avonden/kennismaking-klas-1-uitnodiging.pdf",
		"nl/avonden/complimentenkaarten.pdf",
		"nl/tips/tipkaarten.pdf", NULL
	};

	for (int i = 0; pdfs[i] != NULL; i++) {
		char *p = path(pdfs[i]), *so = NULL;
		const char *argv[] = { "pdffonts", p, NULL };
		char **lines;

		g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
		lines = g_strsplit(so, "\n", -1);
		for (char **l = lines + 2; *l != NULL && **l; l++) {
			/* columns: ... emb sub uni object ID */
			char **f = g_strsplit_set(g_strstrip(*l), " ", -1);
			GPtrArray *c = g_ptr_array_new();
			for (char **x = f; *x; x++)
				if (**x)
					g_ptr_array_add(c, *x);
			if (strcmp(g_ptr_array_index(c, c->len - 5), "yes"))
				g_error("%s: font not embedded: %s", pdfs[i],
				    *l);
			g_assert_nonnull(strstr(*l, "Noto"));
			g_ptr_array_free(c, TRUE);
			g_strfreev(f);
		}
		if (strstr(pdfs[i], "ti/"))
			g_assert_nonnull(strstr(so, "NotoSansEthiopic"));
		if (strstr(pdfs[i], "ar/"))
			g_assert_nonnull(strstr(so, "NotoSansArabic"));
		g_strfreev(lines);
		g_free(so);
		g_free(p);
	}
}

/*
 * The smallest text in the body of a Dutch sheet, measured: pdftotext
 * gives each word's box, and a Noto Sans box is 1.362 times the size.
 * The footer (credit, web address) is small print and left out.
 */
static void
test_min_body_size(void)
{
	char *p = path("nl/opdrachten/open-dag-samen.pdf");
	GPtrArray *all = t_pdf_words(p, 0);
	double footer_top = 841.89 - 12 * 2.8346 - 25 * 2.8346;
	double smallest = 1000;
	int words = 0;

	for (guint i = 0; i < all->len; i++) {
		const struct t_word *w = g_ptr_array_index(all, i);

		if (w->y1 > footer_top)
			continue;
		smallest = MIN(smallest, (w->y1 - w->y0) / 1.362);
		words++;
	}
	g_assert_cmpint(words, >, 100);
	if (smallest < 13.95)
		g_error("body text at %.2f pt, under the 14 pt minimum",
		    smallest);
	g_ptr_array_free(all, TRUE);
	g_free(p);
}

/* Dark pixels in a band of x (mm) over the steps, at 36 dpi, grey. */
static long
dark_in_band(const char *pdf, double x0mm, double x1mm)
{
	char *base = g_build_filename(tmp, "band", NULL);
	char *pgm = g_strconcat(base, "-1.pgm", NULL), *data;
	const char *argv[] = { "pdftoppm", "-r", "36", "-gray", "-f", "1",
	    "-l", "1", pdf, base, NULL };
	gsize len;
	int w, h, max, off;
	long dark = 0;
	double px = 36 / 25.4;

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(pgm, &data, &len, NULL));
	g_assert_cmpint(sscanf(data, "P5 %d %d %d%n", &w, &h, &max, &off), ==,
	    3);
	off++;	/* the single blank after the header */
	/* the steps lie between 70 mm and 160 mm from the top */
	for (int y = (int)(70 * px); y < (int)(160 * px); y++)
		for (int x = (int)(x0mm * px); x < (int)(x1mm * px); x++)
			if ((unsigned char)data[off + y * w + x] < 128)
				dark++;
	g_free(data);
	g_free(pgm);
	g_free(base);
	return dark;
}

static void
test_pictogram_side(void)
{
	char *nl = path("nl/opdrachten/trots-op-jezelf.pdf");
	char *ar = path("ar/opdrachten/trots-op-jezelf.pdf");
	/* 24-32 mm holds a left-to-right pictogram only; 178-186 mm its
	 * mirror image (the tick boxes lie outside both bands) */
	long nl_left = dark_in_band(nl, 24, 32), nl_right = dark_in_band(nl,
	    178, 186);
	long ar_left = dark_in_band(ar, 24, 32), ar_right = dark_in_band(ar,
	    178, 186);

	g_assert_cmpint(nl_left, >, 40);
	g_assert_cmpint(nl_right, <, nl_left / 10);
	g_assert_cmpint(ar_right, >, 40);
	g_assert_cmpint(ar_left, <, ar_right / 10);
	g_free(nl);
	g_free(ar);
}

/*
 * Dari: the second right-to-left language. tests/site with Dari added
 * (tests/dari): its sheet is drawn in Noto Sans Arabic, its text layer
 * reads in order, its pictograms stand on the right like Arabic's, and
 * its page is marked right to left.
 */
static void
test_dari(void)
{
	char *content = g_build_filename(tmp, "dari-site", NULL);
	char *out = g_build_filename(tmp, "dari-out", NULL);
	char *yaml = g_build_filename(content, "site.yaml", NULL);
	char *to = g_build_filename(content, "opdrachten",
	    "trots-op-jezelf.prs.md", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *cp2[] = { "cp", "tests/dari/trots-op-jezelf.prs.md", to,
	    NULL };
	char *site, *more, *se = NULL, *sheet, *text, *so = NULL, *html;
	const char *fonts[] = { "pdffonts", NULL, NULL };
	long left, right;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(cp2, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(yaml, &site, NULL, NULL));
	more = g_strconcat(site, "  - code: prs\n    naam: دری\n"
	    "    richting: rtl\n", NULL);
	g_assert_true(g_file_set_contents(yaml, more, -1, NULL));
	if (t_build(content, out, "1700000000", NULL, &se) != 0)
		g_error("the site with Dari does not build:\n%s", se);
	sheet = g_build_filename(out, "prs/opdrachten/trots-op-jezelf.pdf",
	    NULL);
	text = t_pdf_text(sheet, 0);
	g_assert_true(t_contains(text, "فرزند"));
	fonts[1] = sheet;
	g_assert_cmpint(t_run(fonts, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "NotoSansArabic"));
	left = dark_in_band(sheet, 24, 32);
	right = dark_in_band(sheet, 178, 186);
	g_assert_cmpint(right, >, 40);
	g_assert_cmpint(left, <, right / 10);
	g_free(sheet);
	sheet = g_build_filename(out, "prs/opdrachten/trots-op-jezelf.html",
	    NULL);
	g_assert_true(g_file_get_contents(sheet, &html, NULL, NULL));
	g_assert_nonnull(strstr(html, "<html lang=\"prs\" dir=\"rtl\""));
	g_free(html);
	/* its search index is folded as Arabic's: the words, without the
	 * hamza above (U+0654) that "دربارهٔ" carries, in the shard of
	 * their first two letters (د ر: UTF-8 d8 af d8 b1) */
	g_free(sheet);
	sheet = g_build_filename(out, "prs/zoek/d8afd8b1.js", NULL);
	g_assert_true(g_file_get_contents(sheet, &html, NULL, NULL));
	g_assert_nonnull(strstr(html, "\"درباره\":["));
	g_assert_null(strstr(html, "\u0654"));
	g_assert_null(strstr(html, "دربارهٔ"));
	g_free(html);
	g_free(sheet);
	g_free(so);
	g_free(text);
	g_free(se);
	g_free(more);
	g_free(site);
	g_free(to);
	g_free(yaml);
	g_free(out);
	g_free(content);
}

static void
test_invitation(void)
{
	static const char *const nl[] = {
		"Uitnodiging", "Kennismakingsavond klas 1",
		"Wij nodigen u uit voor een avond", "Wanneer:", "8-10-2026",
		"19:30", "Aula De Brug", "Dit schrijf ik voor jou:",
		"Strookje, terug naar school", "Naam van uw kind:", "ja",
		"nee", "Wij komen met", NULL
	};
	/* Tigrinya, in Ethiopic script: the first line of the invitation */
	static const char *const ti[] = {
		"8-10-2026", "ውላድኩም እውን ኣብኡ ይህሉ።", NULL
	};
	/* the date stays 8-10-2026 inside Arabic, not 2026-10-8 */
	static const char *const ar[] = {
		"ندعوك", "أمسية", "طفلك", "8-10-2026", NULL
	};
	char *p = path("nl/avonden/kennismaking-klas-1-uitnodiging.pdf");

	assert_text("nl/avonden/kennismaking-klas-1-uitnodiging.pdf", nl);
	assert_text("ar/avonden/kennismaking-klas-1-uitnodiging.pdf", ar);
	assert_text("ti/avonden/kennismaking-klas-1-uitnodiging.pdf", ti);
	g_assert_cmpint(t_pdf_pages(p), ==, 1);
	g_free(p);
}

static void
test_cards(void)
{
	char *p = path("nl/avonden/complimentenkaarten.pdf");
	char *t = t_pdf_text(p, 1), *s, *so = NULL;
	int n = 0;
	const char *argv[] = { "pdfinfo", NULL, NULL };
	static const char *const st[] = {
		"Ouders moeten weten welke keuzes hun kind maakt.", "Eens",
		"Oneens", NULL
	};

	/* four compliment cards on a page */
	for (s = strstr(t, "Dit deed je goed:"); s; s = strstr(s + 1,
	    "Dit deed je goed:"))
		n++;
	g_assert_cmpint(n, ==, 4);
	g_free(t);
	g_free(p);
	/* statement cards: landscape, from the script's statements */
	assert_text("nl/avonden/kennismaking-klas-1-stellingen.pdf", st);
	{
		/* the cards in Arabic and Tigrinya carry their own words
		 * ("مدح": praise, without a lam ligature; "ናእዳ": praise) */
		char *arc = text_of("ar/avonden/complimentenkaarten.pdf");
		char *tic = text_of("ti/avonden/complimentenkaarten.pdf");

		g_assert_false(t_contains(arc, "Dit deed je goed:"));
		g_assert_true(t_contains(arc, "مدح"));
		g_assert_true(t_contains(tic, "ናእዳ"));
		g_free(arc);
		g_free(tic);
	}
	p = path("nl/avonden/kennismaking-klas-1-stellingen.pdf");
	argv[1] = p;
	g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "Page size:       841.89 x 595.276"));
	g_free(so);
	g_free(p);
}

static void
test_runsheet(void)
{
	/* --aanvang 19:30: 15 + 10 + 20 + 30 + 15 minutes */
	static const char *const want[] = {
		"Draaiboek: Kennismakingsavond klas 1", "19:30–19:45",
		"19:45–19:55", "20:45–21:00", "Welkom met koffie",
		/* --datum 2026-10-08: eight weeks before is 13 August */
		"13-08-2026", "Datum vastleggen met mentoren en decaan.",
		"08-10-2026", "decaan", NULL
	};

	assert_text("nl/avonden/kennismaking-klas-1-draaiboek.pdf", want);
}

static void
test_mentor(void)
{
	static const char *const tips[] = {
		"Maak van kritiek een vraag", "Gesprekken en bijeenkomsten",
		NULL
	};
	static const char *const list[] = {
		"Klassenlijst: Drie dingen waar ik trots op ben", "Ayşe Yılmaz",
		"Mohammed El Amrani", "Sanne Bakker", "Ouder bereikt",
		"Blad terug", "Besproken in de klas", NULL
	};
	static const char *const blank[] = {
		"Klassenlijst: Drie dingen waar ik trots op ben", "Leerling",
		"Ouder bereikt", NULL
	};
	char *top = g_path_get_dirname(t_fixture());
	char *named = g_build_filename(top, "klas",
	    "trots-op-jezelf-klassenlijst.pdf", NULL);
	char *t = t_pdf_text(named, 0);
	GPtrArray *all = t_files(t_fixture());

	assert_text("nl/tips/tipkaarten.pdf", tips);
	for (int i = 0; list[i] != NULL; i++)
		if (!t_contains(t, list[i]))
			g_error("%s: no \"%s\" in:\n%s", named, list[i], t);
	/* the header line of the CSV is not a pupil, quotes are dropped */
	g_assert_false(t_contains(t, "naam"));
	g_assert_false(t_contains(t, "\"Mohammed"));
	g_free(t);
	/* the published tree has the blank list, and no pupil's name in
	 * any file */
	assert_text("nl/opdrachten/trots-op-jezelf-klassenlijst.pdf", blank);
	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		char *p = path(rel), *data = NULL;
		gsize len = 0;

		if (g_str_has_suffix(rel, ".pdf"))
			data = t_pdf_text(p, 0);
		else
			g_assert_true(g_file_get_contents(p, &data, &len, NULL));
		for (int n = 1; n <= 3; n++)
			if (t_contains(data, list[n]))
				g_error("%s: a pupil's name, %s", rel, list[n]);
		g_free(data);
		g_free(p);
	}
	g_ptr_array_free(all, TRUE);
	g_free(named);
	g_free(top);
}

static void
test_bundle(void)
{
	char *p = path("nl/opdrachten/leerjaar-1.pdf"), *so = NULL;
	const char *argv[] = { "qpdf", "--json", "--json-key=outlines", p,
	    NULL };

	/* year 1: trots-op-jezelf (1 page or 2) and veilig; a bookmark each */
	g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "\"title\": \"Drie dingen waar ik trots "
	    "op ben\""));
	g_assert_nonnull(strstr(so, "\"destpageposfrom1\": 1"));
	g_assert_nonnull(strstr(so, "Veilig"));
	g_assert_cmpint(t_pdf_pages(p), >=, 2);
	g_free(so);
	g_free(p);
}

/*
 * A year of 30 more assignments: the bundle is joined from several chunks
 * and is what the single sheets are, in order: as many pages (and an
 * empty back after a sheet of one side), a bookmark
 * per sheet on the page where that sheet's title is, its language, fonts
 * embedded. Then one assignment edited: only its chunk is drawn again.
 */
/* s with the one from replaced by to */
static char *
kt_test_replace(const char *s, const char *from, const char *to)
{
	char **parts = g_strsplit(s, from, 2);
	char *r;

	g_assert_cmpuint(g_strv_length(parts), ==, 2);
	r = g_strjoinv(to, parts);
	g_strfreev(parts);
	return r;
}

static char *
bundle_page_titles(const char *pdf, GPtrArray *titles, GArray *pages)
{
	const char *argv[] = { "qpdf", "--json", "--json-key=outlines", pdf,
	    NULL };
	char *so = NULL;
	const char *at;

	g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
	for (at = strstr(so, "\"destpageposfrom1\": "); at != NULL;
	    at = strstr(at + 1, "\"destpageposfrom1\": ")) {
		int page = atoi(at + strlen("\"destpageposfrom1\": "));
		const char *t = strstr(at, "\"title\": \"");
		const char *e;

		g_assert_nonnull(t);
		t += strlen("\"title\": \"");
		e = strchr(t, '"');
		g_ptr_array_add(titles, g_strndup(t, (gsize)(e - t)));
		g_array_append_val(pages, page);
	}
	return so;
}

static void
test_bundle_chunks(void)
{
	char *content = g_build_filename(tmp, "chunks", NULL);
	char *dest = g_build_filename(tmp, "chunks-out", NULL);
	char *bundle = g_build_filename(dest, "nl/opdrachten/leerjaar-5.pdf",
	    NULL);
	char *chunks = kt_out_file(dest, ".keukentafel/bundels/nl");
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(int));
	GPtrArray *files;
	int ours = 0, nchunks = 0, drawn = 0, sources = 0;
	char *so, *before, *after;
	const char *fonts[] = { "pdffonts", bundle, NULL };
	const char *check[] = { "qpdf", "--check", bundle, NULL };

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	for (int i = 0; i < 30; i++) {
		char *f = g_strdup_printf("%s/opdrachten/jaar5-%02d.nl.md",
		    content, i);
		char *md = g_strdup_printf("---\ntitel: Opdracht %02d voor het "
		    "vijfde jaar\nsamenvatting: Samen praten.\n"
		    "onderwijstype: [havo]\nleerjaar: [5]\n"
		    "competenties: [netwerken]\nfase: verkennen\n"
		    "keuze: [vervolgstudie]\nduur: 15\npictogram: praten\n"
		    "thuis:\n  intro: Praat samen.\n  stappen:\n"
		    "    - pictogram: praten\n      tekst: Vertel het.\n"
		    "%s  vragen:\n    - Wat vind je leuk?\n---\n"
		    "## Doel\n\nPraten.\n\n## In de klas\n\nUitleg.\n\n"
		    "## Nabespreken\n\nTerugkijken.\n", i,
		    i % 4 == 0 ? "    - pictogram: denken\n      tekst: Denk "
		    "na over wat je wilt. Schrijf het op.\n" : "");
		g_assert_true(g_file_set_contents(f, md, -1, NULL));
		g_free(md);
		g_free(f);
	}
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, NULL), ==,
	    0);
	so = bundle_page_titles(bundle, titles, pages);
	g_free(so);
	/* the test site has year-5 items of its own: 30 more than those */
	g_assert_cmpint(g_array_index(pages, int, 0), ==, 1);
	for (guint i = 0; i < titles->len; i++) {
		const char *title = g_ptr_array_index(titles, i);
		int page = g_array_index(pages, int, i);
		int next = i + 1 < titles->len ? g_array_index(pages, int,
		    i + 1) : t_pdf_pages(bundle) + 1;
		char *text = t_pdf_text(bundle, page);
		unsigned n;

		/* each sheet starts on its own page, with its title */
		g_assert_cmpint(next, >, page);
		g_assert_true(t_contains(text, title));
		if (sscanf(title, "Opdracht %u voor", &n) == 1) {
			char *single = g_strdup_printf(
			    "%s/nl/opdrachten/jaar5-%02u.pdf", dest, n);

			/* in order, as long as the single sheet */
			g_assert_cmpint((int)n, ==, ours++);
			/* on sheets of paper of its own: one side alone
			 * gets an empty back */
			g_assert_cmpint(next - page, ==,
			    (t_pdf_pages(single) + 1) / 2 * 2);
			g_free(single);
		}
		g_free(text);
	}
	g_assert_cmpint(ours, ==, 30);
	/* every assignment drawn once, in one chunk, whatever its years */
	files = t_files(chunks);
	nchunks = (int)files->len;
	for (guint i = 0; i < files->len; i++) {
		char *f = g_build_filename(chunks, g_ptr_array_index(files, i),
		    NULL);
		GPtrArray *marks = g_ptr_array_new_with_free_func(g_free);
		GArray *at = g_array_new(FALSE, FALSE, sizeof(int));

		g_free(bundle_page_titles(f, marks, at));
		drawn += (int)marks->len;
		g_ptr_array_free(marks, TRUE);
		g_array_free(at, TRUE);
		g_free(f);
	}
	g_ptr_array_free(files, TRUE);
	{
		char *dir = g_build_filename(content, "opdrachten", NULL);

		files = t_files(dir);
		for (guint i = 0; i < files->len; i++)
			sources += g_str_has_suffix(g_ptr_array_index(files,
			    i), ".nl.md");
		g_ptr_array_free(files, TRUE);
		g_free(dir);
	}
	g_assert_cmpint(nchunks, >, 1);
	g_assert_cmpint(drawn, ==, sources);
	so = NULL;
	g_assert_cmpint(t_run(check, NULL, &so, NULL), ==, 0);
	g_free(so);
	so = NULL;
	g_assert_cmpint(t_run(fonts, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "NotoSans-Regular"));
	g_assert_null(strstr(so, " no "));	/* every font embedded */
	g_free(so);

	/* one edited: its chunk is drawn again, the other chunks are not */
	before = t_tree_digest(chunks);
	{
		char *f = g_build_filename(content, "opdrachten",
		    "jaar5-07.nl.md", NULL);
		char *md = NULL, *ed;

		g_assert_true(g_file_get_contents(f, &md, NULL, NULL));
		ed = kt_test_replace(md, "intro: Praat samen.",
		    "intro: Praat samen aan tafel.");
		g_assert_true(g_file_set_contents(f, ed, -1, NULL));
		g_free(ed);
		g_free(md);
		g_free(f);
	}
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, NULL), ==,
	    0);
	after = t_tree_digest(chunks);
	{
		char **b = g_strsplit(before, "\n", -1);
		char **a = g_strsplit(after, "\n", -1);
		int changed = 0;

		g_assert_cmpuint(g_strv_length(a), ==, g_strv_length(b));
		for (int i = 0; a[i] != NULL; i++)
			changed += strcmp(a[i], b[i]) != 0;
		g_assert_cmpint(changed, ==, 1);
		g_strfreev(a);
		g_strfreev(b);
	}
	g_free(before);
	g_free(after);
	g_ptr_array_free(titles, TRUE);
	g_array_free(pages, TRUE);
	g_free(chunks);
	g_free(bundle);
	g_free(dest);
	g_free(content);
}

/*
 * The parts of a year's bundle, on a made-up bank of 2000 assignments
 * whose slugs hash unevenly: at most 160 sheets a part, at least 16 in
 * all but the last, every assignment once, in order.
 * A year of 120 is one part.
 */
static void
test_bundle_part_sizes(void)
{
	struct kt_model m;
	GPtrArray *items = g_ptr_array_new();
	GPtrArray *parts;
	guint seen = 0;

	memset(&m, 0, sizeof m);
	m.items[KT_ASSIGNMENT] = items;
	for (int i = 0; i < 2000; i++) {
		struct kt_item *it = g_new0(struct kt_item, 1);

		it->slug = g_strdup_printf("item-%04d", i);
		it->years = 1u << 3;
		it->texts = g_hash_table_new_full(g_str_hash, g_str_equal,
		    NULL, (GDestroyNotify)kt_text_free);
		/* no fase, no title: the bundle keeps the slugs' order */
		g_hash_table_insert(it->texts, "nl", kt_text_new("nl", "x"));
		g_ptr_array_add(items, it);
	}
	parts = kt_plan_year_parts(&m, "nl", 3);
	g_assert_cmpuint(parts->len, >, 2000 / 160);
	for (guint i = 0; i < parts->len; i++) {
		GPtrArray *part = g_ptr_array_index(parts, i);

		for (guint j = 0; j < part->len; j++)
			g_assert_true(g_ptr_array_index(part, j) ==
			    g_ptr_array_index(items, seen++));
		g_assert_cmpuint(part->len, <=, 160);
		if (i + 1 < parts->len)
			g_assert_cmpuint(part->len, >=, 16);
	}
	g_assert_cmpuint(seen, ==, 2000);
	g_ptr_array_free(parts, TRUE);
	parts = kt_plan_year_parts(&m, "nl", 4);	/* a year with none */
	g_assert_cmpuint(parts->len, ==, 0);
	g_ptr_array_free(parts, TRUE);
	m.items[KT_ASSIGNMENT] = g_ptr_array_new();	/* a school's year */
	for (guint i = 0; i < 120; i++)
		g_ptr_array_add(m.items[KT_ASSIGNMENT],
		    g_ptr_array_index(items, i));
	parts = kt_plan_year_parts(&m, "nl", 3);
	g_assert_cmpuint(parts->len, ==, 1);
	g_ptr_array_free(parts, TRUE);
	g_ptr_array_free(m.items[KT_ASSIGNMENT], TRUE);
	for (guint i = 0; i < items->len; i++) {
		struct kt_item *it = g_ptr_array_index(items, i);

		g_hash_table_destroy(it->texts);
		g_free(it->slug);
		g_free(it);
	}
	g_ptr_array_free(items, TRUE);
}

/* A year's item, in Dutch only; nr picks its title and slug. */
static void
write_year6(const char *content, const char *slug, int nr)
{
	char *f = g_strdup_printf("%s/opdrachten/%s.nl.md", content, slug);
	char *md = g_strdup_printf("---\ntitel: Gesprek %03d over later\n"
	    "samenvatting: Samen praten.\nonderwijstype: [vwo]\n"
	    "leerjaar: [6]\ncompetenties: [netwerken]\nfase: beslissen\n"
	    "keuze: [vervolgstudie]\nduur: 15\npictogram: praten\n"
	    "thuis:\n  intro: Praat samen.\n  stappen:\n"
	    "    - pictogram: praten\n      tekst: Vertel het.\n"
	    "  vragen:\n    - Wat kies je?\n---\n## Doel\n\nPraten.\n\n"
	    "## In de klas\n\nUitleg.\n\n## Nabespreken\n\nTerugkijken.\n",
	    nr);

	g_assert_true(g_file_set_contents(f, md, -1, NULL));
	g_free(md);
	g_free(f);
}

/* The sheet titles of each part of year 6, in order, one line a part. */
static GPtrArray *
year6_parts(const char *dest, int *nparts)
{
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);

	for (*nparts = 0;; (*nparts)++) {
		char *f = g_strdup_printf("%s/nl/opdrachten/leerjaar-6-deel-%d"
		    ".pdf", dest, *nparts + 1);
		GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
		GArray *pages = g_array_new(FALSE, FALSE, sizeof(int));
		GString *line = g_string_new(NULL);

		if (!g_file_test(f, G_FILE_TEST_EXISTS)) {
			g_free(f);
			g_ptr_array_free(titles, TRUE);
			g_array_free(pages, TRUE);
			g_string_free(line, TRUE);
			return parts;
		}
		g_free(bundle_page_titles(f, titles, pages));
		for (guint i = 0; i < titles->len; i++)
			g_string_append_printf(line, "%s|",
			    (char *)g_ptr_array_index(titles, i));
		g_ptr_array_add(parts, g_string_free(line, FALSE));
		g_ptr_array_free(titles, TRUE);
		g_array_free(pages, TRUE);
		g_free(f);
	}
}

/*
 * A year of 150 assignments (a national bank): the bundle comes in parts
 * of at most 160 sheets, each linked from the bank page with its number,
 * each titled so, every sheet in exactly one part, in order. One more
 * assignment changes the sheets of one part, not of the others.
 */
static void
test_bundle_parts(void)
{
	char *content = g_build_filename(tmp, "parts", NULL);
	char *dest = g_build_filename(tmp, "parts-out", NULL);
	char *whole = g_build_filename(dest, "nl/opdrachten/leerjaar-6.pdf",
	    NULL);
	char *bank = g_build_filename(dest, "nl/opdrachten/index.html", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *extra[] = { "--jobs", "2", NULL };
	GPtrArray *before, *after;
	char *html = NULL, *all;
	int n = 0, m = 0, sheets = 0, changed = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	for (int i = 0; i < 150; i++) {
		char *slug = g_strdup_printf("gesprek-%03d", i);

		write_year6(content, slug, i);
		g_free(slug);
	}
	g_assert_cmpint(t_build(content, dest, "1700000000", extra, NULL), ==,
	    0);
	g_assert_false(g_file_test(whole, G_FILE_TEST_EXISTS));
	before = year6_parts(dest, &n);
	g_assert_cmpint(n, >=, 2);
	g_assert_true(g_file_get_contents(bank, &html, NULL, NULL));
	{
		GString *a = g_string_new(NULL);

		for (int i = 0; i < n; i++)
			g_string_append(a, g_ptr_array_index(before, i));
		all = g_string_free(a, FALSE);
	}
	for (int i = 0; i < n; i++) {
		char *href = g_strdup_printf("/leerjaar-6-deel-%d.pdf\"",
		    i + 1);
		char *label = g_strdup_printf("Thuisopdrachten leerjaar 6, "
		    "deel %d van %d", i + 1, n);
		char *f = g_strdup_printf("%s/nl/opdrachten/leerjaar-6-deel-%d"
		    ".pdf", dest, i + 1);
		const char *info[] = { "pdfinfo", f, NULL };
		const char *check[] = { "qpdf", "--check", f, NULL };
		char *so = NULL;
		char **titles = g_strsplit(g_ptr_array_index(before, i), "|",
		    -1);
		guint len = g_strv_length(titles) - 1;

		g_assert_nonnull(strstr(html, href));
		g_assert_nonnull(strstr(html, label));
		g_assert_cmpint(t_run(info, NULL, &so, NULL), ==, 0);
		g_assert_nonnull(strstr(so, label));
		g_free(so);
		g_assert_cmpint(t_run(check, NULL, NULL, NULL), ==, 0);
		g_assert_cmpuint(len, <=, 160);
		sheets += (int)len;
		g_strfreev(titles);
		g_free(f);
		g_free(label);
		g_free(href);
	}
	/* every sheet once, in the order of the bank (the test site's own
	 * year-6 items among them) */
	g_assert_cmpint(sheets, >=, 150);
	for (int i = 0; i < 150; i++) {
		char *t = g_strdup_printf("Gesprek %03d over later|", i);
		const char *at = strstr(all, t);

		g_assert_nonnull(at);
		g_assert_null(strstr(at + 1, t));
		g_free(t);
	}
	g_free(all);
	g_free(html);

	/* one more: one part has another sheet, the others are as they were */
	write_year6(content, "gesprek-075b", 999);
	g_assert_cmpint(t_build(content, dest, "1700000000", extra, NULL), ==,
	    0);
	after = year6_parts(dest, &m);
	g_assert_cmpint(m, ==, n);
	for (int i = 0; i < n; i++)
		changed += strcmp(g_ptr_array_index(before, i),
		    g_ptr_array_index(after, i)) != 0;
	g_assert_cmpint(changed, ==, 1);
	g_ptr_array_free(before, TRUE);
	g_ptr_array_free(after, TRUE);
	g_free(bank);
	g_free(whole);
	g_free(dest);
	g_free(content);
}

/*
 * A sheet too long for two pages: the coordinator is told once, though
 * the sheet is in the bundles of two years, and the single sheet cut from
 * its chunk is as long as its part of the bundle.
 */
/* tests/site with one more assignment, slug, its Dutch text md, built
 * into tmp/<name>-out (*dest), what the build said in *err. */
static void
site_with(const char *name, const char *slug, const char *md, char **dest,
    char **err)
{
	char *content = g_build_filename(tmp, name, NULL);
	char *file = g_strconcat(slug, ".nl.md", NULL);
	char *f = g_build_filename(content, "opdrachten", file, NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };

	*dest = g_strconcat(content, "-out", NULL);
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_set_contents(f, md, -1, NULL));
	g_assert_cmpint(t_build(content, *dest, "1700000000", NULL, err), ==,
	    0);
	g_free(f);
	g_free(file);
	g_free(content);
}

/* How often needle is in hay. */
static int
times(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *at = hay; (at = strstr(at, needle)) != NULL; at++)
		n++;
	return n;
}

/*
 * The printables are set in the Noto families of KT_FONTS alone, never in
 * another font the machine has (it has Noto Sans Devanagari and more from
 * fonts-noto-core): a word in a script none of them covers prints as
 * boxes, and the build says so once, whichever sheets it is on.
 */
static void
test_only_our_fonts(void)
{
	const char *md = "---\ntitel: Groeten in veel talen\n"
	    "samenvatting: Zeg hallo.\nonderwijstype: [vwo]\n"
	    "leerjaar: [5]\ncompetenties: [netwerken]\nfase: beslissen\n"
	    "keuze: [vervolgstudie]\nduur: 20\npictogram: praten\n"
	    "thuis:\n  intro: Zeg samen hallo.\n  stappen:\n"
	    "    - pictogram: praten\n      tekst: Zeg नमस्ते tegen je oma.\n"
	    "  vragen:\n    - tekst: Welke groet vind je mooi?\n"
	    "      vraagt: samen\n---\n## Doel\n\nGroeten.\n\n"
	    "## In de klas\n\nUitleg.\n\n## Nabespreken\n\nTerugkijken.\n";
	char *dest, *err = NULL, *so = NULL, *pdf;
	const char *fonts[] = { "pdffonts", NULL, NULL };

	site_with("glyphs", "groet", md, &dest, &err);
	/* the single sheet and the Dutch of each sheet beside it: once */
	g_assert_cmpint(times(err, "no font of the printables has"), ==, 1);
	g_assert_true(t_contains(err, "\"Zeg नमस्ते tegen je oma.\" has 6 "
	    "characters"));
	pdf = g_build_filename(dest, "nl/opdrachten/groet.pdf", NULL);
	fonts[1] = pdf;
	g_assert_cmpint(t_run(fonts, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "NotoSans-Regular"));
	g_assert_null(strstr(so, "Devanagari"));
	g_free(so);
	g_free(err);
	g_free(pdf);
	g_free(dest);
}

static void
test_long_sheet(void)
{
	GString *md = g_string_new("---\ntitel: Een lange opdracht\n"
	    "samenvatting: Veel stappen.\nonderwijstype: [vwo]\n"
	    "leerjaar: [5, 6]\ncompetenties: [netwerken]\nfase: beslissen\n"
	    "keuze: [vervolgstudie]\nduur: 60\npictogram: praten\n"
	    "thuis:\n  intro: Praat samen.\n  stappen:\n");
	char *dest, *err = NULL, *text, *single;

	for (int i = 0; i < 30; i++)
		g_string_append_printf(md, "    - pictogram: praten\n      tekst:"
		    " Stap %d. Vertel wat je vandaag hebt gedaan en wat je "
		    "morgen wilt doen.\n", i + 1);
	g_string_append(md, "  vragen:\n    - Wat kies je?\n---\n## Doel\n\n"
	    "Praten.\n\n## In de klas\n\nUitleg.\n\n## Nabespreken\n\n"
	    "Terugkijken.\n");
	site_with("long", "lang", md->str, &dest, &err);
	g_assert_cmpint(times(err, "lang.nl.md: warning: the sheet takes"), ==,
	    1);
	single = g_build_filename(dest, "nl/opdrachten/lang.pdf", NULL);
	g_assert_cmpint(t_pdf_pages(single), >=, 3);
	text = t_pdf_text(single, 0);
	g_assert_true(t_contains(text, "Stap 30."));
	g_assert_true(t_contains(text, "Een lange opdracht"));
	g_free(text);
	g_free(err);
	g_string_free(md, TRUE);
	g_free(single);
	g_free(dest);
}

/*
 * Eight lines to write on under each of five questions do not fit on two
 * pages: the sheet, its bilingual sheet and its year's bundle are drawn
 * again with fewer lines, so nobody prints a third page for the names.
 * Nothing is left out, and no warning is given.
 */
static void
test_squeezed_sheet(void)
{
	char *content = g_build_filename(tmp, "squeeze", NULL);
	char *dest = g_build_filename(tmp, "squeeze-out", NULL);
	char *nl = g_build_filename(content, "opdrachten", "regels.nl.md",
	    NULL);
	char *en = g_build_filename(content, "opdrachten", "regels.en.md",
	    NULL);
	char *single = g_build_filename(dest, "nl/opdrachten/regels.pdf", NULL);
	char *both = g_build_filename(dest, "en/opdrachten/regels.en-nl.pdf",
	    NULL);
	char *bundle = g_build_filename(dest, "nl/opdrachten/leerjaar-5.pdf",
	    NULL);
	char *other = g_build_filename(dest, "nl/opdrachten/open-dag-samen.pdf",
	    NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *nl_md = "---\ntitel: Veel regels\n"
	    "samenvatting: Drie vragen met ruimte.\nonderwijstype: [vwo]\n"
	    "leerjaar: [5]\ncompetenties: [netwerken]\nfase: beslissen\n"
	    "keuze: [vervolgstudie]\nduur: 30\npictogram: praten\n"
	    "thuis:\n  intro: Praat samen over later.\n  stappen:\n"
	    "    - pictogram: vraag\n      tekst: Lees de vragen samen.\n"
	    "    - pictogram: schrijven\n      tekst: Schrijf de antwoorden"
	    " op.\n"
	    "  vragen:\n    - Wat wil je later doen?\n"
	    "    - Wie kan je helpen?\n    - Wat doe je eerst?\n"
	    "    - Wat vind je moeilijk?\n    - Wat is je plan?\n"
	    "  schrijfregels: 8\n---\n## Doel\n\nPraten.\n\n"
	    "## In de klas\n\nUitleg.\n\n## Nabespreken\n\nTerugkijken.\n";
	const char *en_md = "---\ntitel: Many lines\n"
	    "samenvatting: Three questions with room.\nvertaling: concept\n"
	    "thuis:\n  intro: Talk together about later.\n  stappen:\n"
	    "    - tekst: Read the questions together.\n"
	    "    - tekst: Write down the answers.\n"
	    "  vragen:\n    - What do you want to do later?\n"
	    "    - Who can help you?\n    - What do you do first?\n"
	    "    - What do you find hard?\n    - What is your plan?\n---\n";
	const char *want[] = { "Wat is je plan?", "Naam ouder", NULL };
	const char *pdfs[] = { single, both, NULL };
	char *err = NULL;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_set_contents(nl, nl_md, -1, NULL));
	g_assert_true(g_file_set_contents(en, en_md, -1, NULL));
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, &err), ==,
	    0);
	g_assert_null(strstr(err, "regels.nl.md: warning"));
	g_assert_null(strstr(err, "regels.en.md: warning"));
	for (int i = 0; pdfs[i] != NULL; i++) {
		char *text = t_pdf_text(pdfs[i], 0);

		g_assert_cmpint(t_pdf_pages(pdfs[i]), ==, 2);
		for (int j = 0; want[j] != NULL; j++)
			g_assert_true(t_contains(text, want[j]));
		g_free(text);
	}
	/* the year's bundle holds the squeezed sheet: two pages, beside
	 * the other assignment of that year */
	g_assert_cmpint(t_pdf_pages(bundle), ==,
	    (t_pdf_pages(other) + 1) / 2 * 2 + 2);
	g_free(err);
	g_free(other);
	g_free(bundle);
	g_free(both);
	g_free(single);
	g_free(en);
	g_free(nl);
	g_free(dest);
	g_free(content);
}

/*
 * A PDF of the fixture rewritten by qpdf --qdf: its pages' operators as
 * text. The rewrite goes to this run's folder, not beside the PDF.
 */
static char *
qdf_text(const char *rel)
{
	char *pdf = path(rel);
	char *qdf = g_build_filename(tmp, "page.qdf", NULL);
	const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, qdf, NULL };
	char *data = NULL;

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(qdf, &data, NULL, NULL));
	g_free(qdf);
	g_free(pdf);
	return data;
}

/*
 * The disc behind a step's number is a path of its own: filled, it once
 * took a line from wherever the last text began, and a thin wedge ran
 * across the column to every number. In the uncompressed page (qpdf
 * --qdf) each disc, in its green, is a move and curves only.
 */
static void
test_step_discs(void)
{
	const char *rels[] = { "nl/opdrachten/trots-op-jezelf.pdf",
	    "ar/opdrachten/trots-op-jezelf.ar-nl.pdf", NULL };
	/* five steps: beside the Dutch, the number stands once, in the
	 * band with the pictogram */
	const int want[] = { 5, 5 };
	/* style.h's KT_GREEN, #1d5c4d, as cairo writes it: on the sheet,
	 * only the discs (the test school's logo is blue) */
	const char *green = "0.113725 0.360784 0.301961 rg ";

	for (int i = 0; rels[i] != NULL; i++) {
		char *data = qdf_text(rels[i]);
		const char *at;
		int discs = 0;

		for (at = strstr(data, green); at != NULL;
		    at = strstr(at + 1, green)) {
			const char *end = strstr(at, " f\n");
			char *path_ops, **tok;
			int moves = 0, curves = 0, lines = 0;

			g_assert_nonnull(end);
			const char *next = at + strlen(green);

			/* green text (a column's language) is no disc; a
			 * graphics state may come between */
			if (g_str_has_prefix(next, "/a") && strstr(next, " gs") != NULL)
				next = strstr(next, " gs") + 4;
			if (strncmp(next, "BT", 2) == 0)
				continue;
			path_ops = g_strndup(at, (gsize)(end - at));
			g_strdelimit(path_ops, "\n", ' ');
			tok = g_strsplit(path_ops, " ", -1);
			for (char **t = tok; *t != NULL; t++) {
				moves += strcmp(*t, "m") == 0;
				curves += strcmp(*t, "c") == 0;
				lines += strcmp(*t, "l") == 0;
			}
			g_assert_cmpint(moves, ==, 1);
			g_assert_cmpint(lines, ==, 0);
			g_assert_cmpint(curves, >=, 4);
			discs++;
			g_strfreev(tok);
			g_free(path_ops);
		}
		g_assert_cmpint(discs, ==, want[i]);
		g_free(data);
	}
}

/*
 * A pictogram painted twice on one page (beside the title and beside a
 * step) is one form in the file: the page paints the same form twice.
 */
static void
test_one_form_each(void)
{
	char *data = qdf_text("nl/opdrachten/open-dag-samen.pdf");
	GHashTable *uses = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	char *page, *end;
	int forms = 0, twice = 0;

	for (const char *at = strstr(data, "/Subtype /Form"); at != NULL;
	    at = strstr(at + 1, "/Subtype /Form"))
		forms++;
	page = strstr(data, "%% Contents for page 1");
	g_assert_nonnull(page);
	end = strstr(page, "endstream");
	g_assert_nonnull(end);
	*end = '\0';
	for (char *at = strstr(page, " Do"); at != NULL;
	    at = strstr(at + 1, " Do")) {
		char *name = at;
		guint n;

		while (name > page && name[-1] != '/')
			name--;
		name = g_strndup(name, (gsize)(at - name));
		n = GPOINTER_TO_UINT(g_hash_table_lookup(uses, name)) + 1;
		twice += n == 2;
		g_hash_table_replace(uses, name, GUINT_TO_POINTER(n));
	}
	/* "opendag" beside the title and beside a step */
	g_assert_cmpint(twice, >=, 1);
	g_assert_cmpint(forms, <=, (int)g_hash_table_size(uses));
	g_hash_table_destroy(uses);
	g_free(data);
}

/* The text of a small PDF whose objects are in parts[], with its xref. */
static GString *
small_pdf(const char *const parts[])
{
	GString *s = g_string_new("%PDF-1.5\n");
	GArray *at = g_array_new(FALSE, FALSE, sizeof(gsize));
	gsize xref;
	guint n = 0;

	for (; parts[n] != NULL; n++) {
		g_array_append_val(at, s->len);
		g_string_append_printf(s, "%u 0 obj\n%s\nendobj\n", n + 1,
		    parts[n]);
	}
	xref = s->len;
	g_string_append_printf(s, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "%010zu 00000 n \n",
		    g_array_index(at, gsize, i));
	g_string_append_printf(s, "trailer\n<< /Size %u /Root 1 0 R >>\n"
	    "startxref\n%zu\n%%%%EOF\n", n + 1, xref);
	g_array_free(at, TRUE);
	return s;
}

/* Repeated names in resource dictionaries become spaces; nothing moves,
 * and stream data and other dictionaries are left as they are. */
static void
test_unique_names(void)
{
	static const char *const in[] = {
		"<< /Type /Catalog >>",
		"<< /XObject << /x5 5 0 R /x6 6 0 R /x5 5 0 R /x5 5 0 R >>\n"
		"   /Pattern << /p7 7 0 R /p7 7 0 R >>\n"
		"   /Font << /f-0-0 8 0 R /f-0-0 8 0 R >> >>",
		"<< /Length 34 >>\nstream\n/XObject << /x5 5 0 R /x5 5 0 R >>"
		"\nendstream",
		"<< /XObject << /x5 (5 0 R) /x5 (5 0 R) >> >>",
		NULL
	};
/* "/x5 5 0 R" as spaces */
#define GONE "         "
	static const char *const want[] = {
		"<< /Type /Catalog >>",
		"<< /XObject << /x5 5 0 R /x6 6 0 R " GONE " " GONE " >>\n"
		"   /Pattern << /p7 7 0 R " GONE " >>\n"
		"   /Font << /f-0-0 8 0 R /f-0-0 8 0 R >> >>",
		"<< /Length 34 >>\nstream\n/XObject << /x5 5 0 R /x5 5 0 R >>"
		"\nendstream",
		"<< /XObject << /x5 (5 0 R) /x5 (5 0 R) >> >>",
		NULL
	};
#undef GONE
	GString *pdf = small_pdf(in), *ok = small_pdf(want);

	g_assert_true(kt_pdf_unique_names(pdf->str, pdf->len));
	g_assert_cmpstr(pdf->str, ==, ok->str);
	g_assert_false(kt_pdf_unique_names(pdf->str, pdf->len));
	g_assert_false(kt_pdf_unique_names(pdf->str, 20));	/* no xref */
	g_string_free(pdf, TRUE);
	g_string_free(ok, TRUE);
}

/* Every PDF passes qpdf's structural check, and has its metadata. */
static void
test_qpdf_check(void)
{
	GPtrArray *all = t_files(t_fixture());
	int n = 0;

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		char *p, *so = NULL, *se = NULL;
		const char *check[] = { "qpdf", "--check", NULL, NULL };

		if (!g_str_has_suffix(rel, ".pdf"))
			continue;
		p = path(rel);
		check[2] = p;
		if (t_run(check, NULL, &so, &se) != 0)
			g_error("qpdf --check %s:\n%s%s", rel, so, se);
		g_free(so);
		g_free(se);
		g_free(p);
		n++;
	}
	g_assert_cmpint(n, >, 25);
	g_ptr_array_free(all, TRUE);
}

/* The document's language is in its catalog (/Lang), for screen readers. */
static void
test_pdf_lang(void)
{
	static const char *const cases[][2] = {
		{ "nl/opdrachten/trots-op-jezelf.pdf", "nl" },
		{ "ar/opdrachten/trots-op-jezelf.pdf", "ar" },
		{ "ti/opdrachten/trots-op-jezelf.pdf", "ti" },
		{ "ar/avonden/kennismaking-klas-1-uitnodiging.pdf", "ar" },
		{ "nl/avonden/complimentenkaarten.pdf", "nl" },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *p = path(cases[i][0]), *so = NULL;
		char *want = g_strdup_printf("\"/Lang\": \"u:%s\"", cases[i][1]);
		const char *argv[] = { "qpdf", "--json", "--json-key=qpdf", p,
		    NULL };

		g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
		if (strstr(so, want) == NULL)
			g_error("%s: no %s", cases[i][0], want);
		g_free(want);
		g_free(so);
		g_free(p);
	}
}

/* The QR code on a Tigrinya sheet decodes to its page in Tigrinya. */
static void
test_qr_ti(void)
{
	char *pdf = path("ti/opdrachten/trots-op-jezelf.pdf");
	char *qr = t_qr(pdf, tmp);

	g_assert_cmpstr(qr, ==,
	    "https://lob.testschool.example/ti/opdrachten/trots-op-jezelf.html");
	g_free(qr);
	g_free(pdf);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-print-XXXXXX", NULL);
	g_test_add_func("/print/sheet-languages", test_sheet_languages);
	g_test_add_func("/print/glossary-box", test_glossary_box);
	g_test_add_func("/print/intro-lines", test_intro_lines);
	g_test_add_func("/print/fonts", test_fonts);
	g_test_add_func("/print/min-body-size", test_min_body_size);
	g_test_add_func("/print/pictogram-side", test_pictogram_side);
	g_test_add_func("/print/dari", test_dari);
	g_test_add_func("/print/invitation", test_invitation);
	g_test_add_func("/print/cards", test_cards);
	g_test_add_func("/print/runsheet", test_runsheet);
	g_test_add_func("/print/mentor", test_mentor);
	g_test_add_func("/print/bundle", test_bundle);
	g_test_add_func("/print/bundle-chunks", test_bundle_chunks);
	g_test_add_func("/print/bundle-parts", test_bundle_parts);
	g_test_add_func("/print/bundle-part-sizes", test_bundle_part_sizes);
	g_test_add_func("/print/long-sheet", test_long_sheet);
	g_test_add_func("/print/only-our-fonts", test_only_our_fonts);
	g_test_add_func("/print/squeezed-sheet", test_squeezed_sheet);
	g_test_add_func("/print/step-discs", test_step_discs);
	g_test_add_func("/print/one-form-each", test_one_form_each);
	g_test_add_func("/print/unique-names", test_unique_names);
	g_test_add_func("/print/qpdf-check", test_qpdf_check);
	g_test_add_func("/print/qr-tigrinya", test_qr_ti);
	g_test_add_func("/print/language", test_pdf_lang);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
