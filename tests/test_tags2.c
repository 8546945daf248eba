/*
 * Tagged printables besides the take-home sheet, read back with qpdf
 * (--check, --json with tests/structtree.jq) and pdfinfo: the evening's
 * invitation, statement cards, run-sheet, Eens/Oneens boards and
 * compliment cards, the mentor's tip cards and class checklist, a talk's
 * family sheet (one language and beside the Dutch) and mentor's guide,
 * and a class's printables joined by print opdracht and print gesprek.
 * Each in the tree's order with the roles it should have, every Figure
 * described in the language of the element it is in.
 */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define EPOCH "1700000000"

static char *tmp;		/* this run's scratch folder */

/* The language an element is read in: its /Lang, else its parent's. */
struct walker {
	const char *doc;
	char *lang[16];		/* by depth */
};

static const char *
lang_at(struct walker *w, const char *line)
{
	int depth = atoi(line);
	char *own = t_tree_attr(line, "lang=");

	if (depth < 0 || depth >= (int)G_N_ELEMENTS(w->lang))
		g_error("%s: an element %d deep", line, depth);
	g_free(w->lang[depth]);
	w->lang[depth] = *own != '\0' ? own : g_strdup(depth > 0 &&
	    w->lang[depth - 1] != NULL ? w->lang[depth - 1] : w->doc);
	if (*own == '\0')
		g_free(own);
	return w->lang[depth];
}

/*
 * pdf is tagged and clean; its tree holds want, lines "depth /Type" in
 * this order (others may come between); every Figure's alternative text
 * is a pictogram's description in the language it is read in, the
 * school's name (the logo) or an address (the QR code). Returns the
 * number of Figures.
 */
static guint
check_tree(const char *pdf, const char *doc_lang, const char *const *want)
{
	char **tree = t_pdf_tree(pdf);
	struct walker w = { doc_lang, { NULL } };
	guint next = 0, figures = 0;

	t_pdf_assert_tagged(pdf);
	g_assert_true(g_str_has_prefix(tree[0], "0 /Document"));
	for (guint i = 0; tree[i] != NULL; i++) {
		const char *lang = lang_at(&w, tree[i]);
		const char *type = strchr(tree[i], ' ') + 1;

		if (want[next] != NULL && g_str_has_prefix(tree[i], want[next]) &&
		    tree[i][strlen(want[next])] == ' ')
			next++;
		if (g_str_has_prefix(type, "/Figure ")) {
			GHashTable *d = t_picto_descriptions(lang);
			char *alt = t_tree_attr(tree[i], "alt=");

			if (!g_hash_table_contains(d, alt) &&
			    strcmp(alt, "Testschool De Brug") != 0 &&
			    !g_str_has_prefix(alt, "https://"))
				g_error("%s: a Figure's text %s is no "
				    "description in %s", pdf, alt, lang);
			figures++;
			g_free(alt);
			g_hash_table_destroy(d);
		}
	}
	if (want[next] != NULL)
		g_error("%s: no %s where it should be in the tree", pdf,
		    want[next]);
	for (guint i = 0; i < G_N_ELEMENTS(w.lang); i++)
		g_free(w.lang[i]);
	g_strfreev(tree);
	return figures;
}

/* The number of lines of the tree of pdf that begin with prefix. */
static guint
count(const char *pdf, const char *prefix)
{
	char **tree = t_pdf_tree(pdf);
	guint n = 0;

	for (guint i = 0; tree[i] != NULL; i++)
		n += g_str_has_prefix(tree[i], prefix) &&
		    (tree[i][strlen(prefix)] == ' ' ||
		    tree[i][strlen(prefix)] == '\0');
	g_strfreev(tree);
	return n;
}

static char *
fixture(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static void
test_invitation(void)
{
	/* the headline, the when/time/where box, the reply strip */
	const char *want[] = { "1 /H1", "1 /P", "1 /Sect", "2 /Figure",
	    "2 /P", "2 /Figure", "2 /P", "2 /Figure", "2 /P", "1 /Sect",
	    "2 /H2", "2 /P", NULL };
	const char *langs[] = { "nl", "ar" };

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("%s/avonden/"
		    "kennismaking-klas-1-uitnodiging.pdf", langs[i]);
		char *pdf = fixture(rel);

		g_assert_cmpuint(check_tree(pdf, langs[i], want), >=, 5);
		g_free(pdf);
		g_free(rel);
	}
}

