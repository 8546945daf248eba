/*
 * Tagged sheets, read back with other tools than the ones that wrote
 * them: pdfinfo (Tagged, -struct-text), qpdf (--check, --json with
 * tests/structtree.jq for /Alt and /Lang, the form fields), pdftoppm (an
 * unfilled field prints nothing). On single sheets cut from their chunk,
 * on a bilingual sheet and on a year's bundle joined from chunks.
 */
#include <glib.h>
#include <string.h>

#include "util.h"

static char *
path(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static char *
run_out(const char *const *argv)
{
	char *out = NULL;

	g_assert_cmpint(t_run(argv, NULL, &out, NULL), ==, 0);
	return out;
}

/* The texts of -struct-text's lines below elements of type, in order. */
static GPtrArray *
texts_of(const char *pdf, const char *type)
{
	const char *argv[] = { "pdfinfo", "-struct-text", pdf, NULL };
	char *out = run_out(argv);
	char **lines = g_strsplit(out, "\n", -1);
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++) {
		char *t = g_strstrip(g_strdup(lines[i]));

		if (g_str_has_prefix(t, type) && t[strlen(type)] == ' ') {
			char *n = g_strstrip(g_strdup(lines[i + 1]));

			if (n[0] == '"')
				g_ptr_array_add(texts, g_strndup(n + 1,
				    strlen(n) - 2));
			g_free(n);
		}
		g_free(t);
	}
	g_strfreev(lines);
	g_free(out);
	return texts;
}

/*
 * A sheet in lang: tagged and clean; the title first (the document's
 * title, as H1); the box a section; the steps a list in order, each with
 * a pictogram whose alternative text is a description in the sheet's
 * language; the text of each step, in order, is the sheet's text.
 */
static void
check_sheet(const char *rel, const char *lang, const char *script_from,
    const char *script_to)
{
	char *pdf = path(rel);
	char **tree = t_pdf_tree(pdf);
	GHashTable *want = t_picto_descriptions(lang);
	GPtrArray *h1 = texts_of(pdf, "H1"), *body = texts_of(pdf, "LBody");
	char *all = t_pdf_text(pdf, 0);
	const char *rest = all;
	guint figures = 0, items = 0, terms = 0, sect = 0;

	t_pdf_assert_tagged(pdf);
	g_assert_true(g_str_has_prefix(tree[0], "0 /Document"));
	g_assert_true(g_str_has_prefix(tree[1], "1 /Part"));
	g_assert_true(g_str_has_prefix(tree[2], "2 /H1"));
	g_assert_cmpuint(h1->len, ==, 1);
	for (guint i = 0; tree[i] != NULL; i++) {
		if (g_str_has_prefix(tree[i], "2 /Sect"))
			sect++;
		if (g_str_has_prefix(tree[i], "3 /LI"))
			items++;
		/* the hard words: a list in a section */
		if (g_str_has_prefix(tree[i], "4 /LI")) {
			g_assert_true(g_str_has_prefix(tree[i - 1], "3 /L") ||
			    g_str_has_prefix(tree[i - 1], "5 /LBody"));
			terms++;
		}
		if (g_str_has_prefix(tree[i], "4 /Figure")) {
			char *alt = t_tree_attr(tree[i], "alt=");
			gunichar c = g_utf8_get_char(alt);

			g_assert_true(g_str_has_prefix(tree[i - 1], "3 /LI"));
			if (!g_hash_table_contains(want, alt))
				g_error("%s: %s is no description in %s", rel,
				    alt, lang);
			g_assert_cmpuint(c, >=, g_utf8_get_char(script_from));
			g_assert_cmpuint(c, <=, g_utf8_get_char(script_to));
			figures++;
			g_free(alt);
		}
	}
	g_assert_cmpuint(figures, ==, items);
	g_assert_cmpuint(items + terms, ==, body->len);
	g_assert_cmpuint(items, >=, 3);
	g_assert_cmpuint(sect, >=, 1);
	/* the steps in the tree's order are in the page's order */
	for (guint i = 0; i < items; i++) {
		char *first = g_strndup(g_ptr_array_index(body, i), 12);
		const char *at;
		char *t = g_strdelimit(first, ".", ' ');

		at = strstr(rest, g_strstrip(t));
		if (at == NULL)
			g_error("%s: step %u (%s) is not after step %u", rel,
			    i + 1, t, i);
		rest = at;
		g_free(first);
	}
	g_free(all);
	g_ptr_array_free(h1, TRUE);
	g_ptr_array_free(body, TRUE);
	g_hash_table_destroy(want);
	g_strfreev(tree);
	g_free(pdf);
}

static void
test_sheet_nl(void)
{
	check_sheet("nl/opdrachten/trots-op-jezelf.pdf", "nl", "A", "z");
}

