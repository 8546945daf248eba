/*
 * Helpers shared by the end-to-end tests: run a program, build a content
 * folder, list and hash an output tree, read a PDF's text, and the fixture:
 * tests/site built once for a whole run of the suite.
 *
 * A new test that only reads a built site takes t_fixture() in the case
 * itself, never in main() (tests/run.sh lists the cases of a program with
 * -l first, which must not build anything):
 *
 *	static void
 *	test_something(void)
 *	{
 *		char *p = g_build_filename(t_fixture(), "nl/index.html", NULL);
 *		...
 *	}
 *
 * The fixture is shared: a case never writes into it. One that needs other
 * content, other options, or a changed or incremental build copies
 * tests/site (or the fixture) into its own temporary folder and builds
 * there with t_build(); files a case makes from the fixture's (a PNG of a
 * page, a qpdf --qdf rewrite) go to its own folder too. tests/run.sh fails
 * the run when the fixture was changed.
 */
#ifndef KT_TEST_UTIL_H
#define KT_TEST_UTIL_H

#include <glib.h>

/* The generator under test: $KT_BIN, else generator/keukentafel. */
const char *t_kt(void);
#define KT t_kt()

/* Runs argv (NULL-terminated) with extra NAME, VALUE pairs in env. */
int t_run(const char *const *argv, const char *const *env, char **out,
    char **err);
/* keukentafel build -q -C content -o dest [extra...]; epoch may be NULL. */
int t_build(const char *content, const char *dest, const char *epoch,
    const char *const *extra, char **err);
/*
 * The built fixture's out/ folder: tests/site with the options of
 * tests/fixture.sh, SOURCE_DATE_EPOCH=1700000000. Borrowed: valid until
 * the process ends; read it, never write into it. Under tests/run.sh it is
 * built once per run into $KT_FIXTURE, by whichever process asks first
 * (the others wait on a lock). Without KT_FIXTURE (a case run by hand) it
 * is built once for this process into a temporary folder, removed at exit;
 * export KT_FIXTURE=some/folder to share one build between runs by hand,
 * and remove that folder when the generator or tests/site change.
 */
const char *t_fixture(void);
/* Every file below dir, relative, sorted. */
GPtrArray *t_files(const char *dir);
/*
 * Every relative href and src of the pages in out that leads to no file,
 * as "page: target"; the caller frees it with g_ptr_array_free(a, TRUE).
 */
GPtrArray *t_dead_links(const char *out);
/* Writes text as dir/rel, or fails the test. */
void t_write_file(const char *dir, const char *rel, const char *text);
/* A class list as a spreadsheet saves it (a header "naam;taal", ;
 * between) as dir/name, a row for each of the n pupils' name and
 * language; returns its path. */
char *t_class_list(const char *dir, const char *name,
    const char *const pupils[][2], guint n);
/* keukentafel print WHAT SLUG on tests/site with the class list, writing
 * to map, out/ being out, SOURCE_DATE_EPOCH epoch; extra options after
 * (NULL-ended, or NULL). Its exit status; standard error in *err. */
int t_print(const char *what, const char *slug, const char *list,
    const char *map, const char *out, const char *epoch,
    const char *const *extra, char **err);
/* A word of a PDF and its box in points from the page's top left, as
 * pdftotext -bbox gives it (the font's ascent to descent: Noto Sans and
 * Noto Sans Ethiopic 1.362 times the size, Noto Sans Arabic 2.112). */
struct t_word {
	int page;		/* from 1 */
	double page_h;
	double x0, y0, x1, y1;
	char *text;
};
/* Every word of pdf (of page only, when page > 0), in order: struct
 * t_word *, freed with the array. */
GPtrArray *t_pdf_words(const char *pdf, int page);
/* Whether s has a character from first to last (a script's block). */
gboolean t_has_script(const char *s, gunichar first, gunichar last);
#define T_ARABIC 0x0600, 0x06FF
#define T_ETHIOPIC 0x1200, 0x137F
/* The pupil whose name is in text, as an index into the n pupils (name,
 * language), or -1. */
int t_pupil_in(const char *text, const char *const pupils[][2], guint n);
/* "sha256 path" lines for every file below dir. */
char *t_tree_digest(const char *dir);
/* The text of a PDF, or of one page (page 0: all). */
char *t_pdf_text(const char *path, int page);
/* pdftotext splits where glyphs are kerned: compare without spaces. */
gboolean t_contains(const char *hay, const char *needle);
/* What the QR code on page 1 of a PDF says, read as a phone would:
 * rendered at 150 dpi, decoded by zbarimg. NULL when there is none. */
char *t_qr(const char *pdf, const char *tmpdir);
/* The structure tree of a PDF in the tree's order, a line per element:
 * "depth /Type lang=... alt=..." (tests/structtree.jq); the caller frees
 * it with g_strfreev. */
char **t_pdf_tree(const char *pdf);
/* Fails unless pdfinfo says the PDF is tagged and qpdf --check finds
 * nothing wrong in it. */
void t_pdf_assert_tagged(const char *pdf);
/* The value after key= ("lang=", "alt=") in a line of t_pdf_tree(),
 * without qpdf's "u:"; the caller frees it with g_free. */
char *t_tree_attr(const char *line, const char *key);
/* Every distinct picto.* description of a language, as its UI strings
 * file has it; the caller frees it with g_hash_table_destroy. */
GHashTable *t_picto_descriptions(const char *lang);
/* The number of pages of a PDF. */
int t_pdf_pages(const char *path);
gint t_cmp_str(gconstpointer, gconstpointer);

#endif