static void
test_statements(void)
{
	const char *want[] = { "1 /H1", "1 /Sect", "2 /H2", "2 /P",
	    "2 /Figure", "2 /P", "2 /Figure", "1 /Sect", NULL };
	const char *langs[] = { "nl", "ar" };

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("%s/avonden/"
		    "kennismaking-klas-1-stellingen.pdf", langs[i]);
		char *pdf = fixture(rel);

		check_tree(pdf, langs[i], want);
		g_free(pdf);
		g_free(rel);
	}
}

static void
test_runsheet(void)
{
	const char *want[] = { "1 /H1", "1 /Table", "2 /TR", "3 /TH",
	    "3 /TH", "2 /TR", "3 /TD", "3 /TD", "1 /Table", "2 /TR", "3 /TH",
	    NULL };
	char *pdf = fixture("nl/avonden/kennismaking-klas-1-draaiboek.pdf");

	check_tree(pdf, "nl", want);
	/* a row of cells for each of the five blocks of the programme */
	g_assert_cmpuint(count(pdf, "2 /TR"), >=, 6);
	g_free(pdf);
}

static void
test_compliments(void)
{
	const char *want[] = { "1 /H1", "1 /Sect", "2 /H2", "2 /P", NULL };
	const char *langs[] = { "nl", "ar" };

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("%s/avonden/complimentenkaarten.pdf",
		    langs[i]);
		char *pdf = fixture(rel);

		check_tree(pdf, langs[i], want);
		/* eight cards over two pages: the second page's too */
		g_assert_cmpuint(count(pdf, "1 /Sect"), ==, 8);
		g_free(pdf);
		g_free(rel);
	}
}

static void
test_tipcards(void)
{
	const char *want[] = { "1 /H1", "1 /Sect", "2 /H2", "2 /P", NULL };
	char *pdf = fixture("nl/tips/tipkaarten.pdf");

	check_tree(pdf, "nl", want);
	g_free(pdf);
}

static void
test_checklist(void)
{
	const char *want[] = { "1 /H1", "1 /P", "1 /Table", "2 /TR", "3 /TH",
	    "3 /TH", "3 /TH", "3 /TH", NULL };
	const char *named[] = { "1 /H1", "1 /Table", "2 /TR", "3 /TH",
	    "2 /TR", "3 /TD", NULL };
	char *pdf = fixture("nl/opdrachten/veilig-klassenlijst.pdf");
	char *klas = g_build_filename(t_fixture(), "..", "klas", NULL);
	GPtrArray *files = t_files(klas);
	guint seen = 0;

	check_tree(pdf, "nl", want);
	/* the class's copy: a row with each pupil's name */
	for (guint i = 0; i < files->len; i++) {
		char *f;

		if (!g_str_has_suffix(g_ptr_array_index(files, i),
		    "-klassenlijst.pdf"))
			continue;
		f = g_build_filename(klas, g_ptr_array_index(files, i), NULL);
		check_tree(f, "nl", named);
		g_assert_cmpuint(count(f, "3 /TD"), ==, 4);
		seen++;
		g_free(f);
	}
	g_assert_cmpuint(seen, >=, 1);
	g_ptr_array_free(files, TRUE);
	g_free(klas);
	g_free(pdf);
}

static void
test_talk_family(void)
{
	/* the title, the box, the intro, the assignments looked back at,
	 * the questions under their headings */
	const char *want[] = { "1 /H1", "1 /Figure", "1 /Sect", "2 /H2",
	    "2 /P", "1 /P", "1 /H2", "1 /L", "2 /LI", "3 /LBody",
	    "3 /Figure", "1 /H2", "1 /Figure", "1 /P", NULL };
	const char *langs[] = { "nl", "ar" };

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("%s/gesprekken/"
		    "sectorkeuze-voorbereiding.pdf", langs[i]);
		char *pdf = fixture(rel);

		g_assert_cmpuint(check_tree(pdf, langs[i], want), >=, 5);
		g_free(pdf);
		g_free(rel);
	}
}