static void
test_sheet_ar(void)
{
	check_sheet("ar/opdrachten/trots-op-jezelf.pdf", "ar", "\u0600",
	    "\u06ff");
}

static void
test_sheet_ti(void)
{
	check_sheet("ti/opdrachten/trots-op-jezelf.pdf", "ti", "\u1200",
	    "\u137f");
}

/*
 * Beside the Dutch: each step twice, a list item in Arabic and one in
 * Dutch (/Lang nl); its pictogram, drawn once in the band, is a Figure
 * in the Arabic item described in Arabic (on the front: on a later page
 * cairo 1.16 cannot tag it, and it is decoration there).
 */
static void
test_bilingual(void)
{
	char *pdf = path("ar/opdrachten/trots-op-jezelf.ar-nl.pdf");
	char **tree = t_pdf_tree(pdf);
	GHashTable *ar = t_picto_descriptions("ar");
	guint in_ar = 0, in_nl = 0, figures = 0;

	t_pdf_assert_tagged(pdf);
	for (guint i = 0; tree[i] != NULL; i++) {
		char *lang, *alt;

		if (g_str_has_prefix(tree[i], "3 /LI")) {
			lang = t_tree_attr(tree[i], "lang=");
			if (strcmp(lang, "nl") == 0)
				in_nl++;
			else
				in_ar++;
			g_free(lang);
		}
		if (!g_str_has_prefix(tree[i], "4 /Figure"))
			continue;
		lang = t_tree_attr(tree[i - 1], "lang=");
		alt = t_tree_attr(tree[i], "alt=");
		g_assert_cmpstr(lang, ==, "");
		g_assert_true(g_hash_table_contains(ar, alt));
		figures++;
		g_free(lang);
		g_free(alt);
	}
	g_assert_cmpuint(in_ar, >=, 3);
	g_assert_cmpuint(in_ar, ==, in_nl);
	g_assert_cmpuint(figures, >=, 1);
	g_assert_cmpuint(figures, <=, in_ar);
	g_hash_table_destroy(ar);
	g_strfreev(tree);
	g_free(pdf);
}

/* What the catalog says: the language, the title shown, marked. */
static void
test_catalog(void)
{
	char *pdf = path("ti/opdrachten/trots-op-jezelf.pdf");
	const char *argv[] = { "sh", "-c", "qpdf --json --json-key=qpdf \"$0\""
	    " | jq -c '.qpdf[1] as $o | $o[\"obj:\" + "
	    "$o.trailer.value[\"/Root\"]].value | [.\"/Lang\", "
	    ".\"/ViewerPreferences\".\"/DisplayDocTitle\", "
	    ".\"/MarkInfo\".\"/Marked\"]'", pdf, NULL };
	char *out = run_out(argv);

	g_assert_cmpstr(g_strchomp(out), ==, "[\"u:ti\",true,true]");
	g_free(out);
	g_free(pdf);
}

/*
 * Each field of pdf, as qpdf lists them ("name page /Tx" lines), is the
 * content of a Form element in the tree that its widget's /StructParent
 * leads back to, on the same page (tests/forms.jq).
 */
static void
check_forms(const char *pdf, const char *fields)
{
	const char *argv[] = { "sh", "-c", "qpdf --json --json-key=qpdf "
	    "\"$0\" | jq -r -f tests/forms.jq", pdf, NULL };
	char *forms = run_out(argv);
	char **lines = g_strsplit(fields, "\n", -1);
	guint n = 0;

	for (char **l = lines; *l != NULL && **l != '\0'; l++, n++) {
		char *want = g_strdup(*l);

		strcpy(strrchr(want, ' '), " ok");
		if (strstr(forms, want) == NULL)
			g_error("%s: no Form element for %s in:\n%s", pdf, *l,
			    forms);
		g_free(want);
	}
	g_assert_cmpuint(n, >=, 1);
	g_strfreev(lines);
	g_free(forms);
}

/*
 * A year's bundle joined from chunks: a Part per sheet in the order of
 * the bookmarks, each opening with its title; the structure and the
 * fields of every sheet survive, one field per sheet with its own name,
 * each in its Form element; the same in a single sheet cut out.
 */