/* Beside the Dutch: each Dutch element says so, and is read after its
 * Arabic one; the Dutch pictograms are described in Dutch. */
static void
test_talk_bilingual(void)
{
	/* "lang= alt=": no /Lang of its own, the document's Arabic */
	const char *want[] = { "1 /H1 lang= alt=", "1 /Figure lang= alt=",
	    "1 /H1 lang=u:nl", "1 /Figure lang=u:nl", "1 /Sect lang= alt=",
	    "1 /Sect lang=u:nl", "1 /L", "2 /LI lang= alt=",
	    "2 /LI lang=u:nl", NULL };
	char *pdf = fixture("ar/gesprekken/sectorkeuze-voorbereiding."
	    "ar-nl.pdf");
	char **tree = t_pdf_tree(pdf);
	guint next = 0;

	for (guint i = 0; tree[i] != NULL && want[next] != NULL; i++)
		if (g_str_has_prefix(tree[i], want[next]))
			next++;
	g_assert_null(want[next]);
	/* the Figures, each in the language it is read in */
	{
		const char *roles[] = { "1 /H1", "1 /Sect", "1 /L", NULL };

		check_tree(pdf, "ar", roles);
	}
	g_assert_cmpuint(count(pdf, "1 /H1 lang=u:nl alt="), ==, 1);
	g_strfreev(tree);
	g_free(pdf);
}

static void
test_talk_guide(void)
{
	const char *want[] = { "1 /H1", "1 /P", "1 /Sect", "2 /H2", "2 /L",
	    "3 /LI", "4 /LBody", "1 /Sect", "2 /H2", "2 /Table", "3 /TR",
	    "4 /TH", "4 /TH", "4 /TH", NULL };
	char *pdf = fixture("nl/gesprekken/sectorkeuze-gespreksleidraad.pdf");

	check_tree(pdf, "nl", want);
	g_free(pdf);
}

/* The boards: tests/site's evening with a debate in its programme. The
 * word in the other languages under each is a Span for each language,
 * with its /Lang. */
static void
test_boards(void)
{
	char *content = g_build_filename(tmp, "site", NULL);
	char *out = g_build_filename(tmp, "boards-out", NULL);
	char *file = g_build_filename(content, "avonden",
	    "kennismaking-klas-1.nl.md", NULL);
	char *pdf = g_build_filename(out, "nl", "avonden",
	    "kennismaking-klas-1-borden.pdf", NULL);
	const char *cp[] = { "cp", "-r", "tests/site", content, NULL };
	const char *want[] = { "1 /Part", "2 /H1", "2 /Figure", "2 /P",
	    "3 /Span lang=u:ar", "3 /Span lang=u:ti",
	    "1 /Part", "2 /H1", "2 /Figure", "2 /P",
	    "3 /Span lang=u:ar", "3 /Span lang=u:ti", NULL };
	char *text = NULL, *err = NULL, **tree;
	GString *debate;
	guint thumbs = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
	debate = g_string_new(text);
	g_assert_cmpuint(g_string_replace(debate, "werkvorm: "
	    "gesprek-in-groepjes", "werkvorm: debat", 1), ==, 1);
	g_assert_true(g_file_set_contents(file, debate->str, -1, NULL));
	g_assert_cmpint(t_build(content, out, EPOCH, NULL, &err), ==, 0);
	/* drawn tagged the first time, with no warning */
	g_assert_null(strstr(err, "could not tag"));
	check_tree(pdf, "nl", want);
	tree = t_pdf_tree(pdf);
	for (guint i = 0; tree[i] != NULL; i++)
		thumbs += strstr(tree[i], "alt=u:een duim omhoog") != NULL ||
		    strstr(tree[i], "alt=u:een duim omlaag") != NULL;
	g_assert_cmpuint(thumbs, ==, 2);
	g_strfreev(tree);
	g_string_free(debate, TRUE);
	g_free(text);
	g_free(err);
	g_free(pdf);
	g_free(file);
	g_free(out);
	g_free(content);
}

static char *
class_csv(void)
{
	char *dir = g_build_filename(tmp, "lists", NULL);
	char *path = g_build_filename(dir, "klas.csv", NULL);

	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	t_write_file(dir, "klas.csv", "naam;taal\n\"Daan de Vries\";\n"
	    "\"Mohammed El Amrani\";ar\n\"Sanne Bakker\";nl\n");
	g_free(dir);
	return path;
}

/* keukentafel print opdracht|gesprek slug on tests/site into map. */
static void
print_class(const char *what, const char *slug, const char *map)
{
	char *list = class_csv(), *out = g_build_filename(tmp, "out", NULL);
	const char *argv[] = { KT, "print", what, slug, "-C", "tests/site",
	    "--klas", list, "--map", map, "-o", out, "--datum", "12-3-2027",
	    "--start", "15:00", "--duur", "15", NULL };
	const char *env[] = { "SOURCE_DATE_EPOCH", EPOCH, NULL };
	char *err = NULL;

	/* the talk's options only for a talk */
	if (strcmp(what, "gesprek") != 0)
		argv[12] = NULL;
	if (t_run(argv, env, NULL, &err) != 0)
		g_error("print %s %s: %s", what, slug, err);
	g_free(err);
	g_free(out);
	g_free(list);
}

/* A class's sheets joined into one file keep a Part a pupil. */
static void
test_class_sheets(void)
{
	char *map = g_build_filename(tmp, "class-sheets", NULL);
	char *pdf = g_build_filename(map, "trots-op-jezelf-werkbladen.pdf",
	    NULL);
	const char *want[] = { "1 /Part", "2 /H1", "2 /Sect", "2 /L",
	    "1 /Part", "2 /H1", "1 /Part", "2 /H1", NULL };

	print_class("opdracht", "trots-op-jezelf", map);
	check_tree(pdf, "nl", want);
	/* the Arabic pupil's sheet says it is in Arabic */
	g_assert_cmpuint(count(pdf, "1 /Part lang= alt="), ==, 2);
	g_assert_cmpuint(count(pdf, "1 /Part lang=u:ar alt="), ==, 1);
	g_free(pdf);
	g_free(map);
}

/* The schedule and each family's invitation, joined: the schedule's
 * table, then an H1 an invitation. */
static void
test_class_talks(void)
{
	char *map = g_build_filename(tmp, "class-talks", NULL);
	char *pdf = g_build_filename(map, "sectorkeuze-uitnodigingen.pdf",
	    NULL);
	const char *want[] = { "1 /H1", "1 /Table", "2 /TR", "3 /TH",
	    "2 /TR", "3 /TD", "1 /H1", "1 /Sect", "1 /L", "1 /H1", "1 /H1",
	    NULL };

	print_class("gesprek", "sectorkeuze", map);
	check_tree(pdf, "nl", want);
	/* the schedule's title and one for each invitation; the Arabic
	 * one's in Arabic (its file's language, kept in the join) beside
	 * its Dutch */
	g_assert_cmpuint(count(pdf, "1 /H1 lang= alt="), ==, 3);
	g_assert_cmpuint(count(pdf, "1 /H1 lang=u:ar alt="), ==, 1);
	g_assert_cmpuint(count(pdf, "1 /H1 lang=u:nl alt="), ==, 1);
	g_free(pdf);
	g_free(map);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-tags2-XXXXXX", NULL);
	g_test_add_func("/tags2/invitation", test_invitation);
	g_test_add_func("/tags2/statements", test_statements);
	g_test_add_func("/tags2/runsheet", test_runsheet);
	g_test_add_func("/tags2/boards", test_boards);
	g_test_add_func("/tags2/compliments", test_compliments);
	g_test_add_func("/tags2/tipcards", test_tipcards);
	g_test_add_func("/tags2/checklist", test_checklist);
	g_test_add_func("/tags2/talk-family", test_talk_family);
	g_test_add_func("/tags2/talk-bilingual", test_talk_bilingual);
	g_test_add_func("/tags2/talk-guide", test_talk_guide);
	g_test_add_func("/tags2/class-sheets", test_class_sheets);
	g_test_add_func("/tags2/class-talks", test_class_talks);
	r = g_test_run();
	{
		const char *rm[] = { "rm", "-rf", tmp, NULL };

		t_run(rm, NULL, NULL, NULL);
	}
	g_free(tmp);
	return r;
}