static void
test_bundle(void)
{
	char *dir = g_dir_make_tmp("kt-tags-XXXXXX", NULL);
	char *out = g_build_filename(dir, "out", NULL);
	char *pdf = g_build_filename(out, "nl/opdrachten/leerjaar-1.pdf", NULL);
	char *one = g_build_filename(out, "nl/opdrachten/veilig.pdf", NULL);
	const char *outline[] = { "qpdf", "--json", "--json-key=outlines", pdf,
	    NULL };
	const char *form[] = { "sh", "-c", "qpdf --json --json-key=acroform "
	    "\"$0\" | jq -r '.acroform.fields[] | \"\\(.fullname) "
	    "\\(.pageposfrom1) \\(.fieldtype)\"'", pdf, NULL };
	const char *form1[] = { "sh", "-c", "qpdf --json --json-key=acroform "
	    "\"$0\" | jq -r '.acroform.fields[] | \"\\(.fullname) "
	    "\\(.pageposfrom1) \\(.fieldtype)\"'", one, NULL };
	GPtrArray *h1;
	char **tree, *marks, *fields, *fields1;
	guint parts = 0;

	g_assert_cmpint(t_build("tests/site", out, "1700000000", NULL, NULL),
	    ==, 0);
	t_pdf_assert_tagged(pdf);
	t_pdf_assert_tagged(one);
	tree = t_pdf_tree(pdf);
	for (guint i = 0; tree[i] != NULL; i++)
		parts += g_str_has_prefix(tree[i], "1 /Part");
	h1 = texts_of(pdf, "H1");
	marks = run_out(outline);
	g_assert_cmpuint(parts, ==, 2);
	g_assert_cmpuint(h1->len, ==, 2);
	/* the bookmarks' titles, in the order of the Parts */
	g_assert_true(strstr(marks, g_ptr_array_index(h1, 0)) <
	    strstr(marks, g_ptr_array_index(h1, 1)));
	fields = run_out(form);
	fields1 = run_out(form1);
	/* the box on each sheet's front: whom to give it back to and by
	 * when are lines to write on (no --mentor, no --datum here) */
	g_assert_cmpstr(fields, ==, "trots-op-jezelf-mentor 1 /Tx\n"
	    "trots-op-jezelf-date 1 /Tx\nveilig-mentor 3 /Tx\n"
	    "veilig-date 3 /Tx\n");
	g_assert_cmpstr(fields1, ==, "veilig-mentor 1 /Tx\nveilig-date 1 /Tx\n");
	check_forms(pdf, fields);
	check_forms(one, fields1);
	g_free(fields);
	g_free(fields1);
	g_free(marks);
	g_ptr_array_free(h1, TRUE);
	g_strfreev(tree);
	g_free(one);
	g_free(pdf);
	g_free(out);
	{
		const char *rm[] = { "rm", "-rf", dir, NULL };

		g_assert_cmpint(t_run(rm, NULL, NULL, NULL), ==, 0);
	}
	g_free(dir);
}

/* An unfilled field prints nothing: the page with its widgets is the
 * page without them, pixel for pixel. */
static void
test_field_prints_nothing(void)
{
	char *dir = g_dir_make_tmp("kt-tags-XXXXXX", NULL);
	char *out = g_build_filename(dir, "out", NULL);
	char *pdf = g_build_filename(out, "nl/opdrachten/veilig.pdf", NULL);
	char *a = g_build_filename(dir, "with", NULL);
	char *b = g_build_filename(dir, "without", NULL);
	const char *with[] = { "pdftoppm", "-r", "60", "-png", "-singlefile",
	    "-f", "1", "-l", "1", pdf, a, NULL };
	const char *without[] = { "pdftoppm", "-r", "60", "-png",
	    "-singlefile", "-f", "1", "-l", "1", "-hide-annotations", pdf, b,
	    NULL };
	char *pa = g_strconcat(a, ".png", NULL), *pb = g_strconcat(b, ".png",
	    NULL), *da = NULL, *db = NULL;
	gsize la = 0, lb = 0;

	g_assert_cmpint(t_build("tests/site", out, "1700000000", NULL, NULL),
	    ==, 0);
	g_assert_cmpint(t_run(with, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(without, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(pa, &da, &la, NULL));
	g_assert_true(g_file_get_contents(pb, &db, &lb, NULL));
	g_assert_cmpuint(la, ==, lb);
	g_assert_true(memcmp(da, db, la) == 0);
	g_free(da);
	g_free(db);
	g_free(pa);
	g_free(pb);
	g_free(a);
	g_free(b);
	g_free(pdf);
	g_free(out);
	{
		const char *rm[] = { "rm", "-rf", dir, NULL };

		g_assert_cmpint(t_run(rm, NULL, NULL, NULL), ==, 0);
	}
	g_free(dir);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/tags/sheet-nl", test_sheet_nl);
	g_test_add_func("/tags/sheet-ar", test_sheet_ar);
	g_test_add_func("/tags/sheet-ti", test_sheet_ti);
	g_test_add_func("/tags/bilingual", test_bilingual);
	g_test_add_func("/tags/catalog", test_catalog);
	g_test_add_func("/tags/bundle", test_bundle);
	g_test_add_func("/tags/field-prints-nothing",
	    test_field_prints_nothing);
	return g_test_run();
}
